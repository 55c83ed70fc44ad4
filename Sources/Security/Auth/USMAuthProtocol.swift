public import SNMPSMI

/// A USM authentication protocol, identified by its OID (`usmUserAuthProtocol`, RFC 3414 §5, RFC 7860 §4).
///
/// Unknown OIDs survive as values; using one for a message throws ``USMError/Code-swift.struct/unsupportedAuthProtocol``.
///
/// ```swift
/// let auth = USMAuthProtocol.hmacSHA256   // usmHMAC192SHA256AuthProtocol, 24-byte MAC
/// auth.macLength                          // 24
/// ```
public struct USMAuthProtocol: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The protocol's OBJECT IDENTIFIER.
    public var rawValue: ObjectIdentifier
    /// Wraps an OID.
    public init(rawValue: ObjectIdentifier) { self.rawValue = rawValue }

    /// usmNoAuthProtocol.
    public static let none = USMAuthProtocol(rawValue: [1, 3, 6, 1, 6, 3, 10, 1, 1, 1])
    /// usmHMACMD5AuthProtocol (RFC 3414 §6): HMAC-MD5-96.
    public static let hmacMD5 = USMAuthProtocol(rawValue: [1, 3, 6, 1, 6, 3, 10, 1, 1, 2])
    /// usmHMACSHAAuthProtocol (RFC 3414 §7): HMAC-SHA-96.
    public static let hmacSHA = USMAuthProtocol(rawValue: [1, 3, 6, 1, 6, 3, 10, 1, 1, 3])
    /// usmHMAC128SHA224AuthProtocol (RFC 7860).
    public static let hmacSHA224 = USMAuthProtocol(rawValue: [1, 3, 6, 1, 6, 3, 10, 1, 1, 4])
    /// usmHMAC192SHA256AuthProtocol (RFC 7860).
    public static let hmacSHA256 = USMAuthProtocol(rawValue: [1, 3, 6, 1, 6, 3, 10, 1, 1, 5])
    /// usmHMAC256SHA384AuthProtocol (RFC 7860).
    public static let hmacSHA384 = USMAuthProtocol(rawValue: [1, 3, 6, 1, 6, 3, 10, 1, 1, 6])
    /// usmHMAC384SHA512AuthProtocol (RFC 7860).
    public static let hmacSHA512 = USMAuthProtocol(rawValue: [1, 3, 6, 1, 6, 3, 10, 1, 1, 7])

    /// Every protocol this implementation can run.
    public static let allSupported: [USMAuthProtocol] = [.hmacMD5, .hmacSHA, .hmacSHA224, .hmacSHA256, .hmacSHA384, .hmacSHA512]

    var hashAlgorithm: HashAlgorithm? {
        switch self {
        case .hmacMD5: return .md5
        case .hmacSHA: return .sha1
        case .hmacSHA224: return .sha224
        case .hmacSHA256: return .sha256
        case .hmacSHA384: return .sha384
        case .hmacSHA512: return .sha512
        default: return nil
        }
    }

    /// `true` for usmNoAuthProtocol.
    public var isNone: Bool { self == .none }

    /// `true` when this implementation can run the protocol (or it is usmNoAuthProtocol).
    public var isSupported: Bool { isNone || hashAlgorithm != nil }

    /// Length of Ku / Kul in bytes (the digest length), or `nil` for none and unknown protocols.
    public var keyLength: Int? { hashAlgorithm?.length }

    /// Length of msgAuthenticationParameters: 12 for MD5/SHA-1 (RFC 3414), 16/24/32/48 for SHA-2 (RFC 7860 §4.2.1).
    public var macLength: Int? {
        switch self {
        case .hmacMD5, .hmacSHA: return 12
        case .hmacSHA224: return 16
        case .hmacSHA256: return 24
        case .hmacSHA384: return 32
        case .hmacSHA512: return 48
        default: return nil
        }
    }

    /// Net-SNMP's `-a` spelling (`MD5`, `SHA`, `SHA-224`, ...), or the OID.
    public var description: String {
        switch self {
        case .none: return "none"
        case .hmacMD5: return "MD5"
        case .hmacSHA: return "SHA"
        case .hmacSHA224: return "SHA-224"
        case .hmacSHA256: return "SHA-256"
        case .hmacSHA384: return "SHA-384"
        case .hmacSHA512: return "SHA-512"
        default: return rawValue.description
        }
    }

    /// Parses Net-SNMP's `-a` argument (case-insensitive: MD5, SHA, SHA1, SHA-1, SHA-224, SHA224, ...).
    public init?(netSNMPName name: String) {
        switch name.uppercased() {
        case "MD5": self = .hmacMD5
        case "SHA", "SHA1", "SHA-1": self = .hmacSHA
        case "SHA-224", "SHA224": self = .hmacSHA224
        case "SHA-256", "SHA256": self = .hmacSHA256
        case "SHA-384", "SHA384": self = .hmacSHA384
        case "SHA-512", "SHA512": self = .hmacSHA512
        default: return nil
        }
    }
}

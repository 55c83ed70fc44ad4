public import SNMPSMI

/// A USM privacy protocol, identified by its OID (`usmUserPrivProtocol`).
///
/// The wire never carries this OID; sender and receiver must agree on it, and for AES-192/256 also on the
/// key-extension algorithm. Naming follows Net-SNMP: `AES-192`/`AES-256` extend short keys the Blumenthal
/// way (draft-blumenthal-aes-usm-04), `AES-192-C`/`AES-256-C` the Reeder way (as in
/// draft-reeder-snmpv3-usm-3desede), with the OIDs Net-SNMP gives them.
///
/// ```swift
/// let priv = USMPrivProtocol.aes256Reeder   // Net-SNMP "AES-256-C"
/// priv.keyLength                            // 32
/// ```
public struct USMPrivProtocol: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The protocol's OBJECT IDENTIFIER.
    public var rawValue: ObjectIdentifier
    /// Wraps an OID.
    public init(rawValue: ObjectIdentifier) { self.rawValue = rawValue }

    /// usmNoPrivProtocol.
    public static let none = USMPrivProtocol(rawValue: [1, 3, 6, 1, 6, 3, 10, 1, 2, 1])
    /// usmDESPrivProtocol: CBC-DES (RFC 3414 §8).
    public static let des = USMPrivProtocol(rawValue: [1, 3, 6, 1, 6, 3, 10, 1, 2, 2])
    /// usm3DESEDEPrivProtocol: CBC 3DES-EDE (draft-reeder-snmpv3-usm-3desede-00).
    public static let tripleDES = USMPrivProtocol(rawValue: [1, 3, 6, 1, 6, 3, 10, 1, 2, 3])
    /// usmAesCfb128Protocol: CFB128-AES-128 (RFC 3826).
    public static let aes128 = USMPrivProtocol(rawValue: [1, 3, 6, 1, 6, 3, 10, 1, 2, 4])
    /// Net-SNMP `AES-192`: CFB128-AES-192 with Blumenthal key extension.
    public static let aes192Blumenthal = USMPrivProtocol(rawValue: [1, 3, 6, 1, 4, 1, 14832, 1, 3])
    /// Net-SNMP `AES-256`: CFB128-AES-256 with Blumenthal key extension.
    public static let aes256Blumenthal = USMPrivProtocol(rawValue: [1, 3, 6, 1, 4, 1, 14832, 1, 4])
    /// Net-SNMP `AES-192-C`: CFB128-AES-192 with Reeder key extension.
    public static let aes192Reeder = USMPrivProtocol(rawValue: [1, 3, 6, 1, 4, 1, 9, 12, 6, 1, 1])
    /// Net-SNMP `AES-256-C`: CFB128-AES-256 with Reeder key extension.
    public static let aes256Reeder = USMPrivProtocol(rawValue: [1, 3, 6, 1, 4, 1, 9, 12, 6, 1, 2])

    /// Every protocol this implementation can run.
    public static let allSupported: [USMPrivProtocol] = [
        .des, .tripleDES, .aes128, .aes192Blumenthal, .aes256Blumenthal, .aes192Reeder, .aes256Reeder,
    ]

    /// How a localized key shorter than the cipher needs is lengthened.
    enum KeyExtension: Hashable, Sendable {
        /// Kul || H(Kul) || H(Kul || H(Kul)) ... (draft-blumenthal-aes-usm-04 §3.1.2.1).
        case blumenthal
        /// Kul || localize(P2K(Kul)) ... (draft-reeder-snmpv3-usm-3desede-00 §2.1).
        case reeder
    }

    enum Cipher: Hashable, Sendable {
        case desCBC, tripleDESCBC, aesCFB128(keyBytes: Int)
    }

    var cipher: Cipher? {
        switch self {
        case .des: return .desCBC
        case .tripleDES: return .tripleDESCBC
        case .aes128: return .aesCFB128(keyBytes: 16)
        case .aes192Blumenthal, .aes192Reeder: return .aesCFB128(keyBytes: 24)
        case .aes256Blumenthal, .aes256Reeder: return .aesCFB128(keyBytes: 32)
        default: return nil
        }
    }

    var keyExtension: KeyExtension? {
        switch self {
        case .aes192Blumenthal, .aes256Blumenthal: return .blumenthal
        case .aes192Reeder, .aes256Reeder, .tripleDES: return .reeder
        default: return nil
        }
    }

    /// `true` for usmNoPrivProtocol.
    public var isNone: Bool { self == .none }

    /// `true` when this implementation can run the protocol (or it is usmNoPrivProtocol).
    public var isSupported: Bool { isNone || cipher != nil }

    /// Bytes of localized key material the protocol uses: 16 for DES (key + pre-IV) and AES-128, 24 for
    /// AES-192, 32 for AES-256 and 3DES-EDE (three keys + pre-IV); `nil` for none and unknown protocols.
    public var keyLength: Int? {
        switch cipher {
        case .desCBC: return 16
        case .tripleDESCBC: return 32
        case .aesCFB128(let bytes): return bytes
        case .none: return nil
        }
    }

    /// Net-SNMP's `-x` spelling (`DES`, `AES`, `AES-192`, `AES-256-C`, ...), or the OID.
    public var description: String {
        switch self {
        case .none: return "none"
        case .des: return "DES"
        case .tripleDES: return "3DES"
        case .aes128: return "AES"
        case .aes192Blumenthal: return "AES-192"
        case .aes256Blumenthal: return "AES-256"
        case .aes192Reeder: return "AES-192-C"
        case .aes256Reeder: return "AES-256-C"
        default: return rawValue.description
        }
    }

    /// Parses Net-SNMP's `-x` argument (case-insensitive: DES, 3DES, AES, AES-128, AES-192, AES-256, AES-192-C, ...).
    public init?(netSNMPName name: String) {
        switch name.uppercased() {
        case "DES": self = .des
        case "3DES", "3DESEDE": self = .tripleDES
        case "AES", "AES128", "AES-128": self = .aes128
        case "AES192", "AES-192": self = .aes192Blumenthal
        case "AES256", "AES-256": self = .aes256Blumenthal
        case "AES192C", "AES-192-C": self = .aes192Reeder
        case "AES256C", "AES-256-C": self = .aes256Reeder
        default: return nil
        }
    }
}

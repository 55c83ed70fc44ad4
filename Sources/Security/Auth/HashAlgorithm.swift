/// The hash functions behind USM authentication and key derivation (RFC 3414, RFC 7860).
enum HashAlgorithm: Hashable, Sendable {
    case md5, sha1, sha224, sha256, sha384, sha512

    /// The digest length L in bytes, which is also the length of Ku and Kul (RFC 7860 §4.1).
    var length: Int {
        switch self {
        case .md5: return 16
        case .sha1: return 20
        case .sha224: return 28
        case .sha256: return 32
        case .sha384: return 48
        case .sha512: return 64
        }
    }

    /// The name OpenSSL's HMAC implementation wants for its digest parameter.
    var openSSLName: String {
        switch self {
        case .md5: return "MD5"
        case .sha1: return "SHA1"
        case .sha224: return "SHA2-224"
        case .sha256: return "SHA2-256"
        case .sha384: return "SHA2-384"
        case .sha512: return "SHA2-512"
        }
    }
}

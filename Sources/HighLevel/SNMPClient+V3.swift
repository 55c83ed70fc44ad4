public import SNMPSecurity

extension SNMPClient {
    /// An SNMPv3 authentication protocol with its secret, for ``Version/v3(user:auth:priv:securityLevel:contextName:contextEngineID:engineID:securityName:)``.
    ///
    /// ```swift
    /// .sha256("authpassphrase")                 // passphrase (RFC 3414 A.2 password-to-key)
    /// .key(.hmacSHA256, .localizedKey(bytes))   // a key localized to the agent (Net-SNMP -3k)
    /// ```
    public struct Auth: Sendable, Hashable {
        /// The protocol.
        public var authProtocol: USMAuthProtocol
        /// The passphrase or key.
        public var secret: USMSecret?

        /// Creates an authentication setting.
        public init(_ authProtocol: USMAuthProtocol, _ secret: USMSecret?) {
            self.authProtocol = authProtocol
            self.secret = secret
        }

        /// No authentication.
        public static let none = Auth(.none, nil)
        /// HMAC-MD5-96 (RFC 3414).
        public static func md5(_ passphrase: String) -> Auth { Auth(.hmacMD5, .passphrase(passphrase)) }
        /// HMAC-SHA-96 (RFC 3414).
        public static func sha(_ passphrase: String) -> Auth { Auth(.hmacSHA, .passphrase(passphrase)) }
        /// HMAC-SHA-224 (RFC 7860).
        public static func sha224(_ passphrase: String) -> Auth { Auth(.hmacSHA224, .passphrase(passphrase)) }
        /// HMAC-SHA-256 (RFC 7860).
        public static func sha256(_ passphrase: String) -> Auth { Auth(.hmacSHA256, .passphrase(passphrase)) }
        /// HMAC-SHA-384 (RFC 7860).
        public static func sha384(_ passphrase: String) -> Auth { Auth(.hmacSHA384, .passphrase(passphrase)) }
        /// HMAC-SHA-512 (RFC 7860).
        public static func sha512(_ passphrase: String) -> Auth { Auth(.hmacSHA512, .passphrase(passphrase)) }
        /// Any protocol with a master key (Ku) or localized key (Kul) instead of a passphrase.
        public static func key(_ authProtocol: USMAuthProtocol, _ key: USMSecret) -> Auth { Auth(authProtocol, key) }
    }

    /// An SNMPv3 privacy protocol with its secret.
    ///
    /// `aes192`/`aes256` use the key extension of Net-SNMP's `AES-192`/`AES-256` (Blumenthal draft);
    /// `aes192Cisco`/`aes256Cisco` that of `AES-192-C`/`AES-256-C` (Reeder draft), which Cisco devices use.
    public struct Priv: Sendable, Hashable {
        /// The protocol.
        public var privProtocol: USMPrivProtocol
        /// The passphrase or key.
        public var secret: USMSecret?
        /// Whether the AES-192/256 key extension is unknown and detected (``aes192Auto(_:)``, ``aes256Auto(_:)``).
        public var detectsKeyExtension = false

        /// Creates a privacy setting.
        public init(_ privProtocol: USMPrivProtocol, _ secret: USMSecret?) {
            self.privProtocol = privProtocol
            self.secret = secret
        }

        /// AES-192 whose key extension is not known: Blumenthal first, Reeder once if the agent cannot
        /// decrypt, the working one remembered per engine ID (see ``SNMPClient/Configuration/detectsKeyExtension``).
        public static func aes192Auto(_ passphrase: String) -> Priv {
            var priv = Priv(.aes192Blumenthal, .passphrase(passphrase))
            priv.detectsKeyExtension = true
            return priv
        }

        /// AES-256 whose key extension is not known (see ``aes192Auto(_:)``).
        public static func aes256Auto(_ passphrase: String) -> Priv {
            var priv = Priv(.aes256Blumenthal, .passphrase(passphrase))
            priv.detectsKeyExtension = true
            return priv
        }

        /// No privacy.
        public static let none = Priv(.none, nil)
        /// CBC-DES (RFC 3414).
        public static func des(_ passphrase: String) -> Priv { Priv(.des, .passphrase(passphrase)) }
        /// 3DES-EDE (draft-reeder-snmpv3-usm-3desede).
        public static func tripleDES(_ passphrase: String) -> Priv { Priv(.tripleDES, .passphrase(passphrase)) }
        /// CFB128-AES-128 (RFC 3826).
        public static func aes128(_ passphrase: String) -> Priv { Priv(.aes128, .passphrase(passphrase)) }
        /// AES-192 with the Blumenthal key extension (Net-SNMP `AES-192`).
        public static func aes192(_ passphrase: String) -> Priv { Priv(.aes192Blumenthal, .passphrase(passphrase)) }
        /// AES-256 with the Blumenthal key extension (Net-SNMP `AES-256`).
        public static func aes256(_ passphrase: String) -> Priv { Priv(.aes256Blumenthal, .passphrase(passphrase)) }
        /// AES-192 with the Reeder key extension (Net-SNMP `AES-192-C`, Cisco).
        public static func aes192Cisco(_ passphrase: String) -> Priv { Priv(.aes192Reeder, .passphrase(passphrase)) }
        /// AES-256 with the Reeder key extension (Net-SNMP `AES-256-C`, Cisco).
        public static func aes256Cisco(_ passphrase: String) -> Priv { Priv(.aes256Reeder, .passphrase(passphrase)) }
        /// Any protocol with a master key (Ku) or localized key (Kul) instead of a passphrase.
        public static func key(_ privProtocol: USMPrivProtocol, _ key: USMSecret) -> Priv { Priv(privProtocol, key) }
    }
}

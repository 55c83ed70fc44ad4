public import SNMPSMI

/// A USM user (RFC 3414 §2.1, a row of usmUserTable) as configured locally.
///
/// ```swift
/// let user = USMUser(userName: "usr-sha256-aes128",
///                    auth: .hmacSHA256, authSecret: .passphrase("authkey1234"),
///                    priv: .aes128, privSecret: .passphrase("privkey1234"))
/// ```
public struct USMUser: Hashable, Sendable {
    /// `usmUserName`, as it travels in msgUserName.
    public var userName: OctetString
    /// `usmUserSecurityName`, the model-independent name access control sees.
    public var securityName: String
    /// `usmUserAuthProtocol`.
    public var authProtocol: USMAuthProtocol
    /// The authentication passphrase or key; `nil` without authentication.
    public var authSecret: USMSecret?
    /// `usmUserPrivProtocol`.
    public var privProtocol: USMPrivProtocol
    /// The privacy passphrase or key; `nil` without privacy.
    public var privSecret: USMSecret?

    /// Creates a user; the security name defaults to the user name read as UTF-8.
    public init(userName: OctetString, securityName: String? = nil,
                auth: USMAuthProtocol = .none, authSecret: USMSecret? = nil,
                priv: USMPrivProtocol = .none, privSecret: USMSecret? = nil) {
        self.userName = userName
        self.securityName = securityName ?? userName.utf8String ?? userName.description
        self.authProtocol = auth
        self.authSecret = authSecret
        self.privProtocol = priv
        self.privSecret = privSecret
    }

    /// The highest level the user can do.
    public var maximumSecurityLevel: SecurityLevel {
        if authProtocol.isNone { return .noAuthNoPriv }
        return privProtocol.isNone ? .authNoPriv : .authPriv
    }

    /// `true` when the user's protocols offer `level` (RFC 3414 §3.2 step 5).
    public func supports(_ level: SecurityLevel) -> Bool { level <= maximumSecurityLevel }
}

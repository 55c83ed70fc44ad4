import NIOCore
public import SNMPSMI

/// What the USM remembers about an incoming message so the answer goes out with the same user, keys and
/// level (RFC 3414 §3.2 step 2, `securityStateReference` of RFC 3411 §4.5).
///
/// Equality ignores the keys, which are derived from the other fields.
public struct USMSecurityStateReference: Hashable, Sendable {
    /// msgUserName of the incoming message.
    public let userName: OctetString
    /// The security name it maps to (empty for the anonymous discovery user).
    public let securityName: String
    /// The engine authoritative for the answer: msgAuthoritativeEngineID of an authenticated message, or this
    /// engine's own ID for the unauthenticated reference that Reports go out with (we are authoritative for them).
    public let securityEngineID: OctetString
    /// The level the message arrived at.
    public let securityLevel: SecurityLevel
    let keys: USMLocalizedKeys?
    let privProtocol: USMPrivProtocol

    init(userName: OctetString, securityName: String, securityEngineID: OctetString, securityLevel: SecurityLevel,
         keys: USMLocalizedKeys?, privProtocol: USMPrivProtocol) {
        self.userName = userName
        self.securityName = securityName
        self.securityEngineID = securityEngineID
        self.securityLevel = securityLevel
        self.keys = keys
        self.privProtocol = privProtocol
    }

    /// The same reference at another level (Reports go out at noAuthNoPriv or authNoPriv, RFC 3414 §3.2).
    public func with(securityLevel level: SecurityLevel) -> USMSecurityStateReference {
        USMSecurityStateReference(userName: userName, securityName: securityName, securityEngineID: securityEngineID,
                                  securityLevel: min(level, securityLevel), keys: keys, privProtocol: privProtocol)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.userName == rhs.userName && lhs.securityEngineID == rhs.securityEngineID
            && lhs.securityLevel == rhs.securityLevel && lhs.securityName == rhs.securityName
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(userName)
        hasher.combine(securityEngineID)
        hasher.combine(securityLevel)
    }
}

/// An incoming message the USM accepted (RFC 3414 §3.2 step 9).
public struct USMIncomingMessage: Sendable {
    /// The decoded msgSecurityParameters.
    public let securityParameters: UsmSecurityParameters
    /// User, engine and level, for access control and for sending the answer.
    public let stateReference: USMSecurityStateReference
    /// The (decrypted) scoped PDU.
    public let scopedPDU: ScopedPDU

    /// securityEngineID (msgAuthoritativeEngineID).
    public var securityEngineID: OctetString { securityParameters.authoritativeEngineID }
    /// securityName.
    public var securityName: String { stateReference.securityName }
    /// The level the message was authenticated and encrypted at.
    public var securityLevel: SecurityLevel { stateReference.securityLevel }
}

extension SecurityLevel {
    /// The level `flags` ask for; `nil` for privacy without authentication (RFC 3412 §7.2 step 5).
    public init?(flags: MessageFlags) {
        guard flags.isValidSecurityLevel else { return nil }
        if flags.contains(.privacy) {
            self = .authPriv
        } else {
            self = flags.contains(.authentication) ? .authNoPriv : .noAuthNoPriv
        }
    }

    /// The auth and priv flags for this level (no reportable flag).
    public var messageFlags: MessageFlags {
        switch self {
        case .noAuthNoPriv: return []
        case .authNoPriv: return [.authentication]
        case .authPriv: return [.authentication, .privacy]
        }
    }
}

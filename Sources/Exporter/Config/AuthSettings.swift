import SNMP

/// snmp.yml's protocol names and how an auth becomes our client's version and credentials.
enum AuthSettings {
    static let authProtocols: [String: @Sendable (String) -> SNMPClient.Auth] = [
        "MD5": { .md5($0) }, "SHA": { .sha($0) }, "SHA224": { .sha224($0) }, "SHA256": { .sha256($0) },
        "SHA384": { .sha384($0) }, "SHA512": { .sha512($0) },
    ]

    /// gosnmp's AES192/AES256 are the Blumenthal key extension and AES192C/AES256C the Reeder (Cisco) one.
    static let privProtocols: [String: @Sendable (String) -> SNMPClient.Priv] = [
        "DES": { .des($0) }, "AES": { .aes128($0) }, "AES192": { .aes192($0) }, "AES256": { .aes256($0) },
        "AES192C": { .aes192Cisco($0) }, "AES256C": { .aes256Cisco($0) },
    ]
}

extension AuthConfiguration {
    /// The client version with credentials; `contextName` overrides the auth's context (the `snmp_context`
    /// URL parameter).
    func clientVersion(contextName override: String? = nil, contextEngineID: [UInt8]? = nil) -> SNMPClient.Version {
        switch version {
        case 1: return .v1(community: community)
        case 3:
            let auth: SNMPClient.Auth
            let priv: SNMPClient.Priv
            let level: SecurityLevel
            switch securityLevel {
            case "authPriv":
                level = .authPriv
                auth = AuthSettings.authProtocols[authProtocol]?(password) ?? .none
                priv = AuthSettings.privProtocols[privProtocol]?(privPassword) ?? .none
            case "authNoPriv":
                level = .authNoPriv
                auth = AuthSettings.authProtocols[authProtocol]?(password) ?? .none
                priv = .none
            default:
                level = .noAuthNoPriv
                auth = .none
                priv = .none
            }
            return .v3(user: username, auth: auth, priv: priv, securityLevel: level,
                       contextName: override.flatMap { $0.isEmpty ? nil : $0 } ?? contextName,
                       contextEngineID: contextEngineID.map { OctetString($0) })
        default: return .v2c(community: community)
        }
    }
}

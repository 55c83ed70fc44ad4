import SNMPApplications

extension SNMPClient.Version {
    /// The target security and the USM user (v3 only) this version stands for.
    func targetSecurity() throws(SNMPError) -> (SNMPTarget.Security, USMUser?) {
        switch self {
        case .v1(let community):
            return (.community(.v1, OctetString(community)), nil)
        case .v2c(let community):
            return (.community(.v2c, OctetString(community)), nil)
        case .v3(let name, let auth, let priv, let level, let contextName, let contextEngineID, let engineID, let securityName):
            let user = USMUser(userName: OctetString(name), securityName: securityName,
                               auth: auth.authProtocol, authSecret: auth.secret,
                               priv: priv.privProtocol, privSecret: priv.secret)
            let securityLevel = level ?? user.maximumSecurityLevel
            guard user.supports(securityLevel) else {
                throw SNMPError(.invalidArgument, "\(securityLevel) needs authentication\(securityLevel == .authPriv ? " and privacy" : "") settings")
            }
            let parameters = USMTargetParameters(userName: user.userName, securityLevel: securityLevel,
                                                 contextName: OctetString(contextName), contextEngineID: contextEngineID,
                                                 authoritativeEngineID: engineID)
            return (.usm(parameters), user)
        }
    }
}

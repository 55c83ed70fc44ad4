import SNMPSMI
import SNMPSecurity
import SNMPDispatcher
import SNMPApplications

/// The agent's own directives: where it listens, its system group, its engine identity, where its
/// notifications go — and what happens to every other token.
extension SnmpdConfReader {
    mutating func applyAgent(_ keyword: String, token: String, _ arguments: [String], rest: String) throws(LineError) {
        switch keyword {
        case "agentaddress":
            for spec in arguments.joined(separator: ",").split(separator: ",") {
                addresses.append(try Self.listenAddress(String(spec)))
            }
        case "sysdescr", "syscontact", "sysname", "syslocation", "psyscontact", "psysname", "psyslocation":
            // snmpd: a value set here is fixed (notWritable); the p* forms set an initial, writable value.
            guard rest.utf8.count <= 255 else { throw LineError("\(token) token too long") }
            let name = keyword.hasPrefix("p") ? String(keyword.dropFirst()) : keyword
            switch name {
            case "sysdescr": configuration.system.sysDescr = rest
            case "syscontact": configuration.system.sysContact = rest
            case "sysname": configuration.system.sysName = rest
            default: configuration.system.sysLocation = rest
            }
            let arc: UInt32 = ["syscontact": 4, "sysname": 5, "syslocation": 6][name] ?? 1
            if keyword.hasPrefix("p") {
                configuration.readOnlySystemObjects.remove(arc)
            } else {
                configuration.readOnlySystemObjects.insert(arc)
            }
        case "sysobjectid":
            configuration.system.sysObjectID = try Self.oid(arguments[0])
        case "sysservices":
            guard let value = Int32(arguments[0]) else { throw LineError("sysServices must be a number") }
            configuration.system.sysServices = value
        case "authtrapenable":
            guard let value = Int(arguments[0]), value == 1 || value == 2 else {
                throw LineError("authtrapenable must be 1 or 2")
            }
            configuration.system.enableAuthenTraps = value == 1
        case "trapcommunity":
            trapCommunity = arguments[0]
        case "trapsink", "trap2sink", "informsink":
            try sink(keyword, arguments)
        case "trapsess":
            try trapSession(arguments)
        case "engineid":
            // snmpd: the engine ID is built from the text (RFC 3411 §5 format 4, enterprise 8072).
            guard !rest.isEmpty, rest.utf8.count <= 27 else { throw LineError("engineID text must have 1 to 27 octets") }
            configuration.engineID = OctetString([0x80, 0x00, 0x1F, 0x88, 0x04] + Array(rest.utf8))
        case "exactengineid":
            guard let engineID = EngineState.engineID(hex: arguments[0]) else {
                throw LineError("exactEngineID must be 5 to 32 octets of hex")
            }
            configuration.engineID = engineID
        case "engineidtype":
            guard let type = Int(arguments[0]), (1...3).contains(type) else {
                throw LineError("Unsupported enginedIDType, forcing IPv4")
            }
            engineIDType = type
        case "engineidnic":
            engineIDNic = arguments[0]
        case "persistentdir":
            configuration.stateDirectory = arguments[0]
        default:
            if let replacement = Self.retired[keyword] {
                report(.warning, "\(token) is swift-snmp's retired configuration format; write \(replacement). Line ignored.")
            } else if Self.unsupported.contains(keyword) {
                report(.warning, "\(token) is an snmpd directive snmp agent does not support; line ignored.")
            } else {
                report(.warning, "Unknown token: \(token).")
            }
        }
    }

    /// snmpd's agentaddress spec: `[TRANSPORT:]ADDRESS[:PORT]`, where a bare number is a port on every
    /// interface (`161` is `udp:0.0.0.0:161`, `udp6:161` is `udp6:[::]:161`).
    static func listenAddress(_ spec: String) throws(LineError) -> String {
        let lower = spec.lowercased()
        if lower.hasPrefix("tcp") || lower.hasPrefix("unix:") || lower.hasPrefix("dtls") || lower.hasPrefix("tls") {
            throw LineError("agentaddress \(spec): snmp agent listens on UDP only; address skipped")
        }
        var text = spec
        for prefix in ["udp:", "udp6:", "udpv6:", "udpipv6:"] where lower.hasPrefix(prefix) {
            let rest = spec.dropFirst(prefix.count)
            if let port = Int(rest), (0...65535).contains(port) {
                text = prefix == "udp:" ? "udp:0.0.0.0:\(port)" : "udp6:[::]:\(port)"
            }
        }
        if let port = Int(spec), (0...65535).contains(port) { text = "udp:0.0.0.0:\(port)" }
        do {
            _ = try AgentAddress(parsing: text, defaultPort: 161)
        } catch {
            throw LineError("bad agentaddress \(spec): \(error.reason)")
        }
        return text
    }

    /// `trapsink HOST [COMMUNITY [PORT]]`: v1 traps; trap2sink v2c traps; informsink v2c informs.
    private mutating func sink(_ keyword: String, _ arguments: [String]) throws(LineError) {
        let community = arguments.count > 1 ? arguments[1] : trapCommunity
        var host = arguments[0]
        if arguments.count > 2 {
            guard let port = Int(arguments[2]), (1...65535).contains(port) else { throw LineError("bad port \(arguments[2])") }
            host += ":\(port)"
        }
        let version: SNMPVersion = keyword == "trapsink" ? .v1 : .v2c
        addNotificationTarget(keyword, host: host, security: .community(version, OctetString(community)),
                              kind: keyword == "informsink" ? .inform : .trap)
    }

    /// `trapsess [-v 1|2c|3] [-c COMMUNITY] [-u USER -l LEVEL -a AUTH -A PASS -x PRIV -X PASS] [-n CONTEXT]
    /// [-e ENGINEID] [-Ci] [-r RETRIES] [-t TIMEOUT] HOST`. The v3 user is added to the agent's users.
    private mutating func trapSession(_ arguments: [String]) throws(LineError) {
        var rest = arguments[...]
        var version = SNMPVersion.v2c
        var community = trapCommunity
        var inform = false
        var user: String?
        var level: SecurityLevel?
        var auth = USMAuthProtocol.none, priv = USMPrivProtocol.none
        var authPass: String?, privPass: String?
        var context = ""
        var engineID: OctetString?
        while let word = rest.first, word.hasPrefix("-"), rest.count > 1 {
            rest = rest.dropFirst()
            if word == "-Ci" { inform = true; continue }
            guard let value = rest.popFirst() else { break }
            switch word {
            case "-v":
                switch value {
                case "1": version = .v1
                case "2c": version = .v2c
                case "3": version = .v3
                default: throw LineError("trapsess: bad version \(value)")
                }
            case "-c": community = value
            case "-u": user = value
            case "-l": level = try securityLevel(value)
            case "-a":
                guard let parsed = USMAuthProtocol(netSNMPName: value) else { throw LineError("trapsess: unknown authentication protocol (MD5, SHA, SHA-224, SHA-256, SHA-384, SHA-512)") }
                auth = parsed
            case "-A": authPass = value
            case "-x":
                guard let parsed = USMPrivProtocol(netSNMPName: value) else { throw LineError("trapsess: unknown privacy protocol (DES, 3DES, AES, AES-192, AES-256, AES-192-C, AES-256-C)") }
                priv = parsed
            case "-X": privPass = value
            case "-n": context = value
            case "-e":
                guard let parsed = EngineState.engineID(hex: value) else { throw LineError("trapsess: bad engine ID \(value)") }
                engineID = parsed
            case "-r", "-t", "-p", "-T": break
            default: throw LineError("trapsess: unsupported option \(word)")
            }
        }
        guard let host = rest.popFirst(), rest.isEmpty else { throw LineError("trapsess: missing host") }
        let security: SNMPTarget.Security
        if version == .v3 {
            guard let user else { throw LineError("trapsess: -v 3 needs -u USER") }
            if !auth.isNone {
                guard let authPass, authPass.utf8.count >= 8 else { throw LineError("trapsess: -a needs -A with at least 8 characters") }
                if !priv.isNone {
                    guard let privPass, privPass.utf8.count >= 8 else { throw LineError("trapsess: -x needs -X with at least 8 characters") }
                }
            } else if !priv.isNone {
                throw LineError("trapsess: -x needs -a")
            }
            configuration.usmUsers.append(USMUserDefinition(USMUser(
                userName: OctetString(user), auth: auth, authSecret: authPass.map { .passphrase($0) },
                priv: priv, privSecret: priv.isNone ? nil : privPass.map { .passphrase($0) })))
            let maximum: SecurityLevel = auth.isNone ? .noAuthNoPriv : (priv.isNone ? .authNoPriv : .authPriv)
            security = .usm(USMTargetParameters(userName: OctetString(user), securityLevel: level ?? maximum,
                                                contextName: OctetString(context), authoritativeEngineID: engineID))
        } else {
            security = .community(version, OctetString(community))
        }
        addNotificationTarget("trapsess", host: host, security: security, kind: inform ? .inform : .trap)
    }

    private mutating func addNotificationTarget(_ keyword: String, host: String, security: SNMPTarget.Security,
                                                kind: NotificationTarget.Kind) {
        do {
            let target = try SNMPTarget(agent: host, defaultPort: 162, security: security)
            configuration.notificationTargets.append(NotificationTarget(
                name: "\(keyword)-\(configuration.notificationTargets.count + 1)", target: target, kind: kind))
        } catch {
            report(.error, "\(keyword): bad address \(host): \(error.reason)")
        }
    }
}

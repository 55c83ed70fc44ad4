import SNMPSMI
import SNMPSecurity
import SNMPAccessControl
import SNMPDispatcher
public import SNMPApplications

/// The agent's configuration file: one directive per line, in the spirit of Net-SNMP's `snmpd.conf`.
/// `#` starts a comment; words are separated by blanks; a word may be "double quoted" to hold blanks.
///
/// ```
/// listen        udp:127.0.0.1:16161          # repeatable; udp6:[::1]:16161 for IPv6
/// rocommunity   public [VIEW]                # read-only community (every object, or VIEW)
/// rwcommunity   private [VIEW]               # read-write community
/// user          NAME AUTH AUTHPASS PRIV PRIVPASS [LEVEL [ro|rw [VIEW]]]
///               #  AUTH: none MD5 SHA SHA-224 SHA-256 SHA-384 SHA-512; PRIV: none DES AES AES-192 AES-256
///               #  LEVEL: noAuthNoPriv authNoPriv authPriv (default: the highest the protocols allow)
/// view          NAME included|excluded OID [MASK]   # RFC 3415 view family; MASK in hex (ff:a0)
/// group         GROUP v1|v2c|usm SECURITYNAME
/// access        GROUP CONTEXT any|v1|v2c|usm noAuthNoPriv|authNoPriv|authPriv exact|prefix READ WRITE NOTIFY
///               #  "" or - for an empty context or no view
/// context       NAME
/// sysDescr      TEXT...                      # the rest of the line
/// sysContact    TEXT...
/// sysName       TEXT...
/// sysLocation   TEXT...
/// sysObjectID   OID
/// sysServices   NUMBER
/// authtrapenable 1|2                         # snmpEnableAuthenTraps
/// trapsink      HOST[:PORT] [COMMUNITY]      # SNMPv1 traps
/// trap2sink     HOST[:PORT] [COMMUNITY]      # SNMPv2c traps
/// informsink    HOST[:PORT] [COMMUNITY]      # SNMPv2c informs
/// engineID      HEX                          # default: generated once, kept in the state file
/// stateDir      DIR                          # where the engine state file lives
/// interfaces    on|off                       # serve IF-MIB (default on)
/// ```
///
/// Directive names are case-insensitive. A bad line is an ``SNMPError`` with code `.configuration`
/// whose reason starts `line N:`.
public enum AgentConfigurationFile {
    /// Reads the file at `path` into `configuration` (later lines add to or override earlier ones).
    public static func load(_ path: String, into configuration: inout AgentConfiguration) throws(SNMPError) {
        guard let text = FileAccess.text(at: path, limit: 4 << 20) else {
            throw SNMPError(.configuration, "cannot read \(path)")
        }
        try parse(text, into: &configuration)
    }

    /// Parses configuration text into `configuration`.
    public static func parse(_ text: String, into configuration: inout AgentConfiguration) throws(SNMPError) {
        var listens: [String] = []
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            let words: [String]
            do {
                words = try split(rawLine)
            } catch {
                throw SNMPError(.configuration, "line \(number): \(error.message)")
            }
            guard let keyword = words.first else { continue }
            do {
                try apply(keyword.lowercased(), Array(words.dropFirst()), rest: restOfLine(rawLine),
                          to: &configuration, listens: &listens)
            } catch {
                throw SNMPError(.configuration, "line \(number): \(error.message)")
            }
        }
        if !listens.isEmpty { configuration.listenAddresses = listens }
    }

    struct LineError: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    private static func apply(_ keyword: String, _ arguments: [String], rest: String,
                              to configuration: inout AgentConfiguration, listens: inout [String]) throws(LineError) {
        func expect(_ range: ClosedRange<Int>, _ usage: String) throws(LineError) {
            guard range.contains(arguments.count) else { throw LineError("usage: \(usage)") }
        }
        switch keyword {
        case "listen":
            try expect(1...1, "listen ADDRESS")
            do {
                _ = try AgentAddress(parsing: arguments[0], defaultPort: 161)
            } catch {
                throw LineError("bad address \(arguments[0]): \(error.reason)")
            }
            listens.append(arguments[0])
        case "rocommunity", "rwcommunity":
            try expect(1...2, "\(keyword) COMMUNITY [VIEW]")
            configuration.communities.append(AgentCommunity(
                arguments[0], access: keyword == "rwcommunity" ? .readWrite : .readOnly,
                view: arguments.count > 1 ? arguments[1] : nil))
        case "user":
            try expect(5...8, "user NAME AUTH AUTHPASS PRIV PRIVPASS [LEVEL [ro|rw [VIEW]]]")
            var level: SecurityLevel?
            if arguments.count > 5 { level = try securityLevel(arguments[5]) }
            var access = AgentAccess.readWrite
            if arguments.count > 6 {
                switch arguments[6].lowercased() {
                case "ro": access = .readOnly
                case "rw": access = .readWrite
                default: throw LineError("expected ro or rw, not \(arguments[6])")
                }
            }
            do {
                configuration.users.append(try AgentUser.make(
                    name: arguments[0], auth: arguments[1], authPass: arguments[2], priv: arguments[3],
                    privPass: arguments[4], level: level, access: access, view: arguments.count > 7 ? arguments[7] : nil))
            } catch {
                throw LineError(error.reason)
            }
        case "view":
            try expect(3...4, "view NAME included|excluded OID [MASK]")
            let type: VACMViewTreeFamily.FamilyType
            switch arguments[1].lowercased() {
            case "included": type = .included
            case "excluded": type = .excluded
            default: throw LineError("expected included or excluded, not \(arguments[1])")
            }
            let subtree = try oid(arguments[2])
            let mask = arguments.count > 3 ? try hex(arguments[3]) : []
            do {
                configuration.vacm.add(try VACMView(arguments[0], families: [
                    VACMViewTreeFamily(subtree: subtree, mask: mask, type: type),
                ]))
            } catch {
                throw LineError("\(error)")
            }
        case "group":
            try expect(3...3, "group GROUP v1|v2c|usm SECURITYNAME")
            configuration.vacm.add(VACMGroup(securityModel: try model(arguments[1]), securityName: arguments[2],
                                             groupName: arguments[0]))
        case "access":
            try expect(8...8, "access GROUP CONTEXT MODEL LEVEL exact|prefix READ WRITE NOTIFY")
            let match: VACMAccess.ContextMatch
            switch arguments[4].lowercased() {
            case "exact": match = .exact
            case "prefix": match = .prefix
            default: throw LineError("expected exact or prefix, not \(arguments[4])")
            }
            func view(_ word: String) -> String { word == "-" ? "" : word }
            configuration.vacm.add(VACMAccess(
                groupName: arguments[0], contextPrefix: view(arguments[1]), contextMatch: match,
                securityModel: try model(arguments[2]), securityLevel: try securityLevel(arguments[3]),
                readView: view(arguments[5]), writeView: view(arguments[6]), notifyView: view(arguments[7])))
        case "context":
            try expect(1...1, "context NAME")
            configuration.vacm.add(VACMContext(arguments[0]))
        case "sysdescr", "syscontact", "sysname", "syslocation":
            guard rest.utf8.count <= 255 else { throw LineError("\(keyword) is longer than 255 octets") }
            switch keyword {
            case "sysdescr": configuration.system.sysDescr = rest
            case "syscontact": configuration.system.sysContact = rest
            case "sysname": configuration.system.sysName = rest
            default: configuration.system.sysLocation = rest
            }
        case "sysobjectid":
            try expect(1...1, "sysObjectID OID")
            configuration.system.sysObjectID = try oid(arguments[0])
        case "sysservices":
            try expect(1...1, "sysServices NUMBER")
            guard let value = Int32(arguments[0]), (0...127).contains(value) else {
                throw LineError("sysServices must be 0..127")
            }
            configuration.system.sysServices = value
        case "authtrapenable":
            try expect(1...1, "authtrapenable 1|2")
            guard arguments[0] == "1" || arguments[0] == "2" else { throw LineError("authtrapenable must be 1 or 2") }
            configuration.system.enableAuthenTraps = arguments[0] == "1"
        case "trapsink", "trap2sink", "informsink":
            try expect(1...2, "\(keyword) HOST[:PORT] [COMMUNITY]")
            let version: SNMPVersion = keyword == "trapsink" ? .v1 : .v2c
            let community = arguments.count > 1 ? arguments[1] : "public"
            let target: SNMPTarget
            do {
                target = try SNMPTarget(agent: arguments[0], defaultPort: 162,
                                        security: .community(version, OctetString(community)))
            } catch {
                throw LineError("bad address \(arguments[0]): \(error.reason)")
            }
            configuration.notificationTargets.append(NotificationTarget(
                name: "\(keyword)-\(configuration.notificationTargets.count + 1)", target: target,
                kind: keyword == "informsink" ? .inform : .trap))
        case "engineid":
            try expect(1...1, "engineID HEX")
            guard let engineID = EngineState.engineID(hex: arguments[0]) else {
                throw LineError("engine ID must be 5 to 32 octets of hex")
            }
            configuration.engineID = engineID
        case "statedir":
            try expect(1...1, "stateDir DIR")
            configuration.stateDirectory = arguments[0]
        case "interfaces":
            try expect(1...1, "interfaces on|off")
            switch arguments[0].lowercased() {
            case "on", "yes", "true": configuration.servesInterfaces = true
            case "off", "no", "false": configuration.servesInterfaces = false
            default: throw LineError("expected on or off, not \(arguments[0])")
            }
        default:
            throw LineError("unknown directive \(keyword)")
        }
    }

    /// Splits a line into words: blanks separate, `#` outside quotes ends the line, "..." groups.
    static func split(_ line: Substring) throws(LineError) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quoted = false
        for character in line {
            if quoted {
                if character == "\"" { quoted = false } else { current.append(character) }
                continue
            }
            switch character {
            case "\"":
                quoted = true
                inWord = true
            case "#":
                if inWord { words.append(current) }
                return words
            case " ", "\t", "\r":
                if inWord { words.append(current) }
                current = ""
                inWord = false
            default:
                current.append(character)
                inWord = true
            }
        }
        guard !quoted else { throw LineError("unterminated quote") }
        if inWord { words.append(current) }
        return words
    }

    /// The text after the directive word, trimmed, comments removed, one pair of quotes removed.
    static func restOfLine(_ line: Substring) -> String {
        let withoutComment = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        var rest = withoutComment.drop(while: { $0 == " " || $0 == "\t" })
            .drop(while: { $0 != " " && $0 != "\t" }).trimmingCharacters(of: " ")
        rest = rest.trimmingTrailing { $0 == "\t" || $0 == "\r" }
        if rest.count >= 2, rest.hasPrefix("\""), rest.hasSuffix("\"") { rest = String(rest.dropFirst().dropLast()) }
        return rest
    }

    private static func oid(_ text: String) throws(LineError) -> ObjectIdentifier {
        let trimmed = text.hasPrefix(".") ? String(text.dropFirst()) : text
        guard let oid = ObjectIdentifier(trimmed), !oid.isEmpty else { throw LineError("bad OID \(text)") }
        return oid
    }

    private static func hex(_ text: String) throws(LineError) -> [UInt8] {
        let parts = text.split(separator: ":")
        let octets = parts.compactMap { $0.count <= 2 ? UInt8($0, radix: 16) : nil }
        guard octets.count == parts.count, !octets.isEmpty else { throw LineError("bad mask \(text)") }
        return octets
    }

    private static func model(_ text: String) throws(LineError) -> SecurityModelID {
        switch text.lowercased() {
        case "any": return .any
        case "v1": return .v1
        case "v2c": return .v2c
        case "usm": return .usm
        default: throw LineError("unknown security model \(text)")
        }
    }

    private static func securityLevel(_ text: String) throws(LineError) -> SecurityLevel {
        switch text.lowercased() {
        case "noauthnopriv", "noauth": return .noAuthNoPriv
        case "authnopriv", "auth": return .authNoPriv
        case "authpriv", "priv": return .authPriv
        default: throw LineError("unknown security level \(text)")
        }
    }
}

extension String {
    func trimmingTrailing(_ predicate: (Character) -> Bool) -> String {
        var result = self
        while let last = result.last, predicate(last) { result.removeLast() }
        return result
    }
}

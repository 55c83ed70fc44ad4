import SNMPSMI
import SNMPSecurity
import SNMPAccessControl
import SNMPDispatcher
public import SNMPApplications

/// `snmp agent`'s configuration files: Net-SNMP's `snmpd.conf`, read as snmpd reads it.
///
/// Every snmpd directive that maps onto what this agent does is honoured: `agentaddress`,
/// `rocommunity`/`rwcommunity`(`6`) with source and OID or `-V VIEW` and context, `com2sec`(`6`) with
/// `-Cn`, `group`, `view` with masks, `access`, `rouser`/`rwuser` with `-s`, level, view and context,
/// `createUser` (`-e ENGINEID`, `-m`/`-l` keys), `engineID`, `exactEngineID`, `engineIDType`,
/// `engineIDNic`, `sysDescr`/`sysObjectID`/`sysContact`/`sysName`/`sysLocation`/`sysServices` (and the
/// writable `psyscontact`/`psysname`/`psyslocation`), `trapsink`/`trap2sink`/`informsink`/`trapsess`/
/// `trapcommunity`, `authtrapenable`, `persistentDir` (also as `[snmp] persistentDir`), `includeFile`, `includeDir`.
///
/// ```
/// agentaddress  udp:127.0.0.1:16161,udp6:[::1]:16161
/// rocommunity   public  127.0.0.1                 # read-only from one source, every object
/// rwcommunity   private 10.0.0.0/8 -V sysview     # read-write, one view
/// createUser    alice SHA-256 "auth pass 1" AES "priv pass 1"
/// createUser    bob SHA -l 0x6695febc9288e36282235fc7151f1284
/// rouser        bob auth .1.3.6.1.2.1.1
/// rwuser        alice priv
/// view          sysview included .1.3.6.1.2.1.1
/// view          sysview excluded .1.3.6.1.2.1.1.9 ff:a0
/// sysLocation   rack 4, row 2                     # read-only; psyslocation keeps it writable
/// trap2sink     127.0.0.1:16162 traps
/// persistentDir /var/lib/swift-snmp               # engine ID and boots
/// ```
///
/// Files are searched as snmpd searches them (``defaultFiles(environment:)``): `snmpd.conf` then
/// `snmpd.local.conf` in each directory of `SNMPCONFPATH`. A directive this agent does not serve
/// (`proxy`, `extend`, `master`, ...) or does not know is a warning naming the file and line, as snmpd
/// warns; a line snmpd would reject is an error diagnostic and the line is skipped — neither stops the
/// agent, as neither stops snmpd.
///
/// Migration: swift-snmp's earlier format is retired — `listen` is `agentaddress`, `user N A P X Q` is
/// `createUser N A P X Q` plus `rwuser N`, `stateDir` is `persistentDir`; those lines now warn with the
/// replacement.
public enum AgentConfigurationFile {
    /// One remark about a configuration line, in snmpd's words.
    public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
        /// Warnings leave the line's effect out; errors mean the line was malformed and skipped.
        public enum Severity: String, Hashable, Sendable {
            /// An unknown or unsupported directive.
            case warning = "Warning"
            /// A malformed line.
            case error = "Error"
        }

        /// The file the line is in.
        public var file: String
        /// The 1-based line number.
        public var line: Int
        /// Warning or error.
        public var severity: Severity
        /// What is wrong.
        public var message: String

        /// Creates a diagnostic.
        public init(file: String, line: Int, severity: Severity, message: String) {
            self.file = file
            self.line = line
            self.severity = severity
            self.message = message
        }

        /// `FILE: line N: Warning: MESSAGE`, as snmpd prints it.
        public var description: String { "\(file): line \(line): \(severity.rawValue): \(message)" }
    }

    /// snmpd's default `SNMPCONFPATH`: the system configuration directory, the shared and library data
    /// directories, then `~/.snmp`.
    public static func defaultSearchPath(home: String?) -> [String] {
        ["/etc/snmp", "/usr/share/snmp", "/usr/lib/snmp"] + (home.map { [$0 + "/.snmp"] } ?? [])
    }

    /// The default files snmpd reads, in its order: for each directory of `SNMPCONFPATH` (or the
    /// ``defaultSearchPath(home:)``), `snmpd.conf` then `snmpd.local.conf`, those that exist.
    public static func defaultFiles(environment: [String: String]) -> [String] {
        let directories = environment["SNMPCONFPATH"].map { $0.split(separator: ":").map(String.init) }
            ?? defaultSearchPath(home: environment["HOME"])
        return directories.flatMap { directory in
            ["snmpd.conf", "snmpd.local.conf"].map { directory + "/" + $0 }
        }.filter { FileAccess.text(at: $0, limit: 1) != nil }
    }

    /// Reads the files in order into `configuration` (later lines add to or override earlier ones) and
    /// returns the diagnostics. A file that cannot be read is an error: it was named on purpose.
    public static func load(_ paths: [String], into configuration: inout AgentConfiguration) throws(SNMPError) -> [Diagnostic] {
        var reader = SnmpdConfReader(configuration)
        for path in paths {
            guard let text = FileAccess.text(at: path, limit: 4 << 20) else {
                throw SNMPError(.configuration, "cannot read configuration file \(path)")
            }
            reader.read(text, file: path)
        }
        reader.finish()
        configuration = reader.configuration
        return reader.diagnostics
    }

    /// Parses one file's text into `configuration` and returns the diagnostics.
    public static func parse(_ text: String, file: String = "snmpd.conf",
                             into configuration: inout AgentConfiguration) -> [Diagnostic] {
        var reader = SnmpdConfReader(configuration)
        reader.read(text, file: file)
        reader.finish()
        configuration = reader.configuration
        return reader.diagnostics
    }
}

/// The state of reading snmpd.conf files: what snmpd keeps between lines (the counter that names the
/// entries rocommunity and rouser create, the trap community, the `[section]` in force).
struct SnmpdConfReader {
    var configuration: AgentConfiguration
    var diagnostics: [AgentConfigurationFile.Diagnostic] = []
    /// snmpd's `commcount`: rocommunity/rouser lines create `comm<N>`, `grpcomm<N>`, `viewComm<N>`...
    var simpleCount = 0
    /// `trapcommunity`: the community of trapsink lines that name none.
    var trapCommunity = "public"
    /// agentaddress lines replace the built-in default, and add to each other.
    var addresses: [String] = []
    var engineIDType: Int?
    var engineIDNic = "eth0"
    private var file = ""
    private var line = 0

    init(_ configuration: AgentConfiguration) {
        self.configuration = configuration
    }

    struct LineError: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    /// The directives snmpd knows that this agent does not serve: a warning, not "Unknown token".
    static let unsupported: Set<String> = [
        "proxy", "master", "agentxsocket", "agentxperms", "agentxretries", "agentxtimeout", "agentxpinginterval",
        "extend", "extendfix", "exec", "execfix", "sh", "pass", "pass_persist", "pass_timeout", "disk", "includealldisks",
        "proc", "procfix", "load", "swap", "file", "logmatch", "dlmod", "override", "monitor", "defaultmonitors",
        "linkupdownnotifications", "notificationevent", "setevent", "repeat", "cron", "at", "smuxpeer", "smuxsocket",
        "agentuser", "agentgroup", "leave_pidfile", "maxgetbulkrepeats", "maxgetbulkresponses", "dontlogtcpwrappersconnects",
        "ignoredisk", "interface", "interface_fadeout", "interface_replace_old", "iquerysecname", "agentsecname",
        "setaccess", "authcommunity", "authuser", "authgroup", "authaccess", "certsectogroup", "trustcert",
        "v1trapaddress", "ifxtable_default_speed", "sourcefilteraddress", "sourcefiltertype", "storageusenfs",
        "realstorageunits", "skipnfsinhostresources", "engineboots", "oldengineid", "usmuser", "vacmaccess",
        "vacmview", "targetaddr", "targetparams", "notifytable", "informretries", "informtimeout", "table",
        "add_row", "injecthandler", "table_sample", "debugtokens", "dodebugging", "logtimestamp",
        "includesearch", "serverrecvbuf", "serversendbuf", "clientrecvbuf", "clientsendbuf",
    ]

    /// The tokens of swift-snmp's retired format, with what replaces them.
    static let retired: [String: String] = [
        "listen": "agentaddress ADDRESS",
        "user": "createUser NAME AUTH PASS PRIV PASS, then rouser/rwuser NAME",
        "statedir": "persistentDir DIR",
        "interfaces": "snmp agent --no-interfaces",
        "context": "a context name in access/rouser/rocommunity lines",
    ]

    /// How deep includeFile/includeDir may nest (a file including itself stops here).
    static let maximumIncludeDepth = 8
    private var includeDepth = 0

    mutating func read(_ text: String, file: String) {
        self.file = file
        var section: String? = nil
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            line = offset + 1
            var body = rawLine.drop { $0 == " " || $0 == "\t" }
            if body.hasSuffix("\r") { body = body.dropLast() }
            guard !body.isEmpty, !body.hasPrefix("#") else { continue }
            var lineSection = section
            if body.hasPrefix("["), let close = body.firstIndex(of: "]") {
                // `[app]` alone switches the section for the rest of the file; `[app] token ...` for one line.
                let name = body[body.index(after: body.startIndex)..<close].lowercased()
                let rest = body[body.index(after: close)...].drop { $0 == " " || $0 == "\t" }
                if rest.isEmpty {
                    section = name == "snmpd" ? nil : name
                    continue
                }
                lineSection = name == "snmpd" ? nil : name
                body = rest
            }
            let words = Self.words(body)
            guard let token = words.first else { continue }
            let arguments = Array(words.dropFirst())
            let rest = Self.restOfLine(body)
            if let lineSection {
                applySection(lineSection, token: token, arguments: arguments)
                continue
            }
            let keyword = token.lowercased()
            if keyword == "includefile" || keyword == "includedir" {
                include(directory: keyword == "includedir", rest, from: file)
                self.file = file
                continue
            }
            do {
                try apply(keyword, token: token, arguments, rest: rest)
            } catch {
                report(.error, error.message)
            }
        }
    }

    /// snmpd's `includeFile PATH` and `includeDir DIR` (every `*.conf` in it, in name order); a relative
    /// path is taken from the including file's directory.
    private mutating func include(directory: Bool, _ path: String, from file: String) {
        let savedLine = line
        guard !path.isEmpty else { return report(.error, "Blank line following include token.") }
        guard includeDepth < Self.maximumIncludeDepth else {
            return report(.error, "includes nest deeper than \(Self.maximumIncludeDepth) levels: \(path) skipped")
        }
        var resolved = path
        if !path.hasPrefix("/"), let slash = file.lastIndex(of: "/") { resolved = String(file[...slash]) + path }
        var files = [resolved]
        if directory {
            guard let names = FileAccess.directoryEntries(resolved) else {
                return report(.error, "cannot read directory \(path)")
            }
            files = names.filter { $0.hasSuffix(".conf") }.sorted().map { resolved + "/" + $0 }
        }
        for included in files {
            guard let text = FileAccess.text(at: included, limit: 4 << 20) else {
                report(.error, "cannot read \(included)")
                continue
            }
            includeDepth += 1
            read(text, file: included)
            includeDepth -= 1
        }
        self.file = file
        line = savedLine
    }

    mutating func report(_ severity: AgentConfigurationFile.Diagnostic.Severity, _ message: String) {
        diagnostics.append(.init(file: file, line: line, severity: severity, message: message))
    }

    /// A line of another application's section (`[snmp] persistentDir DIR`): the library tokens that
    /// concern an agent apply; the others belong to the client tools.
    private mutating func applySection(_ section: String, token: String, arguments: [String]) {
        if section == "snmp", token.lowercased() == "persistentdir", let directory = arguments.first {
            configuration.stateDirectory = directory
        } else {
            report(.warning, "[\(section)] \(token) is not used by snmp agent; ignored.")
        }
    }

    private mutating func apply(_ keyword: String, token: String, _ arguments: [String], rest: String) throws(LineError) {
        // Net-SNMP: a known token with nothing after it.
        if arguments.isEmpty, !Self.unsupported.contains(keyword), Self.retired[keyword] == nil, Self.known.contains(keyword) {
            throw LineError("Blank line following \(token) token.")
        }
        switch keyword {
        case "rocommunity", "rwcommunity", "rocommunity6", "rwcommunity6":
            try simpleCommunity(keyword, arguments)
        case "com2sec", "com2sec6":
            try com2sec(ipv6: keyword == "com2sec6", arguments)
        case "group":
            try group(arguments)
        case "view":
            try view(arguments, rest: rest)
        case "access":
            try access(arguments)
        case "rouser", "rwuser":
            try simpleUser(write: keyword == "rwuser", arguments)
        case "createuser":
            do {
                configuration.usmUsers.append(try USMUserDefinition(createUserArguments: arguments))
            } catch {
                throw LineError(error.message)
            }
        default:
            try applyAgent(keyword, token: token, arguments, rest: rest)
        }
    }

    /// Every token this reader handles (for "Blank line following" errors).
    static let known: Set<String> = [
        "rocommunity", "rwcommunity", "rocommunity6", "rwcommunity6", "com2sec", "com2sec6", "group", "view",
        "access", "rouser", "rwuser", "createuser", "agentaddress", "sysdescr", "syscontact", "sysname",
        "syslocation", "psyscontact", "psysname", "psyslocation", "sysobjectid", "sysservices", "authtrapenable",
        "trapsink", "trap2sink", "informsink", "trapsess", "trapcommunity", "engineid", "exactengineid",
        "engineidtype", "engineidnic", "persistentdir",
    ]

    /// Splits a line as Net-SNMP's copy_nword does: blanks separate; "double" or 'single' quotes group,
    /// and a backslash inside quotes takes the next character literally.
    static func words(_ line: Substring) -> [String] {
        var words: [String] = []
        var index = line.startIndex
        while index < line.endIndex {
            while index < line.endIndex, line[index] == " " || line[index] == "\t" { index = line.index(after: index) }
            guard index < line.endIndex else { break }
            var word = ""
            if line[index] == "\"" || line[index] == "'" {
                let quote = line[index]
                index = line.index(after: index)
                while index < line.endIndex, line[index] != quote {
                    if line[index] == "\\", line.index(after: index) < line.endIndex { index = line.index(after: index) }
                    word.append(line[index])
                    index = line.index(after: index)
                }
                if index < line.endIndex { index = line.index(after: index) }
            } else {
                while index < line.endIndex, line[index] != " " && line[index] != "\t" {
                    word.append(line[index])
                    index = line.index(after: index)
                }
            }
            words.append(word)
        }
        return words
    }

    /// The text after the token, trimmed (sysLocation and the like take the whole rest of the line; a
    /// `#` there is part of the value, as in snmpd). One pair of surrounding quotes is removed.
    static func restOfLine(_ line: Substring) -> String {
        var rest = line.drop(while: { $0 != " " && $0 != "\t" }).drop(while: { $0 == " " || $0 == "\t" })
        while let last = rest.last, last == " " || last == "\t" { rest = rest.dropLast() }
        if rest.count >= 2, let first = rest.first, first == "\"" || first == "'", rest.last == first {
            rest = rest.dropFirst().dropLast()
        }
        return String(rest)
    }

    /// After the last file: the listening addresses, the engine ID type, and views that access entries
    /// name but no line defines (snmpd's `none`): they exist and hold nothing, so what they guard is not
    /// in view — noAccess for a Set, noSuchObject for a Get — as in snmpd.
    mutating func finish() {
        if !addresses.isEmpty { configuration.listenAddresses = addresses }
        if configuration.engineID == nil, let type = engineIDType {
            file = "engineIDType"
            line = 0
            configuration.engineID = EngineIDFromHost.engineID(type: type, nic: engineIDNic) { report(.warning, $0) }
        }
        // Net-SNMP's built-in views: `_all_` (everything) and `_none_` (nothing).
        for (name, type) in [("_all_", VACMViewTreeFamily.FamilyType.included), ("_none_", .excluded)]
        where configuration.vacm.views[name] == nil {
            if let view = try? VACMView(name, families: [0, 1, 2].map { try VACMViewTreeFamily(subtree: [$0], type: type) }) {
                configuration.vacm.add(view)
            }
        }
        var missing = Set<String>()
        for entry in configuration.vacm.accessEntries {
            for name in [entry.readView, entry.writeView, entry.notifyView] where !name.isEmpty {
                if configuration.vacm.views[name] == nil { missing.insert(name) }
            }
        }
        for name in missing.sorted() {
            if let view = try? VACMView(name, families: [try VACMViewTreeFamily(subtree: [1], type: .excluded)]) {
                configuration.vacm.add(view)
            }
        }
    }
}


import SNMP

/// What `snmp trapd` runs with: snmptrapd's options, the snmptrapd.conf subset it understands, and the
/// `--listen`/`--community`/`--user` options of its own.
///
/// Config tokens: `authCommunity TYPES COMMUNITY [SOURCE]` (TYPES such as `log,execute,net`; a community is
/// accepted when TYPES includes `log`), `authUser TYPES NAME [LEVEL]`, `createUser [-e ENGINEID] NAME [AUTH
/// [-m|-l] SECRET [PRIV [-m|-l] [SECRET]]]` (the privacy secret defaults to the authentication one, as in Net-SNMP),
/// `disableAuthorization yes`, `exactEngineID`/`engineID HEX`. Other tokens are warned about and ignored.
struct TrapdSettings {
    var listen: [String] = []
    var communities: Set<String> = []
    /// SNMPv3 users allowed to log (authUser and `--user`); USM already checked who they are.
    var authorizedUsers: Set<String> = []
    var disableAuthorization = false
    var users: [TrapReceiver.User] = []
    var engineID: OctetString? = nil
    var configFiles: [String] = []
    var numericHosts = false
    /// `-Lo` (default), `-Le`, `-Lf FILE`, `-Ln`.
    var logDestination: LogDestination = .stdout
    var appendToLog = false
    var pidFile: String? = nil
    var outputFlags: [String] = []
    var mibModules: [String] = []
    var mibDirectories: [String] = []
    var warnings: [String] = []

    enum LogDestination: Equatable {
        case stdout, stderr, file(String), none
    }

    static let usage = """
        USAGE: snmp trapd [OPTIONS] [LISTENING ADDRESSES]
          -f                 stay in the foreground (always)
          -n                 numeric addresses, no host names
          -c FILE            read FILE as a configuration file (snmptrapd.conf subset)
          -C                 do not read default configuration files (none are read anyway)
          -p PORT|FILE       listen on udp PORT (a number), or write the process id to FILE
          -Lo -Le -Ln        log to stdout (default), stderr, nowhere; -Lf FILE: to FILE (-A appends)
          -O FLAGS           output options, as the other commands
          --listen ADDR      listening address, e.g. udp:127.0.0.1:16162 or udp6:[::1]:162 (repeatable)
          --community C      accept v1/v2c notifications with community C (repeatable)
          --user USER        accept an SNMPv3 user, in createUser's words separated by blanks or colons:
                             [-e ENGINEID] NAME[:AUTH[:-m|-l]:SECRET[:PRIV[:-m|-l]:SECRET]] (ENGINEID: the sender's)
          --engine-id HEX    this receiver's snmpEngineID (the one inform senders discover)
        Default listening address: udp:0.0.0.0:162.

        """

    /// Parses the command line (and then the configuration files it names).
    init(arguments: [String]) throws(CommandLineError) {
        var index = 0
        func value(_ option: String) throws(CommandLineError) -> String {
            guard index < arguments.count else {
                throw CommandLineError("snmptrapd: option requires an argument -- '\(option)'\n" + Self.usage)
            }
            index += 1
            return arguments[index - 1]
        }
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            switch argument {
            case "--listen": listen.append(try value("listen"))
            case "--community": communities.insert(try value("community"))
            case "--user":
                let (user, name) = try Self.parseUserOption(try value("user"))
                users.append(user)
                authorizedUsers.insert(name)
            case "--engine-id":
                engineID = OctetString(try Self.hex(try value("engine-id"), what: "--engine-id"))
            case "-h", "--help": throw CommandLineError(Self.usage, status: 0)
            case "-f", "-C", "-X", "-a", "-t", "-d": break
            case "-n": numericHosts = true
            case "-A": appendToLog = true
            case "-c": configFiles.append(try value("c"))
            case "-p":
                let text = try value("p")
                if let port = Int(text), (0...65535).contains(port) { listen.append("udp:0.0.0.0:\(port)") } else { pidFile = text }
            case "-Lo": logDestination = .stdout
            case "-Le": logDestination = .stderr
            case "-Ln": logDestination = .none
            case "-Lf": logDestination = .file(try value("Lf"))
            case "-O": outputFlags.append(try value("O"))
            case "-m": mibModules.append(try value("m"))
            case "-M": mibDirectories.append(try value("M"))
            default:
                if argument.hasPrefix("-Lf"), argument.count > 3 {
                    logDestination = .file(String(argument.dropFirst(3)))
                } else if argument.hasPrefix("-O"), argument.count > 2 {
                    outputFlags.append(String(argument.dropFirst(2)))
                } else if argument.hasPrefix("-c"), argument.count > 2 {
                    configFiles.append(String(argument.dropFirst(2)))
                } else if argument.hasPrefix("-") && argument.count > 1 {
                    throw CommandLineError("snmptrapd: invalid option: \(argument)\n" + Self.usage)
                } else {
                    // Listening addresses may be given comma-separated, as snmptrapd takes them.
                    listen += argument.split(separator: ",").map(String.init)
                }
            }
        }
        for path in configFiles {
            guard let text = TextFile.read(path: path) else {
                throw CommandLineError("snmptrapd: cannot read configuration file \(path)\n")
            }
            try apply(config: text, path: path)
        }
        if listen.isEmpty { listen = ["udp:0.0.0.0:162"] }
    }

    /// Applies the lines of an snmptrapd.conf.
    mutating func apply(config text: String, path: String) throws(CommandLineError) {
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.drop { $0 == " " || $0 == "\t" }
            guard !line.isEmpty, !line.hasPrefix("#"), !line.hasPrefix("[") else { continue }
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let token = words.first else { continue }
            let where_ = "\(path): line \(number + 1)"
            switch token {
            case "authCommunity":
                guard words.count >= 3 else {
                    warnings.append("\(where_): Error: authCommunity needs TYPES COMMUNITY")
                    continue
                }
                if words[1].split(separator: ",").contains("log") { communities.insert(words[2]) }
            case "authUser":
                guard words.count >= 3 else {
                    warnings.append("\(where_): Error: authUser needs TYPES NAME")
                    continue
                }
                if words[1].split(separator: ",").contains("log") { authorizedUsers.insert(words[2]) }
            case "disableAuthorization":
                disableAuthorization = words.count >= 2 && ["yes", "true", "1"].contains(words[1].lowercased())
            case "createUser":
                do {
                    users.append(try Self.parseCreateUser(Array(words.dropFirst())))
                } catch {
                    warnings.append("\(where_): Error: \(error.message)")
                }
            case "exactEngineID", "engineID":
                guard words.count >= 2 else { continue }
                engineID = OctetString(try Self.hex(words[1], what: token))
            case "format", "format1", "format2", "doNotLogTraps", "outputOption", "snmpTrapdAddr", "ignoreAuthFailure",
                 "traphandle", "logOption", "doNotRetainNotificationLogs", "persistentDir":
                if token == "snmpTrapdAddr", words.count >= 2 {
                    listen += words[1].split(separator: ",").map(String.init)
                } else {
                    warnings.append("\(where_): Warning: \(token) is not supported by snmp trapd; ignored.")
                }
            default:
                warnings.append("\(where_): Warning: Unknown token: \(token).")
            }
        }
    }

    /// `createUser [-e ENGINEID] NAME [AUTH [-m|-l] SECRET [PRIV [-m|-l] [SECRET]]]` (``USMUserDefinition``).
    static func parseCreateUser(_ words: [String]) throws(CommandLineError) -> TrapReceiver.User {
        do {
            let definition = try USMUserDefinition(createUserArguments: words)
            return TrapReceiver.User(definition.user, engineID: definition.engineID)
        } catch {
            throw CommandLineError(error.message)
        }
    }

    /// `--user`: the one user syntax of every snmp command (``USMUserDefinition``): createUser's words,
    /// separated by blanks or colons; the earlier trailing `:ENGINEID` is still read.
    static func parseUserOption(_ text: String) throws(CommandLineError) -> (TrapReceiver.User, String) {
        do {
            let definition = try USMUserDefinition(parsing: text)
            return (TrapReceiver.User(definition.user, engineID: definition.engineID),
                    definition.user.userName.utf8String ?? definition.user.securityName)
        } catch {
            throw CommandLineError("snmptrapd: --user: \(error.message)\n")
        }
    }

    static func hex(_ text: String, what: String) throws(CommandLineError) -> [UInt8] {
        do {
            return try V3Options.hex(text, flag: "e")
        } catch {
            throw CommandLineError("snmptrapd: bad hex engine ID after \(what): \(text)\n")
        }
    }
}

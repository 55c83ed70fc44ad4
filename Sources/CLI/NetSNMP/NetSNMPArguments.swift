/// Net-SNMP's common command-line options (`snmpcmd(1)`), parsed getopt-style: an option's value may be
/// attached (`-v2c`, `-Cr25`) or the next argument (`-v 2c`), and options may follow the agent argument,
/// as GNU getopt permutes them.
struct NetSNMPArguments {
    var version = "2c"
    var versionGiven = false
    var community = "public"
    var retries = 5
    var timeout: Duration = .seconds(1)
    /// `-O` letters in order, applied to the output options.
    var outputFlags: [String] = []
    /// `-C` letters in order, interpreted by each tool.
    var appFlags: [String] = []
    /// `-I` letters (input options).
    var inputFlags: [String] = []
    /// `-m` values (MIB modules to load) and `-M` values (MIB directories).
    var mibModules: [String] = []
    var mibDirectories: [String] = []
    /// SNMPv3 options, kept as given.
    var v3: [Character: String] = [:]
    /// `-3m`/`-3M` (master keys) and `-3k`/`-3K` (localized keys), by their second letter.
    var v3Keys: [Character: String] = [:]
    /// Everything that is not an option: the agent first, then the tool's own arguments.
    var positional: [String] = []
    /// `-d`: Net-SNMP dumps packets; here it also makes walks say what they worked around (on stderr).
    var dump = false

    /// Options that take a value; all of them are Net-SNMP's (`snmpcmd(1)`).
    static let withValue: Set<Character> = ["v", "c", "r", "t", "O", "C", "I", "m", "M", "P", "L", "D", "Y",
                                             "u", "l", "a", "A", "x", "X", "e", "E", "n", "Z", "3", "s", "S", "T"]
    static let flags: Set<Character> = ["d", "h", "H", "V", "q"]

    /// - Parameter permute: whether options may follow the agent (snmpget, snmpwalk); snmpset, snmptrap and
    ///   snmpinform stop at the first operand, because values such as `i -5` start with a dash.
    init(_ arguments: [String], tool: String, permute: Bool = true) throws(CommandLineError) {
        var index = 0
        var onlyPositional = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositional || !argument.hasPrefix("-") || argument == "-" {
                positional.append(argument)
                if !permute { onlyPositional = true }
                continue
            }
            if argument == "--" {
                onlyPositional = true
                continue
            }
            var letters = Substring(argument.dropFirst())
            while let letter = letters.first {
                letters = letters.dropFirst()
                if Self.flags.contains(letter) {
                    if letter == "d" { dump = true }
                    if letter == "h" || letter == "H" {
                        throw CommandLineError("", status: 0, showUsage: true)
                    }
                    if letter == "V" {
                        throw CommandLineError("NET-SNMP version: 5.9.3 (swift-snmp)\n", status: 0)
                    }
                    continue
                }
                guard Self.withValue.contains(letter) else {
                    throw CommandLineError("\(tool): invalid option -- '\(letter)'\n", showUsage: true)
                }
                let value: String
                if !letters.isEmpty {
                    value = String(letters)
                    letters = ""
                } else if index < arguments.count {
                    value = arguments[index]
                    index += 1
                } else {
                    throw CommandLineError("\(tool): option requires an argument -- '\(letter)'\n", showUsage: true)
                }
                if letter == "3" {
                    // -3m KEY / -3k KEY: the second letter names the key, the key is the next argument.
                    guard let kind = value.first, "mMkK".contains(kind) else {
                        throw CommandLineError("Unknown -3 option: \(value)\n", showUsage: true)
                    }
                    let key: String
                    if value.count > 1 {
                        key = String(value.dropFirst())
                    } else if index < arguments.count {
                        key = arguments[index]
                        index += 1
                    } else {
                        throw CommandLineError("\(tool): option requires an argument -- '3'\n", showUsage: true)
                    }
                    v3Keys[kind] = key
                    continue
                }
                try apply(letter, value, tool: tool)
            }
        }
    }

    private mutating func apply(_ letter: Character, _ value: String, tool: String) throws(CommandLineError) {
        switch letter {
        case "v":
            guard ["1", "2c", "3"].contains(value) else {
                throw CommandLineError("Invalid version specified after -v flag: \(value)\n", showUsage: true)
            }
            version = value
            versionGiven = true
        case "c":
            community = value
        case "r":
            guard let r = Int(value), r >= 0 else {
                throw CommandLineError("Invalid number of retries after -r flag.\n", showUsage: true)
            }
            retries = r
        case "t":
            guard let seconds = Double(value), seconds > 0, seconds < 1e6 else {
                throw CommandLineError("Invalid timeout in seconds after -t flag.\n", showUsage: true)
            }
            timeout = .microseconds(Int64(seconds * 1_000_000))
        case "O":
            outputFlags.append(value)
        case "C":
            appFlags.append(value)
        case "I":
            inputFlags.append(value)
        case "m":
            mibModules.append(value)
        case "M":
            mibDirectories.append(value)
        case "P", "L", "D", "Y", "s", "S", "T":
            break  // parser, logging and debug tokens: accepted for compatibility, no effect here
        default:
            v3[letter] = value
        }
    }

    /// The `-C` letters as one stream, with the numeric arguments of letters that take one (`-Cr25`).
    func applicationFlags(withNumber numbered: Set<Character>, tool: String) throws(CommandLineError) -> [(Character, Int?)] {
        var result: [(Character, Int?)] = []
        for group in appFlags {
            var rest = Substring(group)
            while let letter = rest.first {
                rest = rest.dropFirst()
                if numbered.contains(letter) {
                    let digits = rest.prefix(while: \.isNumber)
                    rest = rest.dropFirst(digits.count)
                    guard let number = Int(digits) else {
                        throw CommandLineError("No number given with -C\(letter)\n", showUsage: true)
                    }
                    result.append((letter, number))
                } else {
                    result.append((letter, nil))
                }
            }
        }
        return result
    }
}

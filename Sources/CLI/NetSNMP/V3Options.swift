import SNMP

/// Net-SNMP's SNMPv3 options (`-u -l -a -A -x -X -e -E -n -Z -3m -3M -3k -3K`) turned into a USM user and
/// target parameters, with Net-SNMP's defaults (MD5, DES, noAuthNoPriv) and messages.
struct V3Options {
    let user: USMUser
    let parameters: USMTargetParameters
    /// `-Z boots,time`: the agent's clock, known in advance.
    let engineTime: USMEngineTime?
    /// `-x AES-192-auto` / `AES-256-auto`: the key extension is detected (KeyExtension.StateMachine).
    let detectsKeyExtension: Bool

    init(_ arguments: NetSNMPArguments, tool: String) throws(CommandLineError) {
        let options = arguments.v3
        guard let userName = options["u"] else {
            throw CommandLineError("\(tool): No securityName specified\n")
        }
        let level = try Self.level(options["l"])
        let authName = options["a"] ?? "MD5"
        guard let authProtocol = USMAuthProtocol(netSNMPName: authName) else {
            throw CommandLineError("Invalid authentication protocol specified after -3a flag: \(authName)\n", showUsage: true)
        }
        var privName = options["x"] ?? "DES"
        // Our extension of Net-SNMP's names: AES-192-auto / AES-256-auto leave the key extension to detection.
        detectsKeyExtension = privName.lowercased().hasSuffix("-auto")
        if detectsKeyExtension { privName = String(privName.dropLast(5)) }
        guard let privProtocol = USMPrivProtocol(netSNMPName: privName),
              !detectsKeyExtension || KeyExtension.alternate(of: privProtocol) != nil else {
            throw CommandLineError("Invalid privacy protocol specified after -3x flag: \(privName)\n", showUsage: true)
        }
        var authSecret: USMSecret? = nil
        var privSecret: USMSecret? = nil
        if level >= .authNoPriv {
            authSecret = try Self.secret(passphrase: options["A"], master: arguments.v3Keys["m"],
                                         localized: arguments.v3Keys["k"], kind: "authentication", tool: tool)
            guard authSecret != nil else {
                throw CommandLineError("\(tool): USM authentication failure (incorrect password or key)\n")
            }
        }
        if level == .authPriv {
            privSecret = try Self.secret(passphrase: options["X"], master: arguments.v3Keys["M"],
                                         localized: arguments.v3Keys["K"], kind: "privacy", tool: tool)
            guard privSecret != nil else { throw CommandLineError("\(tool): USM generic error\n") }
        }
        user = USMUser(userName: OctetString(userName),
                       auth: level >= .authNoPriv ? authProtocol : .none, authSecret: authSecret,
                       priv: level == .authPriv ? privProtocol : .none, privSecret: privSecret)
        let engineID = try options["e"].map { text throws(CommandLineError) in OctetString(try Self.hex(text, flag: "e")) }
        let contextEngineID = try options["E"].map { text throws(CommandLineError) in OctetString(try Self.hex(text, flag: "E")) }
        parameters = USMTargetParameters(userName: OctetString(userName), securityLevel: level,
                                         contextName: OctetString(options["n"] ?? ""), contextEngineID: contextEngineID,
                                         authoritativeEngineID: engineID)
        if let text = options["Z"] {
            let parts = text.split(separator: ",")
            guard parts.count == 2, let boots = Int32(parts[0]), let time = Int32(parts[1]) else {
                throw CommandLineError("Need engine boots value after -3Z flag.\n", showUsage: true)
            }
            engineTime = USMEngineTime(boots: boots, time: time)
        } else {
            engineTime = nil
        }
    }

    static func level(_ text: String?) throws(CommandLineError) -> SecurityLevel {
        switch text ?? "noAuthNoPriv" {
        case "noAuthNoPriv", "1", "nanp", "noauth": return .noAuthNoPriv
        case "authNoPriv", "2", "anp", "auth": return .authNoPriv
        case "authPriv", "3", "ap", "priv": return .authPriv
        case let other:
            throw CommandLineError("Invalid security level specified after -3l flag: \(other)\n", showUsage: true)
        }
    }

    /// A passphrase (at least 8 characters, RFC 3414 §11.2) or a hex key given with -3m/-3k.
    static func secret(passphrase: String?, master: String?, localized: String?, kind: String,
                       tool: String) throws(CommandLineError) -> USMSecret? {
        if let localized { return .localizedKey(try hex(localized, flag: "3k")) }
        if let master { return .masterKey(try hex(master, flag: "3m")) }
        guard let passphrase else { return nil }
        guard passphrase.utf8.count >= 8 else {
            throw CommandLineError("""
                Error: passphrase chosen is below the length requirements of the USM (min=8).
                \(tool):  (The supplied password length is too short.)
                Error generating a key (Ku) from the supplied \(kind) pass phrase. \n
                """)
        }
        return .passphrase(passphrase)
    }

    /// Hex text, with or without `0x`.
    static func hex(_ text: String, flag: String) throws(CommandLineError) -> [UInt8] {
        var digits = Substring(text)
        if digits.hasPrefix("0x") || digits.hasPrefix("0X") { digits = digits.dropFirst(2) }
        guard digits.count % 2 == 0, !digits.isEmpty else {
            throw CommandLineError("Bad key value after -\(flag) flag.\n", showUsage: true)
        }
        var bytes: [UInt8] = []
        var index = digits.startIndex
        while index < digits.endIndex {
            let next = digits.index(index, offsetBy: 2)
            guard let byte = UInt8(digits[index..<next], radix: 16) else {
                throw CommandLineError("Bad key value after -\(flag) flag.\n", showUsage: true)
            }
            bytes.append(byte)
            index = next
        }
        return bytes
    }
}

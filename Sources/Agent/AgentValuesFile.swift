import SNMPSMI

/// The values managers SET that must survive a restart, as snmpd keeps them in its `persistentDir`:
/// sysContact, sysName, sysLocation (RFC 3418 §2) and snmpEnableAuthenTraps. The file is `agent-values` in the
/// agent's state directory, one `keyword value` per line, text values in hex so that any octets a manager set
/// (blanks, line breaks, `#`) read back unchanged:
///
/// ```
/// # swift-snmp agent values: written by the agent on every SET of these objects
/// sysContact 6f707340657861
/// enableAuthenTraps 1
/// ```
///
/// Written atomically (temporary file, fsync, rename), so a crash leaves the previous values or the new ones.
/// A damaged file is ignored line by line: a value that does not read back keeps its configured value.
struct AgentValuesFile: Sendable {
    /// The file name inside the state directory.
    static let fileName = "agent-values"
    /// The file's path.
    let path: String

    init(directory: String) {
        path = directory + "/" + Self.fileName
    }

    /// `values` with what the file holds applied over it (unchanged when there is no file).
    func load(over values: AgentStore.Values) -> AgentStore.Values {
        guard let text = FileAccess.text(at: path, limit: 64 << 10) else { return values }
        var values = values
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let words = line.split(separator: " ")
            guard words.count <= 2, let keyword = words.first else { continue }
            let argument = words.count == 2 ? String(words[1]) : ""
            switch keyword {
            case "sysContact": Self.text(hex: argument).map { values.sysContact = $0 }
            case "sysName": Self.text(hex: argument).map { values.sysName = $0 }
            case "sysLocation": Self.text(hex: argument).map { values.sysLocation = $0 }
            case "enableAuthenTraps" where argument == "1" || argument == "0": values.enableAuthenTraps = argument == "1"
            default: continue
            }
        }
        return values
    }

    /// Writes the persistent part of `values`; the errno text on failure.
    func save(_ values: AgentStore.Values) -> String? {
        let text = """
            # swift-snmp agent values: written by the agent on every SET of these objects
            sysContact \(Self.hex(values.sysContact))
            sysName \(Self.hex(values.sysName))
            sysLocation \(Self.hex(values.sysLocation))
            enableAuthenTraps \(values.enableAuthenTraps ? 1 : 0)

            """
        return FileAccess.writeAtomically(path, Array(text.utf8))
    }

    /// Whether `old` and `new` differ in what this file keeps.
    static func differ(_ old: AgentStore.Values, _ new: AgentStore.Values) -> Bool {
        old.sysContact != new.sysContact || old.sysName != new.sysName || old.sysLocation != new.sysLocation
            || old.enableAuthenTraps != new.enableAuthenTraps
    }

    private static func hex(_ text: String) -> String {
        text.utf8.map { byte in
            let digits = String(byte, radix: 16)
            return byte < 0x10 ? "0" + digits : digits
        }.joined()
    }

    private static func text(hex: String) -> String? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = Self.nibble(digits[index]), let low = Self.nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

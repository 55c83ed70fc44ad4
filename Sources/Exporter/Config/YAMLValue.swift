import SNMP
import Yams

/// A YAML node with the file it came from and its key path, so every conversion error names the file, line,
/// column and key — and unknown keys are rejected as snmp_exporter's strict YAML decoding rejects them.
struct YAMLValue {
    let node: Node
    let file: String
    let path: String

    func error(_ message: String) -> ConfigurationError {
        ConfigurationError(file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0,
                           key: path, message: message)
    }

    private func child(_ node: Node, _ key: String) -> YAMLValue {
        YAMLValue(node: node, file: file, path: path.isEmpty ? key : path + "." + key)
    }

    var isNull: Bool {
        if case .scalar(let scalar) = node {
            return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
        }
        return false
    }

    /// The pairs of a mapping in file order (a null value is an empty mapping).
    func mapping() throws(ConfigurationError) -> [(key: String, value: YAMLValue)] {
        if isNull { return [] }
        guard case .mapping(let mapping) = node else { throw error("expected a mapping") }
        var seen = Set<String>()
        var pairs: [(key: String, value: YAMLValue)] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                throw YAMLValue(node: key, file: file, path: path).error("mapping keys must be scalars")
            }
            guard seen.insert(scalar.string).inserted else {
                throw YAMLValue(node: key, file: file, path: path).error("key \"\(scalar.string)\" already set")
            }
            pairs.append((scalar.string, child(value, scalar.string)))
        }
        return pairs
    }

    /// A mapping whose keys must all be in `allowed` (snmp_exporter decodes strictly).
    func fields(_ allowed: Set<String>) throws(ConfigurationError) -> [String: YAMLValue] {
        var result: [String: YAMLValue] = [:]
        for (key, value) in try mapping() {
            guard allowed.contains(key) else {
                throw value.error("unknown field \"\(key)\"")
            }
            result[key] = value
        }
        return result
    }

    /// The items of a sequence (a null value is an empty sequence).
    func sequence() throws(ConfigurationError) -> [YAMLValue] {
        if isNull { return [] }
        guard case .sequence(let sequence) = node else { throw error("expected a list") }
        return sequence.enumerated().map { index, item in
            YAMLValue(node: item, file: file, path: path + "[\(index)]")
        }
    }

    func string() throws(ConfigurationError) -> String {
        if isNull { return "" }
        guard case .scalar(let scalar) = node else { throw error("expected a string") }
        return scalar.string
    }

    func strings() throws(ConfigurationError) -> [String] {
        var result: [String] = []
        for item in try sequence() { result.append(try item.string()) }
        return result
    }

    func int() throws(ConfigurationError) -> Int {
        let text = try string()
        guard let value = Int(text) ?? Int(text.replacingOccurrences(of: "_", with: "")) else {
            throw error("\"\(text)\" is not an integer")
        }
        return value
    }

    func double() throws(ConfigurationError) -> Double {
        let text = try string()
        guard let value = Double(text) else { throw error("\"\(text)\" is not a number") }
        return value
    }

    func bool() throws(ConfigurationError) -> Bool {
        switch try string() {
        case "true", "True", "TRUE", "yes", "on": return true
        case "false", "False", "FALSE", "no", "off", "": return false
        case let text: throw error("\"\(text)\" is not a boolean")
        }
    }

    /// A dotted OID such as `1.3.6.1.2.1.2` (a leading dot is accepted).
    func oid() throws(ConfigurationError) -> ObjectIdentifier {
        let text = try string()
        let trimmed = text.hasPrefix(".") ? String(text.dropFirst()) : text
        var arcs: [UInt32] = []
        for part in trimmed.split(separator: ".", omittingEmptySubsequences: false) {
            guard let arc = UInt32(part) else { throw error("\"\(text)\" is not a dotted OID") }
            arcs.append(arc)
        }
        guard !arcs.isEmpty, arcs.count <= 128 else { throw error("\"\(text)\" is not a dotted OID") }
        return ObjectIdentifier(arcs)
    }

    /// `{1: up, 2: down}` with integer keys.
    func enumValues() throws(ConfigurationError) -> [Int: String] {
        var result: [Int: String] = [:]
        for (key, value) in try mapping() {
            guard let number = Int(key) else { throw value.error("enum key \"\(key)\" is not an integer") }
            result[number] = try value.string()
        }
        return result
    }

    /// A Go duration: `5s`, `1m30s`, `500ms`, `1.5s`, `2h`.
    func duration() throws(ConfigurationError) -> Duration {
        let text = try string()
        guard let duration = GoDuration.parse(text) else { throw error("\"\(text)\" is not a duration") }
        return duration
    }
}

/// Go's `time.ParseDuration` units, which snmp.yml durations use.
enum GoDuration {
    static func parse(_ text: String) -> Duration? {
        var rest = Substring(text)
        var negative = false
        if rest.first == "-" || rest.first == "+" {
            negative = rest.first == "-"
            rest = rest.dropFirst()
        }
        if rest == "0" { return .zero }
        guard !rest.isEmpty else { return nil }
        var totalNanoseconds = 0.0
        let units: [(String, Double)] = [("ns", 1), ("us", 1e3), ("µs", 1e3), ("μs", 1e3), ("ms", 1e6),
                                         ("s", 1e9), ("m", 60e9), ("h", 3600e9)]
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard !number.isEmpty, let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count)
            // Longest unit first so "ms" is not read as "m".
            guard let unit = units.sorted(by: { $0.0.count > $1.0.count }).first(where: { rest.hasPrefix($0.0) })
            else { return nil }
            rest = rest.dropFirst(unit.0.count)
            totalNanoseconds += value * unit.1
        }
        guard totalNanoseconds.isFinite, totalNanoseconds < 9.2e18 else { return nil }
        let nanoseconds = Int64(totalNanoseconds.rounded())
        return .nanoseconds(negative ? -nanoseconds : nanoseconds)
    }
}

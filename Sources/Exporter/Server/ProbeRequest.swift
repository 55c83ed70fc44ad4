/// The query of a `/snmp` request, checked as snmp_exporter checks it, with its error answers.
struct ProbeRequest {
    var target: String
    var authName: String?
    var modules: [String]
    var contextName: String?
    /// `snmp_engineid`: the SNMPv3 context engine ID, hex.
    var contextEngineID: [UInt8]?

    /// A 400 answer with snmp_exporter's wording.
    struct Rejection: Error {
        let message: String
    }

    init(query: [(key: String, value: String)]) throws(Rejection) {
        func all(_ key: String) -> [String] { query.filter { $0.key == key }.map(\.value) }
        let targets = all("target")
        guard targets.count == 1, let target = targets.first, !target.isEmpty else {
            throw Rejection(message: "'target' parameter must be specified once")
        }
        self.target = target
        let auths = all("auth")
        guard auths.count <= 1 else { throw Rejection(message: "'auth' parameter must only be specified once") }
        authName = auths.first.flatMap { $0.isEmpty ? nil : $0 }
        let contexts = all("snmp_context")
        guard contexts.count <= 1 else {
            throw Rejection(message: "'snmp_context' parameter must only be specified once")
        }
        contextName = contexts.first
        let engineIDs = all("snmp_engineid")
        guard engineIDs.count <= 1 else {
            throw Rejection(message: "'snmp_engineid' parameter must only be specified once")
        }
        if let text = engineIDs.first, !text.isEmpty {
            guard let bytes = Self.hexBytes(text) else {
                throw Rejection(message: "'snmp_engineid' parameter must be hexadecimal")
            }
            contextEngineID = bytes
        }
        var names = all("module")
        if names.isEmpty { names = ["if_mib"] }
        var modules: [String] = []
        for name in names.flatMap({ $0.split(separator: ",").map(String.init) }) where !modules.contains(name) {
            modules.append(name)
        }
        guard !modules.isEmpty else {
            throw Rejection(message: "'module' parameter must contain at least one module name")
        }
        self.modules = modules
    }

    /// Go's `url.ParseQuery`: `&`-separated, `+` is a space, percent-escapes decoded in keys and values.
    static func parseQuery(_ query: String?) -> [(key: String, value: String)] {
        guard let query, !query.isEmpty else { return [] }
        return query.split(separator: "&", omittingEmptySubsequences: true).compactMap { part in
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = decode(pieces[0]) else { return nil }
            let value = pieces.count > 1 ? decode(pieces[1]) : ""
            guard let value else { return nil }
            return (key, value)
        }
    }

    private static func decode(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(0x20)
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    return nil  // Go drops a pair with a bad escape
                }
                bytes.append(high << 4 | low)
            default: bytes.append(byte)
            }
        }
        return GoString.validUTF8(bytes)
    }

    /// `80001f88…` (an optional `0x` prefix) as bytes.
    static func hexBytes(_ text: String) -> [UInt8]? {
        var digits = Array(text.utf8)
        if digits.count >= 2, digits[0] == UInt8(ascii: "0"), digits[1] | 0x20 == UInt8(ascii: "x") { digits.removeFirst(2) }
        guard !digits.isEmpty, digits.count % 2 == 0, digits.count <= 64 else { return nil }
        var bytes: [UInt8] = []
        for pair in stride(from: 0, to: digits.count, by: 2) {
            guard let high = hexValue(digits[pair]), let low = hexValue(digits[pair + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }
}

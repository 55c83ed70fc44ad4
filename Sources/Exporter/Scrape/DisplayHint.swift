/// RFC 2579 §3.1 octet-string DISPLAY-HINTs (`display_hint:` in snmp.yml), e.g. `1x:` for MAC addresses or
/// `255a` for text. Returns `nil` for a hint that is not a valid octet-string hint, or for empty data, so
/// the caller falls back to the plain rendering as snmp_exporter does.
enum DisplayHint {
    private struct Spec {
        var star: Bool
        var take: Int
        var format: UInt8
        var separator: UInt8?
        var terminator: UInt8?
    }

    static func apply(_ hint: String, to data: [UInt8]) -> [UInt8]? {
        guard !data.isEmpty, let specs = parse(Array(hint.utf8)), let last = specs.last else { return nil }
        // RFC 2579: the last specification repeats while data remains; one that consumes nothing cannot.
        guard last.take > 0 || last.star else { return nil }
        var out: [UInt8] = []
        var position = 0
        var index = 0
        while position < data.count {
            let spec = specs[min(index, specs.count - 1)]
            index += 1
            var repeatCount = 1
            if spec.star {
                repeatCount = Int(data[position])
                position += 1
            }
            var round = 0
            while round < repeatCount && position < data.count {
                let end = min(position + spec.take, data.count)
                let chunk = data[position..<end]
                switch spec.format {
                case UInt8(ascii: "d"), UInt8(ascii: "o"):
                    guard chunk.count <= 8 else { return nil }
                    let value = chunk.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
                    out += Array(String(value, radix: spec.format == UInt8(ascii: "d") ? 10 : 8).utf8)
                case UInt8(ascii: "x"):
                    for byte in chunk { out += Array(IndexDecoder.hex2(Int(byte)).utf8) }
                default:  // "a", "t"
                    out += chunk
                }
                position = end
                if let separator = spec.separator, position < data.count,
                   spec.terminator == nil || round != repeatCount - 1 {
                    out.append(separator)
                }
                round += 1
            }
            if let terminator = spec.terminator, position < data.count { out.append(terminator) }
        }
        return out
    }

    private static func parse(_ hint: [UInt8]) -> [Spec]? {
        var specs: [Spec] = []
        var i = 0
        func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
        while i < hint.count {
            var spec = Spec(star: false, take: 0, format: 0)
            if hint[i] == UInt8(ascii: "*") {
                spec.star = true
                i += 1
            }
            guard i < hint.count, isDigit(hint[i]) else { return nil }
            while i < hint.count, isDigit(hint[i]) {
                spec.take = spec.take * 10 + Int(hint[i] - 0x30)
                guard spec.take <= 65_535 else { return nil }
                i += 1
            }
            guard i < hint.count, Array("dxoat".utf8).contains(hint[i]) else { return nil }
            spec.format = hint[i]
            i += 1
            if i < hint.count, !isDigit(hint[i]), hint[i] != UInt8(ascii: "*") {
                spec.separator = hint[i]
                i += 1
            }
            if spec.star, i < hint.count, !isDigit(hint[i]), hint[i] != UInt8(ascii: "*") {
                spec.terminator = hint[i]
                i += 1
            }
            specs.append(spec)
        }
        return specs
    }
}

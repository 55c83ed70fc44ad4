import SNMP

/// A sample's labels: few, so a linear list beats a dictionary; setting a name again replaces its value.
struct LabelSet {
    var pairs: [(name: String, value: String)] = []

    subscript(name: String) -> String? {
        get { pairs.first { $0.name == name }?.value }
        set {
            if let position = pairs.firstIndex(where: { $0.name == name }) {
                if let newValue { pairs[position].value = newValue } else { pairs.remove(at: position) }
            } else if let newValue {
                pairs.append((name, newValue))
            }
        }
    }
}

/// Turns the varbinds of one module's scrape into samples, following snmp_exporter's collector:
/// index decoding, lookups, type conversions, enums, bits, regex_extracts, scale and offset.
struct SampleBuilder {
    let module: CompiledModule
    /// Every fetched value by OID (a later duplicate replaces an earlier one, as a Go map would).
    let values: [ObjectIdentifier: SNMPValue]
    let wrapCounters: Bool

    init(module: CompiledModule, varBinds: [VarBind], wrapCounters: Bool) {
        self.module = module
        var values = [ObjectIdentifier: SNMPValue](minimumCapacity: varBinds.count)
        for varBind in varBinds { values[varBind.oid] = varBind.value }
        self.values = values
        self.wrapCounters = wrapCounters
    }

    /// A looked-up label of one row, rendered once for all the metrics of that row.
    private struct LookupKey: Hashable {
        var oid: ObjectIdentifier
        var type: String
        var displayHint: String
        var enumCount: Int
    }

    func build(into set: inout SampleSet) {
        var lookups: [LookupKey: (text: String, integer: Int)] = [:]
        for (oid, value) in values {
            guard let (metric, index) = module.metric(for: oid) else { continue }
            samples(metric: metric, index: index, value: value, lookups: &lookups, into: &set)
        }
    }

    private func samples(metric: MetricConfiguration, index: ArraySlice<Int>, value: SNMPValue,
                         lookups: inout [LookupKey: (text: String, integer: Int)], into set: inout SampleSet) {
        var labels = self.labels(for: metric, index: index, cache: &lookups)
        var number = ValueConversion.number(value, wrapCounters: wrapCounters)
        let type: SampleType
        switch metric.type {
        case "counter":
            type = .counter
        case "gauge", "Float", "Double":
            type = .gauge
        case "DateAndTime", "ParseDateAndTime", "NTPTimeStamp":
            let converted: Double?
            switch metric.type {
            case "DateAndTime": converted = ValueConversion.dateAndTime(value)
            case "NTPTimeStamp": converted = ValueConversion.ntpTimestamp(value)
            default: converted = StrptimeParser.unixSeconds(
                ValueConversion.text(value, type: "DisplayString", displayHint: ""), pattern: metric.dateTimePattern)
            }
            guard let converted else { return }  // snmp_exporter logs and drops unparsable times
            number = converted
            type = .gauge
        case "EnumAsInfo":
            let state = enumName(metric.enumValues, Self.int(number))
            guard labels[metric.name] == nil else { return }
            labels[metric.name] = state
            set.add(Sample(name: metric.name + "_info", help: metric.help + " (EnumAsInfo)", type: .gauge,
                           labels: pairs(labels), value: 1))
            return
        case "EnumAsStateSet":
            let current = Self.int(number)
            let help = metric.help + " (EnumAsStateSet)"
            labels[metric.name] = enumName(metric.enumValues, current)
            set.add(Sample(name: metric.name, help: help, type: .gauge, labels: pairs(labels), value: 1))
            for (key, name) in metric.enumValues.sorted(by: { $0.key < $1.key }) where key != current {
                labels[metric.name] = name
                set.add(Sample(name: metric.name, help: help, type: .gauge, labels: pairs(labels), value: 0))
            }
            return
        case "Bits":
            guard case .octetString(let string) = value else {
                set.fail(descName: "snmp_error", help: "BITS type was not a BISTRING on the wire.",
                         "error for metric \(metric.name) with labels \(goList(pairs(labels).map(\.value))): \(value.typeName)")
                return
            }
            let bytes = string.bytes
            for (bit, name) in metric.enumValues.sorted(by: { $0.key < $1.key }) {
                var on = 0.0
                if bit >= 0, bit < bytes.count * 8, bytes[bit / 8] & (0x80 >> UInt8(bit % 8)) != 0 { on = 1 }
                labels[metric.name] = name
                set.add(Sample(name: metric.name, help: metric.help + " (Bits)", type: .gauge,
                               labels: pairs(labels), value: on))
            }
            return
        default:
            // Some form of string: the value becomes a label named after the metric, the sample is 1.
            type = .gauge
            number = 1
            let renderAs = resolvedType(metric.type, column: metric.oid, index: Array(index))
            let text = ValueConversion.text(value, type: renderAs, displayHint: metric.displayHint)
            if !metric.regexExtracts.isEmpty {
                extract(metric, text: text, labels: pairs(labels), into: &set)
                return
            }
            if labels[metric.name] == nil { labels[metric.name] = text }
        }
        if metric.scale != 0 { number *= metric.scale }
        number += metric.offset
        set.add(Sample(name: metric.name, help: metric.help, type: type, labels: pairs(labels), value: number))
    }

    /// `regex_extracts`: per suffix, the first pattern that matches and yields a number makes the sample.
    private func extract(_ metric: MetricConfiguration, text: String, labels: [(name: String, value: String)],
                         into set: inout SampleSet) {
        for (suffix, extracts) in metric.regexExtracts {
            for extract in extracts {
                guard let expanded = extract.regex.expand(extract.value, matching: text),
                      var number = GoParseFloat.parse(expanded) else { continue }
                if metric.scale != 0 { number *= metric.scale }
                number += metric.offset
                set.add(Sample(name: metric.name + suffix, help: metric.help + " (regex extracted)", type: .gauge,
                               labels: labels, value: number))
                break
            }
        }
    }

    /// Index labels, then lookups (`indexesToLabels`).
    private func labels(for metric: MetricConfiguration, index: ArraySlice<Int>,
                        cache: inout [LookupKey: (text: String, integer: Int)]) -> LabelSet {
        var labels = LabelSet()
        labels.pairs.reserveCapacity(metric.indexes.count + metric.lookups.count + 1)
        var labelArcs: [(name: String, arcs: [Int])] = []
        func arcs(of label: String) -> [Int]? { labelArcs.last { $0.name == label }?.arcs }
        var rest = index
        for component in metric.indexes {
            let decoded = IndexDecoder.decode(rest, type: component.type, fixedSize: component.fixedSize,
                                              implied: component.implied, enumValues: component.enumValues)
            labels[component.labelName] = decoded.text
            labelArcs.append((component.labelName, decoded.used))
            rest = decoded.rest
        }
        for lookup in metric.lookups {
            guard !lookup.labels.isEmpty, let column = lookup.oid else {
                labels[lookup.labelName] = nil
                continue
            }
            var oid = column
            var complete = true
            for label in lookup.labels {
                guard let more = arcs(of: label), !more.isEmpty, more.allSatisfy({ UInt32(exactly: $0) != nil }),
                      oid.count + more.count <= ObjectIdentifier.maximumArcCount else {
                    complete = false
                    break
                }
                oid = oid.appending(more.lazy.map { UInt32($0) })
            }
            guard complete else {
                labels[lookup.labelName] = ""
                continue
            }
            let key = LookupKey(oid: oid, type: lookup.type, displayHint: lookup.displayHint,
                                enumCount: lookup.enumValues.count)
            if let cached = cache[key], lookup.enumValues.isEmpty {
                labels[lookup.labelName] = cached.text
                labelArcs.append((lookup.labelName, [cached.integer]))
                continue
            }
            guard let value = values[oid] else {
                labels[lookup.labelName] = ""
                continue
            }
            let rowIndex = oid.arcs.dropFirst(column.count).map(Int.init)
            let type = resolvedLookupType(lookup.type, column: column, rowIndex: rowIndex)
            let text: String
            if type == "EnumAsInfo" && !lookup.enumValues.isEmpty {
                text = enumName(lookup.enumValues, ValueConversion.integer(value))
            } else {
                text = ValueConversion.text(value, type: type, displayHint: lookup.displayHint)
            }
            labels[lookup.labelName] = text
            let integer = ValueConversion.integer(value)
            labelArcs.append((lookup.labelName, [integer]))
            if lookup.enumValues.isEmpty { cache[key] = (text, integer) }
        }
        return labels
    }

    /// For InetAddress and LldpPortId: the rendering chosen by the previous column's value in the same row,
    /// `OctetString` when that is missing or unknown.
    private func resolvedType(_ type: String, column: ObjectIdentifier, index: [Int]) -> String {
        guard let mapping = IndexDecoder.combinedTypes[type] else { return type }
        guard let previous = previousColumn(column, index: index), let value = values[previous] else {
            return "OctetString"
        }
        return mapping[ValueConversion.integer(value)] ?? "OctetString"
    }

    /// Lookups keep the combined type when the type column is missing (snmp_exporter's lookup path).
    private func resolvedLookupType(_ type: String, column: ObjectIdentifier, rowIndex: [Int]) -> String {
        guard let mapping = IndexDecoder.combinedTypes[type] else { return type }
        guard let previous = previousColumn(column, index: rowIndex), let value = values[previous],
              let resolved = mapping[ValueConversion.integer(value)] else { return type }
        return resolved
    }

    private func previousColumn(_ column: ObjectIdentifier, index: [Int]) -> ObjectIdentifier? {
        var arcs = column.arcs
        guard let last = arcs.last, last > 0, index.allSatisfy({ UInt32(exactly: $0) != nil }) else { return nil }
        arcs[arcs.count - 1] = last - 1
        arcs += index.map { UInt32($0) }
        return arcs.count <= ObjectIdentifier.maximumArcCount ? ObjectIdentifier(arcs) : nil
    }

    private func enumName(_ values: [Int: String], _ value: Int) -> String { values[value] ?? String(value) }

    private func pairs(_ labels: LabelSet) -> [(name: String, value: String)] { labels.pairs }

    private func goList(_ values: [String]) -> String { "[" + values.joined(separator: " ") + "]" }

    /// Go's `int(float64)` for the values enums see, without trapping on out-of-range input.
    static func int(_ value: Double) -> Int {
        guard value.isFinite else { return Int.min }
        return Int(exactly: value.rounded(.towardZero)) ?? Int.min  // Go on amd64: out of range is MinInt64
    }
}

/// Go's `strconv.ParseFloat(s, 64)` for regex_extracts values.
enum GoParseFloat {
    static func parse(_ text: String) -> Double? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 > 0x20 }) else { return nil }
        switch text.lowercased() {
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        case "nan": return .nan
        default: break
        }
        var cleaned = text
        if cleaned.contains("_") {
            // Go accepts underscores only between digits of a base-prefixed literal; decimal ones fail.
            guard cleaned.lowercased().hasPrefix("0x") || cleaned.lowercased().hasPrefix("-0x") else { return nil }
            cleaned = cleaned.replacingOccurrences(of: "_", with: "")
        }
        return Double(cleaned)
    }
}

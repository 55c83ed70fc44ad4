/// One sample of the text exposition.
struct Sample {
    var name: String
    var help: String
    var type: SampleType
    /// Label pairs; sorted by name when written.
    var labels: [(name: String, value: String)]
    var value: Double
}

/// The TYPE of a metric family.
enum SampleType: String {
    case counter, gauge, untyped
}

/// The samples of one scrape grouped into metric families, plus the errors that make the scrape fail as a
/// whole (snmp_exporter answers 500 when any metric of a scrape is invalid).
struct SampleSet {
    private(set) var families: [String: Family] = [:]
    private(set) var errors: [String] = []

    struct Family {
        var help: String
        var type: SampleType
        var samples: [(labels: [(name: String, value: String)], value: Double)] = []
        var seen: Set<[String]> = []
    }

    var isEmpty: Bool { families.isEmpty }

    mutating func add(_ sample: Sample) {
        var labels = sample.labels
        labels.sort { $0.name < $1.name }
        let key = labels.flatMap { [$0.name, $0.value] }
        if families[sample.name] == nil {
            families[sample.name] = Family(help: sample.help, type: sample.type)
        }
        guard families[sample.name]?.seen.insert(key).inserted == true else {
            // client_golang rejects a second sample with the same name and labels.
            let rendered = labels.map { "\($0.name)=\(TextExposition.quoted($0.value))" }.joined(separator: ",")
            errors.append("collected metric \(sample.name){\(rendered)} was collected before with the same name and label values")
            return
        }
        families[sample.name]?.samples.append((labels, sample.value))
    }

    /// An invalid metric: client_golang reports it as `error collecting metric Desc{…}: reason`.
    mutating func fail(descName: String, help: String, _ reason: String) {
        errors.append("error collecting metric Desc{fqName: \"\(descName)\", help: \"\(help)\", constLabels: {}, variableLabels: []}: \(reason)")
    }

    /// The body of snmp_exporter's 500 answer for the errors (promhttp's `HTTPErrorOnError`).
    var errorBody: String? {
        guard !errors.isEmpty else { return nil }
        let detail = errors.count == 1 ? errors[0]
            : "\(errors.count) error(s) occurred:" + errors.map { "\n* " + $0 }.joined()
        return "An error has occurred while serving metrics:\n\n" + detail + "\n"
    }
}

/// The Prometheus text format (version 0.0.4), written as client_golang writes it: families by name,
/// samples ordered by their label values, Go's float formatting.
enum TextExposition {
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    static func write(_ set: SampleSet, into out: inout String) {
        for name in set.families.keys.sorted() {
            guard let family = set.families[name] else { continue }
            out += "# HELP " + name + " " + escapeHelp(family.help) + "\n"
            out += "# TYPE " + name + " " + family.type.rawValue + "\n"
            let ordered = family.samples.sorted { a, b in
                if a.labels.count != b.labels.count { return a.labels.count < b.labels.count }
                for (x, y) in zip(a.labels, b.labels) where x.value != y.value {
                    return x.value.utf8.lexicographicallyPrecedes(y.value.utf8)  // Go compares bytes
                }
                return false
            }
            for sample in ordered {
                out += name
                if !sample.labels.isEmpty {
                    out += "{"
                    var first = true
                    for label in sample.labels {
                        if !first { out += "," }
                        first = false
                        out += label.name + "=" + quoted(label.value)
                    }
                    out += "}"
                }
                out += " " + GoFloat.exposition(sample.value) + "\n"
            }
        }
    }

    static func escapeHelp(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x0A }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func quoted(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 0x5C || $0 == 0x0A || $0 == 0x22 }) else { return "\"" + value + "\"" }
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

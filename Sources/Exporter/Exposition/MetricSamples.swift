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
    }

    var isEmpty: Bool { families.isEmpty }

    mutating func add(_ sample: Sample) {
        var labels = sample.labels
        labels.sort { $0.name < $1.name }
        families[sample.name, default: Family(help: sample.help, type: sample.type)].samples.append((labels, sample.value))
        isFinished = false
    }

    private var isFinished = true

    /// Orders each family's samples as client_golang does (by label count, then label values byte-wise) and
    /// reports a sample whose name and labels repeat an earlier one, which client_golang rejects.
    mutating func finish() {
        guard !isFinished else { return }
        isFinished = true
        for name in families.keys {
            guard var family = families[name] else { continue }
            family.samples.sort { a, b in
                if a.labels.count != b.labels.count { return a.labels.count < b.labels.count }
                for (x, y) in zip(a.labels, b.labels) where x.value != y.value {
                    return x.value.utf8.lexicographicallyPrecedes(y.value.utf8)  // Go compares bytes
                }
                return false
            }
            var previous: [(name: String, value: String)]?
            for sample in family.samples {
                if let previous, previous.elementsEqual(sample.labels, by: { $0.name == $1.name && $0.value == $1.value }) {
                    let rendered = sample.labels.map { "\($0.name)=\(TextExposition.quoted($0.value))" }.joined(separator: ",")
                    errors.append("collected metric \(name){\(rendered)} was collected before with the same name and label values")
                }
                previous = sample.labels
            }
            families[name] = family
        }
    }

    /// An invalid metric: client_golang reports it as `error collecting metric Desc{…}: reason`.
    mutating func fail(descName: String, help: String, _ reason: String) {
        errors.append("error collecting metric Desc{fqName: \"\(descName)\", help: \"\(help)\", constLabels: {}, variableLabels: []}: \(reason)")
    }

    /// The body of snmp_exporter's 500 answer for the errors (promhttp's `HTTPErrorOnError`); call
    /// ``finish()`` first so duplicates are counted.
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
        var set = set
        set.finish()
        for name in set.families.keys.sorted() {
            guard let family = set.families[name] else { continue }
            out += "# HELP " + name + " " + escapeHelp(family.help) + "\n"
            out += "# TYPE " + name + " " + family.type.rawValue + "\n"
            for sample in family.samples {
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

/// A regular expression from snmp.yml (`regex_extracts`, `filters`), matched on Unicode scalars as Go's
/// RE2 matches runes, with Go's `$1` / `${name}` template expansion.
public struct ExtractPattern: @unchecked Sendable {
    // Regex<AnyRegexOutput> is immutable after compilation; matching does not mutate it.
    private let regex: Regex<AnyRegexOutput>
    /// The pattern as written in the configuration.
    public let source: String

    /// Compiles `pattern`; `anchored` wraps it as snmp_exporter does for regex_extracts (`^(?:…)$`).
    /// Returns `nil` when the pattern is not a valid regular expression.
    public init?(_ pattern: String, anchored: Bool) {
        guard let regex = try? Regex(anchored ? "^(?:" + pattern + ")$" : pattern) else { return nil }
        self.regex = regex.matchingSemantics(.unicodeScalar)
        self.source = pattern
    }

    /// Whether the pattern matches anywhere in `text`.
    func matches(_ text: String) -> Bool {
        (try? regex.firstMatch(in: text)) != nil
    }

    /// The template expanded with the first match's groups, or `nil` when the pattern does not match.
    func expand(_ template: String, matching text: String) -> String? {
        guard let match = try? regex.firstMatch(in: text) else { return nil }
        let output = match.output
        func group(_ name: Substring) -> String {
            if let number = Int(name) {
                guard number >= 0, number < output.count, let range = output[number].range else { return "" }
                return String(text[range])
            }
            for element in output where element.name == String(name) {
                if let range = element.range { return String(text[range]) }
            }
            return ""
        }
        // Go regexp.Expand: "$$" is "$", "$name" takes the longest run of letters, digits and "_",
        // "${name}" is explicit; a "$" not followed by a valid name is kept as text.
        var result = ""
        var rest = Substring(template)
        while let dollar = rest.firstIndex(of: "$") {
            result += rest[..<dollar]
            rest = rest[rest.index(after: dollar)...]
            if rest.first == "$" {
                result += "$"
                rest = rest.dropFirst()
                continue
            }
            if rest.first == "{" {
                let body = rest.dropFirst()
                if let close = body.firstIndex(of: "}") {
                    let name = body[..<close]
                    if !name.isEmpty, name.allSatisfy(Self.isNameCharacter) {
                        result += group(name)
                        rest = body[body.index(after: close)...]
                        continue
                    }
                }
                result += "$"
                continue
            }
            let name = rest.prefix(while: Self.isNameCharacter)
            if name.isEmpty {
                result += "$"
                continue
            }
            result += group(name)
            rest = rest.dropFirst(name.count)
        }
        return result + rest
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character == "_" || (character.isASCII && (character.isLetter || character.isNumber))
    }
}

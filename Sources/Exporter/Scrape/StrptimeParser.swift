/// strptime-style parsing for `ParseDateAndTime` metrics (`datetime_pattern:` such as `%Y-%m-%d %H:%M:%S`),
/// with the directives snmp_exporter's parser (timefmt) accepts; times without `%z` are UTC.
enum StrptimeParser {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august",
                                     "september", "october", "november", "december"]
    private static let days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
    private static let dayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]

    private struct Fields {
        var year = 1900, month = 1, day = 1, hour = 0, minute = 0, second = 0
        var pm: Bool?
        var offset = 0
        var epoch: Int?
    }

    static func unixSeconds(_ text: String, pattern: String) -> Double? {
        var input = Substring(text).unicodeScalars[...]
        var fields = Fields()
        guard parse(Substring(pattern).unicodeScalars[...], &input, &fields), input.isEmpty else { return nil }
        if let epoch = fields.epoch { return Double(epoch) }
        var hour = fields.hour
        if let pm = fields.pm {
            hour = hour % 12 + (pm ? 12 : 0)
        }
        let seconds = CivilTime.unixSeconds(year: fields.year, month: fields.month, day: fields.day, hour: hour,
                                            minute: fields.minute, second: fields.second)
        return Double(seconds - fields.offset)
    }

    private static func parse(_ pattern: Substring.UnicodeScalarView.SubSequence,
                              _ input: inout Substring.UnicodeScalarView.SubSequence, _ fields: inout Fields) -> Bool {
        var pattern = pattern
        while let scalar = pattern.first {
            pattern = pattern.dropFirst()
            guard scalar == "%" else {
                if scalar == " " {
                    while input.first == " " { input = input.dropFirst() }
                    continue
                }
                guard input.first == scalar else { return false }
                input = input.dropFirst()
                continue
            }
            guard let directive = pattern.first else { return false }
            pattern = pattern.dropFirst()
            switch directive {
            case "Y": guard let v = number(&input, 4, signed: true) else { return false }; fields.year = v
            case "y":
                guard let v = number(&input, 2) else { return false }
                fields.year = v < 69 ? 2000 + v : 1900 + v
            case "m": guard let v = number(&input, 2) else { return false }; fields.month = v
            case "d", "e":
                while input.first == " " { input = input.dropFirst() }
                guard let v = number(&input, 2) else { return false }; fields.day = v
            case "H", "k":
                while input.first == " " { input = input.dropFirst() }
                guard let v = number(&input, 2) else { return false }; fields.hour = v
            case "I", "l":
                while input.first == " " { input = input.dropFirst() }
                guard let v = number(&input, 2) else { return false }; fields.hour = v
            case "M": guard let v = number(&input, 2) else { return false }; fields.minute = v
            case "S": guard let v = number(&input, 2) else { return false }; fields.second = v
            case "j":
                guard let v = number(&input, 3) else { return false }
                fields.month = 1
                fields.day = v
            case "f": guard number(&input, 9) != nil else { return false }
            case "s": guard let v = number(&input, 19, signed: true) else { return false }; fields.epoch = v
            case "b", "h": guard let v = name(&input, months) else { return false }; fields.month = v + 1
            case "B": guard let v = name(&input, monthNames) ?? name(&input, months) else { return false }; fields.month = v + 1
            case "a": guard name(&input, days) != nil else { return false }
            case "A": guard name(&input, dayNames) ?? name(&input, days) != nil else { return false }
            case "p":
                guard let v = name(&input, ["am", "pm"]) else { return false }
                fields.pm = v == 1
            case "z":
                if input.first == "Z" {
                    input = input.dropFirst()
                    continue
                }
                guard let sign = input.first, sign == "+" || sign == "-" else { return false }
                input = input.dropFirst()
                guard let h = number(&input, 2, exact: true) else { return false }
                if input.first == ":" { input = input.dropFirst() }
                guard let m = number(&input, 2, exact: true) else { return false }
                fields.offset = (h * 3600 + m * 60) * (sign == "-" ? -1 : 1)
            case "Z":
                let letters = input.prefix { ("A"..."Z").contains($0) || ("a"..."z").contains($0) }
                guard !letters.isEmpty else { return false }
                input = input.dropFirst(letters.count)
            case "T": guard parse(Substring("%H:%M:%S").unicodeScalars[...], &input, &fields) else { return false }
            case "D": guard parse(Substring("%m/%d/%y").unicodeScalars[...], &input, &fields) else { return false }
            case "F": guard parse(Substring("%Y-%m-%d").unicodeScalars[...], &input, &fields) else { return false }
            case "R": guard parse(Substring("%H:%M").unicodeScalars[...], &input, &fields) else { return false }
            case "n", "t": while input.first == " " || input.first == "\n" || input.first == "\t" { input = input.dropFirst() }
            case "%": guard input.first == "%" else { return false }; input = input.dropFirst()
            default: return false
            }
        }
        return true
    }

    private static func number(_ input: inout Substring.UnicodeScalarView.SubSequence, _ maximum: Int,
                               signed: Bool = false, exact: Bool = false) -> Int? {
        var negative = false
        if signed, let first = input.first, first == "-" || first == "+" {
            negative = first == "-"
            input = input.dropFirst()
        }
        let digits = input.prefix(maximum).prefix { ("0"..."9").contains($0) }
        guard !digits.isEmpty, !exact || digits.count == maximum else { return nil }
        input = input.dropFirst(digits.count)
        var value = 0
        for digit in digits {
            let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowSum) = times.addingReportingOverflow(Int(digit.value - 48))
            guard !overflowTimes, !overflowSum else { return nil }  // no trap on a long number from the wire
            value = sum
        }
        return negative ? -value : value
    }

    private static func name(_ input: inout Substring.UnicodeScalarView.SubSequence, _ names: [String]) -> Int? {
        let text = String(String.UnicodeScalarView(input.prefix(12))).lowercased()
        for (index, name) in names.enumerated() where text.hasPrefix(name) {
            input = input.dropFirst(name.unicodeScalars.count)
            return index
        }
        return nil
    }
}

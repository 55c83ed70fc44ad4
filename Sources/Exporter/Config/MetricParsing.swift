import SNMP

extension ExporterConfiguration {
    /// Metric types the collector knows (snmp_exporter's `pduToSamples` cases and string renderings).
    static let metricTypes: Set<String> = [
        "counter", "gauge", "Float", "Double", "DateAndTime", "ParseDateAndTime", "NTPTimeStamp", "EnumAsInfo",
        "EnumAsStateSet", "Bits", "OctetString", "DisplayString", "PhysAddress48", "IpAddr", "InetAddress",
        "InetAddressMissingSize", "InetAddressIPv4", "InetAddressIPv6", "LldpPortId", "Integer32", "Integer",
    ]

    /// Index types that can be rendered (snmp_exporter's `RenderableIndexTypes`).
    static let indexTypes: Set<String> = [
        "Integer32", "Integer", "gauge", "counter", "PhysAddress48", "OctetString", "DisplayString",
        "InetAddressIPv4", "InetAddressIPv6", "InetAddress", "InetAddressMissingSize", "LldpPortId", "EnumAsInfo",
    ]

    static func parseMetric(_ value: YAMLValue) throws(ConfigurationError) -> MetricConfiguration {
        let fields = try value.fields([
            "name", "oid", "type", "help", "indexes", "lookups", "regex_extracts", "datetime_pattern",
            "enum_values", "offset", "scale", "display_hint",
        ])
        guard let nameField = fields["name"] else { throw value.error("metric without \"name\"") }
        guard let oidField = fields["oid"] else { throw value.error("metric without \"oid\"") }
        let name = try nameField.string()
        guard PrometheusName.isValidMetricName(name) else { throw nameField.error("invalid metric name \"\(name)\"") }
        let type = try fields["type"]?.string() ?? ""
        guard metricTypes.contains(type) else {
            throw (fields["type"] ?? value).error("unknown metric type \"\(type)\"")
        }
        var metric = MetricConfiguration(name: name, oid: try oidField.oid(), type: type)
        metric.help = try fields["help"]?.string() ?? ""
        metric.displayHint = try fields["display_hint"]?.string() ?? ""
        metric.dateTimePattern = try fields["datetime_pattern"]?.string() ?? ""
        metric.offset = try fields["offset"]?.double() ?? 0
        metric.scale = try fields["scale"]?.double() ?? 0
        metric.enumValues = try fields["enum_values"]?.enumValues() ?? [:]
        for item in try fields["indexes"]?.sequence() ?? [] { metric.indexes.append(try parseIndex(item)) }
        for item in try fields["lookups"]?.sequence() ?? [] { metric.lookups.append(try parseLookup(item)) }
        for (suffix, list) in try fields["regex_extracts"]?.mapping() ?? [] {
            var extracts: [RegexExtract] = []
            for item in try list.sequence() {
                let extract = try item.fields(["regex", "value"])
                guard let regexField = extract["regex"] else { throw item.error("regex_extract without \"regex\"") }
                let pattern = try regexField.string()
                guard let regex = ExtractPattern(pattern, anchored: true) else {
                    throw regexField.error("invalid regular expression \"\(pattern)\"")
                }
                var value = try extract["value"]?.string() ?? ""
                if value.isEmpty { value = "$1" }
                extracts.append(RegexExtract(regex: regex, value: value))
            }
            guard PrometheusName.isValidMetricName(name + suffix) else {
                throw list.error("invalid metric name \"\(name + suffix)\"")
            }
            metric.regexExtracts.append((suffix, extracts))
        }
        if type == "ParseDateAndTime" && metric.dateTimePattern.isEmpty {
            throw value.error("ParseDateAndTime needs \"datetime_pattern\"")
        }
        return metric
    }

    static func parseIndex(_ value: YAMLValue) throws(ConfigurationError) -> IndexConfiguration {
        let fields = try value.fields(["labelname", "type", "fixed_size", "implied", "enum_values"])
        let label = try fields["labelname"]?.string() ?? ""
        guard PrometheusName.isValidLabelName(label) else {
            throw (fields["labelname"] ?? value).error("invalid label name \"\(label)\"")
        }
        let type = try fields["type"]?.string() ?? ""
        guard indexTypes.contains(type) else { throw (fields["type"] ?? value).error("invalid index type \"\(type)\"") }
        var index = IndexConfiguration(labelName: label, type: type)
        if let field = fields["fixed_size"] {
            index.fixedSize = try field.int()
            guard (0...128).contains(index.fixedSize) else { throw field.error("must be 0...128") }
        }
        index.implied = try fields["implied"]?.bool() ?? false
        index.enumValues = try fields["enum_values"]?.enumValues() ?? [:]
        return index
    }

    static func parseLookup(_ value: YAMLValue) throws(ConfigurationError) -> LookupConfiguration {
        let fields = try value.fields(["labels", "labelname", "oid", "type", "display_hint", "enum_values"])
        let label = try fields["labelname"]?.string() ?? ""
        guard PrometheusName.isValidLabelName(label) else {
            throw (fields["labelname"] ?? value).error("invalid label name \"\(label)\"")
        }
        var lookup = LookupConfiguration(labels: try fields["labels"]?.strings() ?? [], labelName: label)
        if let field = fields["oid"], !(try field.string()).isEmpty { lookup.oid = try field.oid() }
        lookup.type = try fields["type"]?.string() ?? ""
        if !lookup.labels.isEmpty {
            guard lookup.oid != nil else { throw value.error("lookup with labels needs an \"oid\"") }
            guard metricTypes.contains(lookup.type) else {
                throw (fields["type"] ?? value).error("unknown lookup type \"\(lookup.type)\"")
            }
        }
        lookup.displayHint = try fields["display_hint"]?.string() ?? ""
        lookup.enumValues = try fields["enum_values"]?.enumValues() ?? [:]
        return lookup
    }

    static func parseFilter(_ value: YAMLValue) throws(ConfigurationError) -> DynamicFilter {
        let fields = try value.fields(["oid", "targets", "values"])
        guard let oidField = fields["oid"] else { throw value.error("filter without \"oid\"") }
        var targets: [ObjectIdentifier] = []
        for item in try fields["targets"]?.sequence() ?? [] { targets.append(try item.oid()) }
        var values: [ExtractPattern] = []
        for item in try fields["values"]?.sequence() ?? [] {
            let pattern = try item.string()
            guard let regex = ExtractPattern(pattern, anchored: false) else {
                throw item.error("invalid regular expression \"\(pattern)\"")
            }
            values.append(regex)
        }
        return DynamicFilter(oid: try oidField.oid(), targets: targets, values: values)
    }
}

/// Prometheus's name rules.
enum PrometheusName {
    static func isValidMetricName(_ name: String) -> Bool {
        guard let first = name.utf8.first, !(0x30...0x39).contains(first) else { return false }
        return name.utf8.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ":") }
    }

    static func isValidLabelName(_ name: String) -> Bool {
        guard let first = name.utf8.first, !(0x30...0x39).contains(first) else { return false }
        return name.utf8.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "_") }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}

import SNMP

/// snmp_exporter's `generator.yml`: which subtrees to turn into metrics, with lookups, overrides and filters.
public struct GeneratorConfiguration: Sendable {
    /// Copied to snmp.yml's `auths:` as they are.
    public var auths: [(name: String, auth: AuthConfiguration)] = []
    /// The modules to generate, in file order.
    public var modules: [(name: String, module: Module)] = []

    /// One module of generator.yml.
    public struct Module: Sendable {
        /// Names or dotted OIDs of subtrees, tables, columns, scalars or instances.
        public var walk: [String] = []
        /// Index lookups: `source_indexes` looked up in the `lookup` column.
        public var lookups: [Lookup] = []
        /// Per metric name (or OID): ignore, type, name, help, regex_extracts, scale, offset, display_hint.
        public var overrides: [String: Override] = [:]
        /// Walk settings copied to the module.
        public var walkParameters = WalkParameters()
        /// Static filters (fixed indexes to GET instead of walking).
        public var staticFilters: [(targets: [String], indices: [String])] = []
        /// Dynamic filters, copied to snmp.yml's `filters:`.
        public var dynamicFilters: [(oid: String, targets: [String], values: [String])] = []
    }

    /// One `lookups:` entry.
    public struct Lookup: Sendable {
        /// The index labels the looked-up column is indexed by.
        public var sourceIndexes: [String]
        /// The column (name or OID) whose value becomes a label.
        public var lookup: String
        /// Whether the source index labels are dropped afterwards.
        public var dropSourceIndexes = false
        /// A DISPLAY-HINT, or `@mib` for the column's own.
        public var displayHint = ""
    }

    /// One `overrides:` entry.
    public struct Override: Sendable {
        /// Leave the metric out.
        public var ignore = false
        /// Replace the metric type.
        public var type = ""
        /// Rename the metric.
        public var name = ""
        /// Replace the HELP text.
        public var help = ""
        /// `regex_extracts` as in snmp.yml, kept as YAML text pairs (suffix, [(regex, value)]).
        public var regexExtracts: [(suffix: String, extracts: [(regex: String, value: String)])] = []
        /// Multiplies the value.
        public var scale: Double = 0
        /// Added to the value.
        public var offset: Double = 0
        /// A DISPLAY-HINT, or `@mib`.
        public var displayHint = ""
        /// For ParseDateAndTime.
        public var dateTimePattern = ""
    }
}

extension GeneratorConfiguration {
    /// Parses generator.yml (current layout: `auths:` and `modules:`).
    public static func parse(yaml text: String, file: String = "generator.yml") throws(ConfigurationError) -> GeneratorConfiguration {
        let root = try ExporterConfiguration.composeRoot(text, file: file)
        var result = GeneratorConfiguration()
        guard let root else { return result }
        let fields = try root.fields(["auths", "modules"])
        for (name, auth) in try fields["auths"]?.mapping() ?? [] {
            result.auths.append((name, try ExporterConfiguration.parseAuth(auth, extraFields: ["version"])))
        }
        for (name, value) in try fields["modules"]?.mapping() ?? [] {
            result.modules.append((name, try parseModule(value)))
        }
        return result
    }

    private static func parseModule(_ value: YAMLValue) throws(ConfigurationError) -> Module {
        let fields = try value.fields(["walk", "lookups", "overrides", "max_repetitions", "retries", "timeout",
                                       "allow_nonincreasing_oids", "use_unconnected_udp_socket", "filters"])
        var module = Module()
        module.walk = try fields["walk"]?.strings() ?? []
        for item in try fields["lookups"]?.sequence() ?? [] {
            let lookup = try item.fields(["source_indexes", "lookup", "drop_source_indexes", "display_hint"])
            guard let target = lookup["lookup"] else { throw item.error("lookup without \"lookup\"") }
            module.lookups.append(Lookup(sourceIndexes: try lookup["source_indexes"]?.strings() ?? [],
                                         lookup: try target.string(),
                                         dropSourceIndexes: try lookup["drop_source_indexes"]?.bool() ?? false,
                                         displayHint: try lookup["display_hint"]?.string() ?? ""))
        }
        for (name, item) in try fields["overrides"]?.mapping() ?? [] {
            let override = try item.fields(["ignore", "type", "name", "help", "regex_extracts", "scale", "offset",
                                             "display_hint", "datetime_pattern"])
            var result = Override()
            result.ignore = try override["ignore"]?.bool() ?? false
            result.type = try override["type"]?.string() ?? ""
            if !result.type.isEmpty, !ExporterConfiguration.metricTypes.contains(result.type) {
                throw (override["type"] ?? item).error("unknown metric type \"\(result.type)\"")
            }
            result.name = try override["name"]?.string() ?? ""
            result.help = try override["help"]?.string() ?? ""
            result.scale = try override["scale"]?.double() ?? 0
            result.offset = try override["offset"]?.double() ?? 0
            result.displayHint = try override["display_hint"]?.string() ?? ""
            result.dateTimePattern = try override["datetime_pattern"]?.string() ?? ""
            for (suffix, list) in try override["regex_extracts"]?.mapping() ?? [] {
                var extracts: [(regex: String, value: String)] = []
                for entry in try list.sequence() {
                    let pair = try entry.fields(["regex", "value"])
                    let regex = try pair["regex"]?.string() ?? ""
                    guard ExtractPattern(regex, anchored: true) != nil else {
                        throw (pair["regex"] ?? entry).error("invalid regular expression \"\(regex)\"")
                    }
                    extracts.append((regex, try pair["value"]?.string() ?? "$1"))
                }
                result.regexExtracts.append((suffix, extracts))
            }
            module.overrides[name] = result
        }
        var walk = WalkParameters()
        if let field = fields["max_repetitions"] { walk.maxRepetitions = try field.int() }
        if let field = fields["retries"] { walk.retries = try field.int() }
        if let field = fields["timeout"] { walk.timeout = try field.duration() }
        if let field = fields["allow_nonincreasing_oids"] { walk.allowNonIncreasingOIDs = try field.bool() }
        if let field = fields["use_unconnected_udp_socket"] { walk.useUnconnectedUDPSocket = try field.bool() }
        module.walkParameters = walk
        if let filters = fields["filters"] {
            let kinds = try filters.fields(["static", "dynamic"])
            for item in try kinds["static"]?.sequence() ?? [] {
                let filter = try item.fields(["targets", "indices"])
                module.staticFilters.append((try filter["targets"]?.strings() ?? [], try filter["indices"]?.strings() ?? []))
            }
            for item in try kinds["dynamic"]?.sequence() ?? [] {
                let filter = try item.fields(["oid", "targets", "values"])
                module.dynamicFilters.append((try filter["oid"]?.string() ?? "", try filter["targets"]?.strings() ?? [],
                                              try filter["values"]?.strings() ?? []))
            }
        }
        return module
    }
}

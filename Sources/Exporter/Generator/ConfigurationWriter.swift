import SNMP
import Yams

extension ExporterConfiguration {
    /// snmp.yml text in the current layout (`auths:` and `modules:`), modules and auths by name; with
    /// `hideSecrets`, passwords and communities read `<secret>` as snmp_exporter's `/config` shows them.
    public func yaml(hideSecrets: Bool = false) throws -> String {
        func secret(_ text: String) -> Node { Node(hideSecrets && !text.isEmpty ? "<secret>" : text) }
        var auths: [(Node, Node)] = []
        for name in self.auths.keys.sorted() {
            guard let auth = self.auths[name] else { continue }
            var fields: [(Node, Node)] = [(Node("community"), secret(auth.community)),
                                          (Node("security_level"), Node(auth.securityLevel))]
            if !auth.username.isEmpty { fields.append((Node("username"), Node(auth.username))) }
            if !auth.password.isEmpty { fields.append((Node("password"), secret(auth.password))) }
            fields.append((Node("auth_protocol"), Node(auth.authProtocol)))
            fields.append((Node("priv_protocol"), Node(auth.privProtocol)))
            if !auth.privPassword.isEmpty { fields.append((Node("priv_password"), secret(auth.privPassword))) }
            if !auth.contextName.isEmpty { fields.append((Node("context_name"), Node(auth.contextName))) }
            fields.append((Node("version"), Node(String(auth.version))))
            auths.append((Node(name), Node(fields)))
        }
        var modules: [(Node, Node)] = []
        for name in self.modules.keys.sorted() {
            guard let module = self.modules[name] else { continue }
            modules.append((Node(name), Self.node(module)))
        }
        var root: [(Node, Node)] = []
        if !auths.isEmpty { root.append((Node("auths"), Node(auths))) }
        root.append((Node("modules"), Node(modules)))
        return try Yams.serialize(node: Node(root))
    }

    private static func node(_ module: ModuleConfiguration) -> Node {
        var fields: [(Node, Node)] = []
        if !module.walk.isEmpty { fields.append((Node("walk"), Node(module.walk.map { Node($0.description) }))) }
        if !module.get.isEmpty { fields.append((Node("get"), Node(module.get.map { Node($0.description) }))) }
        fields.append((Node("metrics"), Node(module.metrics.map(node))))
        let walk = module.walkParameters
        let defaults = WalkParameters()
        if walk.maxRepetitions != defaults.maxRepetitions { fields.append((Node("max_repetitions"), Node(String(walk.maxRepetitions)))) }
        if walk.retries != defaults.retries { fields.append((Node("retries"), Node(String(walk.retries)))) }
        if walk.timeout != defaults.timeout {
            fields.append((Node("timeout"), Node(String(Int64(walk.timeout.seconds * 1000)) + "ms")))
        }
        if walk.allowNonIncreasingOIDs { fields.append((Node("allow_nonincreasing_oids"), Node("true"))) }
        if walk.useUnconnectedUDPSocket { fields.append((Node("use_unconnected_udp_socket"), Node("true"))) }
        if !module.filters.isEmpty {
            fields.append((Node("filters"), Node(module.filters.map { filter in
                Node([(Node("oid"), Node(filter.oid.description)),
                      (Node("targets"), Node(filter.targets.map { Node($0.description) })),
                      (Node("values"), Node(filter.values.map { Node($0.source) }))])
            })))
        }
        return Node(fields)
    }

    private static func node(_ metric: MetricConfiguration) -> Node {
        var fields: [(Node, Node)] = [(Node("name"), Node(metric.name)), (Node("oid"), Node(metric.oid.description)),
                                      (Node("type"), Node(metric.type)), (Node("help"), Node(metric.help))]
        if !metric.indexes.isEmpty {
            fields.append((Node("indexes"), Node(metric.indexes.map { index in
                var pairs: [(Node, Node)] = [(Node("labelname"), Node(index.labelName)), (Node("type"), Node(index.type))]
                if index.fixedSize > 0 { pairs.append((Node("fixed_size"), Node(String(index.fixedSize)))) }
                if index.implied { pairs.append((Node("implied"), Node("true"))) }
                if !index.enumValues.isEmpty { pairs.append((Node("enum_values"), enums(index.enumValues))) }
                return Node(pairs)
            })))
        }
        if !metric.lookups.isEmpty {
            fields.append((Node("lookups"), Node(metric.lookups.map { lookup in
                var pairs: [(Node, Node)] = [(Node("labels"), Node(lookup.labels.map { Node($0) })),
                                             (Node("labelname"), Node(lookup.labelName))]
                if let oid = lookup.oid { pairs.append((Node("oid"), Node(oid.description))) }
                if !lookup.type.isEmpty { pairs.append((Node("type"), Node(lookup.type))) }
                if !lookup.displayHint.isEmpty { pairs.append((Node("display_hint"), Node(lookup.displayHint))) }
                if !lookup.enumValues.isEmpty { pairs.append((Node("enum_values"), enums(lookup.enumValues))) }
                return Node(pairs)
            })))
        }
        if !metric.regexExtracts.isEmpty {
            fields.append((Node("regex_extracts"), Node(metric.regexExtracts.map { suffix, extracts in
                (Node(suffix), Node(extracts.map { Node([(Node("regex"), Node($0.regex.source)), (Node("value"), Node($0.value))]) }))
            })))
        }
        if !metric.enumValues.isEmpty { fields.append((Node("enum_values"), enums(metric.enumValues))) }
        if metric.offset != 0 { fields.append((Node("offset"), Node(String(metric.offset)))) }
        if metric.scale != 0 { fields.append((Node("scale"), Node(String(metric.scale)))) }
        if !metric.displayHint.isEmpty { fields.append((Node("display_hint"), Node(metric.displayHint))) }
        if !metric.dateTimePattern.isEmpty { fields.append((Node("datetime_pattern"), Node(metric.dateTimePattern))) }
        return Node(fields)
    }

    private static func enums(_ values: [Int: String]) -> Node {
        Node(values.keys.sorted().map { (Node(String($0)), Node(values[$0] ?? "")) })
    }
}

public import SNMP

/// Turns generator.yml into snmp.yml with our MIB subsystem, following snmp_exporter's generator: every
/// readable object under the walked subtrees becomes a metric named after the object, typed from its
/// SYNTAX and TEXTUAL-CONVENTION, indexed by its row's INDEX, with the configured lookups and overrides.
public struct ExporterGenerator: Sendable {
    /// The loaded MIB modules.
    public let tree: MIBTree

    /// What cannot be generated.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        /// The module and what is wrong.
        public let description: String
    }

    /// Creates a generator over a MIB tree.
    public init(tree: MIBTree) { self.tree = tree }

    /// snmp.yml for every module of `configuration`; `warnings` collects what snmp_exporter's generator logs.
    public func generate(_ configuration: GeneratorConfiguration,
                         warnings: inout [String]) throws(Failure) -> ExporterConfiguration {
        var output = ExporterConfiguration()
        for (name, auth) in configuration.auths { output.auths[name] = auth }
        for (name, module) in configuration.modules {
            output.modules[name] = try generate(name, module, warnings: &warnings)
        }
        return output
    }

    private func generate(_ name: String, _ config: GeneratorConfiguration.Module,
                          warnings: inout [String]) throws(Failure) -> ModuleConfiguration {
        var typeOverrides: [ObjectIdentifier: String] = [:]
        for (object, override) in config.overrides where !override.type.isEmpty {
            guard let node = node(object) else {
                warnings.append("\(name): could not find node \(object) to override type")
                continue
            }
            typeOverrides[node.oid] = override.type
        }
        // Subtrees, scalars (GET .0) and instances (GET), minimised.
        var roots: [ObjectIdentifier] = []
        for entry in config.walk {
            guard !entry.hasPrefix(".") else { throw Failure(description: "\(name): invalid OID \(entry), prefix of '.' should be removed") }
            if let known = node(entry) {
                roots.append(known.oid)
            } else if let oid = ObjectIdentifier(entry), !oid.isEmpty {
                roots.append(oid)
            } else {
                throw Failure(description: "\(name): cannot find oid '\(entry)' to walk")
            }
        }
        roots = Self.minimize(roots)
        var toWalk = Set<ObjectIdentifier>()
        var toGet = Set<ObjectIdentifier>()
        var instances: [ObjectIdentifier: [[UInt32]]] = [:]
        var metricNodes: [MIBNode] = []
        for root in roots {
            guard let (metricNode, kind) = metricNode(for: root, typeOverrides) else {
                throw Failure(description: "\(name): cannot find oid '\(root)' to walk")
            }
            switch kind {
            case .subtree: toWalk.insert(root)
            case .scalar: toGet.insert(root.appending(0))
            case .instance:
                toGet.insert(root)
                instances[metricNode.oid, default: []].append(Array(root.arcs.dropFirst(metricNode.oid.count)))
            }
            if !metricNodes.contains(where: { $0.oid == metricNode.oid }) { metricNodes.append(metricNode) }
        }
        var metrics: [MetricConfiguration] = []
        for metricNode in metricNodes.sorted(by: { $0.oid < $1.oid }) {
            for node in subtree(of: metricNode) {
                if let metric = try makeMetric(node, config, typeOverrides, module: name, warnings: &warnings) {
                    metrics.append(metric)
                }
            }
        }
        let requiredAsIndex = Set(config.lookups.flatMap(\.sourceIndexes))
        var staticFilters: [ObjectIdentifier: [String]] = [:]
        for filter in config.staticFilters {
            for target in filter.targets {
                if let oid = node(target)?.oid ?? ObjectIdentifier(target) { staticFilters[oid] = filter.indices }
            }
        }
        for position in metrics.indices {
            var dropped: [String] = []
            for lookup in config.lookups {
                let labels = Set(metrics[position].indexes.map(\.labelName))
                guard lookup.sourceIndexes.allSatisfy(labels.contains) else { continue }
                guard let column = node(lookup.lookup) else {
                    throw Failure(description: "\(name): unknown index '\(lookup.lookup)'")
                }
                let rawType = nodeType(column, typeOverrides)
                guard var type = Self.metricType(rawType) else {
                    throw Failure(description: "\(name): unknown index type \(rawType) for \(lookup.lookup)")
                }
                let enums = enumValues(column)
                if !enums.isEmpty && type != "EnumAsStateSet" && rawType != "gauge" { type = "EnumAsInfo" }
                var entry = LookupConfiguration(labels: lookup.sourceIndexes.map(Self.sanitize),
                                                labelName: Self.sanitize(column.name), oid: column.oid, type: type)
                entry.enumValues = enums
                entry.displayHint = lookup.displayHint == "@mib" ? column.syntax?.displayHint ?? "" : lookup.displayHint
                metrics[position].lookups.append(entry)
                if requiredAsIndex.contains(entry.labelName) {
                    guard ExporterConfiguration.indexTypes.contains(type) else {
                        throw Failure(description: "\(name): cannot use lookup '\(lookup.lookup)' of type \(type) as an index")
                    }
                    metrics[position].indexes.append(IndexConfiguration(labelName: entry.labelName, type: type,
                                                                        enumValues: enums))
                }
                if let rows = instances[metrics[position].oid], !rows.isEmpty {
                    for row in rows { toGet.insert(column.oid.appending(row)) }
                } else {
                    toWalk.insert(column.oid)
                }
                if let indices = staticFilters[column.oid] {
                    toWalk.remove(metrics[position].oid)
                    for index in indices { if let oid = ObjectIdentifier(metrics[position].oid.description + "." + index) { toGet.insert(oid) } }
                }
                if lookup.dropSourceIndexes { dropped += lookup.sourceIndexes }
            }
            for label in dropped { metrics[position].lookups.append(LookupConfiguration(labels: [], labelName: Self.sanitize(label))) }
        }
        for position in metrics.indices where ["InetAddress", "InetAddressMissingSize"].contains(metrics[position].type) {
            var arcs = metrics[position].oid.arcs
            guard let last = arcs.last, last > 0 else { continue }
            arcs[arcs.count - 1] = last - 1
            let previous = ObjectIdentifier(arcs)
            if let typeColumn = tree.node(at: previous), typeColumn.syntax?.textualConvention == "InetAddressType" {
                if let rows = instances[metrics[position].oid], !rows.isEmpty {
                    for row in rows { toGet.insert(previous.appending(row)) }
                } else {
                    toWalk.insert(previous)
                }
            } else {
                metrics[position].type = "OctetString"
            }
        }
        for (object, override) in config.overrides {
            for position in metrics.indices where metrics[position].name == object || metrics[position].oid.description == object {
                metrics[position].regexExtracts = override.regexExtracts.map { suffix, extracts in
                    (suffix, extracts.compactMap { regex, value in
                        ExtractPattern(regex, anchored: true).map { RegexExtract(regex: $0, value: value) }
                    })
                }
                metrics[position].dateTimePattern = override.dateTimePattern
                metrics[position].offset = override.offset
                metrics[position].scale = override.scale
                if !override.help.isEmpty { metrics[position].help = override.help }
                if !override.name.isEmpty { metrics[position].name = override.name }
                if override.displayHint == "@mib" {
                    metrics[position].displayHint = tree.node(at: metrics[position].oid)?.syntax?.displayHint ?? ""
                } else if !override.displayHint.isEmpty {
                    metrics[position].displayHint = override.displayHint
                }
            }
        }
        for filter in config.staticFilters {
            for target in filter.targets {
                guard let oid = node(target)?.oid ?? ObjectIdentifier(target) else { continue }
                toWalk.remove(oid)
                for index in filter.indices { if let row = ObjectIdentifier(oid.description + "." + index) { toGet.insert(row) } }
            }
        }
        var module = ModuleConfiguration()
        module.walk = Self.minimize(Array(toWalk)).sorted()
        module.get = toGet.filter { get in !module.walk.contains { $0.isPrefix(of: get) } }.sorted()
        module.metrics = metrics
        module.walkParameters = config.walkParameters
        for filter in config.dynamicFilters {
            guard let oid = node(filter.oid)?.oid ?? ObjectIdentifier(filter.oid) else {
                throw Failure(description: "\(name): cannot find filter oid '\(filter.oid)'")
            }
            let targets = filter.targets.compactMap { node($0)?.oid ?? ObjectIdentifier($0) }
            let values = filter.values.compactMap { ExtractPattern($0, anchored: false) }
            module.filters.append(DynamicFilter(oid: oid, targets: targets, values: values))
        }
        return module
    }
}

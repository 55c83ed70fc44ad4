import SNMP

/// A module prepared for scraping: its metrics in an OID trie, built once per configuration load.
struct CompiledModule: Sendable {
    let name: String
    let configuration: ModuleConfiguration
    private let nodes: [Node]

    private struct Node: Sendable {
        var metric: Int?
        var children: [UInt32: Int] = [:]
    }

    init(name: String, configuration: ModuleConfiguration) {
        self.name = name
        self.configuration = configuration
        var nodes = [Node()]
        for (index, metric) in configuration.metrics.enumerated() {
            var head = 0
            for arc in metric.oid.arcs {
                if let next = nodes[head].children[arc] {
                    head = next
                } else {
                    nodes.append(Node())
                    nodes[head].children[arc] = nodes.count - 1
                    head = nodes.count - 1
                }
            }
            nodes[head].metric = index  // a later metric with the same OID replaces an earlier one
        }
        self.nodes = nodes
    }

    /// The metric whose OID is the shortest configured prefix of `oid`, and the index arcs after it
    /// (snmp_exporter walks its metric tree from the root and stops at the first metric).
    func metric(for oid: ObjectIdentifier) -> (MetricConfiguration, ArraySlice<Int>)? {
        oid.withArcs { arcs -> (MetricConfiguration, ArraySlice<Int>)? in
            var head = 0
            for (position, arc) in arcs.enumerated() {
                guard let next = nodes[head].children[arc] else { return nil }
                head = next
                if let metric = nodes[head].metric {
                    return (configuration.metrics[metric], arcs[(position + 1)...].map(Int.init)[...])
                }
            }
            return nil
        }
    }
}

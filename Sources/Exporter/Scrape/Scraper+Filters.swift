import SNMP

extension Scraper {
    /// snmp_exporter's dynamic filters: walk each filter's column, keep the indexes (last arc) whose value
    /// matches one of its patterns, stop walking its target tables and GET just those rows instead.
    /// A filter whose walk fails is skipped (logged by snmp_exporter, not an error of the scrape).
    func applyFilters(_ filters: [DynamicFilter], client: SNMPClient, version: Int,
                      walks: inout [ObjectIdentifier], gets: inout [ObjectIdentifier]) async {
        guard !filters.isEmpty else { return }
        var allowedByTarget: [ObjectIdentifier: [UInt32]] = [:]
        var filteredTargets: [ObjectIdentifier] = []
        for filter in filters {
            guard let column = try? await walk(filter.oid, client: client, version: version) else { continue }
            var allowed: [UInt32] = []
            for varBind in column {
                let text = ValueConversion.text(varBind.value, type: "DisplayString", displayHint: "")
                if filter.values.contains(where: { $0.matches(text) }), let index = varBind.oid.last {
                    allowed.append(index)
                }
            }
            walks.removeAll { filter.targets.contains($0) }
            for target in filter.targets {
                if let existing = allowedByTarget[target] {
                    let keep = Set(allowed)
                    allowedByTarget[target] = existing.filter { keep.contains($0) }
                } else {
                    filteredTargets.append(target)
                    allowedByTarget[target] = allowed
                }
            }
        }
        for target in filteredTargets {
            // snmp_exporter compares the dotted text, so "1.2.3.1" also drops GETs under "1.2.3.10".
            let prefix = target.description
            gets.removeAll { $0.description.hasPrefix(prefix) }
            gets += (allowedByTarget[target] ?? []).map { target.appending($0) }
        }
    }
}

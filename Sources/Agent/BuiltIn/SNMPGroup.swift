import SNMPSMI
import SNMPApplications

/// SNMPv2-MIB's snmp group (RFC 3418 §2): the counters of received messages and snmpEnableAuthenTraps.
/// The deprecated RFC 1213 counters (snmpOutPkts, snmpInTooBigs, ...) are not served, as RFC 3418 allows.
enum SNMPGroup {
    static let snmp: ObjectIdentifier = [1, 3, 6, 1, 2, 1, 11]

    static func register(into mib: inout ManagedObjectTree, sources: BuiltInSources) throws(SNMPError) {
        let store = sources.store
        let dispatcher = sources.dispatcherStatistics
        try mib.register(scalar: snmp.appending(1)) { .counter32(await dispatcher().inPackets) }
        try mib.register(scalar: snmp.appending(3)) { .counter32(await dispatcher().inBadVersions) }
        try mib.register(scalar: snmp.appending(4)) { .counter32(store.counters.inBadCommunityNames) }
        try mib.register(scalar: snmp.appending(5)) { .counter32(store.counters.inBadCommunityUses) }
        try mib.register(scalar: snmp.appending(6)) { .counter32(await dispatcher().inASNParseErrors) }
        // snmpEnableAuthenTraps: INTEGER { enabled(1), disabled(2) }, read-write.
        try mib.register(scalar: snmp.appending(30), access: .readWrite, syntax: .integer(1...2),
                         get: { .integer(store.current.enableAuthenTraps ? 1 : 2) },
                         set: { value in
                             guard case .integer(let number) = value else { throw SNMPError.status(.wrongType) }
                             store.update { $0.enableAuthenTraps = number == 1 }
                         })
        try mib.register(scalar: snmp.appending(31)) { .counter32(sources.responderStatistics().silentDrops) }
        // snmpProxyDrops: this agent forwards nothing.
        try mib.register(scalar: snmp.appending(32)) { .counter32(0) }
    }
}

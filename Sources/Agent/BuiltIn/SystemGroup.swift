import SNMPSMI
import SNMPApplications

/// SNMPv2-MIB's system group (RFC 3418 §2): sysDescr ... sysServices, sysORLastChange and sysORTable.
/// sysContact, sysName and sysLocation are writable and kept in the ``AgentStore``.
enum SystemGroup {
    static let system: ObjectIdentifier = [1, 3, 6, 1, 2, 1, 1]

    /// The MIB modules this agent implements, for sysORTable (RFC 3418 §2: "capabilities").
    static let capabilities: [(ObjectIdentifier, String)] = [
        ([1, 3, 6, 1, 6, 3, 1], "The MIB module for SNMP entities (SNMPv2-MIB)"),
        ([1, 3, 6, 1, 6, 3, 10], "The SNMP management architecture MIB (SNMP-FRAMEWORK-MIB)"),
        ([1, 3, 6, 1, 6, 3, 11], "The MIB for message processing and dispatching (SNMP-MPD-MIB)"),
        ([1, 3, 6, 1, 6, 3, 15], "The management information definitions for the SNMP User-based Security Model"),
        ([1, 3, 6, 1, 2, 1, 31], "The MIB module to describe generic objects for network interface sub-layers"),
    ]

    /// RFC 3418 sysContact/sysName/sysLocation: DisplayString (SIZE (0..255)).
    static let displayString = ManagedObjectSyntax.octetString(size: 0...255)

    static func register(into mib: inout ManagedObjectTree, sources: BuiltInSources) throws(SNMPError) {
        let store = sources.store
        try mib.register(scalar: system.appending(1)) { .octetString(OctetString(store.current.sysDescr)) }
        try mib.register(scalar: system.appending(2)) { .objectIdentifier(store.current.sysObjectID) }
        try mib.register(scalar: system.appending(3)) { .timeTicks(sources.upTime) }
        try registerWritable(&mib, 4, store: store, \.sysContact)
        try registerWritable(&mib, 5, store: store, \.sysName)
        try registerWritable(&mib, 6, store: store, \.sysLocation)
        try mib.register(scalar: system.appending(7)) { .integer(store.current.sysServices) }
        // sysORLastChange: the table is fixed at start, so it last changed at time 0.
        try mib.register(scalar: system.appending(8)) { .timeTicks(0) }
        let rows = capabilities.enumerated().map { position, entry in
            MIBTableRow(index: [UInt32(position + 1)], values: [
                2: .objectIdentifier(entry.0), 3: .octetString(OctetString(entry.1)), 4: .timeTicks(0),
            ])
        }
        // sysOREntry: sysORIndex (1) is not-accessible; sysORID, sysORDescr, sysORUpTime are read-only.
        try mib.register(table: system.appending([9, 1]), columns: [
            MIBColumn(1, access: .notAccessible, syntax: .integer()),
            MIBColumn(2, access: .readOnly, syntax: .objectIdentifier),
            MIBColumn(3, access: .readOnly, syntax: .octetString()),
            MIBColumn(4, access: .readOnly, syntax: .timeTicks),
        ], rows: SnapshotTableRows { rows })
    }

    private static func registerWritable(_ mib: inout ManagedObjectTree, _ arc: UInt32, store: AgentStore,
                                         _ keyPath: any WritableKeyPath<AgentStore.Values, String> & Sendable) throws(SNMPError) {
        // snmpd: a value the configuration fixed (sysContact, not psyscontact) is not writable.
        guard !store.readOnlySystemObjects.contains(arc) else {
            try mib.register(scalar: system.appending(arc)) { .octetString(OctetString(store.current[keyPath: keyPath])) }
            return
        }
        try mib.register(scalar: system.appending(arc), access: .readWrite, syntax: displayString,
                         get: { .octetString(OctetString(store.current[keyPath: keyPath])) },
                         set: { value in
                             // RFC 2579 DisplayString is NVT ASCII; refuse what is not text.
                             guard case .octetString(let octets) = value, let text = octets.utf8String else {
                                 throw SNMPError.status(.wrongValue)
                             }
                             try store.commit { $0[keyPath: keyPath] = text }
                         })
    }
}

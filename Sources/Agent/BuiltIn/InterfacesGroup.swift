import SNMPSMI
import SNMPApplications

/// IF-MIB (RFC 2863): ifNumber, ifTable and ifXTable, read from Linux through ``LinuxInterfaces``.
/// ifTable's 32-bit counters wrap as Counter32 does; ifXTable carries the 64-bit HC counters.
enum InterfacesGroup {
    static let interfaces: ObjectIdentifier = [1, 3, 6, 1, 2, 1, 2]
    static let ifEntry: ObjectIdentifier = [1, 3, 6, 1, 2, 1, 2, 2, 1]
    static let ifXEntry: ObjectIdentifier = [1, 3, 6, 1, 2, 1, 31, 1, 1, 1]

    static func register(into mib: inout ManagedObjectTree, interfaces source: LinuxInterfaces) throws(SNMPError) {
        try mib.register(scalar: interfaces.appending(1)) { .integer(Int32(clamping: source.interfaces().count)) }
        let ifColumns: [(UInt32, ManagedObjectSyntax)] = [
            (1, .integer()), (2, .octetString()), (3, .integer()), (4, .integer()), (5, .gauge32()),
            (6, .octetString()), (7, .integer()), (8, .integer()), (9, .timeTicks), (10, .counter32),
            (11, .counter32), (13, .counter32), (14, .counter32), (15, .counter32), (16, .counter32),
            (17, .counter32), (19, .counter32), (20, .counter32),
        ]
        try mib.register(table: ifEntry, columns: ifColumns.map { MIBColumn($0.0, access: .readOnly, syntax: $0.1) },
                         rows: SnapshotTableRows { source.interfaces().map(ifRow) })
        let ifXColumns: [(UInt32, ManagedObjectSyntax)] = [
            (1, .octetString()), (2, .counter32), (3, .counter32), (4, .counter32), (5, .counter32),
            (6, .counter64), (7, .counter64), (8, .counter64), (9, .counter64), (10, .counter64),
            (11, .counter64), (12, .counter64), (13, .counter64), (14, .integer()), (15, .gauge32()),
            (16, .integer()), (17, .integer()), (18, .octetString()), (19, .timeTicks),
        ]
        try mib.register(table: ifXEntry, columns: ifXColumns.map { MIBColumn($0.0, access: .readOnly, syntax: $0.1) },
                         rows: SnapshotTableRows { source.interfaces().map(ifXRow) })
    }

    private static func c32(_ value: UInt64) -> SNMPValue { .counter32(UInt32(truncatingIfNeeded: value)) }

    /// RFC 2863 ifEntry. Linux has no unicast/non-unicast split for transmit, so ifOutUcastPkts is every
    /// packet sent; received unicast is packets minus multicast.
    static func ifRow(_ interface: LinuxInterface) -> MIBTableRow {
        let speed = UInt64(interface.speedMbps) * 1_000_000
        let rxUnicast = interface.rxPackets &- min(interface.rxPackets, interface.rxMulticast)
        return MIBTableRow(index: [interface.index], values: [
            1: .integer(Int32(clamping: interface.index)),
            2: .octetString(OctetString(interface.name)),
            3: .integer(interface.ifType),
            4: .integer(interface.mtu),
            5: .gauge32(UInt32(clamping: speed)),
            6: .octetString(OctetString(interface.hardwareAddress)),
            7: .integer(interface.adminStatus),
            8: .integer(interface.operStatus),
            9: .timeTicks(0),
            10: c32(interface.rxBytes), 11: c32(rxUnicast), 13: c32(interface.rxDrops), 14: c32(interface.rxErrors),
            15: .counter32(0),
            16: c32(interface.txBytes), 17: c32(interface.txPackets), 19: c32(interface.txDrops),
            20: c32(interface.txErrors),
        ])
    }

    /// RFC 2863 ifXEntry with the HC counters; broadcast counts are not kept by Linux and read 0.
    static func ifXRow(_ interface: LinuxInterface) -> MIBTableRow {
        let rxUnicast = interface.rxPackets &- min(interface.rxPackets, interface.rxMulticast)
        return MIBTableRow(index: [interface.index], values: [
            1: .octetString(OctetString(interface.name)),
            2: c32(interface.rxMulticast), 3: .counter32(0), 4: .counter32(0), 5: .counter32(0),
            6: .counter64(interface.rxBytes), 7: .counter64(rxUnicast), 8: .counter64(interface.rxMulticast),
            9: .counter64(0), 10: .counter64(interface.txBytes), 11: .counter64(interface.txPackets),
            12: .counter64(0), 13: .counter64(0),
            14: .integer(interface.ifType == 24 ? 2 : 1),      // ifLinkUpDownTrapEnable
            15: .gauge32(interface.speedMbps),                  // ifHighSpeed, Mb/s
            16: .integer(interface.flags & 0x100 != 0 ? 1 : 2), // ifPromiscuousMode (IFF_PROMISC)
            17: .integer(interface.ifType == 6 ? 1 : 2),        // ifConnectorPresent
            18: .octetString(OctetString([UInt8]())),           // ifAlias
            19: .timeTicks(0),                                  // ifCounterDiscontinuityTime
        ])
    }
}

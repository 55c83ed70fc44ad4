import NIOCore
import SNMPSMI
import SNMPApplications

/// IF-MIB (RFC 2863): ifNumber, ifTable and ifXTable, read from Linux through ``LinuxInterfaces``.
/// ifTable's 32-bit counters wrap as Counter32 does; ifXTable carries the 64-bit HC counters.
enum InterfacesGroup {
    static let interfaces: ObjectIdentifier = [1, 3, 6, 1, 2, 1, 2]
    static let ifEntry: ObjectIdentifier = [1, 3, 6, 1, 2, 1, 2, 2, 1]
    static let ifXEntry: ObjectIdentifier = [1, 3, 6, 1, 2, 1, 31, 1, 1, 1]

    static func register(into mib: inout ManagedObjectTree, interfaces source: LinuxInterfaces,
                         startTime: NIODeadline) throws(SNMPError) {
        try mib.register(scalar: interfaces.appending(1)) { .integer(Int32(clamping: source.interfaces().count)) }
        let ifColumns: [(UInt32, ManagedObjectSyntax)] = [
            (1, .integer()), (2, .octetString()), (3, .integer()), (4, .integer()), (5, .gauge32()),
            (6, .octetString()), (7, .integer()), (8, .integer()), (9, .timeTicks), (10, .counter32),
            (11, .counter32), (12, .counter32), (13, .counter32), (14, .counter32), (15, .counter32),
            (16, .counter32), (17, .counter32), (18, .counter32), (19, .counter32), (20, .counter32),
            (21, .gauge32()), (22, .objectIdentifier),
        ]
        try mib.register(table: ifEntry, columns: ifColumns.map { MIBColumn($0.0, access: .readOnly, syntax: $0.1) },
                         rows: SnapshotTableRows { source.interfaces().map { ifRow($0, startTime: startTime) } })
        let ifXColumns: [(UInt32, ManagedObjectSyntax)] = [
            (1, .octetString()), (2, .counter32), (3, .counter32), (4, .counter32), (5, .counter32),
            (6, .counter64), (7, .counter64), (8, .counter64), (9, .counter64), (10, .counter64),
            (11, .counter64), (12, .counter64), (13, .counter64), (15, .gauge32()),
            (16, .integer()), (17, .integer()), (18, .octetString()), (19, .timeTicks),
        ]
        try mib.register(table: ifXEntry, columns: ifXColumns.map { MIBColumn($0.0, access: .readOnly, syntax: $0.1) },
                         rows: SnapshotTableRows { source.interfaces().map(ifXRow) })
    }

    private static func c32(_ value: UInt64) -> SNMPValue { .counter32(UInt32(truncatingIfNeeded: value)) }

    /// RFC 2863 ifEntry, mapped as snmpd maps Linux's counters: received unicast is packets minus
    /// multicast, non-unicast is multicast (Linux counts no received broadcasts), every packet sent counts
    /// as unicast; ifOutQLen and ifSpecific are the constants snmpd serves (0 and 0.0).
    static func ifRow(_ interface: LinuxInterface, startTime: NIODeadline) -> MIBTableRow {
        let speed = UInt64(interface.speedMbps) * 1_000_000
        let rxUnicast = interface.rxPackets &- min(interface.rxPackets, interface.rxMulticast)
        return MIBTableRow(index: [interface.index], values: [
            1: .integer(Int32(clamping: interface.index)),
            2: .octetString(OctetString(interface.name)),
            3: .integer(interface.ifType),
            4: .integer(interface.mtu),
            5: .gauge32(UInt32(clamping: speed)),
            6: .octetString(OctetString(interface.physicalAddress)),
            7: .integer(interface.adminStatus),
            8: .integer(interface.operStatus),
            9: .timeTicks(ticks(since: startTime, at: interface.lastChange)),
            10: c32(interface.rxBytes), 11: c32(rxUnicast), 12: c32(interface.rxMulticast),
            13: c32(interface.rxDrops), 14: c32(interface.rxErrors), 15: .counter32(0),
            16: c32(interface.txBytes), 17: c32(interface.txPackets), 18: .counter32(0), 19: c32(interface.txDrops),
            20: c32(interface.txErrors), 21: .gauge32(0), 22: .objectIdentifier([0, 0]),
        ])
    }

    /// RFC 2863 ifXEntry with the HC counters, as snmpd: broadcast counts are not kept by Linux and read
    /// 0; ifLinkUpDownTrapEnable is not served (snmpd leaves it out too).
    static func ifXRow(_ interface: LinuxInterface) -> MIBTableRow {
        let rxUnicast = interface.rxPackets &- min(interface.rxPackets, interface.rxMulticast)
        return MIBTableRow(index: [interface.index], values: [
            1: .octetString(OctetString(interface.name)),
            2: c32(interface.rxMulticast), 3: .counter32(0), 4: .counter32(0), 5: .counter32(0),
            6: .counter64(interface.rxBytes), 7: .counter64(rxUnicast), 8: .counter64(interface.rxMulticast),
            9: .counter64(0), 10: .counter64(interface.txBytes), 11: .counter64(interface.txPackets),
            12: .counter64(0), 13: .counter64(0),
            15: .gauge32(interface.speedMbps),                  // ifHighSpeed, Mb/s
            16: .integer(interface.flags & 0x100 != 0 ? 1 : 2), // ifPromiscuousMode (IFF_PROMISC)
            17: .integer(interface.ifType == 6 ? 1 : 2),        // ifConnectorPresent: Ethernet has one
            18: .octetString(OctetString([UInt8]())),           // ifAlias: none configured
            19: .timeTicks(0),                                  // ifCounterDiscontinuityTime
        ])
    }

    /// TimeTicks from `startTime` to `instant`; 0 for none or before the start.
    static func ticks(since startTime: NIODeadline, at instant: NIODeadline?) -> UInt32 {
        guard let instant, instant > startTime else { return 0 }
        return UInt32(truncatingIfNeeded: (instant - startTime).nanoseconds / 10_000_000)
    }
}

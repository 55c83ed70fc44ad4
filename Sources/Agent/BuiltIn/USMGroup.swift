import SNMPSMI
import SNMPSecurity
import SNMPApplications

/// SNMP-USER-BASED-SM-MIB (RFC 3414 §5): usmStats and a read-only usmUserTable. Key-change columns read
/// as the empty string, as the RFC requires; secrets are never shown.
enum USMGroup {
    static let usmStats: ObjectIdentifier = [1, 3, 6, 1, 6, 3, 15, 1, 1]
    static let usmUser: ObjectIdentifier = [1, 3, 6, 1, 6, 3, 15, 1, 2]

    static func register(into mib: inout ManagedObjectTree, sources: BuiltInSources) throws(SNMPError) {
        let statistics = sources.usmStatistics
        let counters: [(UInt32, @Sendable (USMStatistics) -> UInt32)] = [
            (1, { $0.unsupportedSecLevels }), (2, { $0.notInTimeWindows }), (3, { $0.unknownUserNames }),
            (4, { $0.unknownEngineIDs }), (5, { $0.wrongDigests }), (6, { $0.decryptionErrors }),
        ]
        for (arc, read) in counters {
            try mib.register(scalar: usmStats.appending(arc)) { .counter32(read(statistics())) }
        }
        // usmUserSpinLock (TestAndIncr): the table is read-only here, so it never advances.
        try mib.register(scalar: usmUser.appending(1)) { .integer(0) }

        let users = sources.usmUsers
        let columns: [MIBColumn] = [
            MIBColumn(1, access: .notAccessible, syntax: .octetString()),
            MIBColumn(2, access: .notAccessible, syntax: .octetString()),
        ] + (3...13).map { MIBColumn($0, access: .readOnly, syntax: $0 == 5 || $0 == 8 || $0 == 4
                                            ? .objectIdentifier : $0 >= 12 ? .integer() : .octetString()) }
        try mib.register(table: usmUser.appending([2, 1]), columns: columns,
                         rows: SnapshotTableRows { SnapshotTableRows.sorted(users().map(row)) })
    }

    /// RFC 3414 §5 usmUserEntry: INDEX { usmUserEngineID, usmUserName }, both variable-length strings
    /// (length-prefixed in the index, RFC 2578 §7.7).
    static func row(_ entry: USMUserTableEntry) -> MIBTableRow {
        let engineID = entry.engineID.bytes.map(UInt32.init)
        let name = entry.user.userName.bytes.map(UInt32.init)
        let index = ObjectIdentifier([UInt32(engineID.count)] + engineID + [UInt32(name.count)] + name)
        let empty = SNMPValue.octetString(OctetString([UInt8]()))
        return MIBTableRow(index: index, values: [
            3: .octetString(OctetString(entry.user.securityName)),
            4: .objectIdentifier([0, 0]),                        // usmUserCloneFrom: zeroDotZero on read
            5: .objectIdentifier(entry.user.authProtocol.rawValue),
            6: empty, 7: empty,                                  // usmUser(Own)AuthKeyChange
            8: .objectIdentifier(entry.user.privProtocol.rawValue),
            9: empty, 10: empty,                                 // usmUser(Own)PrivKeyChange
            11: empty,                                           // usmUserPublic
            12: .integer(4),                                     // usmUserStorageType: permanent
            13: .integer(1),                                     // usmUserStatus: active
        ])
    }
}

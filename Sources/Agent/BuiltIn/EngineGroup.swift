import SNMPSMI
import SNMPApplications

/// SNMP-FRAMEWORK-MIB's snmpEngine group (RFC 3411 §5), SNMP-MPD-MIB's snmpMPDStats (RFC 3412 §5) and
/// SNMP-TARGET-MIB's context counters (RFC 3413 §4.1.4).
enum EngineGroup {
    static let snmpEngine: ObjectIdentifier = [1, 3, 6, 1, 6, 3, 10, 2, 1]
    static let snmpMPDStats: ObjectIdentifier = [1, 3, 6, 1, 6, 3, 11, 2, 1]
    static let snmpTargetObjects: ObjectIdentifier = [1, 3, 6, 1, 6, 3, 12, 1]

    static func register(into mib: inout ManagedObjectTree, sources: BuiltInSources) throws(SNMPError) {
        let engine = sources.engine
        try mib.register(scalar: snmpEngine.appending(1)) { .octetString(engine.engineID) }
        try mib.register(scalar: snmpEngine.appending(2)) { .integer(engine.engineBoots) }
        try mib.register(scalar: snmpEngine.appending(3)) { .integer(sources.engineTime) }
        let maxSize = sources.maxMessageSize
        try mib.register(scalar: snmpEngine.appending(4)) { .integer(maxSize) }

        let dispatcher = sources.dispatcherStatistics
        // Each counter from its one owner: the v3 model counts §7.2 steps 4 and 5, the dispatcher §4.2.2.1.
        let model = sources.messageProcessingStatistics
        try mib.register(scalar: snmpMPDStats.appending(1)) { .counter32(model().unknownSecurityModels) }
        try mib.register(scalar: snmpMPDStats.appending(2)) { .counter32(model().invalidMessages) }
        try mib.register(scalar: snmpMPDStats.appending(3)) { .counter32(await dispatcher().unknownPDUHandlers) }

        // snmpUnavailableContexts: every known context is always available here.
        try mib.register(scalar: snmpTargetObjects.appending(4)) { .counter32(0) }
        try mib.register(scalar: snmpTargetObjects.appending(5)) {
            .counter32(sources.responderStatistics().unknownContexts)
        }
    }
}

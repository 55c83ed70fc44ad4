public import NIOCore
public import SNMPSMI
public import SNMPSecurity
public import SNMPDispatcher
public import SNMPMessageProcessing
public import SNMPApplications

/// One row of usmUserTable as the agent shows it (RFC 3414 §5): who, on which engine, with which protocols.
/// Secrets never appear here.
public struct USMUserTableEntry: Hashable, Sendable {
    /// usmUserEngineID.
    public var engineID: OctetString
    /// The user (name, security name, protocols).
    public var user: USMUser

    /// Creates an entry.
    public init(engineID: OctetString, user: USMUser) {
        self.engineID = engineID
        self.user = user
    }
}

/// Where the built-in MIB objects read their values: each source is a closure, so an agent (or the engine
/// that hosts it) connects its own counters and tables without the MIB code knowing them.
public struct BuiltInSources: Sendable {
    /// The instant sysUpTime and snmpEngineTime count from.
    public var startTime: NIODeadline
    /// snmpEngineID and snmpEngineBoots.
    public var engine: EngineState
    /// snmpEngineMaxMessageSize (RFC 3411: the largest message this engine accepts, 65,507 for UDP).
    public var maxMessageSize: Int32
    /// The agent's system values and counters.
    public var store: AgentStore
    /// The dispatcher's counters (snmpInPkts, snmpInBadVersions, snmpInASNParseErrs, snmpUnknownPDUHandlers).
    public var dispatcherStatistics: @Sendable () async -> DispatcherStatistics
    /// The command responder's counters (snmpSilentDrops, snmpUnknownContexts).
    public var responderStatistics: @Sendable () -> ResponderStatistics
    /// The v3 message processing model's counters (snmpUnknownSecurityModels, snmpInvalidMsgs).
    public var messageProcessingStatistics: @Sendable () -> V3Statistics
    /// USM's counters (usmStats).
    public var usmStatistics: @Sendable () -> USMStatistics
    /// The USM users to show in usmUserTable.
    public var usmUsers: @Sendable () -> [USMUserTableEntry]
    /// Where the interface tables come from; `nil` leaves IF-MIB out.
    public var interfaces: LinuxInterfaces?

    /// Creates the sources; everything not given reads as zero or empty.
    public init(startTime: NIODeadline = .now(), engine: EngineState, maxMessageSize: Int32 = 65_507,
                store: AgentStore,
                dispatcherStatistics: @escaping @Sendable () async -> DispatcherStatistics = { DispatcherStatistics() },
                responderStatistics: @escaping @Sendable () -> ResponderStatistics = { ResponderStatistics() },
                messageProcessingStatistics: @escaping @Sendable () -> V3Statistics = { V3Statistics() },
                usmStatistics: @escaping @Sendable () -> USMStatistics = { USMStatistics() },
                usmUsers: @escaping @Sendable () -> [USMUserTableEntry] = { [] },
                interfaces: LinuxInterfaces? = nil) {
        self.startTime = startTime
        self.engine = engine
        self.maxMessageSize = maxMessageSize
        self.store = store
        self.dispatcherStatistics = dispatcherStatistics
        self.responderStatistics = responderStatistics
        self.messageProcessingStatistics = messageProcessingStatistics
        self.usmStatistics = usmStatistics
        self.usmUsers = usmUsers
        self.interfaces = interfaces
    }

    /// sysUpTime: hundredths of a second since ``startTime`` (wrapping as TimeTicks do).
    public var upTime: UInt32 {
        let nanoseconds = max(0, (NIODeadline.now() - startTime).nanoseconds)
        return UInt32(truncatingIfNeeded: nanoseconds / 10_000_000)
    }

    /// snmpEngineTime: seconds since ``startTime`` (RFC 3414 §2.2.1, at most 2^31 - 1).
    public var engineTime: Int32 {
        let seconds = max(0, (NIODeadline.now() - startTime).nanoseconds / 1_000_000_000)
        return Int32(min(seconds, Int64(Int32.max)))
    }
}

/// The MIB objects every agent serves itself.
///
/// ```swift
/// var mib = ManagedObjectTree()
/// try BuiltInMIB.register(into: &mib, sources: sources)   // system, snmp, snmpEngine, MPD, USM, IF-MIB
/// ```
public enum BuiltInMIB {
    /// Registers every built-in group; IF-MIB only when `sources.interfaces` is set.
    public static func register(into mib: inout ManagedObjectTree, sources: BuiltInSources) throws(SNMPError) {
        try SystemGroup.register(into: &mib, sources: sources)
        try SNMPGroup.register(into: &mib, sources: sources)
        try EngineGroup.register(into: &mib, sources: sources)
        try USMGroup.register(into: &mib, sources: sources)
        if let interfaces = sources.interfaces {
            try InterfacesGroup.register(into: &mib, interfaces: interfaces, startTime: sources.startTime)
        }
    }
}

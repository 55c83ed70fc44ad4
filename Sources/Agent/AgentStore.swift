import NIOConcurrencyHelpers
public import SNMPSMI
import SNMPApplications

/// What the agent keeps in memory and serves back: the writable system objects, snmpEnableAuthenTraps
/// and the counters the agent itself increments (RFC 3418 §2 snmp group).
///
/// Shared by the request path and the built-in MIB, so it is a locked box: every access is a few loads.
public final class AgentStore: Sendable {
    /// The writable and configured objects of the system group and the snmp group.
    public struct Values: Hashable, Sendable {
        /// sysDescr.
        public var sysDescr: String
        /// sysObjectID.
        public var sysObjectID: ObjectIdentifier
        /// sysContact (writable).
        public var sysContact: String
        /// sysName (writable).
        public var sysName: String
        /// sysLocation (writable).
        public var sysLocation: String
        /// sysServices.
        public var sysServices: Int32
        /// snmpEnableAuthenTraps: whether a bad community sends authenticationFailure (writable).
        public var enableAuthenTraps: Bool

        /// Creates the values.
        public init(sysDescr: String, sysObjectID: ObjectIdentifier, sysContact: String, sysName: String,
                    sysLocation: String, sysServices: Int32, enableAuthenTraps: Bool) {
            self.sysDescr = sysDescr
            self.sysObjectID = sysObjectID
            self.sysContact = sysContact
            self.sysName = sysName
            self.sysLocation = sysLocation
            self.sysServices = sysServices
            self.enableAuthenTraps = enableAuthenTraps
        }
    }

    /// Counters the agent increments for v1/v2c (RFC 3418 snmp group).
    public struct Counters: Hashable, Sendable {
        /// snmpInBadCommunityNames: a community not in the community table (RFC 3584 §5.2.1).
        public var inBadCommunityNames: UInt32 = 0
        /// snmpInBadCommunityUses: a known community asking for an operation its access does not allow.
        public var inBadCommunityUses: UInt32 = 0
        /// Requests answered (not a MIB object; for logs and benchmarks).
        public var requestsAnswered: UInt64 = 0

        /// All zero.
        public init() {}
    }

    private let values: NIOLockedValueBox<Values>
    private let counterBox = NIOLockedValueBox(Counters())
    /// Where SET values are kept across restarts (the agent's state directory), if anywhere.
    private let valuesFile: AgentValuesFile?

    /// The system objects (arcs under `system`) a Set may not change: the configuration fixed them.
    public let readOnlySystemObjects: Set<UInt32>

    /// Creates a store holding `values`; the objects of `readOnly` (arcs under `system`) are not writable.
    public init(_ values: Values, readOnly: Set<UInt32> = []) {
        self.values = NIOLockedValueBox(values)
        self.valuesFile = nil
        self.readOnlySystemObjects = readOnly
    }

    /// Creates a store holding `values` with the ones managers SET earlier (kept in `stateDirectory`) applied
    /// over them; every later change of those is written back there. The objects of `readOnly` (arcs under
    /// `system`, fixed by the configuration) are not writable, and keep their configured values.
    public init(_ values: Values, stateDirectory: String, readOnly: Set<UInt32> = []) {
        let file = AgentValuesFile(directory: stateDirectory)
        var restored = file.load(over: values)
        if readOnly.contains(4) { restored.sysContact = values.sysContact }
        if readOnly.contains(5) { restored.sysName = values.sysName }
        if readOnly.contains(6) { restored.sysLocation = values.sysLocation }
        self.values = NIOLockedValueBox(restored)
        self.valuesFile = file
        self.readOnlySystemObjects = readOnly
    }

    /// A snapshot of the values.
    public var current: Values { values.withLockedValue { $0 } }
    /// Changes the values.
    public func update(_ body: @Sendable (inout Values) -> Void) { _ = try? commit(body) }

    /// Changes the values and, with a state directory, persists them before returning (under the lock, so the
    /// file always holds the latest values). When they cannot be written the change is undone and this throws
    /// commitFailed, so a SET never reports success for a value a restart would lose.
    func commit(_ body: (inout Values) -> Void) throws(SNMPError) {
        let failure: String? = values.withLockedValue { values in
            let old = values
            body(&values)
            guard let valuesFile, AgentValuesFile.differ(old, values),
                  let failure = valuesFile.save(values) else { return nil }
            values = old
            return failure
        }
        if let failure { throw SNMPError.status(.commitFailed, "cannot save \(AgentValuesFile.fileName): \(failure)") }
    }
    /// A snapshot of the counters.
    public var counters: Counters { counterBox.withLockedValue { $0 } }
    /// Changes the counters.
    public func count(_ body: (inout Counters) -> Void) { counterBox.withLockedValue { body(&$0) } }
}

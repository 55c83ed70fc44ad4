public import SNMPSMI

/// The traversal logic of a MIB walk (GETNEXT or GETBULK), without I/O (ARCHITECTURE.md, example 5).
///
/// It follows what Net-SNMP's `snmpwalk`/`snmpbulkwalk` do, so the CLI can print exactly the same lines:
/// a varbind outside the subtree ends the walk silently; an exception (`endOfMibView`, ...) inside the
/// subtree is emitted and ends it; an OID not after the previous one is emitted and ends it with
/// ``Outcome/notIncreasing(previous:received:)`` unless checking is off.
public struct WalkStateMachine: Sendable {
    /// What to do after a response.
    public enum Outcome: Hashable, Sendable {
        /// Ask for what follows this OID.
        case next(ObjectIdentifier)
        /// The walk left the subtree (or the agent returned nothing): done.
        case endOfSubtree
        /// An exception value ended the walk; it was emitted.
        case endOfMibView
        /// The agent returned an OID not after the previous one; it was emitted.
        case notIncreasing(previous: ObjectIdentifier, received: ObjectIdentifier)
        /// With checking off, an OID came back a second time out of order (or out-of-order OIDs exceeded
        /// ``maximumOutOfOrder``): the agent is going round in a loop. It was not emitted.
        case loop(ObjectIdentifier)
    }

    /// With checking off, how many out-of-order OIDs a walk accepts before it calls it a loop.
    public static let maximumOutOfOrder = 1_000

    /// The subtree being walked.
    public let root: ObjectIdentifier
    /// Whether non-increasing OIDs end the walk (Net-SNMP's default; `-Cc` turns it off).
    public let checkIncreasing: Bool
    /// The OID the next request starts from.
    public private(set) var cursor: ObjectIdentifier
    /// How many varbinds have been emitted.
    public private(set) var emitted = 0
    /// The OIDs that came out of order (checking off): the loop guard.
    private var outOfOrder: Set<ObjectIdentifier> = []

    /// Starts a walk of `root`.
    public init(root: ObjectIdentifier, checkIncreasing: Bool = true) {
        self.root = root
        self.cursor = root
        self.checkIncreasing = checkIncreasing
    }

    /// Consumes one response's varbinds; appends the ones to report to `output` and says what next.
    public mutating func receive(_ varBinds: [VarBind], into output: inout [VarBind]) -> Outcome {
        guard !varBinds.isEmpty else { return .endOfSubtree }
        for varBind in varBinds {
            guard root.isPrefix(of: varBind.oid) else { return .endOfSubtree }
            if !checkIncreasing && !(cursor < varBind.oid) && !varBind.value.isException {
                // -Cc: out-of-order OIDs are accepted, but one seen out of order twice means a cycle.
                guard varBind.oid != cursor, outOfOrder.insert(varBind.oid).inserted,
                      outOfOrder.count <= Self.maximumOutOfOrder else {
                    return .loop(varBind.oid)
                }
            }
            output.append(varBind)
            emitted += 1
            if varBind.value.isException { return .endOfMibView }
            if checkIncreasing && !(cursor < varBind.oid) {
                return .notIncreasing(previous: cursor, received: varBind.oid)
            }
            cursor = varBind.oid
        }
        return .next(cursor)
    }
}

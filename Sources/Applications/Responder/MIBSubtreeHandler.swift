public import SNMPSMI

/// Instrumentation for a whole subtree of the MIB, implemented by the developer of an agent.
///
/// The responder calls ``get(_:)`` and ``next(after:)`` for reads, and the four Set phases for writes:
/// ``testSet(_:index:request:)`` for every varbind first, then ``commitSet(_:index:request:)`` for every
/// varbind, ``undoSet(_:index:request:)`` in reverse for the committed ones when a later commit fails, and
/// ``cleanupSet(_:index:request:)`` for every tested varbind at the end, whatever happened (RFC 3416
/// §4.2.5: "as if simultaneously"). Throw `SNMPError.status(.wrongValue)` and friends to choose the
/// error-status; any other error becomes genErr.
///
/// ```swift
/// struct ProcessTable: MIBSubtreeHandler {
///     func get(_ oid: ObjectIdentifier) async throws -> SNMPValue { ... }
///     func next(after oid: ObjectIdentifier) async throws -> VarBind? { ... }
/// }
/// try mib.register(subtree: "1.3.6.1.4.1.99999.1", handler: ProcessTable())
/// ```
public protocol MIBSubtreeHandler: Sendable {
    /// The value of the instance `oid` (inside the subtree), or `.noSuchInstance` / `.noSuchObject`.
    func get(_ oid: ObjectIdentifier) async throws -> SNMPValue
    /// The first instance inside the subtree strictly after `oid` with its value, or `nil` when there is
    /// none. `oid` may lie before the subtree (then the first instance is wanted).
    func next(after oid: ObjectIdentifier) async throws -> VarBind?
    /// Phase 1: validate (and reserve what the write needs); throw to refuse.
    func testSet(_ varBind: VarBind, index: Int, request: MIBSetRequest) async throws
    /// Phase 2: apply the value; throwing makes the request fail with commitFailed.
    func commitSet(_ varBind: VarBind, index: Int, request: MIBSetRequest) async throws
    /// Reverse a committed value; throwing makes the request fail with undoFailed.
    func undoSet(_ varBind: VarBind, index: Int, request: MIBSetRequest) async throws
    /// Release what ``testSet(_:index:request:)`` reserved.
    func cleanupSet(_ varBind: VarBind, index: Int, request: MIBSetRequest) async
}

extension MIBSubtreeHandler {
    /// Read-only by default: RFC 3416 §4.2.5 step 9.
    public func testSet(_ varBind: VarBind, index: Int, request: MIBSetRequest) async throws {
        throw SNMPError.status(.notWritable)
    }
    /// Nothing to apply by default.
    public func commitSet(_ varBind: VarBind, index: Int, request: MIBSetRequest) async throws {}
    /// Nothing to reverse by default.
    public func undoSet(_ varBind: VarBind, index: Int, request: MIBSetRequest) async throws {}
    /// Nothing to release by default.
    public func cleanupSet(_ varBind: VarBind, index: Int, request: MIBSetRequest) async {}
}

extension SNMPError {
    /// The error a MIB handler throws to answer with `status` (wrongValue, noCreation, ...).
    public static func status(_ status: ErrorStatus, _ reason: String = "") -> SNMPError {
        SNMPError(.errorStatus, reason, errorStatus: status)
    }
}

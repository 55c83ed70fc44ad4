import SNMPSMI

/// A scalar object registered by closures: one instance, `<object>.0`.
struct MIBScalar: Sendable {
    let instance: ObjectIdentifier
    let access: ManagedObjectAccess
    let syntax: ManagedObjectSyntax?
    let get: @Sendable () async throws -> SNMPValue
    let set: (@Sendable (SNMPValue) async throws -> Void)?

    /// RFC 3416 §4.2.5 steps 2–9 for a scalar.
    func testSet(_ varBind: VarBind, index: Int, request: MIBSetRequest) async throws {
        guard access.isWritable, set != nil else { throw SNMPError.status(.notWritable) }
        // Step 7: only `.0` exists, and no other instance can ever be created.
        guard varBind.oid == instance else { throw SNMPError.status(.noCreation) }
        let current = try await get()
        // Without a declared syntax the current value's type is the one the object holds.
        let expected = syntax ?? ManagedObjectSyntax(tag: current.tag)
        if let status = expected.check(varBind.value) { throw SNMPError.status(status) }
        request.setUndoState(current, forVarBindAt: index)
    }

    func commitSet(_ varBind: VarBind, index: Int, request: MIBSetRequest) async throws {
        try await set?(varBind.value)
    }

    func undoSet(_ varBind: VarBind, index: Int, request: MIBSetRequest) async throws {
        guard let old = request.undoState(forVarBindAt: index) as? SNMPValue else {
            throw SNMPError.status(.undoFailed, "no previous value")
        }
        try await set?(old)
    }
}

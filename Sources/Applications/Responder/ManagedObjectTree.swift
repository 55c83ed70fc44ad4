public import SNMPSMI

/// The agent's MIB: registrations kept sorted by OID, so that an exact lookup and a next lookup are each
/// one binary search (ARCHITECTURE.md: no walk from the root for GetNext or GetBulk).
///
/// Registrations never overlap: a scalar owns `<object>` and its instance `<object>.0`, a table owns its
/// entry OID, a subtree handler its root. A value type: register everything, then hand it to a
/// ``CommandResponder``.
///
/// ```swift
/// var mib = ManagedObjectTree()
/// try mib.register(scalar: "1.3.6.1.2.1.1.1", get: { .octetString("swift-snmp agent") })
/// try mib.register(scalar: "1.3.6.1.2.1.1.4", access: .readWrite, syntax: .octetString(size: 0...255),
///                  get: { await store.contact }, set: { await store.setContact($0) })
/// ```
public struct ManagedObjectTree: Sendable {
    enum Node: Sendable {
        case scalar(MIBScalar)
        case subtree(any MIBSubtreeHandler)
    }

    struct Registration: Sendable {
        let root: ObjectIdentifier
        let node: Node
    }

    private(set) var registrations: [Registration] = []

    /// An empty MIB.
    public init() {}

    /// The registered roots, in OID order.
    public var roots: [ObjectIdentifier] { registrations.map(\.root) }

    /// Registers a scalar object; its only instance is `object.0`.
    ///
    /// - Parameters:
    ///   - object: the object's OID, without the `.0`.
    ///   - access: `.readOnly` (the default) or `.readWrite`.
    ///   - syntax: what a Set must send; without it, a Set must send the type `get` returns.
    ///   - get: the current value.
    ///   - set: applies a new value (called only after every varbind of the request passed its checks).
    public mutating func register(
        scalar object: ObjectIdentifier, access: ManagedObjectAccess = .readOnly, syntax: ManagedObjectSyntax? = nil,
        get: @escaping @Sendable () async throws -> SNMPValue,
        set: (@Sendable (SNMPValue) async throws -> Void)? = nil
    ) throws(SNMPError) {
        let scalar = MIBScalar(instance: object.appending(0), access: access, syntax: syntax, get: get, set: set)
        try insert(Registration(root: object, node: .scalar(scalar)))
    }

    /// Registers a handler for every OID under `root`.
    public mutating func register(subtree root: ObjectIdentifier, handler: some MIBSubtreeHandler) throws(SNMPError) {
        try insert(Registration(root: root, node: .subtree(handler)))
    }

    /// Registers a conceptual table: `entry` is the `xxxEntry` OID, instances are `entry.column.index`.
    public mutating func register(table entry: ObjectIdentifier, columns: [MIBColumn],
                                  rows: some MIBTableRows) throws(SNMPError) {
        try register(subtree: entry, handler: MIBTableHandler(entry: entry, columns: columns, rows: rows))
    }

    /// Removes the registration rooted at `root`; `false` when there is none.
    @discardableResult
    public mutating func unregister(_ root: ObjectIdentifier) -> Bool {
        guard let index = registrations.firstIndex(where: { $0.root == root }) else { return false }
        registrations.remove(at: index)
        return true
    }

    private mutating func insert(_ registration: Registration) throws(SNMPError) {
        guard !registration.root.isEmpty else { throw SNMPError(.invalidArgument, "empty registration OID") }
        let position = upperBound(registration.root)
        // Sorted and non-overlapping: only the neighbours can overlap the newcomer.
        if position > 0, registrations[position - 1].root.isPrefix(of: registration.root) {
            throw SNMPError(.invalidArgument, "\(registration.root) is inside \(registrations[position - 1].root)")
        }
        if position < registrations.count, registration.root.isPrefix(of: registrations[position].root) {
            throw SNMPError(.invalidArgument, "\(registrations[position].root) is inside \(registration.root)")
        }
        registrations.insert(registration, at: position)
    }

    /// The index of the first registration whose root is after `oid`.
    func upperBound(_ oid: ObjectIdentifier) -> Int {
        var low = 0, high = registrations.count
        while low < high {
            let mid = (low + high) >> 1
            if oid < registrations[mid].root { high = mid } else { low = mid + 1 }
        }
        return low
    }

    /// The registration whose subtree holds `oid`: the last root not after `oid`, if it is a prefix
    /// (a subtree is a contiguous run of the OID order, and registrations do not overlap).
    func registration(containing oid: ObjectIdentifier) -> Registration? {
        let index = upperBound(oid)
        guard index > 0 else { return nil }
        let candidate = registrations[index - 1]
        return candidate.root.isPrefix(of: oid) ? candidate : nil
    }

    /// The value of `oid` for a Get (RFC 3416 §4.2.1): noSuchObject outside every registration and
    /// for objects that cannot be read, noSuchInstance for a missing instance of a registered object.
    public func get(_ oid: ObjectIdentifier) async throws -> SNMPValue {
        guard let registration = registration(containing: oid) else { return .noSuchObject }
        switch registration.node {
        case .scalar(let scalar):
            guard scalar.access.isReadable else { return .noSuchObject }
            return oid == scalar.instance ? try await scalar.get() : .noSuchInstance
        case .subtree(let handler):
            return try await handler.get(oid)
        }
    }

    /// The first readable instance after `oid` (or at it, when `inclusive`), with its value; `nil` at
    /// the end of the MIB.
    public func next(after oid: ObjectIdentifier, inclusive: Bool = false) async throws -> VarBind? {
        var index = upperBound(oid)
        if index > 0, registrations[index - 1].root.isPrefix(of: oid) { index -= 1 }
        while index < registrations.count {
            if let found = try await Self.first(in: registrations[index], after: oid, inclusive: inclusive) {
                return found
            }
            index += 1
        }
        return nil
    }

    private static func first(in registration: Registration, after oid: ObjectIdentifier,
                              inclusive: Bool) async throws -> VarBind? {
        switch registration.node {
        case .scalar(let scalar):
            guard scalar.access.isReadable else { return nil }
            let wanted = inclusive ? oid <= scalar.instance : oid < scalar.instance
            return wanted ? VarBind(scalar.instance, try await scalar.get()) : nil
        case .subtree(let handler):
            if inclusive, registration.root.contains(oid) {
                let value = try await handler.get(oid)
                if !value.isException { return VarBind(oid, value) }
            }
            return try await handler.next(after: oid)
        }
    }

    /// The node that handles a Set of `oid`, or `nil` when no registration covers it.
    func setTarget(for oid: ObjectIdentifier) -> Node? {
        registration(containing: oid)?.node
    }
}

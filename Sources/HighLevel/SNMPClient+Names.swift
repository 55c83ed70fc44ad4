public import SNMPApplications
public import SNMPMIB

/// Object names wherever the client takes OIDs: `"IF-MIB::ifDescr.1"`, `"sysDescr.0"`, `".1.3.6.1.2.1.1.1.0"`,
/// or `("IF-MIB", "ifDescr", 1)`, resolved as Net-SNMP's tools resolve them.
///
/// ```swift
/// let descr = try await client.get("IF-MIB::ifDescr.1")
/// let same = try await client.get("IF-MIB", "ifDescr", 1)
/// print(client.describe(descr))        // IF-MIB::ifDescr.1 = STRING: lo
/// ```
extension SNMPClient {
    /// The store used when ``Configuration/mibStore`` is `nil`: Net-SNMP's directories (then the modules
    /// bundled with the package) and default module list (MIBDIRS, MIBS, snmp.conf), created on first use;
    /// `MODULE::` names load their module on demand.
    ///
    /// Debian's snmp.conf says `mibs :` (load nothing) because its packages ship no MIB files; the package
    /// bundles the standard ones, so an empty list from snmp.conf falls back to Net-SNMP's compiled-in list and
    /// `sysDescr.0` and rendered names work out of the box (see `NetSNMPMIBSettings.resolveForLibrary(environment:)` in SNMPMIB).
    public static let defaultMIBStore: MIBStore = NetSNMPMIBSettings.resolveForLibrary().makeStore()

    /// The MIB store this client resolves names with.
    public var mibStore: MIBStore { configuration.mibStore ?? Self.defaultMIBStore }

    /// The OID an object name stands for.
    /// - Throws: `SNMPError` `.invalidArgument` with Net-SNMP's text, e.g.
    ///   `nosuch.0: Unknown Object Identifier (Sub-id not found: (top) -> nosuch)`.
    public func oid(for name: String) throws(SNMPError) -> ObjectIdentifier {
        // Dotted numbers need no MIB (and must not load the default modules).
        if let numeric = ObjectIdentifier(name) { return numeric }
        do {
            return try NetSNMPNameParser(store: mibStore).oid(for: name, mode: .fromRootThenRandomAccess)
        } catch let error as MIBError {
            throw SNMPError(.invalidArgument, "\(name): \(error.reason)")
        } catch {
            throw SNMPError(.invalidArgument, "\(name): Unknown Object Identifier")
        }
    }

    /// The OID of `module::name` followed by `index` arcs.
    public func oid(module: String, name: String, index: [UInt32]) throws(SNMPError) -> ObjectIdentifier {
        let base = try oid(for: "\(module)::\(name)")
        return ObjectIdentifier(base.arcs + index)
    }

    /// GET of one object by name.
    public func get(_ name: String) async throws(SNMPError) -> VarBind {
        try await get(oid(for: name))
    }

    /// GET of several objects by name, in one request.
    public func get(_ names: [String]) async throws(SNMPError) -> [VarBind] {
        var oids: [ObjectIdentifier] = []
        for name in names { oids.append(try oid(for: name)) }
        return try await get(oids)
    }

    /// GET of `module::name.index`, e.g. `get("IF-MIB", "ifDescr", 1)`.
    public func get(_ module: String, _ name: String, _ index: UInt32...) async throws(SNMPError) -> VarBind {
        try await get(oid(module: module, name: name, index: index))
    }

    /// GETNEXT of one object by name.
    public func getNext(_ name: String) async throws(SNMPError) -> VarBind {
        try await getNext(oid(for: name))
    }

    /// SET of one object by name.
    @discardableResult
    public func set(_ name: String, to value: SNMPValue) async throws(SNMPError) -> VarBind {
        try await set(oid(for: name), to: value)
    }

    /// Walks the subtree a name stands for with GETNEXT; an unknown name is thrown by the first `next()`.
    public func walk(_ name: String) -> SNMPWalk {
        resolvedWalk(name, maxRepetitions: nil)
    }

    /// Walks the subtree a name stands for with GETBULK; an unknown name is thrown by the first `next()`.
    public func bulkWalk(_ name: String, maxRepetitions: Int? = nil) -> SNMPWalk {
        resolvedWalk(name, maxRepetitions: maxRepetitions ?? configuration.maxRepetitions)
    }

    private func resolvedWalk(_ name: String, maxRepetitions: Int?) -> SNMPWalk {
        do {
            let root = try oid(for: name)
            return SNMPWalk(client: self, root: root, maxRepetitions: maxRepetitions,
                            checkIncreasing: configuration.checkIncreasing)
        } catch {
            return SNMPWalk(client: self, root: [0, 0], maxRepetitions: maxRepetitions,
                            checkIncreasing: configuration.checkIncreasing, resolutionError: error)
        }
    }

    /// A varbind as Net-SNMP's tools print it with this client's MIBs: `IF-MIB::ifType.2 = INTEGER: ethernetCsmacd(6)`.
    public func describe(_ varBind: VarBind, options: OutputOptions = OutputOptions()) -> String {
        NetSNMPRenderer(options: options, context: MIBTreeRenderingContext(tree: mibStore.tree)).line(for: varBind)
    }

    /// An OID in Net-SNMP's default name style: `IF-MIB::ifDescr.1`.
    public func name(of oid: ObjectIdentifier, options: OutputOptions = OutputOptions()) -> String {
        NetSNMPRenderer(options: options, context: MIBTreeRenderingContext(tree: mibStore.tree)).name(of: oid)
    }
}

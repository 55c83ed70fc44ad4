// getnext-multiple-oids-and-resolve-with-mib (native API): OIDs resolved from names and the answer printed
// as Net-SNMP prints it, with an explicit MIBStore and renderer.
//
// Net-SNMP: snmpgetnext -v2c -c public HOST:161 SNMPv2-MIB::sysDescr IF-MIB::ifDescr
import SNMP

enum NativeGetNextMultipleOIDsAndResolveWithMIB: ManagerExample {
    static let name = "getnext-multiple-oids-and-resolve-with-mib"
    static let group = ExampleGroup.cmdgen
    static let summary = "GETNEXT, names and values rendered with a MIB store"

    static func run(_ peer: Peer) async throws {
        let store = MIBStore(searchPath: MIBSearchPath.directories())
        _ = store.load(modules: ["SNMPv2-MIB", "IF-MIB"])
        let names = NetSNMPNameParser(store: store)
        let oids = try ["SNMPv2-MIB::sysDescr", "IF-MIB::ifDescr"].map { try names.oid(for: $0, mode: .fromRootThenRandomAccess) }
        let engine = try await SNMPEngine.start()
        let target = try SNMPTarget(agent: peer.agent, security: .community(.v2c, OctetString(peer.community)))
        let response = try await engine.commandGenerator.send(
            PDU(type: .getNextRequest, requestID: 0, varBinds: oids.map { VarBind($0) }), to: target)
        let renderer = NetSNMPRenderer(options: OutputOptions(), context: MIBTreeRenderingContext(tree: store.tree))
        for varBind in response.varBinds { print(renderer.line(for: varBind)) }
        await engine.shutdown()
    }
}

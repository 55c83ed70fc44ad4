// preload-pysnmp-mibs: the modules a program needs loaded once, at start, so no request waits for a parse
// and a missing module is reported before any traffic.
//
// Net-SNMP: snmpwalk -v2c -c public -m IF-MIB:IP-MIB HOST:161 IF-MIB::ifDescr
import SNMP

enum PreloadPySNMPMIBs: ManagerExample {
    static let name = "preload-pysnmp-mibs"
    static let group = ExampleGroup.manager
    static let summary = "load MIB modules up front, then use their names"

    static func run(_ peer: Peer) async throws {
        let store = MIBStore(searchPath: MIBSearchPath.directories())
        let errors = store.load(modules: ["SNMPv2-MIB", "IF-MIB", "IP-MIB"])
        guard errors.isEmpty else { throw ExampleError("MIB errors: \(errors)") }
        print("loaded \(store.tree.modules.count) modules")
        var configuration = SNMPClient.Configuration()
        configuration.mibStore = store
        try await withSNMPClient(agent: peer.agent, version: .v2c(community: peer.community),
                                 configuration: configuration) { client in
            for try await varBind in client.walk("IF-MIB::ifDescr") { print(client.describe(varBind)) }
        }
    }
}

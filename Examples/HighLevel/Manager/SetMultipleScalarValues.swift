// set-multiple-scalar-values: one SET carrying an INTEGER, an OCTET STRING and an OBJECT IDENTIFIER; the
// agent applies all or none (RFC 3416 §4.2.5). The objects are scalars under
// NET-SNMP-MIB::netSnmpExperimental.1 that the fixtures' snmpd and our example agent make writable.
//
// Net-SNMP: snmpset -v2c -c private HOST:161 .1.3.6.1.4.1.8072.9999.1.1.0 i 7 .1.3.6.1.4.1.8072.9999.1.2.0 s "set by swift" .1.3.6.1.4.1.8072.9999.1.6.0 o .1.3.6.1.2.1.1
import SNMP

enum SetMultipleScalarValues: ManagerExample {
    static let name = "set-multiple-scalar-values"
    static let group = ExampleGroup.manager
    static let summary = "one SET of several scalars of different types"

    static func run(_ peer: Peer) async throws {
        try await withSNMPClient(agent: peer.agent, version: .v2c(community: peer.writeCommunity)) { client in
            let answer = try await client.set([
                VarBind("1.3.6.1.4.1.8072.9999.1.1.0", .integer(7)),
                VarBind("1.3.6.1.4.1.8072.9999.1.2.0", .octetString("set by swift")),
                VarBind("1.3.6.1.4.1.8072.9999.1.6.0", .objectIdentifier("1.3.6.1.2.1.1")),
            ])
            for varBind in answer { print(client.describe(varBind)) }
        }
    }
}

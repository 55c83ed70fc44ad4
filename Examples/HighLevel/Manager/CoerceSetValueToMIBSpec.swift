// coerce-set-value-to-mib-spec: the value is given as text and the object's SYNTAX in the MIB decides its
// type (DisplayString here: an OCTET STRING), as snmpset's `=` type does.
//
// Net-SNMP: snmpset -v2c -c private HOST:161 SNMPv2-MIB::sysLocation.0 = "rack 12"
import SNMP

enum CoerceSetValueToMIBSpec: ManagerExample {
    static let name = "coerce-set-value-to-mib-spec"
    static let group = ExampleGroup.manager
    static let summary = "SET a value given as text, typed by the MIB"

    static func run(_ peer: Peer) async throws {
        try await withSNMPClient(agent: peer.agent, version: .v2c(community: peer.writeCommunity)) { client in
            print(client.describe(try await client.set("SNMPv2-MIB::sysLocation.0", text: "rack 12")))
            print(client.describe(try await client.set("SNMPv2-MIB::sysLocation.0", text: "loopback-test-lab")))
        }
    }
}

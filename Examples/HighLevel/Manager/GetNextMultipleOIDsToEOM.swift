// getnext-multiple-oids-to-eom: GETNEXT with several varbinds, each following its own path, repeated until
// every one reached endOfMibView (RFC 3416 §4.2.2): the end of the MIB (the SNMP engine, USM and VACM
// objects of SNMPv2's snmpModules), seen from three starting points at once.
//
// Net-SNMP: snmpgetnext -v2c -c public HOST:161 SNMP-FRAMEWORK-MIB::snmpEngine SNMP-USER-BASED-SM-MIB::usmStats SNMP-VIEW-BASED-ACM-MIB::vacmMIBObjects   (repeated)
import SNMP

enum GetNextMultipleOIDsToEOM: ManagerExample {
    static let name = "getnext-multiple-oids-to-eom"
    static let group = ExampleGroup.manager
    static let summary = "GETNEXT walk of several OIDs to the end of the MIB view"

    static func run(_ peer: Peer) async throws {
        try await withSNMPClient(agent: peer.agent, version: .v2c(community: peer.community)) { client in
            var oids = try ["SNMP-FRAMEWORK-MIB::snmpEngine", "SNMP-USER-BASED-SM-MIB::usmStats",
                            "SNMP-VIEW-BASED-ACM-MIB::vacmMIBObjects"].map { try client.oid(for: $0) }
            var requests = 0
            while !oids.isEmpty {
                let answer = try await client.getNext(oids)
                requests += 1
                if requests <= 2 { for varBind in answer { print(client.describe(varBind)) } }
                // Keep the columns still inside the view.
                oids = answer.filter { $0.value != .endOfMibView }.map(\.oid)
            }
            print("... every OID reached the end of the MIB view after \(requests) requests")
        }
    }
}

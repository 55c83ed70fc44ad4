// implementing-scalar-mib-objects: an agent serving two scalars of its own beside the standard groups: a
// read-only counter computed on each request, and a writable string kept in memory.
//
// Net-SNMP: snmpd.conf `override`/`pass` lines, or a MIB module in C; to query it:
//   snmpget -v2c -c public HOST:161 .1.3.6.1.4.1.32473.1.1.0 .1.3.6.1.4.1.32473.1.2.0
import NIOConcurrencyHelpers
import NIOCore
import SNMP

enum ImplementingScalarMIBObjects: ResponderExample {
    static let name = "implementing-scalar-mib-objects"
    static let group = ExampleGroup.cmdrsp
    static let summary = "serve your own scalar objects"

    static func run(_ peer: Peer) async throws {
        var configuration = AgentConfiguration()
        configuration.listenAddresses = peer.listen(or: ["udp:127.0.0.1:0"])
        configuration.communities = [AgentCommunity("public"), AgentCommunity("private", access: .readWrite)]
        let requests = NIOLockedValueBox<UInt32>(0)
        let greeting = NIOLockedValueBox<SNMPValue>(.octetString("hello"))
        let agent = try await SNMPAgent.start(configuration: configuration, registerMIB: { mib in
            // Served as .1.3.6.1.4.1.32473.1.1.0: a Counter32 that counts the GETs of itself.
            try mib.register(scalar: "1.3.6.1.4.1.32473.1.1", get: {
                .counter32(requests.withLockedValue { $0 += 1; return $0 })
            })
            // .1.3.6.1.4.1.32473.1.2.0: a writable OCTET STRING of at most 32 octets.
            try mib.register(scalar: "1.3.6.1.4.1.32473.1.2", access: .readWrite, syntax: .octetString(size: 0...32),
                             get: { greeting.withLockedValue { $0 } },
                             set: { newValue in greeting.withLockedValue { $0 = newValue } })
        })
        try await peer.serve(on: agent.localAddresses())
        await agent.shutdown()
    }

    /// Offline: a manager reads both objects, sets the string and reads it back.
    static func tryIt(_ addresses: [SocketAddress], _ peer: Peer) async throws {
        try await withSNMPClient(agent: ExampleFormat.first(addresses), version: .v2c(community: "private")) { client in
            for varBind in try await client.get(["1.3.6.1.4.1.32473.1.1.0", "1.3.6.1.4.1.32473.1.2.0"]) {
                print(client.describe(varBind))
            }
            try await client.set("1.3.6.1.4.1.32473.1.2.0", to: .octetString("changed by a manager"))
            print(client.describe(try await client.get("1.3.6.1.4.1.32473.1.2.0")))
        }
    }
}

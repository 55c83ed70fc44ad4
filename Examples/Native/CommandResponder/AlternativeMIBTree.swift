// alternative-mib-tree (native API): no SNMPAgent: an engine that listens, a CommandResponder over a
// ManagedObjectTree that holds only your objects, your own VACM and community table, and a dispatcher
// handler that turns each v1/v2c request into a response (RFC 3413 §3.2, RFC 3584 §5.2.1).
//
// Net-SNMP: a subagent or an snmpd built without the default MIB modules (--with-mib-modules / -I -...)
//   snmpwalk -v2c -c public HOST:161 .1
import NIOCore
import SNMP
import SNMPAccessControl

enum AlternativeMIBTree: ResponderExample {
    static let name = "alternative-mib-tree"
    static let group = ExampleGroup.cmdrsp
    static let summary = "a command responder over a MIB tree of your own, without the standard groups"

    static func run(_ peer: Peer) async throws {
        let addresses = try peer.listen(or: ["udp:127.0.0.1:0"]).map { try ListenAddress.parse($0) }
        let engine = try await SNMPEngine.start(listeningOn: addresses)
        var mib = ManagedObjectTree()
        try mib.register(scalar: "1.3.6.1.4.1.32473.5.1", get: { .octetString("served from my own tree") })
        try mib.register(scalar: "1.3.6.1.4.1.32473.5.2", get: { .integer(7) })
        let responder = CommandResponder(mib: mib, vacm: try .readOnlyCommunity("public", view: "all"))
        let communities = CommunityTable([CommunityEntry(community: "public", securityName: "public")])
        engine.dispatcher.register([.getRequest, .getNextRequest, .getBulkRequest, .setRequest]) { message, source, reply in
            // RFC 3584 §5.2.1: the community names the security name and context; unknown ones are dropped.
            guard let entry = communities.entry(for: message.securityName),
                  let request = ResponderRequest(message: message, community: entry) else { return }
            Task {
                guard case .response(let response) = await responder.process(request) else { return }
                reply.returnResponsePDU(to: message, from: source, pdu: response)
            }
        }
        try await peer.serve(on: engine.dispatcher.localAddresses().get())
        await engine.shutdown()
    }

    /// Offline: a manager walks everything the agent has: just the two objects.
    static func tryIt(_ addresses: [SocketAddress], _ peer: Peer) async throws {
        try await withSNMPClient(agent: ExampleFormat.first(addresses), version: .v2c(community: "public")) { client in
            for try await varBind in client.walk(ObjectIdentifier("1")) { print(client.describe(varBind)) }
        }
    }
}

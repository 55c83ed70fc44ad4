// custom-mib-controller: a subtree answered by your own code (a MIBSubtreeHandler): here a "clock" that
// serves the current Unix time and the seconds of the current minute, computed per request.
//
// Net-SNMP: a `pass` or `pass_persist` script; to query it: snmpwalk -v2c -c public HOST:161 .1.3.6.1.4.1.32473.4
import Foundation
import NIOCore
import SNMP

enum CustomMIBController: ResponderExample {
    static let name = "custom-mib-controller"
    static let group = ExampleGroup.cmdrsp
    static let summary = "answer a subtree from your own controller"

    static func run(_ peer: Peer) async throws {
        var configuration = AgentConfiguration()
        configuration.listenAddresses = peer.listen(or: ["udp:127.0.0.1:0"])
        configuration.communities = [AgentCommunity("public")]
        let agent = try await SNMPAgent.start(configuration: configuration, registerMIB: { mib in
            try mib.register(subtree: Clock.root, handler: Clock())
        })
        try await peer.serve(on: agent.localAddresses())
        await agent.shutdown()
    }

    /// Two read-only scalars under `root`: `root.1.0` the Unix time, `root.2.0` the second of the minute.
    struct Clock: MIBSubtreeHandler {
        static let root: ObjectIdentifier = "1.3.6.1.4.1.32473.4"
        static let instances: [ObjectIdentifier] = [root.appending(1).appending(0), root.appending(2).appending(0)]

        func get(_ oid: ObjectIdentifier) async throws -> SNMPValue {
            let now = Int64(Date().timeIntervalSince1970)
            switch oid {
            case Self.instances[0]: return .gauge32(UInt32(clamping: now))
            case Self.instances[1]: return .integer(Int32(now % 60))
            default: return .noSuchInstance
            }
        }

        func next(after oid: ObjectIdentifier) async throws -> VarBind? {
            guard let instance = Self.instances.first(where: { $0 > oid }) else { return nil }
            return VarBind(instance, try await get(instance))
        }
    }

    /// Offline: a manager walks the clock's subtree.
    static func tryIt(_ addresses: [SocketAddress], _ peer: Peer) async throws {
        try await withSNMPClient(agent: ExampleFormat.first(addresses), version: .v2c(community: "public")) { client in
            var count = 0
            for try await _ in client.walk(Clock.root) { count += 1 }
            print("the clock subtree has \(count) objects")
        }
    }
}

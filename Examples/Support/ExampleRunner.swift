import NIOCore
import SNMP

/// Runs one example: starts the in-process peer it needs when none is given, runs it, and stops everything.
enum ExampleRunner {
    /// The example `name` stands for: `group/name`, or a bare name that only one group has.
    static func find(_ name: String) throws -> any Example.Type {
        if let exact = ExampleCatalog.all.first(where: { $0.id == name }) { return exact }
        let matches = ExampleCatalog.all.filter { $0.name == name }
        switch matches.count {
        case 1: return matches[0]
        case 0: throw ExampleError("no example named \(name); `snmp-examples list` shows them")
        default: throw ExampleError("\(name) is in several groups: \(matches.map { $0.id }.joined(separator: ", "))")
        }
    }

    /// Runs `example` with the peer `peer` describes (offline: ours), bounded by `timeout`.
    static func run(_ example: any Example.Type, _ peer: Peer, timeout: Duration = .seconds(60)) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await runUnbounded(example, peer) }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw ExampleError("\(example.id) did not finish within \(timeout)")
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    private static func runUnbounded(_ example: any Example.Type, _ peer: Peer) async throws {
        var peer = peer
        switch example {
        case let manager as any ManagerExample.Type:
            guard peer.isOffline else { return try await manager.run(peer) }
            let agent = try await ExampleAgent.start()
            do {
                let addresses = try await agent.localAddresses()
                peer.agent = try ExampleFormat.first(addresses)
                peer.agent6 = try ExampleFormat.first(addresses, ipv6: true)
                peer.contextEngineID = peer.contextEngineID ?? ExampleAgent.engineID
                try await manager.run(peer)
            } catch {
                await agent.shutdown()
                throw error
            }
            await agent.shutdown()
        case let originator as any OriginatorExample.Type:
            guard peer.isOffline else { return try await originator.run(peer) }
            let receiver = try await ExampleReceiver()
            do {
                let addresses = try await receiver.receiver.localAddresses()
                peer.agent = try ExampleFormat.first(addresses)
                peer.agent6 = try ExampleFormat.first(addresses, ipv6: true)
                try await originator.run(peer)
                try await receiver.wait(for: originator.notificationCount)
            } catch {
                await receiver.shutdown()
                throw error
            }
            await receiver.shutdown()
        case let responder as any ResponderExample.Type:
            if peer.isOffline {
                let tryPeer = peer
                peer.serving = { addresses in
                    print("-- a manager tries it:")
                    try await responder.tryIt(addresses, tryPeer)
                }
            }
            try await responder.run(peer)
        case let receiver as any ReceiverExample.Type:
            if peer.isOffline {
                peer.expectedNotifications = receiver.notificationCount
                let sendPeer = peer
                peer.listening = { addresses in
                    // The receiver loops over what arrives; the test notifications go out beside it.
                    Task {
                        do {
                            try await receiver.sendTestNotifications(to: addresses, sendPeer)
                        } catch {
                            print("sending the test notifications failed: \(error)")
                        }
                    }
                }
            }
            try await receiver.run(peer)
        default:
            try await example.run(peer)
        }
    }
}

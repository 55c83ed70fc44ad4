// default-v1-trap: an SNMPv1 TRAP with the defaults for everything left out: coldStart, enterprise
// .1.3.6.1.4.1.3.1.1, this host's address as agent-addr and the sender's uptime.
//
// Net-SNMP: snmptrap -v1 -c public HOST:162 '' '' 0 0 ''
import SNMP

enum DefaultV1Trap: OriginatorExample {
    static let name = "default-v1-trap"
    static let group = ExampleGroup.notification
    static let summary = "SNMPv1 TRAP with default enterprise and agent address (the seed's third example)"
    static let notificationCount = 1

    static func run(_ peer: Peer) async throws {
        try await withSNMPNotifier(agent: peer.agent, version: .v1(community: peer.community)) { notifier in
            try await notifier.sendTrapV1()    // generic-trap coldStart(0), specific-trap 0
            print("sent an SNMPv1 coldStart trap to \(peer.agent)")
        }
    }
}

// custom-v1-trap: an SNMPv1 Trap-PDU with every field chosen: enterprise, agent-addr, generic-trap
// enterpriseSpecific(6), specific-trap 7, time-stamp, and one varbind.
//
// Net-SNMP: snmptrap -v1 -c public HOST:162 .1.3.6.1.4.1.20408.4.1.1.2 127.0.0.1 6 7 12345 SNMPv2-MIB::sysName.0 s "swift-snmp"
import SNMP

enum CustomV1Trap: OriginatorExample {
    static let name = "custom-v1-trap"
    static let group = ExampleGroup.notification
    static let summary = "SNMPv1 TRAP with custom enterprise, agent address, codes and uptime"
    static let notificationCount = 1

    static func run(_ peer: Peer) async throws {
        try await withSNMPNotifier(agent: peer.agent, version: .v1(community: peer.community)) { notifier in
            try await notifier.sendTrapV1(.enterpriseSpecific, specific: 7,
                                          enterprise: "1.3.6.1.4.1.20408.4.1.1.2",
                                          agentAddress: IPv4Address(127, 0, 0, 1), upTime: 12_345,
                                          varBinds: [VarBind("1.3.6.1.2.1.1.5.0", .octetString("swift-snmp"))])
            print("sent an SNMPv1 enterprise-specific trap 7 to \(peer.agent)")
        }
    }
}

import Foundation
import Testing

/// `snmp demo`, the README's first command: it must succeed on its own, on loopback, and show each step.
@Suite struct DemoCommandTests {
    @Test func demoRunsEveryStep() async throws {
        let result = try await SNMPCommand.run(["demo"], environment: ["MIBS": ""])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("= STRING: \"swift-snmp demo agent\""))
        #expect(result.stdout.contains("$ snmp bulkwalk -v3 -l authPriv"))
        #expect(result.stdout.contains(".1.3.6.1.2.1.2    # interfaces"))
        #expect(result.stdout.contains(".3.6.1.2.1.1.4.0 = STRING: \"noc@example.com\""))
        #expect(result.stdout.contains("got an SNMPv3 SNMPv2-Trap from udp:127.0.0.1:"))
        #expect(result.stdout.contains(".3.6.1.6.3.1.1.4.1.0 = OID: "))
        #expect(result.stdout.hasSuffix("Done: agent, authPriv walk, SET read back and a trap received, all on loopback.\n"))
    }
}

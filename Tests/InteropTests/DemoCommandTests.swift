import Foundation
import Testing

/// `snmp demo`, the README's first command: it must succeed on its own, on loopback, and show each step with
/// names from the bundled MIB modules (a machine with no MIB files and Debian's `mibs :` still shows them).
@Suite struct DemoCommandTests {
    @Test func demoRunsEveryStep() async throws {
        let result = try await SNMPCommand.run(["demo"], environment: ["MIBS": "", "MIBDIRS": "/nonexistent"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("SNMPv2-MIB::sysDescr.0 = STRING: swift-snmp demo agent\n"))
        #expect(result.stdout.contains("$ snmp bulkwalk -m SNMPv2-MIB:IF-MIB -v3 -l authPriv"))
        #expect(result.stdout.contains(" IF-MIB::interfaces\nIF-MIB::ifNumber.0 = INTEGER: "))
        #expect(result.stdout.contains("IF-MIB::ifDescr.1 = STRING: lo\n"))
        #expect(result.stdout.contains("SNMPv2-MIB::sysContact.0 = STRING: noc@example.com\n"))
        #expect(result.stdout.contains("got an SNMPv3 SNMPv2-Trap from udp:127.0.0.1:"))
        #expect(result.stdout.contains("SNMPv2-MIB::snmpTrapOID.0 = OID: IF-MIB::linkUp\n"))
        #expect(result.stdout.hasSuffix("Done: agent, authPriv walk, SET read back and a trap received, all on loopback.\n"))
    }
}

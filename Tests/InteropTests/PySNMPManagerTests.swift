import Foundation
import Testing
import SNMP

/// pysnmp's command generator as a second client of our agent (v2c and SNMPv3 authPriv).
@Suite(.enabled(if: PySNMPPeer.isAvailable, "pysnmp is not installed: pip install pysnmp cryptography"), .serialized)
struct PySNMPManagerTests {
    static let script = NetSNMPDaemon.fixtures.appendingPathComponent("pysnmp-manager.py").path

    @Test(arguments: [["v2c", "private"], ["v3", "demo", "authpass123", "privpass123"]])
    func pysnmpReadsWritesAndWalksOurAgent(_ credentials: [String]) async throws {
        var configuration = AgentConfiguration()
        configuration.listenAddresses = ["udp:127.0.0.1:0"]
        configuration.communities = [AgentCommunity("private", access: .readWrite)]
        configuration.users = [try AgentUser(parsing: "demo:SHA-256:authpass123:AES:privpass123")]
        configuration.system.sysDescr = "pysnmp peer test"
        let agent = try await SNMPAgent.start(configuration: configuration)
        defer { Task { await agent.shutdown() } }
        let port = try #require(try await agent.localAddresses().first?.port)

        let result = try await ToolResult.run(URL(fileURLWithPath: "/usr/bin/env"),
                                        ["python3", Self.script, "\(port)"] + credentials)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("GET SNMPv2-MIB::sysDescr.0 = pysnmp peer test"))
        #expect(lines.contains("NEXT SNMPv2-MIB::sysDescr.0 = pysnmp peer test"))
        #expect(lines.contains("SET SNMPv2-MIB::sysContact.0 = pysnmp was here"))
        #expect(lines.contains("WALK SNMPv2-MIB::sysContact.0 = pysnmp was here"))
        let walked = lines.filter { $0.hasPrefix("WALK ") }
        #expect(walked.count == 8 + 3 * SystemCapabilityCount.value)   // sysDescr...sysORLastChange + sysORTable
        // And our own agent saw the write.
        let client = try await SNMPClient(agent: "udp:127.0.0.1:\(port)", version: .v2c(community: "private"))
        #expect(try await client.get("1.3.6.1.2.1.1.4.0").value == .octetString("pysnmp was here"))
        await client.shutdown()
    }
}

/// Whether pysnmp 7 can be imported by `python3`.
enum PySNMPPeer {
    static let isAvailable: Bool = {
        (try? ToolResult.runBlocking(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import pysnmp.hlapi.v3arch.asyncio"]))?
            .status == 0
    }()
}

import Foundation
import NIOCore
import Testing
import SNMP

/// How many rows the agent's sysORTable has (the MIB modules it implements).
enum SystemCapabilityCount {
    static let value = 5
}

/// Net-SNMP's tools against our agent, started in-process on free loopback ports (IPv4 and IPv6).
@Suite(.enabled(if: NetSNMPDaemon.isInstalled, NetSNMPDaemon.installHint), .serialized)
struct AgentInteropTests {
    /// One running agent with an empty Net-SNMP configuration directory for the tools.
    struct Running {
        let agent: SNMPAgent
        let port4: Int
        let port6: Int
        let confDir: String

        func address(_ transport: String) -> String {
            transport == "udp6" ? "udp6:[::1]:\(port6)" : "udp:127.0.0.1:\(port4)"
        }

        func tool(_ name: String, _ arguments: [String]) async throws -> ToolResult {
            try await ToolResult.run(URL(fileURLWithPath: "/usr/bin/\(name)"), arguments,
                               environment: ["MIBS": "", "SNMPCONFPATH": confDir, "HOME": confDir,
                                             "SNMP_PERSISTENT_DIR": confDir + "/persist"])
        }

        func stop() async {
            await agent.shutdown()
            try? FileManager.default.removeItem(atPath: confDir)
        }
    }

    static func start() async throws -> Running {
        var configuration = AgentConfiguration()
        configuration.listenAddresses = ["udp:127.0.0.1:0", "udp6:[::1]:0"]
        configuration.communities = [AgentCommunity("public"), AgentCommunity("private", access: .readWrite)]
        configuration.system.sysDescr = "interop agent"
        let agent = try await SNMPAgent.start(configuration: configuration)
        let addresses = try await agent.localAddresses()
        let confDir = FileManager.default.temporaryDirectory.appendingPathComponent("agent-interop-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: confDir + "/persist", withIntermediateDirectories: true)
        guard addresses.count == 2, let port4 = addresses[0].port, let port6 = addresses[1].port else {
            throw FixtureError(description: "agent did not report its ports")
        }
        return Running(agent: agent, port4: port4, port6: port6, confDir: confDir)
    }

    static let versions = ["1", "2c"]
    static let transports = ["udp", "udp6"]

    @Test(arguments: versions, transports)
    func getGetNextBulkGet(version: String, transport: String) async throws {
        let running = try await Self.start()
        defer { Task { await running.stop() } }
        let target = running.address(transport)
        let get = try await running.tool("snmpget", ["-v", version, "-c", "public", "-On", target,
                                               "1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.7.0"])
        #expect(get.status == 0, "\(get.stderr)")
        #expect(get.stdout == ".1.3.6.1.2.1.1.1.0 = STRING: \"interop agent\"\n.1.3.6.1.2.1.1.7.0 = INTEGER: 72\n")
        let next = try await running.tool("snmpgetnext", ["-v", version, "-c", "public", "-On", target, "1.3.6.1.2.1.1.4"])
        #expect(next.stdout == ".1.3.6.1.2.1.1.4.0 = STRING: \"root\"\n", "snmpd's default sysContact")
        let missing = try await running.tool("snmpget", ["-v", version, "-c", "public", "-On", target, "1.3.6.1.2.1.1.99.0"])
        if version == "1" {
            #expect(missing.stderr.contains("noSuchName"))
        } else {
            #expect(missing.stdout.contains("No Such Object"))
        }
        guard version == "2c" else { return }
        let bulk = try await running.tool("snmpbulkget", ["-v2c", "-c", "public", "-On", "-Cn1", "-Cr3", target,
                                                    "1.3.6.1.2.1.1.1", "1.3.6.1.2.1.1.9.1.2"])
        let names = bulk.stdout.split(separator: "\n").map { $0.split(separator: " ")[0] }
        #expect(names == [".1.3.6.1.2.1.1.1.0", ".1.3.6.1.2.1.1.9.1.2.1", ".1.3.6.1.2.1.1.9.1.2.2",
                          ".1.3.6.1.2.1.1.9.1.2.3"])
    }

    /// The names a walk returned (values of counters and clocks move between two walks).
    static func names(_ output: String) -> [Substring] {
        output.split(separator: "\n").filter { $0.hasPrefix(".") && !$0.contains("No more variables") }
            .map { $0.split(separator: " ")[0] }
    }

    @Test(arguments: transports)
    func fullWalkEqualsFullBulkWalkAndEndsCleanly(transport: String) async throws {
        let running = try await Self.start()
        defer { Task { await running.stop() } }
        let target = running.address(transport)
        let walk = try await running.tool("snmpwalk", ["-v2c", "-c", "public", "-On", target, "1"])
        let bulkWalk = try await running.tool("snmpbulkwalk", ["-v2c", "-c", "public", "-On", "-Cr25", target, "1"])
        let v1Walk = try await running.tool("snmpwalk", ["-v1", "-c", "public", "-On", target, "1"])
        #expect(walk.status == 0 && bulkWalk.status == 0 && v1Walk.status == 0)
        // Net-SNMP notes the persistent directories it creates on first use; nothing else may appear.
        let complaints = (walk.stderr + bulkWalk.stderr).split(separator: "\n").filter { !$0.hasPrefix("Created directory") }
        #expect(complaints.isEmpty, "\(complaints)")
        #expect(Self.names(walk.stdout).count > 60)
        #expect(Self.names(walk.stdout) == Self.names(bulkWalk.stdout))
        // SNMPv1 skips the Counter64 columns of ifXTable (RFC 3584 §4.2.2.1) and otherwise sees the same.
        let withoutHC = Self.names(walk.stdout).filter { !$0.hasPrefix(".1.3.6.1.2.1.31.1.1.1.") }
        #expect(Self.names(v1Walk.stdout).filter { !$0.hasPrefix(".1.3.6.1.2.1.31.1.1.1.") } == withoutHC)
        // The walk ends at the end of the MIB: Net-SNMP prints endOfMibView for the last name and exits 0.
        #expect(walk.stdout.hasSuffix("No more variables left in this MIB View (It is past the end of the MIB tree)\n"))
        #expect(v1Walk.stdout.hasSuffix("End of MIB\n"))
        #expect(walk.stdout.contains(".1.3.6.1.6.3.10.2.1.1.0 = Hex-STRING:"))
        #expect(walk.stdout.contains(".1.3.6.1.2.1.2.1.0 = INTEGER:"))
    }

    /// The bundled IETF MIB modules: snmptable needs a table's definition to know its columns.
    static let mibDirectory = MIBInteropTests.mibDirectory

    @Test(arguments: versions)
    func tableWithNumericOIDs(version: String) async throws {
        let running = try await Self.start()
        defer { Task { await running.stop() } }
        let table = try await running.tool("snmptable", ["-M", Self.mibDirectory, "-m", "IF-MIB:SNMPv2-MIB", "-v", version,
                                                   "-c", "public", "-Cf", ",", running.address("udp"), ".1.3.6.1.2.1.2.2"])
        #expect(table.status == 0, "\(table.stderr)")
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.first == "SNMP table: IF-MIB::ifTable")
        #expect(lines.contains { $0.hasPrefix("1,lo,softwareLoopback,65536,") }, "\(table.stdout)")
        let sysOR = try await running.tool("snmptable", ["-M", Self.mibDirectory, "-m", "SNMPv2-MIB", "-v", version,
                                                   "-c", "public", "-Cf", ",", running.address("udp6"), ".1.3.6.1.2.1.1.9"])
        #expect(sysOR.stdout.split(separator: "\n").count == 2 + SystemCapabilityCount.value, "\(sysOR.stdout)")
    }

    @Test func setSticksAndFailedSetChangesNothing() async throws {
        let running = try await Self.start()
        defer { Task { await running.stop() } }
        let target = running.address("udp")
        let set = try await running.tool("snmpset", ["-v2c", "-c", "private", "-On", target,
                                               "1.3.6.1.2.1.1.4.0", "s", "noc@example.net"])
        #expect(set.stdout == ".1.3.6.1.2.1.1.4.0 = STRING: \"noc@example.net\"\n", "\(set.stderr)")
        let read = try await running.tool("snmpget", ["-v1", "-c", "public", "-Ovq", target, "1.3.6.1.2.1.1.4.0"])
        #expect(read.stdout == "\"noc@example.net\"\n")

        let failing = try await running.tool("snmpset", ["-v2c", "-c", "private", target,
                                                   "1.3.6.1.2.1.1.5.0", "s", "renamed",
                                                   "1.3.6.1.2.1.1.1.0", "s", "read-only"])
        #expect(failing.status != 0)
        #expect(failing.stderr.contains("notWritable"), "\(failing.stderr)")
        let name = try await running.tool("snmpget", ["-v2c", "-c", "public", "-Ovq", target, "1.3.6.1.2.1.1.5.0"])
        #expect(name.stdout == "\"\(AgentConfiguration().system.sysName)\"\n", "the host name, unchanged")

        let readOnly = try await running.tool("snmpset", ["-v2c", "-c", "public", target, "1.3.6.1.2.1.1.6.0", "s", "x"])
        #expect(readOnly.stderr.contains("noAccess"), "\(readOnly.stderr)")
        let readOnlyV1 = try await running.tool("snmpset", ["-v1", "-c", "public", target, "1.3.6.1.2.1.1.6.0", "s", "x"])
        #expect(readOnlyV1.stderr.contains("noSuchName"), "\(readOnlyV1.stderr)")
    }

    /// Sends raw datagrams from a fresh UDP socket.
    static func sendRaw(_ datagrams: [[UInt8]], port: Int) throws {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { throw FixtureError(description: "socket") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        for datagram in datagrams {
            _ = datagram.withUnsafeBytes { bytes in
                withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        sendto(fd, bytes.baseAddress, bytes.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                    }
                }
            }
        }
    }

    static func counter(_ running: Running, _ arc: UInt32) async throws -> Int? {
        let result = try await running.tool("snmpget", ["-v2c", "-c", "public", "-Ovq", running.address("udp"),
                                                  "1.3.6.1.2.1.11.\(arc).0"])
        return Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// A v2c GetRequest for sysDescr.0 with `community`, encoded by our BER writer.
    static func request(version: Int, community: String) -> [UInt8] {
        var bytes = ByteBuffer()
        CommunityMessage(version: SNMPVersion(rawValue: Int32(version)), community: OctetString(community),
                         pdu: .pdu(PDU(type: .getRequest, requestID: 7, varBinds: [VarBind("1.3.6.1.2.1.1.1.0")])))
            .serialize(into: &bytes)
        return Array(bytes.readableBytesView)
    }

    @Test func badInputIsDroppedAndCounted() async throws {
        let running = try await Self.start()
        defer { Task { await running.stop() } }
        let good = Self.request(version: 1, community: "public")
        try Self.sendRaw([
            [0xDE, 0xAD, 0xBE, 0xEF],                       // garbage
            Array(good.prefix(good.count - 3)),             // truncated
            [0x30, 0x84, 0x7F, 0xFF, 0xFF, 0xFF] + [UInt8](repeating: 0, count: 60_000),   // oversized length
            Self.request(version: 7, community: "public"),  // unknown version
            Self.request(version: 1, community: "wrong"),   // unknown community
            Self.request(version: 0, community: "wrong"),
        ], port: running.port4)
        try await Task.sleep(for: .milliseconds(200))
        #expect(try await Self.counter(running, 6) == 3, "snmpInASNParseErrs")
        #expect(try await Self.counter(running, 3) == 1, "snmpInBadVersions")
        #expect(try await Self.counter(running, 4) == 2, "snmpInBadCommunityNames")
        let still = try await running.tool("snmpget", ["-v2c", "-c", "public", "-Ovq", running.address("udp6"),
                                                 "1.3.6.1.2.1.1.1.0"])
        #expect(still.stdout == "\"interop agent\"\n", "the agent keeps serving")
    }
}

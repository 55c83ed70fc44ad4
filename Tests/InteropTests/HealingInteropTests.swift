import Foundation
import Testing
import SNMP

/// Issue 13's acceptance: walks through a misbehaving agent (FaultProxy in front of a real snmpd, or an
/// snmpd user with the other AES key extension) return exactly what snmpd holds, and the same setups are
/// run with Net-SNMP's snmpbulkwalk and pysnmp's bulk_walk_cmd, whose outcomes are printed beside ours.
@Suite(.snmpd, .enabled(if: NetSNMPDaemon.isInstalled, NetSNMPDaemon.installHint), .serialized)
struct HealingInteropTests {
    static let ifTable: ObjectIdentifier = "1.3.6.1.2.1.2.2"
    static let ifTableText = ".1.3.6.1.2.1.2.2"

    /// What snmpd holds under `root`, by Net-SNMP's own snmpwalk (GETNEXT, one object per request).
    static func snmpdHolds(_ root: String, v3: [String]? = nil) async throws -> [String] {
        let agent = try currentAgent()
        let credentials = v3 ?? ["-v2c", "-c", "public"]
        let result = try await agent.runTool("snmpwalk", credentials + ["-On", "-Oq", "127.0.0.1:\(agent.port)", root])
        #expect(result.status == 0, "\(result.stderr)")
        return oids(in: result.stdout)
    }

    /// The OIDs of `-On -Oq` output lines.
    static func oids(in text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            line.hasPrefix(".") ? line.split(separator: " ").first.map(String.init) : nil
        }
    }

    static func client(port: Int, timeout: Duration = .seconds(1), retries: Int = 1,
                       engine: SNMPEngine? = nil) async throws -> SNMPClient {
        try await SNMPClient(host: "127.0.0.1", port: port, version: .v2c(community: "public"),
                             configuration: .init(timeout: timeout, retries: retries), engine: engine)
    }

    /// Net-SNMP's snmpbulkwalk through the proxy: its outcome in one line.
    static func netSNMP(_ port: Int, _ arguments: [String], root: String = ifTableText,
                        credentials: [String] = ["-v2c", "-c", "public"]) async throws -> (line: String, oids: [String]) {
        let agent = try currentAgent()
        let result = try await agent.runTool("snmpbulkwalk", credentials + arguments + ["-On", "-Oq", "127.0.0.1:\(port)", root])
        let oids = oids(in: result.stdout)
        let error = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
        return ("exit \(result.status), \(oids.count) objects\(error.isEmpty ? "" : ", \"\(error)\"")", oids)
    }

    /// pysnmp's bulk_walk_cmd: its outcome in one line, or why it did not run.
    static func pysnmp(_ port: Int, maxRepetitions: Int, timeout: Double = 1, retries: Int = 1,
                       root: String = "1.3.6.1.2.1.2.2", credentials: [String] = ["v2c", "public"]) async throws -> String {
        guard PySNMPPeer.isAvailable else { return "not run (pysnmp is not installed: pip install pysnmp cryptography)" }
        let script = NetSNMPDaemon.fixtures.appendingPathComponent("pysnmp-bulkwalk.py").path
        let result = try await ToolResult.run(URL(fileURLWithPath: "/usr/bin/env"),
                                              ["python3", script, "\(port)", root, "\(maxRepetitions)", "\(timeout)",
                                               "\(retries)"] + credentials)
        let lines = result.stdout.split(separator: "\n")
        let count = lines.filter { $0.hasPrefix("VB ") }.count
        let end = lines.last { $0.hasPrefix("END ") }.map { String($0.dropFirst(4)) } ?? "exit \(result.status)"
        return "\(count) objects, \(end)"
    }

    static func report(_ setup: String, ours: String, netSNMP: String, pysnmp: String) {
        print("""
            [healing] \(setup)
              swift-snmp   : \(ours)
              snmpbulkwalk : \(netSNMP)
              pysnmp       : \(pysnmp)
            """)
    }

    @Test func tooBigAboveEightVarBinds() async throws {
        let agent = try currentAgent()
        let expected = try await Self.snmpdHolds(Self.ifTableText)
        let proxy = try await FaultProxy(agentPort: Int(agent.port), faults: .init(tooBigAbove: 8))
        defer { Task { await proxy.close() } }
        let client = try await Self.client(port: proxy.port)
        defer { Task { await client.shutdown() } }

        let result = try await client.walkResult(Self.ifTable, maxRepetitions: 25)
        #expect(result.varBinds.map { "." + $0.oid.description } == expected)
        #expect(result.warnings.contains(.maxRepetitionsReduced(from: 25, to: 12, because: .tooBig)))
        let ours = "\(result.varBinds.count) objects in \(result.requests) requests (\(proxy.tooBigAnswers) tooBig)"

        // The CLI heals the same way and prints nothing extra without -d.
        let cli = try await SNMPCommand.run(["bulkwalk", "-v2c", "-c", "public", "-Cr25", "-On", "-Oq",
                                             "127.0.0.1:\(proxy.port)", Self.ifTableText])
        #expect(cli.status == 0)
        #expect(cli.stderr.isEmpty)
        #expect(Self.oids(in: cli.stdout) == expected)

        let netSNMP = try await Self.netSNMP(proxy.port, ["-Cr25", "-t", "1", "-r", "1"])
        let pysnmp = try await Self.pysnmp(proxy.port, maxRepetitions: 25)
        Self.report("tooBig above 8 varbinds, max-repetitions 25, \(expected.count) objects in ifTable",
                    ours: ours, netSNMP: netSNMP.line, pysnmp: pysnmp)
    }

    @Test func responsesOver1200BytesAreLost() async throws {
        let agent = try currentAgent()
        let expected = try await Self.snmpdHolds(Self.ifTableText)
        let proxy = try await FaultProxy(agentPort: Int(agent.port), faults: .init(dropLargerThan: 1_200))
        defer { Task { await proxy.close() } }
        let client = try await Self.client(port: proxy.port, timeout: .milliseconds(300), retries: 1)
        defer { Task { await client.shutdown() } }

        // 100 repetitions of ifTable's small cells are about 2,000 bytes; 25 fit.
        let result = try await client.walkResult(Self.ifTable, maxRepetitions: 100)
        #expect(result.varBinds.map { "." + $0.oid.description } == expected)
        #expect(result.warnings.contains(.maxRepetitionsReduced(from: 100, to: 50, because: .timeout)))
        #expect(proxy.dropped > 0)
        let ours = "\(result.varBinds.count) objects in \(result.requests) requests (\(proxy.dropped) responses lost)"

        let netSNMP = try await Self.netSNMP(proxy.port, ["-Cr100", "-t", "0.3", "-r", "1"])
        let pysnmp = try await Self.pysnmp(proxy.port, maxRepetitions: 100, timeout: 0.3)
        Self.report("responses over 1,200 bytes dropped, max-repetitions 100", ours: ours, netSNMP: netSNMP.line,
                    pysnmp: pysnmp)
    }

    @Test func oidRepeatedAtTheEndOfTheTable() async throws {
        let agent = try currentAgent()
        let expected = try await Self.snmpdHolds(Self.ifTableText)
        let proxy = try await FaultProxy(agentPort: Int(agent.port), faults: .init(repeatAtEndOf: Self.ifTable))
        defer { Task { await proxy.close() } }
        let client = try await Self.client(port: proxy.port)
        defer { Task { await client.shutdown() } }

        let result = try await client.walkResult(Self.ifTable, maxRepetitions: 10)
        #expect(result.varBinds.map { "." + $0.oid.description } == expected)
        let last = try #require(result.varBinds.last?.oid)
        #expect(result.warnings == [.notIncreasing(previous: last, received: last)])
        let ours = "\(result.varBinds.count) objects in \(result.requests) requests, warning: \(result.warnings[0])"

        // With -Cc semantics the loop guard ends it too, still without the duplicate.
        var unchecked = SNMPClient.Configuration(timeout: .seconds(1), retries: 1)
        unchecked.checkIncreasing = false
        let loose = try await SNMPClient(host: "127.0.0.1", port: proxy.port, version: .v2c(community: "public"),
                                         configuration: unchecked)
        defer { Task { await loose.shutdown() } }
        let looseResult = try await loose.walkResult(Self.ifTable, maxRepetitions: 10)
        #expect(looseResult.varBinds.map { "." + $0.oid.description } == expected)
        #expect(looseResult.warnings == [.loop(at: last)])

        let netSNMP = try await Self.netSNMP(proxy.port, ["-Cr10"])
        let pysnmp = try await Self.pysnmp(proxy.port, maxRepetitions: 10)
        Self.report("the last OID of ifTable repeated where the table ends", ours: ours, netSNMP: netSNMP.line,
                    pysnmp: pysnmp)
    }

    @Test func reederKeyExtensionWhenToldOnlyAES256() async throws {
        let agent = try currentAgent()
        // usr-sha-aes256c is AES-256 with the Reeder extension (Net-SNMP AES-256-C); SHA-1 keys are 20 bytes,
        // so the extension decides the key.
        let user = "usr-sha-aes256c"
        let reeder = ["-v3", "-l", "authPriv", "-u", user, "-a", "SHA", "-A", "authkey1234", "-x", "AES-256-C",
                      "-X", "privkey1234"]
        let expected = try await Self.snmpdHolds("1.3.6.1.2.1.1", v3: reeder)
        let client = try await SNMPClient(
            host: "127.0.0.1", port: Int(agent.port),
            version: .v3(user: user, auth: .sha("authkey1234"), priv: .aes256Auto("privkey1234")),
            configuration: .init(timeout: .milliseconds(300), retries: 1))
        defer { Task { await client.shutdown() } }

        let result = try await client.walkResult("1.3.6.1.2.1.1", maxRepetitions: 10)
        #expect(result.varBinds.map { "." + $0.oid.description } == expected)
        let engineID = try #require(client.engine.commandGenerator.engineDirectory.engineID(at: client.target.address))
        #expect(client.engine.commandGenerator.keyExtensions.state(engineID: engineID, userName: OctetString(user))
                == .confirmed(.aes256Reeder))
        // Remembered: the next walk goes straight to the Reeder key.
        let again = try await client.walkResult("1.3.6.1.2.1.1", maxRepetitions: 10)
        #expect(again.varBinds.count == expected.count)
        let ours = "\(result.varBinds.count) objects in \(result.requests) requests, then \(again.requests)"

        // Without detection the same setting fails, as the other tools do.
        var off = SNMPClient.Configuration(timeout: .milliseconds(300), retries: 1)
        off.detectsKeyExtension = false
        let strict = try await SNMPClient(
            host: "127.0.0.1", port: Int(agent.port),
            version: .v3(user: user, auth: .sha("authkey1234"), priv: .aes256Auto("privkey1234")), configuration: off)
        defer { Task { await strict.shutdown() } }
        await #expect(throws: SNMPError.self) { _ = try await strict.walkResult("1.3.6.1.2.1.1") }

        let told = ["-v3", "-l", "authPriv", "-u", user, "-a", "SHA", "-A", "authkey1234", "-x", "AES-256",
                    "-X", "privkey1234"]
        let netSNMP = try await Self.netSNMP(Int(agent.port), ["-t", "0.3", "-r", "1"], root: ".1.3.6.1.2.1.1",
                                             credentials: told)
        let pysnmp = try await Self.pysnmp(Int(agent.port), maxRepetitions: 10, timeout: 0.3, root: "1.3.6.1.2.1.1",
                                           credentials: ["v3", user, "authkey1234", "privkey1234"])
        let cli = try await SNMPCommand.run(["bulkwalk"] + told.map { $0 == "AES-256" ? "AES-256-auto" : $0 }
                                            + ["-t", "0.3", "-r", "1", "-On", "-Oq", "127.0.0.1:\(agent.port)", ".1.3.6.1.2.1.1"])
        #expect(Self.oids(in: cli.stdout) == expected)
        Self.report("agent uses the Reeder AES-256 key, client told only \"AES-256\"", ours: ours,
                    netSNMP: netSNMP.line, pysnmp: pysnmp)
    }

    @Test func oneTargetDelayedWhileOthersAnswerAtOnce() async throws {
        let agent = try currentAgent()
        let system = "1.3.6.1.2.1.1"
        let systemOID: ObjectIdentifier = "1.3.6.1.2.1.1"
        let expected = try await Self.snmpdHolds("." + system)
        let slow = try await FaultProxy(agentPort: Int(agent.port), faults: .init(delay: .milliseconds(1_500)))
        let fast = try await FaultProxy(agentPort: Int(agent.port), faults: .init())
        defer { Task { await slow.close(); await fast.close() } }
        // One engine polls both, as a poller of many targets does; each target keeps its own estimate.
        let engine = try await SNMPEngine.start()
        defer { Task { await engine.shutdown() } }
        let slowClient = try await Self.client(port: slow.port, retries: 2, engine: engine)
        let fastClient = try await Self.client(port: fast.port, retries: 2, engine: engine)

        async let slowWalk = slowClient.walkResult(systemOID, maxRepetitions: 15)
        async let fastWalk = fastClient.walkResult(systemOID, maxRepetitions: 15)
        let (slowResult, fastResult) = try await (slowWalk, fastWalk)
        #expect(slowResult.varBinds.map { "." + $0.oid.description } == expected)
        #expect(fastResult.varBinds.map { "." + $0.oid.description } == expected)
        // The slow target's estimate learnt its delay; the fast one's did not.
        let slowRTT = try #require(engine.commandGenerator.pacing.timing(of: slowClient.target.address)?.smoothedRTT)
        let fastRTT = try #require(engine.commandGenerator.pacing.timing(of: fastClient.target.address)?.smoothedRTT)
        #expect(slowRTT > fastRTT)
        let ours = "slow: \(slowResult.requests) requests, \(slow.requests) datagrams; fast: \(fast.requests) datagrams"

        let before = slow.requests
        let netSNMP = try await Self.netSNMP(slow.port, ["-Cr15", "-t", "1", "-r", "2"], root: "." + system)
        let netSNMPDatagrams = slow.requests - before
        let pyBefore = slow.requests
        let pysnmp = try await Self.pysnmp(slow.port, maxRepetitions: 15, timeout: 1, retries: 2, root: system)
        Self.report("one target delayed 1.5 s (timeout 1 s, 2 retries), another answering at once", ours: ours,
                    netSNMP: "\(netSNMP.line), \(netSNMPDatagrams) datagrams",
                    pysnmp: "\(pysnmp), \(slow.requests - pyBefore) datagrams")
    }

    @Test func requestsInFlightStayWithinTheTargetsLimit() async throws {
        let agent = try currentAgent()
        let proxy = try await FaultProxy(agentPort: Int(agent.port), faults: .init(delay: .milliseconds(100)))
        defer { Task { await proxy.close() } }
        var configuration = SNMPClient.Configuration(timeout: .seconds(2), retries: 1)
        configuration.maximumInFlight = 2
        let client = try await SNMPClient(host: "127.0.0.1", port: proxy.port, version: .v2c(community: "public"),
                                          configuration: configuration)
        defer { Task { await client.shutdown() } }
        let answers = try await withThrowingTaskGroup(of: VarBind.self) { group in
            for _ in 0..<8 { group.addTask { try await client.get("1.3.6.1.2.1.1.5.0") } }
            var answers: [VarBind] = []
            for try await answer in group { answers.append(answer) }
            return answers
        }
        #expect(answers.count == 8)
        #expect(proxy.requests == 8)
        #expect(proxy.mostOutstanding == 2)
    }

    @Test func endOfMibViewAmongValuesEndsTheWalkCleanly() async throws {
        let agent = try currentAgent()
        let expected = try await Self.snmpdHolds(Self.ifTableText)
        try #require(expected.count > 10)
        let cut: ObjectIdentifier = try #require(ObjectIdentifier(expected[5].dropFirst()))
        let proxy = try await FaultProxy(agentPort: Int(agent.port), faults: .init(endOfMibViewAt: cut))
        defer { Task { await proxy.close() } }
        let client = try await Self.client(port: proxy.port)
        defer { Task { await client.shutdown() } }
        let result = try await client.walkResult(Self.ifTable, maxRepetitions: 25)
        // What came before the exception, and a warning naming the value that followed it.
        #expect(result.varBinds.map { "." + $0.oid.description } == Array(expected.prefix(5)))
        let next = try #require(ObjectIdentifier(expected[6].dropFirst()))
        #expect(result.warnings == [.exceptionAmongValues(at: next)])
    }
}

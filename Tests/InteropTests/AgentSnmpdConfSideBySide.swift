import Foundation
import Testing

/// Our agent and Net-SNMP's snmpd started from the same snmpd.conf on free loopback ports, each with its
/// own state directory; stopped by pid (SIGTERM, then SIGKILL).
struct SideBySideAgents {
    let dir: URL
    let snmpdPort: Int
    let ourPort: Int
    let snmpdPID: Int32
    let ours: Process
    let ourStderr: String
    let environment: [String: String]

    /// RFC 3414 A.3's engine ID: both agents use it, so the RFC's keys for "maplesyrup" are theirs.
    static let engineID = "0x000000000000000000000002"
    /// RFC 3414 A.3.2: SHA master key Ku and localized key Kul of "maplesyrup" for ``engineID``.
    static let shaMasterKey = "0x9fb5cc0381497b3793528939ff788d5d79145211"
    static let shaLocalizedKey = "0x6695febc9288e36282235fc7151f128497b38f3f"

    /// Starts both agents with `config` (the listening address comes from the command line).
    static func start(config: String) async throws -> SideBySideAgents {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("agent-sxs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("snmpd-persist"), withIntermediateDirectories: true)
        let conf = dir.appendingPathComponent("snmpd.conf").path
        try config.write(toFile: conf, atomically: true, encoding: .utf8)
        try "mibs :\n".write(to: dir.appendingPathComponent("snmp.conf"), atomically: true, encoding: .utf8)
        let environment = ["SNMPCONFPATH": dir.path, "HOME": dir.path, "MIBS": "",
                           "SNMP_PERSISTENT_DIR": dir.appendingPathComponent("snmpd-persist").path]

        let snmpdPort = try TrapdSideBySideTests.freePort()
        let pidFile = dir.appendingPathComponent("snmpd.pid").path
        let started = try await ToolResult.run(URL(fileURLWithPath: "/usr/sbin/snmpd"),
                                               ["-C", "-c", conf, "-I", "-smux", "-Lf", dir.appendingPathComponent("snmpd.log").path,
                                                "-p", pidFile, "udp:127.0.0.1:\(snmpdPort)"],
                                               environment: environment)
        try #require(started.status == 0, "snmpd: \(started.stderr)")
        var snmpdPID: Int32?
        for _ in 0..<50 where snmpdPID == nil {
            snmpdPID = (try? String(contentsOfFile: pidFile, encoding: .utf8))
                .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            if snmpdPID == nil { try await Task.sleep(for: .milliseconds(50)) }
        }
        let pid = try #require(snmpdPID, "snmpd wrote no pid file")

        let ourPort = try TrapdSideBySideTests.freePort()
        let stderrPath = dir.appendingPathComponent("agent.stderr").path
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        let process = Process()
        process.executableURL = SNMPCommand.executable
        process.arguments = ["agent", "-C", "-c", conf, "--listen", "udp:127.0.0.1:\(ourPort)",
                             "--state-dir", dir.appendingPathComponent("agent-state").path, "--log-level", "warning"]
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(forWritingAtPath: stderrPath)
        try process.run()
        let agents = SideBySideAgents(dir: dir, snmpdPort: snmpdPort, ourPort: ourPort, snmpdPID: pid, ours: process,
                                      ourStderr: stderrPath, environment: environment)
        // Both answer before the battery starts.
        for port in [snmpdPort, ourPort] {
            var answered = false
            for _ in 0..<40 where !answered {
                let result = try await agents.tool("snmpget", ["-v2c", "-c", "public", "-t", "0.2", "-r", "0",
                                                               "udp:127.0.0.1:\(port)", "1.3.6.1.2.1.1.3.0"])
                answered = result.status == 0
            }
            if !answered { agents.stop() }
            try #require(answered, "agent on port \(port) did not answer")
        }
        return agents
    }

    /// Runs a Net-SNMP tool with the agents' client environment (no MIBs, no user configuration).
    func tool(_ name: String, _ arguments: [String]) async throws -> ToolResult {
        try await ToolResult.run(URL(fileURLWithPath: "/usr/bin/env"), [name] + arguments, environment: environment)
    }

    func stop() {
        TrapdSideBySideTests.stop(pid: snmpdPID)
        if ours.isRunning {
            ours.interrupt()
            ours.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: dir)
    }
}

/// Acceptance of issue 19: an snmpd.conf that Net-SNMP's snmpd also runs, and a battery of Net-SNMP tool
/// commands that must get the same answers and errors from both agents.
@Suite(.enabled(if: NetSNMPDaemon.isInstalled, NetSNMPDaemon.installHint), .serialized)
struct AgentSnmpdConfSideBySideTests {
    static let config = """
        # shared by snmpd and snmp agent (the listening address is on each command line)
        exactEngineID \(SideBySideAgents.engineID)
        sysDescr side-by-side test agent
        sysObjectID .1.3.6.1.4.1.8072.3.2.10
        psyscontact ops@example.invalid
        psysname sxs
        sysLocation loopback lab
        sysServices 76

        # communities: sources, an OID, a view, a context
        rocommunity public 127.0.0.1
        rocommunity restricted 127.0.0.1 .1.3.6.1.2.1.1
        rocommunity elsewhere 10.0.0.0/8
        rwcommunity private 127.0.0.0/8 -V sysview
        com2sec -Cn ctxa ctxsec 127.0.0.1 ctxcomm
        group ctxgrp v2c ctxsec
        access ctxgrp ctxa any noauth exact _all_ none none

        # views with masks and exclusions
        view sysview included .1.3.6.1.2.1.1
        view sysview excluded .1.3.6.1.2.1.1.9
        view rowone included .1.3.6.1.2.1.2.2.1.1.1 ff:a0
        view rowone included .1.3.6.1.2.1.1.5

        # USM users: several auth x priv pairs, a master key, a localized key
        createUser md5user MD5 authpass123
        createUser shaaes SHA authpass123 AES privpass123
        createUser sha256aes SHA-256 authpass123 AES privpass123
        createUser sha512aes256 SHA-512 authpass123 AES-256 privpass123
        createUser masteruser SHA -m \(SideBySideAgents.shaMasterKey) AES -m \(SideBySideAgents.shaMasterKey)
        createUser localuser SHA -l \(SideBySideAgents.shaLocalizedKey) AES -l \(SideBySideAgents.shaLocalizedKey)
        createUser nobody
        createUser grouped SHA-256 authpass123

        rouser md5user auth
        rwuser shaaes priv
        rouser sha256aes priv -V sysview
        rwuser sha512aes256 priv .1.3.6.1.2.1.1
        rouser masteruser auth .1.3.6.1.2.1.1
        rwuser localuser priv
        rouser nobody noauth -V rowone
        group opsgroup usm grouped
        access opsgroup "" usm auth exact rowone rowone none
        """

    /// The tool commands: (tool, arguments before the agent, arguments after it).
    static let battery: [(String, [String], [String])] = {
        let v2 = ["-v2c", "-c"]
        let system = ["1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.2.0", "1.3.6.1.2.1.1.4.0", "1.3.6.1.2.1.1.5.0",
                      "1.3.6.1.2.1.1.6.0", "1.3.6.1.2.1.1.7.0"]
        func v3(_ user: String, _ level: String, auth: String? = nil, priv: String? = nil,
                authPass: String = "authpass123", privPass: String = "privpass123") -> [String] {
            var words = ["-v3", "-u", user, "-l", level]
            if let auth { words += ["-a", auth, "-A", authPass] }
            if let priv { words += ["-x", priv, "-X", privPass] }
            return words
        }
        return [
            ("snmpget", v2 + ["public"], system),
            ("snmpget", ["-v1", "-c", "public"], system),
            ("snmpget", v2 + ["public"], ["1.3.6.1.2.1.2.1.0", "1.3.6.1.2.1.1.99.0", "1.3.6.1.2.1.1.1.5"]),
            ("snmpget", v2 + ["restricted"], ["1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.2.1.0"]),
            ("snmpget", ["-v1", "-c", "restricted"], ["1.3.6.1.2.1.2.1.0"]),
            ("snmpgetnext", v2 + ["restricted"], ["1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.1.7.0"]),
            ("snmpwalk", v2 + ["private"], ["1.3.6.1.2.1.1"]),
            ("snmpbulkget", v2 + ["private", "-Cn1", "-Cr3"], ["1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.5.0"]),
            ("snmpget", v2 + ["elsewhere", "-t", "0.3", "-r", "0"], ["1.3.6.1.2.1.1.5.0"]),
            ("snmpget", v2 + ["wrongcommunity", "-t", "0.3", "-r", "0"], ["1.3.6.1.2.1.1.5.0"]),
            ("snmpget", v2 + ["ctxcomm", "-t", "0.3", "-r", "0"], ["1.3.6.1.2.1.1.5.0"]),
            ("snmpset", v2 + ["public"], ["1.3.6.1.2.1.1.4.0", "s", "x"]),
            ("snmpset", ["-v1", "-c", "public"], ["1.3.6.1.2.1.1.4.0", "s", "x"]),
            ("snmpset", v2 + ["private"], ["1.3.6.1.2.1.1.6.0", "s", "fixed by the configuration"]),
            ("snmpset", v2 + ["private"], ["1.3.6.1.2.1.2.1.0", "i", "3"]),
            ("snmpset", v2 + ["private"], ["1.3.6.1.2.1.1.4.0", "s", "noc@example.invalid"]),
            ("snmpget", v2 + ["public"], ["1.3.6.1.2.1.1.4.0"]),
            ("snmpset", v2 + ["private"], ["1.3.6.1.2.1.1.4.0", "i", "3"]),
            ("snmpget", v3("md5user", "authNoPriv", auth: "MD5"), system),
            ("snmpget", v3("md5user", "authPriv", auth: "MD5", priv: "AES"), ["1.3.6.1.2.1.1.5.0"]),
            ("snmpget", v3("md5user", "authNoPriv", auth: "MD5", authPass: "wrongpass123"), ["1.3.6.1.2.1.1.5.0"]),
            ("snmpset", v3("md5user", "authNoPriv", auth: "MD5"), ["1.3.6.1.2.1.1.4.0", "s", "x"]),
            ("snmpget", v3("shaaes", "authPriv", auth: "SHA", priv: "AES"), system),
            ("snmpget", v3("shaaes", "authNoPriv", auth: "SHA"), ["1.3.6.1.2.1.1.5.0"]),
            ("snmpset", v3("shaaes", "authPriv", auth: "SHA", priv: "AES"), ["1.3.6.1.2.1.1.5.0", "s", "sxs2"]),
            ("snmpget", v3("sha256aes", "authPriv", auth: "SHA-256", priv: "AES"), ["1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.2.1.0"]),
            ("snmpgetnext", v3("sha256aes", "authPriv", auth: "SHA-256", priv: "AES"), ["1.3.6.1.2.1.1.8.0"]),
            ("snmpget", v3("sha512aes256", "authPriv", auth: "SHA-512", priv: "AES-256"), system),
            ("snmpset", v3("sha512aes256", "authPriv", auth: "SHA-512", priv: "AES-256"), ["1.3.6.1.2.1.2.1.0", "i", "1"]),
            ("snmpget", v3("masteruser", "authPriv", auth: "SHA", priv: "AES", authPass: "maplesyrup", privPass: "maplesyrup"),
             ["1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.2.1.0"]),
            ("snmpget", v3("localuser", "authPriv", auth: "SHA", priv: "AES", authPass: "maplesyrup", privPass: "maplesyrup"),
             ["1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.2.1.0"]),
            ("snmpget", v3("nobody", "noAuthNoPriv"), ["1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.2.2.1.2.1", "1.3.6.1.2.1.2.2.1.3.1",
                                                     "1.3.6.1.2.1.1.4.0"]),
            ("snmpgetnext", v3("nobody", "noAuthNoPriv"), ["1.3.6.1.2.1.2.2.1.1.1"]),
            ("snmpget", v3("grouped", "authNoPriv", auth: "SHA-256"), ["1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.1.4.0"]),
            ("snmpget", v3("ghost", "noAuthNoPriv"), ["1.3.6.1.2.1.1.5.0"]),
        ]
    }()

    /// Output with the agent's port and volatile values taken out.
    static func normalized(_ text: String, port: Int) -> String {
        text.replacingOccurrences(of: ":\(port)", with: ":PORT")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in
                // sysUpTime and sysORLastChange (when the agent's MIB modules registered) are the volatile
                // objects the battery reads.
                for name in ["iso.3.6.1.2.1.1.3.0", "iso.3.6.1.2.1.1.8.0"] where line.hasPrefix(name + " = Timeticks") {
                    return name + " = Timeticks"
                }
                return String(line)
            }
            .joined(separator: "\n")
    }

    @Test func netSNMPToolsGetTheSameAnswersAndErrorsFromBothAgents() async throws {
        let agents = try await SideBySideAgents.start(config: Self.config)
        defer { agents.stop() }
        var mismatches: [String] = []
        for (tool, options, rest) in Self.battery {
            var results: [String] = []
            for port in [agents.snmpdPort, agents.ourPort] {
                let result = try await agents.tool(tool, options + ["udp:127.0.0.1:\(port)"] + rest)
                results.append("status \(result.status)\n" + Self.normalized(result.stdout + result.stderr, port: port))
            }
            if results[0] != results[1] {
                mismatches.append("\(tool) \(options.joined(separator: " ")) \(rest.joined(separator: " "))\n--- snmpd:\n\(results[0])\n--- ours:\n\(results[1])")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(Self.battery.count) differ:\n\(mismatches.joined(separator: "\n\n"))")

        // The one deliberate difference: a v3 request for a context no one serves. RFC 3413 §3.2 step 3
        // answers it with an snmpUnknownContexts Report, which we send; snmpd drops the request.
        let context = ["-v3", "-u", "shaaes", "-l", "authPriv", "-a", "SHA", "-A", "authpass123", "-x", "AES",
                       "-X", "privpass123", "-n", "nosuchcontext", "-t", "0.5", "-r", "0"]
        let theirs = try await agents.tool("snmpget", context + ["udp:127.0.0.1:\(agents.snmpdPort)", "1.3.6.1.2.1.1.5.0"])
        let ours = try await agents.tool("snmpget", context + ["udp:127.0.0.1:\(agents.ourPort)", "1.3.6.1.2.1.1.5.0"])
        #expect(theirs.stderr.hasPrefix("Timeout"))
        #expect(ours.stderr == "snmpget: Bad context specified\n")
        let warnings = (try? String(contentsOfFile: agents.ourStderr, encoding: .utf8)) ?? ""
        #expect(!warnings.contains(": line "), "the shared snmpd.conf needs no warnings: \(warnings)")
    }

    /// ifTable and ifXTable of both agents on the same machine, object by object; counters of ours lie
    /// between two reads of snmpd's.
    @Test func interfaceTablesMatchSnmpd() async throws {
        let agents = try await SideBySideAgents.start(config: "rocommunity public 127.0.0.1\n")
        defer { agents.stop() }
        func walk(_ port: Int, _ table: String) async throws -> [(String, String)] {
            let result = try await agents.tool("snmpwalk", ["-v2c", "-c", "public", "-On", "udp:127.0.0.1:\(port)", table])
            try #require(result.status == 0, "\(result.stderr)")
            return result.stdout.split(separator: "\n").compactMap { line in
                guard let range = line.range(of: " = ") else { return nil }
                return (String(line[..<range.lowerBound]), String(line[range.upperBound...]))
            }
        }
        let tables = ["1.3.6.1.2.1.2.2", "1.3.6.1.2.1.31.1.1"]
        var before: [[(String, String)]] = [], ours: [[(String, String)]] = [], after: [[(String, String)]] = []
        for table in tables { before.append(try await walk(agents.snmpdPort, table)) }
        for table in tables { ours.append(try await walk(agents.ourPort, table)) }
        // snmpd serves IF-MIB from a cache of 3 seconds (IFTABLE_CACHE_TIMEOUT): its second reading must
        // be taken after ours.
        try await Task.sleep(for: .milliseconds(3_500))
        for table in tables { after.append(try await walk(agents.snmpdPort, table)) }
        for (before, (ours, after)) in zip(before, zip(ours, after)) {
            #expect(ours.map(\.0) == before.map(\.0), "the same objects in the same order")
            let first = Dictionary(before, uniquingKeysWith: { a, _ in a })
            let second = Dictionary(after, uniquingKeysWith: { a, _ in a })
            for (name, value) in ours {
                guard let low = first[name], let high = second[name] else { continue }
                if let counter = Self.counter(value), let lowValue = Self.counter(low), let highValue = Self.counter(high) {
                    // snmpd 5.9 reports ifInUcastPkts as 0 until its second cache load (it derives unicast from
                    // the previous reading): then only the upper bound holds.
                    let floor = lowValue == 0 ? 0 : lowValue
                    #expect((floor...max(floor, highValue)).contains(counter), "\(name): \(low) ≤ \(value) ≤ \(high)")
                } else {
                    #expect(value == low, "\(name)")
                }
            }
        }
    }

    /// The number of a `Counter32: N` or `Counter64: N` value.
    static func counter(_ value: String) -> UInt64? {
        for prefix in ["Counter32: ", "Counter64: "] where value.hasPrefix(prefix) {
            return UInt64(value.dropFirst(prefix.count))
        }
        return nil
    }
}

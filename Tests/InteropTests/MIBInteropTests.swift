import Foundation
import SNMPMIB
import Testing

/// `snmp walk|table|translate|set` with MIBs loaded (`-M Sources/MIB/Resources/mibs -m ALL`, the bundled modules) next to Net-SNMP's tools
/// with the same MIB directory, against the same real snmpd: same stdout, stderr and exit status (volatile
/// values compared by type, volatile tables left out).
@Suite(.snmpd, .enabled(if: NetSNMPDaemon.isInstalled, NetSNMPDaemon.installHint), .serialized)
struct MIBInteropTests {
    /// The modules the package bundles, from the source tree: Net-SNMP's tools get the same folder with `-M`.
    static let mibDirectory: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/MIB/Resources/mibs").path
    static let mibs = ["-M", mibDirectory, "-m", "ALL"]

    static func agent() throws -> String { "udp:127.0.0.1:\(try currentAgent().port)" }

    static func both(_ command: String, _ arguments: [String]) async throws -> (ours: ToolResult, theirs: ToolResult) {
        let agent = try currentAgent()
        let env = ["SNMPCONFPATH": agent.dir, "MIBS": "", "HOME": agent.dir,
                   "SNMP_PERSISTENT_DIR": agent.dir + "/client-persist"]
        return (try await SNMPCommand.run([command] + arguments, environment: env), try await agent.runTool("snmp" + command, arguments))
    }

    static func expectSame(_ command: String, _ arguments: [String], normalize: Bool = false,
                           sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let (ours, theirs) = try await both(command, arguments)
        #expect(ours.status == theirs.status, "exit status of \(command) \(arguments)", sourceLocation: sourceLocation)
        #expect(ours.stderr == theirs.stderr, "stderr of \(command) \(arguments)", sourceLocation: sourceLocation)
        if normalize {
            let a = WalkNormalizer.lines(ours.stdout, numericNames: false)
            let b = WalkNormalizer.lines(theirs.stdout, numericNames: false)
            #expect(a.count == b.count, "line count of \(command) \(arguments)", sourceLocation: sourceLocation)
            let firstDifference = zip(a, b).first { $0 != $1 }
            #expect(firstDifference == nil, "first differing line: \(String(describing: firstDifference))",
                    sourceLocation: sourceLocation)
        } else {
            #expect(ours.stdout == theirs.stdout, "stdout of \(command) \(arguments)", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [[], ["-Of"], ["-Os"]])
    func namedWalkMatchesNetSNMP(_ style: [String]) async throws {
        try await Self.expectSame("walk", ["-v2c", "-c", "public"] + Self.mibs + style + [try Self.agent(), ".1"],
                            normalize: true)
    }

    @Test func indexStylesMatchNetSNMP() async throws {
        let agent = try Self.agent()
        for style in [["-OX"], ["-Ob"], ["-Oe"], ["-OXs"], ["-Ou"]] {
            try await Self.expectSame("bulkwalk", ["-v2c", "-c", "public"] + Self.mibs + style + [agent, ".1.3.6.1.6.3"],
                                normalize: true)
        }
        try await Self.expectSame("get", ["-v2c", "-c", "public"] + Self.mibs + [agent, "sysDescr.0", "IF-MIB::ifType.1",
                                                                           ".iso.org.dod.internet.mgmt.mib-2.system.sysName.0"])
        try await Self.expectSame("get", ["-v2c", "-c", "public"] + Self.mibs + [agent, "nosuch.0"])
    }

    /// Net-SNMP's tools pointed with `-M` at the folders `snmp` searches (Net-SNMP's own, then the bundled ones).
    static func expectSameAsNetSNMPOverOurSearchPath(_ command: String, _ arguments: [String], normalize: Bool = false,
                                                     sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let agent = try currentAgent()
        let env = ["SNMPCONFPATH": agent.dir, "HOME": agent.dir, "SNMP_PERSISTENT_DIR": agent.dir + "/client-persist"]
        let ours = try await SNMPCommand.run([command] + arguments, environment: env)
        let searchPath = MIBSearchPath.directories(environment: ["HOME": agent.dir]).joined(separator: ":")
        let theirs = try await agent.runTool("snmp" + command, ["-M", searchPath] + arguments)
        #expect(ours.status == theirs.status, "exit status of \(command) \(arguments)", sourceLocation: sourceLocation)
        #expect(ours.stderr == theirs.stderr, "stderr of \(command) \(arguments)", sourceLocation: sourceLocation)
        if normalize {
            let a = WalkNormalizer.lines(ours.stdout, numericNames: false)
            #expect(a == WalkNormalizer.lines(theirs.stdout, numericNames: false), sourceLocation: sourceLocation)
            #expect(!a.isEmpty, sourceLocation: sourceLocation)
        } else {
            #expect(ours.stdout == theirs.stdout, "stdout of \(command) \(arguments)", sourceLocation: sourceLocation)
        }
    }

    /// With no MIB options and only Net-SNMP's own modules on the machine (Debian's), names a user types
    /// resolve from the bundled modules, and print what Net-SNMP prints when given the same modules.
    @Test func typedNamesResolveFromTheBundledModules() async throws {
        let agent = try Self.agent()
        try await Self.expectSameAsNetSNMPOverOurSearchPath("get", ["-v2c", "-c", "public", agent, "SNMPv2-MIB::sysDescr.0"])
        try await Self.expectSameAsNetSNMPOverOurSearchPath(
            "walk", ["-v2c", "-c", "public", "-m", "+IF-MIB", agent, "IF-MIB::ifTable"], normalize: true)
        try await Self.expectSameAsNetSNMPOverOurSearchPath("translate", ["-m", "ALL", "IF-MIB::ifDescr"])
        try await Self.expectSameAsNetSNMPOverOurSearchPath("translate", ["-m", "ALL", "-IR", "-On", "linux"])
        let walk = try await SNMPCommand.run(["walk", "-v2c", "-c", "public", "-m", "+IF-MIB", agent, "IF-MIB::ifTable"],
                                             environment: ["SNMPCONFPATH": "/nonexistent", "HOME": "/nonexistent"])
        #expect(walk.status == 0 && walk.stdout.hasPrefix("IF-MIB::ifIndex.1 = INTEGER: 1\n"), "\(walk.stdout.prefix(200))")
    }

    @Test func tablesMatchNetSNMP() async throws {
        let agent = try Self.agent()
        let common = ["-v2c", "-c", "public"] + Self.mibs
        try await Self.expectSame("table", common + [agent, "SNMPv2-MIB::sysORTable"])
        try await Self.expectSame("table", common + ["-Ci", "-Cb", agent, "sysORTable"])
        try await Self.expectSame("table", common + ["-Cw", "80", "-Os", agent, "sysORTable"])
        try await Self.expectSame("table", common + ["-Ch", agent, "sysORTable"])
        try await Self.expectSame("table", common + ["-Ci", agent, "SNMP-VIEW-BASED-ACM-MIB::vacmAccessTable"])
        try await Self.expectSame("table", common + [agent, "IF-MIB::ifStackTable"])
        try await Self.expectSame("table", common + [agent, "IF-MIB::ifDescr"])
        try await Self.expectSame("table", ["-v2c", "-c", "public", agent, ".1.3.6.1.2.1.1.9"])
        // ifTable's counters move while the two tools run: compare the header and the stable columns.
        let (ours, theirs) = try await Self.both("table", common + ["-Cf", ",", agent, "IF-MIB::ifTable"])
        #expect(ours.status == theirs.status)
        let stable = { (text: String) in
            text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(8) }
        }
        #expect(stable(ours.stdout) == stable(theirs.stdout))
    }

    @Test func translateMatchesNetSNMP() async throws {
        let cases: [[String]] = [
            ["IF-MIB::ifDescr"], ["-On", "IF-MIB::ifDescr.3"], ["-Of", "IF-MIB::ifDescr.3"],
            [".1.3.6.1.2.1.2.2.1.2.3"], ["-Os", ".1.3.6.1.2.1.2.2.1.2.3"], ["-IR", "ifDescr"],
            ["-IR", "-On", "sysUpTime.0"], ["ifDescr"], ["IF-MIB::nosuch"], [".iso.org.bogus.1"],
            ["-IR", ".1.3.6.1.2.1.1"], [".1.3.6.1.2.1.1.3.0"], ["NOSUCH-MIB::x"],
            ["-Td", "IF-MIB::ifDescr"], ["-Td", "IF-MIB::ifAdminStatus.1"], ["-Td", "IF-MIB::ifEntry"],
            ["-Td", "IF-MIB::linkDown"], ["-Td", "HOST-RESOURCES-MIB::hrMemorySize"],
            ["-Tp", "SNMPv2-MIB::system"], ["-Tp", "IF-MIB::ifTable"], ["-Tp", "SNMPv2-MIB::snmpMIB"],
            ["-Tp", "SNMP-VIEW-BASED-ACM-MIB::vacmMIB"],
        ]
        for arguments in cases { try await Self.expectSame("translate", Self.mibs + arguments) }
        try await Self.expectSame("translate", [".1.3.6.1.2.1.1.1.0"])       // no MIBs: iso.3.6...
        try await Self.expectSame("translate", ["sysDescr.0"])
    }

    @Test func setByNameTakesTheTypeFromTheMIB() async throws {
        let agent = try Self.agent()
        let common = ["-v2c", "-c", "private"] + Self.mibs + [agent]
        try await Self.expectSame("set", common + ["SNMPv2-MIB::sysContact.0", "=", "mib interop"])
        try await Self.expectSame("set", common + ["IF-MIB::ifAdminStatus.1", "=", "up"])
        try await Self.expectSame("set", common + ["IF-MIB::ifAdminStatus.1", "i", "up"])
        try await Self.expectSame("set", common + ["sysLocation.0", "s", "lab"])
    }
}

import Foundation
import Testing

/// `snmp <tool>` next to Net-SNMP's own tool against the same real snmpd: same stdout, same stderr, same
/// exit status (volatile values compared by type only).
@Suite(.snmpd, .enabled(if: NetSNMPDaemon.isInstalled, NetSNMPDaemon.installHint), .serialized)
struct CLIInteropTests {
    static func agent(_ transport: String = "udp") throws -> String {
        let port = try currentAgent().port
        return transport == "udp6" ? "udp6:[::1]:\(port)" : "udp:127.0.0.1:\(port)"
    }

    static func expectSame(_ command: String, _ arguments: [String], normalize: Bool = false,
                           sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try await CLIComparison.expectSame(command, arguments, agent: try currentAgent(), normalize: normalize,
                                     sourceLocation: sourceLocation)
    }

    @Test func fullTreeWalksMatchNetSNMP() async throws {
        let agent = try Self.agent()
        try await Self.expectSame("walk", ["-v2c", "-c", "public", "-On", agent, ".1"], normalize: true)
        try await Self.expectSame("bulkwalk", ["-v2c", "-c", "public", "-Cr25", "-On", agent, ".1"], normalize: true)
        try await Self.expectSame("walk", ["-v1", "-c", "public", "-On", agent, ".1"], normalize: true)
        try await Self.expectSame("bulkwalk", ["-v2c", "-c", "public", agent], normalize: true)
    }

    @Test func walksOverIPv6MatchNetSNMP() async throws {
        guard FileManager.default.fileExists(atPath: "/proc/net/if_inet6") else { return }
        let agent = try Self.agent("udp6")
        try await Self.expectSame("bulkwalk", ["-v2c", "-c", "public", "-On", agent, ".1.3.6.1.2.1.1"], normalize: true)
        try await Self.expectSame("walk", ["-v1", "-c", "public", "-On", agent, ".1.3.6.1.2.1.1"], normalize: true)
    }

    @Test func walkEdgeCasesMatchNetSNMP() async throws {
        let agent = try Self.agent()
        let common = ["-v2c", "-c", "public", agent]
        try await Self.expectSame("walk", common + [".1.3.6.1.2.1.1.1.0"])                     // an instance: one GET
        try await Self.expectSame("walk", common + [".1.3.6.1.4.1.99999"])                     // nothing: noSuchObject line
        try await Self.expectSame("walk", ["-v1", "-c", "public", agent, ".1.3.6.1.4.1.99999"]) // nothing, v1: silent
        try await Self.expectSame("walk", common + ["-Cp", ".1.3.6.1.4.1.8072.9999.1"])
        try await Self.expectSame("walk", common + ["-CI", ".1.3.6.1.2.1.1.1.0"])
        try await Self.expectSame("walk", common + ["-Ci", ".1.3.6.1.2.1.1.1.0"])
        try await Self.expectSame("walk", common + [".1.3.6.1.6.3.16.1.5.2.1.6"], normalize: true)   // ends at endOfMibView?
        try await Self.expectSame("bulkwalk", ["-v1", "-c", "public", agent, ".1.3.6.1.2.1.1"])
        try await Self.expectSame("walk", common + ["-Cx"])
    }

    @Test func getFamilyMatchesNetSNMP() async throws {
        let agent = try Self.agent()
        let scalars = [".1.3.6.1.4.1.8072.9999.1.1.0", ".1.3.6.1.4.1.8072.9999.1.2.0", ".1.3.6.1.4.1.8072.9999.1.3.0",
                       ".1.3.6.1.4.1.8072.9999.1.4.0", ".1.3.6.1.4.1.8072.9999.1.5.0", ".1.3.6.1.4.1.8072.9999.1.6.0"]
        for flags in [[], ["-On"], ["-Oq"], ["-Ov"], ["-Oqv"], ["-OQ"], ["-Oe"], ["-Ot"], ["-Ox"], ["-Onq"]] {
            try await Self.expectSame("get", ["-v2c", "-c", "public"] + flags + [agent] + scalars)
        }
        try await Self.expectSame("get", ["-v2c", "-c", "public", agent, ".1.3.6.1.2.1.1.99.0", ".1.3.6.1.2.1.1.1.5"])
        try await Self.expectSame("get", ["-v1", "-c", "public", agent, ".1.3.6.1.2.1.1.1.0", ".1.3.6.1.2.1.1.99.0", ".1.3.6.1.2.1.1.5.0"])
        try await Self.expectSame("get", ["-v1", "-c", "public", "-Cf", agent, ".1.3.6.1.2.1.1.1.0", ".1.3.6.1.2.1.1.99.0"])
        try await Self.expectSame("getnext", ["-v2c", "-c", "public", agent, ".1.3.6.1.2.1.1", ".1.3.6.1.4.1.8072.9999.1.5.0"])
        try await Self.expectSame("getnext", ["-v1", "-c", "public", agent, ".1.3.6.1.2.1.1.99"])
        try await Self.expectSame("bulkget", ["-v2c", "-c", "public", "-Cn1", "-Cr3", agent, ".1.3.6.1.2.1.1", ".1.3.6.1.4.1.8072.9999.1"])
        try await Self.expectSame("bulkget", ["-v1", "-c", "public", agent, ".1.3.6.1.2.1.1"])
    }

    @Test func argumentErrorsMatchNetSNMP() async throws {
        let agent = try Self.agent()
        try await Self.expectSame("get", ["-v2c", "-c", "public", agent, "sysDescr.0"])
        try await Self.expectSame("get", ["-v5", agent, ".1.3"].filter { !$0.isEmpty }.map { $0 })
        try await Self.expectSame("set", ["-v2c", "-c", "private", agent, ".1.3.6.1.4.1.8072.9999.1.1.0"])
        try await Self.expectSame("set", ["-v2c", "-c", "private", agent, ".1.3.6.1.4.1.8072.9999.1.1.0", "q", "1"])
        try await Self.expectSame("set", ["-v2c", "-c", "private", agent, ".1.3.6.1.4.1.8072.9999.1.1.0", "i"])
    }

    @Test func timeoutsMatchNetSNMP() async throws {
        for command in ["get", "getnext", "walk", "bulkwalk", "bulkget"] {
            try await Self.expectSame(command, ["-v2c", "-c", "public", "-t", "0.1", "-r", "1", "udp:127.0.0.1:9", ".1.3.6.1.2.1.1.1.0"])
        }
        // A wrong community is dropped by the agent: a timeout too.
        try await Self.expectSame("get", ["-v2c", "-c", "nosuch", "-t", "0.1", "-r", "0", try Self.agent(), ".1.3.6.1.2.1.1.1.0"])
    }

    /// SNMPv3 with no engine ID: the discovery probe is what times out (`snmpget: Timeout`); with `-e` the request
    /// itself does (`Timeout: No Response from ...`).
    @Test func v3TimeoutsMatchNetSNMP() async throws {
        let v3 = ["-v3", "-u", "nobody", "-l", "noAuthNoPriv", "-t", "0.1", "-r", "0"]
        for command in ["get", "getnext", "walk", "bulkwalk", "bulkget"] {
            try await Self.expectSame(command, v3 + ["udp:127.0.0.1:9", ".1.3.6.1.2.1.1.1.0"])
        }
        try await Self.expectSame("set", v3 + ["udp:127.0.0.1:9", ".1.3.6.1.2.1.1.4.0", "s", "x"])
        try await Self.expectSame("get", v3 + ["-e", "0x8000000001020304", "udp:127.0.0.1:9", ".1.3.6.1.2.1.1.1.0"])
    }

    @Test func setsMatchNetSNMP() async throws {
        let agent = try Self.agent()
        let rw = ["-v2c", "-c", "private", agent]
        try await Self.expectSame("set", rw + [".1.3.6.1.4.1.8072.9999.1.1.0", "i", "42", ".1.3.6.1.4.1.8072.9999.1.2.0", "s", "hello world"])
        try await Self.expectSame("set", rw + [".1.3.6.1.4.1.8072.9999.1.2.0", "x", "01 02 FF"])
        try await Self.expectSame("set", rw + [".1.3.6.1.4.1.8072.9999.1.2.0", "d", "1 2 255"])
        try await Self.expectSame("set", rw + [".1.3.6.1.4.1.8072.9999.1.6.0", "o", ".1.3.6.1.4.1.8072.3.2.10"])
        try await Self.expectSame("set", rw + [".1.3.6.1.4.1.8072.9999.1.4.0", "u", "4294967295"])
        try await Self.expectSame("set", rw + ["-Cq", ".1.3.6.1.4.1.8072.9999.1.1.0", "i", "42"])
        // Errors: wrong type (index on the 2nd varbind), read-only community, read-only object, v1 mapping.
        try await Self.expectSame("set", rw + [".1.3.6.1.4.1.8072.9999.1.1.0", "i", "42", ".1.3.6.1.4.1.8072.9999.1.2.0", "i", "5"])
        try await Self.expectSame("set", ["-v2c", "-c", "public", agent, ".1.3.6.1.4.1.8072.9999.1.1.0", "i", "1"])
        try await Self.expectSame("set", rw + [".1.3.6.1.2.1.1.1.0", "s", "nope"])
        try await Self.expectSame("set", ["-v1", "-c", "private", agent, ".1.3.6.1.2.1.1.1.0", "s", "nope"])
        try await Self.expectSame("set", ["-v1", "-c", "private", agent, ".1.3.6.1.4.1.8072.9999.1.2.0", "i", "5"])
        try await Self.expectSame("set", rw + [".1.3.6.1.4.1.8072.9999.1.2.0", "s", "hello world"])
        try await Self.expectSame("set", rw + ["-Cq", ".1.3.6.1.4.1.8072.9999.1.1.0", "i", "42"])   // operand, not option
        try await Self.expectSame("set", ["-v2c", "-Cq", "-c", "private", agent, ".1.3.6.1.4.1.8072.9999.1.1.0", "i", "42"])
    }

    @Test func setValueParsingMatchesNetSNMP() async throws {
        let agent = try Self.agent()
        let rw = ["-v2c", "-c", "private", agent]
        let int = ".1.3.6.1.4.1.8072.9999.1.1.0", str = ".1.3.6.1.4.1.8072.9999.1.2.0", gauge = ".1.3.6.1.4.1.8072.9999.1.4.0"
        let cases: [[String]] = [
            [int, "i", "abc"], [int, "i", "12abc"], [int, "i", "-5"], [int, "integer", "7"], [int, "a", "1.2.3.4"],
            [int, "x", "zz"], [int, "o", "foo"], [str, "d", "300"], [str, "d", "1.2.3"], [int, "=", "5"],
            [gauge, "c", "5"], [gauge, "C", "5"], [gauge, "t", "5"], [gauge, "U", "5"], [gauge, "I", "5"],
            [gauge, "F", "5"], [gauge, "D", "5"], [gauge, "n", "x"], [gauge, "u", "abc"], [gauge, "u", "-1"],
            [gauge, "u", "99999999999"], [str, "x", "0A0b0"], [str, "x", "0A 0b"], [str, "b", "0,3,9"],
            ["sysDescr.0", "i", "5"], [int, "i", "5", "sysDescr.0", "q"], [int, "i", "42"],
        ]
        for arguments in cases {
            try await Self.expectSame("set", rw + arguments)
        }
    }
}

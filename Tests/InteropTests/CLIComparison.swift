import Foundation
import Testing

/// Runs `snmp COMMAND ARGS` and Net-SNMP's `snmpCOMMAND ARGS` against the same agent and expects the same
/// stdout, stderr and exit status (walk output optionally normalized: see ``WalkNormalizer``).
enum CLIComparison {
    /// Runs `snmp COMMAND ARGS` and `snmpCOMMAND ARGS` and returns both results.
    static func both(_ command: String, _ arguments: [String], agent: NetSNMPDaemon) async throws -> (ours: ToolResult, theirs: ToolResult) {
        let env = ["SNMPCONFPATH": agent.dir, "MIBS": "", "SNMP_PERSISTENT_DIR": agent.dir + "/client-persist"]
        let ours = try await SNMPCommand.run([command] + arguments, environment: env)
        let theirs = try await agent.runTool("snmp" + command, arguments)
        return (ours, theirs)
    }

    static func expectSame(_ command: String, _ arguments: [String], agent: NetSNMPDaemon, normalize: Bool = false,
                           sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let (ours, theirs) = try await both(command, arguments, agent: agent)
        #expect(ours.status == theirs.status, "exit status of \(command) \(arguments)", sourceLocation: sourceLocation)
        // Net-SNMP follows a usage error with its own help text; we compare up to its USAGE line.
        #expect(Self.upToUsage(ours.stderr) == Self.upToUsage(theirs.stderr), "stderr of \(command) \(arguments)",
                sourceLocation: sourceLocation)
        if normalize {
            let numeric = arguments.contains { $0.hasPrefix("-O") && $0.contains("n") }
            let a = WalkNormalizer.lines(ours.stdout, numericNames: numeric)
            let b = WalkNormalizer.lines(theirs.stdout, numericNames: numeric)
            #expect(a.count == b.count, "line count of \(command) \(arguments)", sourceLocation: sourceLocation)
            let firstDifference = zip(a, b).first { $0 != $1 }
            #expect(firstDifference == nil, "first differing line: \(String(describing: firstDifference))",
                    sourceLocation: sourceLocation)
        } else {
            #expect(ours.stdout == theirs.stdout, "stdout of \(command) \(arguments)", sourceLocation: sourceLocation)
        }
    }

    static func upToUsage(_ text: String) -> String {
        guard let range = text.range(of: "USAGE: ") else { return text }
        return String(text[..<range.lowerBound]) + String(text[range.lowerBound...].prefix { $0 != "\n" })
    }
}

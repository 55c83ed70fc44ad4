import Foundation

/// Runs our `snmp` executable (built next to the test bundle by `swift test`).
enum SNMPCommand {
    static let executable: URL = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("snmp"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("snmp"),
            Bundle.main.bundleURL.appendingPathComponent("snmp"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()

    static func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> ToolResult {
        try await ToolResult.run(executable, arguments, environment: environment)
    }
}

/// Makes two walks comparable although the agent's tree moves while they run: values of volatile types
/// are reduced to their type, and subtrees that list sockets and processes (which include the walking
/// client itself) are dropped.
enum WalkNormalizer {
    static let volatileSubtrees = [
        ".1.3.6.1.2.1.6.13.", ".1.3.6.1.2.1.6.19.", ".1.3.6.1.2.1.6.20.",   // tcpConnTable, tcpConnectionTable, tcpListenerTable
        ".1.3.6.1.2.1.7.5.", ".1.3.6.1.2.1.7.7.",                          // udpTable, udpEndpointTable
        ".1.3.6.1.2.1.25.4.", ".1.3.6.1.2.1.25.5.",                        // hrSWRunTable, hrSWRunPerfTable
        ".1.3.6.1.2.1.25.3.",                                              // hrDevice tables (appear with samples)
        ".1.3.6.1.4.1.2021.11.",                                           // UCD systemStats (appear with samples)
        ".1.3.6.1.4.1.2021.10.",                                           // UCD laTable (laErrMessage follows the load)
        ".1.3.6.1.2.1.4.22.", ".1.3.6.1.2.1.4.35.",                        // ARP / neighbour tables
    ]
    static let volatileTypes = ["Timeticks", "Counter32", "Counter64", "Gauge32", "INTEGER", "STRING",
                                "Hex-STRING", "Opaque", "OID", "IpAddress"]

    /// The same volatile subtrees by the labels a MIB gives their tables and columns (for named output:
    /// `TCP-MIB::tcpConnState.…`, `.iso.….tcpConnTable.…`, `hrSWRunName.…`).
    static let volatileLabelPrefixes = ["tcpConn", "tcpListener", "udpTable", "udpEntry", "udpLocal", "udpEndpoint",
                                        "hrSWRun", "ipNetToMedia", "ipNetToPhysical", "hrDevice", "hrProcessor",
                                        "hrNetwork", "hrPrinter", "hrDisk", "hrPartition", "hrFS", "ss"]

    static func isVolatileNamed(_ line: String) -> Bool {
        let name = line.range(of: " = ").map { String(line[..<$0.lowerBound]) } ?? line
        let label = name.range(of: "::").map { String(name[$0.upperBound...]) } ?? name
        return label.split(separator: ".").contains { part in volatileLabelPrefixes.contains { part.hasPrefix($0) } }
    }

    static func lines(_ output: String, numericNames: Bool = true) -> [String] {
        var result: [String] = []
        // Whether the lines that follow continue a value already dropped or cut to its type (a long
        // Hex-STRING wraps over several lines, a STRING may contain newlines): those go too.
        var inVolatileValue = false
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = String(line)
            guard let range = text.range(of: " = ") else {
                if inVolatileValue && !text.isEmpty && text != "End of MIB" { continue }
                inVolatileValue = false
                result.append(text)
                continue
            }
            // Without MIBs Net-SNMP prints `iso.3.6.1...`: map that back to the numeric form to match the subtrees.
            let name = text.hasPrefix("iso.") ? ".1." + text.dropFirst(4) : text
            inVolatileValue = true
            if volatileSubtrees.contains(where: { name.hasPrefix($0) }) { continue }
            if !numericNames && isVolatileNamed(text) { continue }
            let value = text[range.upperBound...]
            if let type = volatileTypes.first(where: { value.hasPrefix($0 + ":") }) {
                result.append(String(text[..<range.upperBound]) + type)
            } else {
                inVolatileValue = false
                result.append(text)
            }
        }
        return result
    }
}

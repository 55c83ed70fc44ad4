import SNMP

/// `snmp bulkget`: Net-SNMP's snmpbulkget (`-Cn<N>` non-repeaters, `-Cr<N>` max-repetitions).
enum BulkGetCommand {
    static func run(arguments: NetSNMPArguments) async throws(CommandLineError) -> Int32 {
        let tool = "snmpbulkget"
        var context = try await CLIContext.open(tool: tool, arguments: arguments)
        defer { Task { [context] in await context.close() } }
        var nonRepeaters = 0
        var maxRepetitions = 10
        for (flag, number) in try arguments.applicationFlags(withNumber: ["n", "r"], tool: tool) {
            switch flag {
            case "n": nonRepeaters = number ?? 0
            case "r": maxRepetitions = number ?? 10
            default: throw CommandLineError("Unknown flag passed to -C: \(flag)\n")
            }
        }
        guard context.target.version != .v1 else {
            throw CommandLineError("\(tool): Cannot send V2 PDU on V1 session\n")
        }
        guard !context.operands.isEmpty else { throw CommandLineError("Missing object name\n", showUsage: true) }
        var oids: [ObjectIdentifier] = []
        for text in context.operands { oids.append(try context.parseOID(text)) }
        let pdu = PDU.getBulk(requestID: 0, nonRepeaters: Int32(clamping: nonRepeaters),
                              maxRepetitions: Int32(clamping: maxRepetitions), oids: oids)
        let response = try await context.send(pdu)
        guard response.errorStatus == .noError else {
            context.streams.error(context.errorStatusReport(response, period: true))
            return 2
        }
        context.printVarBinds(response.varBinds)
        context.streams.flush()
        return 0
    }
}

import SNMP

/// `snmp get` / `snmp getnext`: Net-SNMP's snmpget and snmpgetnext.
enum GetCommand {
    static func run(next: Bool, arguments: NetSNMPArguments) async throws(CommandLineError) -> Int32 {
        let tool = next ? "snmpgetnext" : "snmpget"
        var context = try await CLIContext.open(tool: tool, arguments: arguments)
        defer { Task { [context] in await context.close() } }
        var dontFix = false
        for (flag, _) in try arguments.applicationFlags(withNumber: [], tool: tool) {
            guard flag == "f" else { throw CommandLineError("Unknown flag passed to -C: \(flag)\n") }
            dontFix = true
        }
        guard !context.operands.isEmpty else { throw CommandLineError("Missing object name\n", showUsage: true) }
        var oids: [ObjectIdentifier] = []
        for text in context.operands { oids.append(try context.parseOID(text)) }

        var pdu = PDU(type: next ? .getNextRequest : .getRequest, requestID: 0, varBinds: oids.map { VarBind($0) })
        var status: Int32 = 0
        // Net-SNMP re-sends without the failed varbind after an error-status (snmp_fix_pdu), unless -Cf.
        while true {
            let response = try await context.send(pdu, timeoutSuffix: ".")
            if response.errorStatus == .noError {
                context.printVarBinds(response.varBinds)
                break
            }
            context.streams.error(context.errorStatusReport(response, period: next))
            status = 2
            let index = Int(response.errorIndex)
            guard !dontFix, index >= 1, index <= response.varBinds.count, response.varBinds.count > 1 else { break }
            var remaining = response.varBinds
            remaining.remove(at: index - 1)
            pdu = PDU(type: pdu.type, requestID: 0, varBinds: remaining.map { VarBind($0.oid) })
        }
        context.streams.flush()
        return status
    }
}

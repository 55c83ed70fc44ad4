import SNMP

/// `snmp set`: Net-SNMP's snmpset, `OID TYPE VALUE` triples (`-Cq`: print nothing on success).
enum SetCommand {
    static func run(arguments: NetSNMPArguments) async throws(CommandLineError) -> Int32 {
        let tool = "snmpset"
        var context = try await CLIContext.open(tool: tool, arguments: arguments)
        defer { Task { [context] in await context.close() } }
        var quiet = false
        for (flag, _) in try arguments.applicationFlags(withNumber: [], tool: tool) {
            guard flag == "q" else { throw CommandLineError("Unknown flag passed to -C: \(flag)\n") }
            quiet = true
        }
        let operands = Array(context.operands)
        guard !operands.isEmpty else { throw CommandLineError("Missing object name\n", showUsage: true) }
        // Net-SNMP checks every triple's shape first, then parses names and values in order.
        var triples: [(name: String, type: Character, value: String)] = []
        var index = 0
        while index < operands.count {
            let name = operands[index]
            guard index + 1 < operands.count else { throw CommandLineError("\(name): Needs type and value\n") }
            let type = operands[index + 1].first ?? " "
            guard SetValueParser.knownTypes.contains(type) else {
                throw CommandLineError("\(name): Bad object type: \(type)\n")
            }
            guard index + 2 < operands.count else { throw CommandLineError("\(name): Needs value\n") }
            triples.append((name, type, operands[index + 2]))
            index += 3
        }
        var varBinds: [VarBind] = []
        for triple in triples {
            let oid = try context.parseOID(triple.name)
            let typed = MIBSetValue.resolve(type: triple.type, value: triple.value, oid: oid, printer: context.printer)
            let value = try SetValueParser.parse(type: typed.type, value: typed.value, name: triple.name,
                                                 printer: context.printer, streams: &context.streams)
            varBinds.append(VarBind(oid, value))
        }
        let response = try await context.send(PDU(type: .setRequest, requestID: 0, varBinds: varBinds))
        guard response.errorStatus == .noError else {
            context.streams.error(context.errorStatusReport(response, period: true))
            return 2
        }
        if !quiet { context.printVarBinds(response.varBinds) }
        context.streams.flush()
        return 0
    }
}

import SNMP
import SNMPDispatcher

/// What every request-sending tool shares: parsed options, the agent, the engine and the printer.
struct CLIContext {
    let tool: String
    let arguments: NetSNMPArguments
    /// The agent argument as typed (Net-SNMP echoes it in timeout messages).
    let agentText: String
    let target: SNMPTarget
    let engine: SNMPEngine
    let printer: Printer
    var streams = StandardStreams()

    /// The positional arguments after the agent.
    var operands: ArraySlice<String> { arguments.positional.dropFirst() }

    static func open(tool: String, arguments: NetSNMPArguments, defaultPort: Int = 161) async throws(CommandLineError) -> CLIContext {
        let printer = try Printer(arguments: arguments)
        guard let agent = arguments.positional.first else {
            throw CommandLineError("No hostname specified.\n", showUsage: true)
        }
        let security: SNMPTarget.Security
        var v3: V3Options? = nil
        switch arguments.version {
        case "1": security = .community(.v1, OctetString(arguments.community))
        case "2c": security = .community(.v2c, OctetString(arguments.community))
        default:
            let options = try V3Options(arguments, tool: tool)
            security = .usm(options.parameters)
            v3 = options
        }
        var target: SNMPTarget
        do {
            target = try SNMPTarget(agent: agent, security: security, timeout: arguments.timeout, retries: arguments.retries)
            target.detectsKeyExtension = v3?.detectsKeyExtension ?? false
        } catch {
            throw CommandLineError("\(tool): Unknown host (\(agent))\n")
        }
        let engine: SNMPEngine
        do {
            // The engine's sockets live on the loop the tool's task runs on (see EventLoopTaskExecutor).
            engine = try await SNMPEngine.start(group: EventLoopTaskExecutor.shared.eventLoop)
        } catch {
            throw CommandLineError("\(tool): \(error)\n")
        }
        if let v3 {
            engine.addUser(v3.user)
            if let time = v3.engineTime, let engineID = v3.parameters.authoritativeEngineID {
                engine.v3.learnEngineTime(time, of: engineID)
            }
        }
        return CLIContext(tool: tool, arguments: arguments, agentText: agent, target: target, engine: engine,
                          printer: printer)
    }

    /// Parses an OID argument (numeric, or named when MIBs are loaded) as Net-SNMP does.
    func parseOID(_ text: String) throws(CommandLineError) -> ObjectIdentifier {
        try printer.parseOID(text)
    }

    /// Sends a request; timeouts and transport failures become Net-SNMP's messages.
    /// `timeoutSuffix` is "." for snmpget/snmpgetnext and "" for the other tools (Net-SNMP's own quirk).
    func send(_ pdu: PDU, timeoutSuffix: String = "") async throws(CommandLineError) -> PDU {
        do {
            return try await engine.commandGenerator.send(pdu, to: target)
        } catch {
            throw sessionError(error, timeoutSuffix: timeoutSuffix)
        }
    }

    func sessionError(_ error: SNMPError, timeoutSuffix: String = "") -> CommandLineError {
        switch error.code {
        case .timeout where discoveryUnanswered:
            // Net-SNMP reports an SNMPv3 engine-ID probe that got no answer as `TOOL: Timeout` (same status).
            return CommandLineError("\(tool): Timeout\n")
        case .timeout:
            return CommandLineError("Timeout: No Response from \(agentText)\(timeoutSuffix)\n")
        case .unsupportedPDU where target.version == .v1:
            return CommandLineError("\(tool): Cannot send V2 PDU on V1 session\n")
        default:
            return CommandLineError("\(tool): \(error.reason.isEmpty ? error.description : error.reason)\n")
        }
    }

    /// Whether the target is SNMPv3 with no engine ID given (`-e`) or learnt: a timeout then means the
    /// discovery probe itself went unanswered.
    var discoveryUnanswered: Bool {
        guard case .usm(let parameters) = target.security, parameters.authoritativeEngineID == nil else { return false }
        return engine.commandGenerator.engineDirectory.engineID(at: target.address) == nil
    }

    /// Net-SNMP's report of a response with a non-zero error-status (stderr, status 2):
    /// `Error in packet[.]`, `Reason: ...`, and `Failed object: OID` plus an empty line when the index is set.
    func errorStatusReport(_ response: PDU, period: Bool) -> String {
        var text = period ? "Error in packet.\n" : "Error in packet\n"
        text += "Reason: \(printer.reason(for: response.errorStatus))\n"
        if response.errorIndex != 0 {
            text += "Failed object: "
            let index = Int(response.errorIndex)
            if index >= 1 && index <= response.varBinds.count {
                text += printer.oidText(response.varBinds[index - 1].oid) + "\n"
            }
            text += "\n"
        }
        return text
    }

    mutating func printVarBinds(_ varBinds: [VarBind]) {
        for varBind in varBinds {
            printer.appendLine(varBind, to: &streams.out)
            streams.flushIfLarge()
        }
    }

    func close() async {
        await engine.shutdown()
    }
}

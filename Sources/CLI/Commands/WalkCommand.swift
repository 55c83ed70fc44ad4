import SNMP

/// `snmp walk` / `snmp bulkwalk`: Net-SNMP's snmpwalk and snmpbulkwalk, line for line.
enum WalkCommand {
    struct Flags {
        var checkIncreasing = true
        var getRequestedFirst = false      // -Ci
        var dontGetRequested = false       // -CI
        var printCount = false             // -Cp
        var printTime = false              // -Ct (snmpwalk only)
        var maxRepetitions = 10            // -Cr (snmpbulkwalk only)
        var nonRepeaters = 0               // -Cn (snmpbulkwalk only; accepted, a walk has one OID)
        var endOID: ObjectIdentifier? = nil // -CE (snmpwalk only)
    }

    static func run(bulk: Bool, arguments: NetSNMPArguments) async throws(CommandLineError) -> Int32 {
        let tool = bulk ? "snmpbulkwalk" : "snmpwalk"
        var context = try await CLIContext.open(tool: tool, arguments: arguments)
        defer { Task { [context] in await context.close() } }
        var flags = Flags()
        let numbered: Set<Character> = bulk ? ["r", "n"] : []
        var pendingEnd = false
        for (flag, number) in try arguments.applicationFlags(withNumber: numbered, tool: tool) {
            switch (flag, bulk) {
            case ("c", _): flags.checkIncreasing = false
            case ("i", _): flags.getRequestedFirst = true
            case ("I", _): flags.dontGetRequested = true
            case ("p", _): flags.printCount = true
            case ("t", false): flags.printTime = true
            case ("E", false): pendingEnd = true
            case ("r", true): flags.maxRepetitions = number ?? 10
            case ("n", true): flags.nonRepeaters = number ?? 0
            default: throw CommandLineError("Unknown flag passed to -C: \(flag)\n")
            }
        }
        var operands = Array(context.operands)
        if pendingEnd {
            // -CE takes the end OID as its own argument, which getopt left among the operands.
            guard !operands.isEmpty else { throw CommandLineError("Missing end OID for -CE\n", showUsage: true) }
            flags.endOID = try context.parseOID(operands.removeFirst())
        }
        if bulk && context.target.version == .v1 {
            throw CommandLineError("\(tool): Cannot send V2 PDU on V1 session\n")
        }
        let root: ObjectIdentifier = try operands.first.map { text throws(CommandLineError) in try context.parseOID(text) }
            ?? [1, 3, 6, 1, 2, 1]
        let clock = ContinuousClock()
        let started = clock.now
        let status = try await walk(root: root, bulk: bulk, flags: flags, context: &context)
        if flags.printCount { context.streams.printLine("Variables found: \(status.printed)") }
        context.streams.flush()
        if flags.printTime {
            let elapsed = clock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            context.streams.error("Total traversal time = \(formatSeconds(seconds)) seconds\n")
        }
        return status.exit
    }

    static func walk(root: ObjectIdentifier, bulk: Bool, flags: Flags,
                     context: inout CLIContext) async throws(CommandLineError) -> (printed: Int, exit: Int32) {
        if flags.getRequestedFirst { await getAndPrint(root, context: &context) }
        var machine = WalkStateMachine(root: root, checkIncreasing: flags.checkIncreasing)
        // -Cr is the starting size: tooBig, or a timeout after a large request, shrinks it (down to GETNEXT)
        // and it grows back; the lines printed are the same, and only -d says so.
        var repetitions = MaxRepetitions.StateMachine(configured: bulk ? flags.maxRepetitions : 0)
        var warnings: [WalkWarning] = []
        var requests = 0
        var batch: [VarBind] = []
        var printed = 0
        var exit: Int32 = 0
        var completed = true
        defer {
            if context.arguments.dump {
                for warning in warnings { context.streams.error("\(tool(bulk)): \(warning)\n") }
            }
        }
        walking: while true {
            let response: PDU
            do {
                response = try await context.engine.commandGenerator.fetchNext(
                    after: [machine.cursor], to: context.target, repetitions: &repetitions,
                    warnings: &warnings, requests: &requests)
            } catch {
                context.streams.error(context.sessionError(error).message)
                exit = 1
                completed = false
                break
            }
            if response.errorStatus != .noError {
                if response.errorStatus == .noSuchName && context.target.version == .v1 {
                    context.streams.printLine("End of MIB")
                } else {
                    context.streams.error(context.errorStatusReport(response, period: true))
                    exit = 2
                }
                break
            }
            batch.removeAll(keepingCapacity: true)
            let outcome = machine.receive(response.varBinds, into: &batch)
            for varBind in batch {
                if let end = flags.endOID, !(varBind.oid < end) { break walking }
                context.printer.appendLine(varBind, to: &context.streams.out)
                context.streams.flushIfLarge()
                printed += 1
            }
            switch outcome {
            case .next: continue
            case .endOfSubtree: break walking
            case .endOfMibView:
                // snmpbulkwalk finishes the loop over the response after an exception: every later varbind still
                // inside the subtree is printed too (pysnmp fills a last GETBULK response with endOfMibView).
                for varBind in response.varBinds.dropFirst(batch.count) where root.isPrefix(of: varBind.oid) {
                    context.printer.appendLine(varBind, to: &context.streams.out)
                    printed += 1
                }
                break walking
            case .loop(let oid):
                warnings.append(.loop(at: oid))
                break walking
            case .notIncreasing(let previous, let received):
                context.streams.error("Error: OID not increasing: \(context.printer.oidText(previous))\n >= \(context.printer.oidText(received))\n\n")
                exit = 1
                break walking
            }
        }
        // Net-SNMP: nothing found may mean the root is itself an instance; a plain GET shows it.
        if printed == 0 && completed && !flags.dontGetRequested && !flags.getRequestedFirst {
            await getAndPrint(root, context: &context)
        }
        return (printed, exit)
    }

    static func tool(_ bulk: Bool) -> String { bulk ? "snmpbulkwalk" : "snmpwalk" }

    /// snmp_get_and_print: prints the values of a GET of `oid` when the response has no error.
    static func getAndPrint(_ oid: ObjectIdentifier, context: inout CLIContext) async {
        let pdu = PDU(type: .getRequest, requestID: 0, varBinds: [VarBind(oid)])
        guard let response = try? await context.engine.commandGenerator.send(pdu, to: context.target),
              response.errorStatus == .noError else { return }
        context.printVarBinds(response.varBinds)
    }

    /// C's `%f`: six decimals.
    static func formatSeconds(_ seconds: Double) -> String {
        let micros = Int64((seconds * 1_000_000).rounded())
        let fraction = String(micros % 1_000_000)
        return "\(micros / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }
}

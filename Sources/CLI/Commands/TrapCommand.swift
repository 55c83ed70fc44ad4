#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SNMP

/// `snmp trap` and `snmp inform`: Net-SNMP's snmptrap and snmpinform.
///
/// ```
/// snmp trap -v 1 -c public AGENT ENTERPRISE AGENT-ADDR GENERIC SPECIFIC UPTIME [OID TYPE VALUE]...
/// snmp trap -v 2c -c public AGENT UPTIME TRAP-OID [OID TYPE VALUE]...      (-Ci: send an INFORM)
/// snmp inform -v 3 -u USER -l authPriv ... AGENT UPTIME TRAP-OID [OID TYPE VALUE]...
/// ```
/// An empty UPTIME is the host's uptime, an empty ENTERPRISE `.1.3.6.1.4.1.3.1.1`, an empty AGENT-ADDR this
/// host's first non-loopback IPv4 address — Net-SNMP's defaults. A trap prints nothing and exits 0 (nothing
/// is awaited); an inform exits 0 once acknowledged, `snmpinform: Timeout` and 1 otherwise.
enum TrapCommand {
    static let defaultEnterprise: ObjectIdentifier = [1, 3, 6, 1, 4, 1, 3, 1, 1]

    static func run(inform informCommand: Bool, arguments: NetSNMPArguments) async throws(CommandLineError) -> Int32 {
        var inform = informCommand
        let tool = inform ? "snmpinform" : "snmptrap"
        for (flag, _) in try arguments.applicationFlags(withNumber: [], tool: tool) {
            guard flag == "i" else { throw CommandLineError("Unknown flag passed to -C: \(flag)\n") }
            inform = true
        }
        let printer = try Printer(arguments: arguments)
        guard let agent = arguments.positional.first else {
            throw CommandLineError("No hostname specified.\n", showUsage: true)
        }
        let v1 = arguments.version == "1"
        if inform && v1 { throw CommandLineError("Cannot send INFORM as SNMPv1 PDU\n") }
        var streams = StandardStreams()
        let operands = Array(arguments.positional.dropFirst())
        var parsed = try v1 ? parseV1(operands, printer: printer) : parseV2(operands, printer: printer)
        parsed.varBinds = try parseVarBinds(operands.dropFirst(v1 ? 5 : 2), printer: printer, streams: &streams)

        let security: SNMPTarget.Security
        var user: USMUser? = nil
        var configuration = SNMPNotifier.Configuration(timeout: arguments.timeout, retries: arguments.retries)
        switch arguments.version {
        case "1": security = .community(.v1, OctetString(arguments.community))
        case "2c": security = .community(.v2c, OctetString(arguments.community))
        default:
            let options = try V3Options(arguments, tool: tool)
            user = options.user
            security = .usm(options.parameters)
            // snmptrap's -e names this engine (authoritative for a trap); snmpinform's names the receiver's.
            if !inform { configuration.engineID = options.parameters.authoritativeEngineID }
        }
        let target: SNMPTarget
        do {
            target = try SNMPTarget(agent: agent, defaultPort: 162, security: security,
                                    timeout: arguments.timeout, retries: arguments.retries)
        } catch {
            // Net-SNMP prints the tool name and an empty reason for an unknown host.
            throw CommandLineError("\(tool): \n")
        }
        let notifier: SNMPNotifier
        do {
            notifier = try await SNMPNotifier(target: target, user: user, configuration: configuration)
        } catch {
            throw CommandLineError("\(tool): \(error.reason.isEmpty ? error.description : error.reason)\n")
        }
        do {
            if v1 {
                try await notifier.sendTrap(parsed.trapV1(varBinds: parsed.varBinds))
            } else if inform {
                try await notifier.sendInform(SNMPNotification(parsed.trapOID, upTime: parsed.upTime, varBinds: parsed.varBinds))
            } else {
                try await notifier.sendTrap(SNMPNotification(parsed.trapOID, upTime: parsed.upTime, varBinds: parsed.varBinds))
            }
        } catch {
            await notifier.shutdown()
            if error.code == .timeout { throw CommandLineError("\(tool): Timeout\n") }
            throw CommandLineError("\(tool): \(error.reason.isEmpty ? error.description : error.reason)\n")
        }
        // Closing waits for the sockets, so the trap has left before the process exits.
        await notifier.shutdown()
        streams.flush()
        return 0
    }

    /// The operands before the varbinds.
    struct Header {
        var enterprise: ObjectIdentifier = TrapCommand.defaultEnterprise
        var agentAddress = IPv4Address(0, 0, 0, 0)
        var generic = TrapV1PDU.GenericTrap.coldStart
        var specific: Int32 = 0
        var upTime: UInt32 = 0
        var trapOID: ObjectIdentifier = .coldStart
        var varBinds: [VarBind] = []

        func trapV1(varBinds: [VarBind]) -> TrapV1PDU {
            TrapV1PDU(enterprise: enterprise, agentAddress: agentAddress, genericTrap: generic,
                      specificTrap: specific, timeStamp: upTime, varBinds: varBinds)
        }
    }

    /// `ENTERPRISE AGENT-ADDR GENERIC SPECIFIC UPTIME`, with Net-SNMP's messages for missing ones.
    static func parseV1(_ operands: [String], printer: Printer) throws(CommandLineError) -> Header {
        var header = Header()
        guard operands.count >= 1 else { throw CommandLineError("No enterprise oid\n", showUsage: true) }
        if !operands[0].isEmpty {
            do {
                header.enterprise = try printer.parseOID(operands[0])
            } catch {
                throw CommandLineError(error.message, showUsage: true)
            }
        }
        guard operands.count >= 2 else { throw CommandLineError("Missing agent parameter\n", showUsage: true) }
        // inet_addr: an unparsable address leaves agent-addr unset (0.0.0.0), without an error.
        header.agentAddress = operands[1].isEmpty
            ? (HostUptime.primaryIPv4 ?? IPv4Address(0, 0, 0, 0)) : (IPv4Address(operands[1]) ?? IPv4Address(0, 0, 0, 0))
        guard operands.count >= 3 else { throw CommandLineError("Missing generic-trap parameter\n", showUsage: true) }
        header.generic = TrapV1PDU.GenericTrap(rawValue: cInteger(operands[2]))
        guard operands.count >= 4 else { throw CommandLineError("Missing specific-trap parameter\n", showUsage: true) }
        header.specific = cInteger(operands[3])
        guard operands.count >= 5 else { throw CommandLineError("Missing uptime parameter\n", showUsage: true) }
        header.upTime = operands[4].isEmpty ? HostUptime.ticks() : UInt32(truncatingIfNeeded: cInteger(operands[4]))
        return header
    }

    /// `UPTIME TRAP-OID`.
    static func parseV2(_ operands: [String], printer: Printer) throws(CommandLineError) -> Header {
        var header = Header()
        guard operands.count >= 1 else { throw CommandLineError("Missing up-time parameter\n", showUsage: true) }
        header.upTime = operands[0].isEmpty ? HostUptime.ticks() : UInt32(truncatingIfNeeded: cInteger(operands[0]))
        guard operands.count >= 2 else { throw CommandLineError("Missing trap-oid parameter\n", showUsage: true) }
        header.trapOID = try printer.parseOID(operands[1])
        return header
    }

    /// `OID TYPE VALUE` triples, parsed as snmpset parses them.
    static func parseVarBinds(_ operands: ArraySlice<String>, printer: Printer,
                              streams: inout StandardStreams) throws(CommandLineError) -> [VarBind] {
        var varBinds: [VarBind] = []
        var index = operands.startIndex
        while index < operands.endIndex {
            let name = operands[index]
            let oid = try printer.parseOID(name)
            guard index + 2 < operands.endIndex else {
                throw CommandLineError("\(name): Missing type/value for variable\n")
            }
            let type = operands[index + 1].first ?? " "
            let text = operands[index + 2]
            let value: SNMPValue
            switch type {
            // Counters cannot be set, so snmpset's parser refuses them, but notifications carry them.
            case "c":
                guard let number = UInt32(text.trimmingLeadingPlus) else {
                    throw CommandLineError("\(name): Bad value notation (\(text))\n")
                }
                value = .counter32(number)
            case "C":
                guard let number = UInt64(text.trimmingLeadingPlus) else {
                    throw CommandLineError("\(name): Bad value notation (\(text))\n")
                }
                value = .counter64(number)
            default:
                value = try SetValueParser.parse(type: type, value: text, name: name, printer: printer, streams: &streams)
            }
            varBinds.append(VarBind(oid, value))
            index += 3
        }
        return varBinds
    }

    /// C's `atoi`/`atol`: leading blanks, a sign, digits; anything else ends the number (0 when none).
    static func cInteger(_ text: String) -> Int32 {
        var rest = Substring(text).drop { $0 == " " || $0 == "\t" }
        var negative = false
        if let sign = rest.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            rest = rest.dropFirst()
        }
        var value: Int64 = 0
        for character in rest {
            guard let digit = character.wholeNumberValue, character.isASCII else { break }
            value = value &* 10 &+ Int64(digit)
        }
        return Int32(truncatingIfNeeded: negative ? -value : value)
    }
}

/// The host's uptime and address, as Net-SNMP's snmptrap reads them for empty operands.
enum HostUptime {
    /// Hundredths of a second since the host booted (Net-SNMP's `get_uptime`).
    static func ticks() -> UInt32 {
        var now = timespec()
        #if os(Linux)
        clock_gettime(CLOCK_BOOTTIME, &now)
        #else
        clock_gettime(CLOCK_MONOTONIC, &now)
        #endif
        return UInt32(truncatingIfNeeded: Int64(now.tv_sec) * 100 + Int64(now.tv_nsec) / 10_000_000)
    }

    /// The first non-loopback IPv4 address of the host.
    static var primaryIPv4: IPv4Address? {
        var list: UnsafeMutablePointer<ifaddrs>? = nil
        guard getifaddrs(&list) == 0, let first = list else { return nil }
        defer { freeifaddrs(list) }
        var cursor: UnsafeMutablePointer<ifaddrs>? = first
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            let flags = Int32(entry.pointee.ifa_flags)
            guard let address = entry.pointee.ifa_addr, Int32(address.pointee.sa_family) == AF_INET,
                  flags & Int32(IFF_UP) != 0, flags & Int32(IFF_LOOPBACK) == 0 else { continue }
            let raw = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt32(bigEndian: $0.pointee.sin_addr.s_addr) }
            return IPv4Address(rawValue: raw)
        }
        return nil
    }
}

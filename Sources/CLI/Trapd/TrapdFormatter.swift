#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore
import SNMP

/// snmptrapd's default output (Net-SNMP 5.9.3, `snmptrapd -f -Lo`), as observed:
///
/// ```
/// 2024-01-02 03:04:05 192.0.2.9 [192.0.2.9] (via UDP: [127.0.0.1]:38136->[127.0.0.1]:162) TRAP, SNMP v1, community public
/// <TAB>iso.3.6.1.4.1.8072.9999 Enterprise Specific Trap (42) Uptime: 0:00:00.77
/// <TAB>iso.3.6.1.4.1.8072.9999.2.1.0 = STRING: "v1 marker"
/// 2024-01-02 03:04:05 localhost [UDP: [127.0.0.1]:54123->[127.0.0.1]:162]:
/// iso.3.6.1.2.1.1.3.0 = Timeticks: (123) 0:00:01.23<TAB>iso.3.6.1.6.3.1.1.4.1.0 = OID: iso.3.6.1.6.3.1.1.5.4
/// ```
/// SNMPv2c and v3 traps and informs all print the second way. The host before the brackets is the
/// sender's name from the hosts file (`<UNKNOWN>` without one), or the transport text under `-n`; for a v1
/// trap it is the agent-addr (its hosts-file name under `-n`, as Net-SNMP 5.9.3 does it).
struct TrapdFormatter {
    var printer: Printer
    var numericHosts: Bool
    var hosts: HostsFile

    /// The text for one notification, newline included.
    func format(_ received: ReceivedNotification, date: String) -> String {
        let transport = Self.transport(received.source, local: received.localAddress)
        switch received.pdu {
        case .trapV1(let trap):
            let agent = "\(trap.agentAddress)"
            let host = numericHosts ? (hosts.name(for: agent) ?? agent) : agent
            var text = "\(date) \(host) [\(agent)] (via \(transport)) TRAP, SNMP v1, community \(received.securityName)\n"
            text += "\t\(printer.oidText(trap.enterprise)) \(Self.genericName(trap.genericTrap)) Trap (\(specificText(trap))) Uptime: \(Self.uptime(trap.timeStamp))\n"
            if trap.varBinds.isEmpty {
                text += "\n"
            } else {
                for varBind in trap.varBinds { text += "\t" + line(varBind) + "\n" }
            }
            return text
        case .pdu(let pdu):
            let host = numericHosts ? transport : (received.source.ipAddress.flatMap { hosts.name(for: $0) } ?? "<UNKNOWN>")
            return "\(date) \(host) [\(transport)]:\n" + pdu.varBinds.map(line).joined(separator: "\t") + "\n"
        }
    }

    /// The specific-trap field as snmptrapd prints it: for an enterprise-specific trap whose RFC 3584 §3.1
    /// notification OID (enterprise, then 0 unless the enterprise already ends in 0, then the specific number)
    /// names a loaded MIB definition, that name; otherwise the number.
    func specificText(_ trap: TrapV1PDU) -> String {
        guard trap.genericTrap == .enterpriseSpecific else { return "\(trap.specificTrap)" }
        var arcs = trap.enterprise.arcs
        if arcs.last != 0 { arcs.append(0) }
        arcs.append(UInt32(bitPattern: trap.specificTrap))
        let notification = ObjectIdentifier(arcs)
        guard arcs.count <= ObjectIdentifier.maximumArcCount, printer.store.tree.node(at: notification) != nil else {
            return "\(trap.specificTrap)"
        }
        return printer.oidText(notification)
    }

    private func line(_ varBind: VarBind) -> String {
        var out: [UInt8] = []
        printer.appendLine(varBind, to: &out)
        if out.last == 0x0A { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    /// Net-SNMP's transport text: `UDP: [SRC]:PORT->[DST]:PORT` for IPv4, `UDP/IPv6: [SRC]:PORT` for IPv6.
    static func transport(_ source: SocketAddress, local: SocketAddress?) -> String {
        let address = source.ipAddress ?? "?"
        let port = source.port ?? 0
        if case .v6 = source { return "UDP/IPv6: [\(address)]:\(port)" }
        var text = "UDP: [\(address)]:\(port)"
        if let local, let localAddress = local.ipAddress, let localPort = local.port {
            text += "->[\(localAddress)]:\(localPort)"
        }
        return text
    }

    static func genericName(_ generic: TrapV1PDU.GenericTrap) -> String {
        switch generic {
        case .coldStart: return "Cold Start"
        case .warmStart: return "Warm Start"
        case .linkDown: return "Link Down"
        case .linkUp: return "Link Up"
        case .authenticationFailure: return "Authentication Failure"
        case .egpNeighborLoss: return "EGP Neighbor Loss"
        case .enterpriseSpecific: return "Enterprise Specific"
        default: return "Unknown Type"
        }
    }

    /// Net-SNMP's `uptimeString`: `D days, H:MM:SS.cc`.
    static func uptime(_ ticks: UInt32) -> String {
        let centiseconds = ticks % 100
        var seconds = ticks / 100
        let days = seconds / 86_400
        seconds %= 86_400
        let clock = "\(seconds / 3600):\(twoDigits((seconds % 3600) / 60)):\(twoDigits(seconds % 60)).\(twoDigits(centiseconds))"
        switch days {
        case 0: return clock
        case 1: return "1 day, " + clock
        default: return "\(days) days, " + clock
        }
    }

    private static func twoDigits(_ value: UInt32) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// The local time as `YYYY-MM-DD HH:MM:SS`.
    static func localDate(_ seconds: time_t = time(nil)) -> String {
        var now = seconds
        var parts = tm()
        localtime_r(&now, &parts)
        var buffer = [CChar](repeating: 0, count: 32)
        let count = strftime(&buffer, buffer.count, "%Y-%m-%d %H:%M:%S", &parts)
        return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// Names from the hosts file only: snmptrapd's reverse lookups, without asking DNS (nothing leaves the host).
struct HostsFile {
    private var names: [String: String] = [:]

    init(contents: String) {
        for line in contents.split(separator: "\n") {
            let fields = line.prefix { $0 != "#" }.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count >= 2 else { continue }
            let address = String(fields[0])
            if names[address] == nil { names[address] = String(fields[1]) }
        }
    }

    /// Reads `/etc/hosts`; an unreadable file gives no names.
    static func system() -> HostsFile {
        HostsFile(contents: TextFile.read(path: "/etc/hosts") ?? "")
    }

    func name(for address: String) -> String? { names[address] }
}

/// Whole small text files, read with the C library (the CLI does not link Foundation).
enum TextFile {
    /// The file's contents, or `nil` when it cannot be read; at most 4 MiB are read.
    static func read(path: String) -> String? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while bytes.count < 4 << 20 {
            let count = fread(&chunk, 1, chunk.count, file)
            if count <= 0 { break }
            bytes.append(contentsOf: chunk.prefix(count))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

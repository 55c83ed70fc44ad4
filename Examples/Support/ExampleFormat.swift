import NIOCore
import SNMP

/// How the examples print addresses and notifications.
enum ExampleFormat {
    /// `udp:127.0.0.1:16162` / `udp6:[::1]:16162`.
    static func address(_ address: SocketAddress) -> String {
        let host = address.ipAddress ?? "?"
        let port = address.port ?? 0
        return host.contains(":") ? "udp6:[\(host)]:\(port)" : "udp:\(host):\(port)"
    }

    /// The first address of `addresses` in Net-SNMP's syntax.
    static func first(_ addresses: [SocketAddress], ipv6: Bool = false) throws -> String {
        let pick = addresses.first { ($0.protocol == .inet6) == ipv6 } ?? addresses.first
        guard let pick else { throw ExampleError("nothing is listening") }
        return address(pick)
    }

    /// A received notification in snmptrapd's spirit: who sent it, how, and its varbinds by name.
    static func describe(_ received: ReceivedNotification, names: SNMPClientNames = .shared) -> String {
        let version = switch received.version {
        case .v1: "SNMPv1"
        case .v2c: "SNMPv2c"
        default: "SNMPv3"
        }
        var text = "\(received.pdu.type) from \(address(received.source)) (\(version), "
        text += received.version == .v3 ? "user \(received.securityName), \(received.securityLevel)"
                                         : "community \(received.securityName)"
        if !received.contextName.isEmpty { text += ", context \(received.contextName)" }
        text += ")"
        if received.version == .v1, let trap = received.trapV1 {
            text += "\n  enterprise \(names.name(of: trap.enterprise)), agent-addr \(trap.agentAddress), "
                + "generic-trap \(trap.genericTrap.rawValue), specific-trap \(trap.specificTrap), uptime \(trap.timeStamp)"
            for varBind in trap.varBinds { text += "\n  " + names.describe(varBind) }
        } else if let notification = received.notification {
            text += "\n  " + names.name(of: notification.trapOID)
            for varBind in notification.varBinds { text += "\n  " + names.describe(varBind) }
        }
        return text
    }
}

/// Names and values rendered as Net-SNMP prints them, with the default MIB store.
struct SNMPClientNames: Sendable {
    static let shared = SNMPClientNames()
    private var renderer: NetSNMPRenderer {
        NetSNMPRenderer(options: OutputOptions(), context: MIBTreeRenderingContext(tree: SNMPClient.defaultMIBStore.tree))
    }
    func name(of oid: ObjectIdentifier) -> String { renderer.name(of: oid) }
    func describe(_ varBind: VarBind) -> String { renderer.line(for: varBind) }
}

import NIOCore
import SNMP

/// What an example talks to and with which credentials: the command line's `--agent`, `--listen` and
/// Net-SNMP-style credential options, or, offline, our own agent or receiver on free loopback ports.
///
/// The defaults are the credentials of the test fixtures (and of PySNMP's examples, with Net-SNMP's minimum
/// passphrase length): communities `public` / `private`, users `usr-md5-des`, `usr-sha-aes128`, ... with
/// passphrases `authkey1234` / `privkey1234`.
struct Peer: Sendable {
    /// The agent or receiver to send to, in Net-SNMP's syntax (`udp:HOST:PORT`).
    var agent = "udp:127.0.0.1:161"
    /// The same peer over IPv6 (`udp6:[::1]:PORT`), for the IPv6 scenarios.
    var agent6 = "udp6:[::1]:161"
    /// Where an agent or receiver example listens; empty: a free port on loopback, chosen by the example.
    var listen: [String] = []
    /// The read community (`-c`).
    var community = "public"
    /// The write community (`--write-community`; snmpd's `rwcommunity`).
    var writeCommunity = "private"
    /// The SNMPv3 user (`-u`); `nil`: each example's own fixture user.
    var user: String?
    /// The authentication passphrase (`-A`).
    var authKey = "authkey1234"
    /// The privacy passphrase (`-X`).
    var privKey = "privkey1234"
    /// The authoritative engine ID (`-e`): the agent's for requests, the sender's own for SNMPv3 traps.
    var engineID: OctetString?
    /// The context engine ID (`-E`); offline: our agent's engine ID.
    var contextEngineID: OctetString?
    /// The context name (`-n`); offline: the context our agent serves besides the default one.
    var contextName = ExampleAgent.extraContext
    /// `true` when no `--agent`/`--listen` was given: the peer is ours, in this process.
    var isOffline = true
    /// How long an agent or receiver example serves with `--listen` (`--for SECONDS`); `nil`: until stopped.
    var serveFor: Duration?
    /// How many notifications a receiver example waits for before it stops (offline: the number the runner
    /// sends; with `--listen`: no limit).
    var expectedNotifications = Int.max
    /// Called by a receiver example once it listens (offline: the runner sends it notifications).
    var listening: @Sendable ([SocketAddress]) async throws -> Void = { _ in }
    /// Called by an agent example once it listens (offline: the runner tries it with a manager).
    var serving: @Sendable ([SocketAddress]) async throws -> Void = { _ in }

    /// The user name: `-u` or the example's fixture user.
    func user(_ fixtureUser: String) -> String { user ?? fixtureUser }

    /// Where to listen: `--listen` or `fallback` (free ports on loopback).
    func listen(or fallback: [String]) -> [String] { listen.isEmpty ? fallback : listen }

    /// The addresses an agent example listens on; returns when it may stop (offline: once a manager tried it;
    /// with `--listen`: after `--for`, or never).
    func serve(on addresses: [SocketAddress]) async throws {
        if isOffline {
            try await serving(addresses)
            return
        }
        print("Listening on \(addresses.map(ExampleFormat.address).joined(separator: ", ")); Ctrl-C stops.")
        try await Task.sleep(for: serveFor ?? .seconds(365 * 24 * 3600))
    }

    /// The addresses a receiver example listens on (offline: the runner now sends the test notifications).
    func receive(on addresses: [SocketAddress]) async throws {
        if isOffline {
            try await listening(addresses)
        } else {
            print("Listening on \(addresses.map(ExampleFormat.address).joined(separator: ", ")); Ctrl-C stops.")
        }
    }
}

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

/// A failure of the example machinery itself (bad option, nothing arrived).
struct ExampleError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

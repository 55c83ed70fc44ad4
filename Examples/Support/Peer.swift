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

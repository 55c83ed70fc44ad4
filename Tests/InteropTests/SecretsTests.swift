import Foundation
import Logging
import NIOConcurrencyHelpers
import Testing
import SNMP

/// Passphrases and the keys derived from them (RFC 3414 §2.6 Ku and Kul) never appear in logs at any level, in
/// `description`/`debugDescription`/`dump` of any value that holds them, or in errors.
@Suite struct SecretsTests {
    static let authPassphrase = "Au7h-Secret-Passphrase-9"
    static let privPassphrase = "Pr1v-Secret-Passphrase-7"

    /// Every log record, with its metadata, as text.
    final class Capture: @unchecked Sendable {
        let lines = NIOLockedValueBox<[String]>([])
        var text: String { lines.withLockedValue { $0.joined(separator: "\n") } }

        func handler(label: String) -> some LogHandler { CapturingHandler(label: label, capture: self) }
    }

    struct CapturingHandler: LogHandler {
        let label: String
        let capture: Capture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { $1 }
            capture.lines.withLockedValue { $0.append("\(event.level) \(label) \(event.message) \(all) \(event.error.map { "\($0)" } ?? "")") }
        }
    }

    /// The secrets as they could leak: the passphrases, and Ku and Kul in hex (either case) for the agent's engine.
    static func secrets(engineID: OctetString) throws -> [String] {
        let masterAuth = try USMKeyDerivation.passwordToKey(Array(authPassphrase.utf8), auth: .hmacSHA256)
        let masterPriv = try USMKeyDerivation.passwordToKey(Array(privPassphrase.utf8), auth: .hmacSHA256)
        let keys = [masterAuth, masterPriv,
                    try USMKeyDerivation.localize(masterAuth, engineID: engineID, auth: .hmacSHA256),
                    try USMKeyDerivation.localize(masterPriv, engineID: engineID, auth: .hmacSHA256)]
        // 8 octets of a key are enough to recognise it, wherever it starts.
        let hex = keys.flatMap { key in
            let text = key.map { String(format: "%02x", $0) }.joined()
            return [String(text.prefix(16)), String(text.suffix(16))]
        }
        return [authPassphrase, privPassphrase] + hex + hex.map { $0.uppercased() }
    }

    static func leaks(_ text: String, _ secrets: [String]) -> [String] {
        secrets.filter { text.contains($0) }
    }

    @Test func aV3SessionLogsNoSecretAtTraceLevel() async throws {
        let capture = Capture()
        var logger = Logger(label: "test.agent", factory: { capture.handler(label: $0) })
        logger.logLevel = .trace
        var configuration = AgentConfiguration()
        configuration.listenAddresses = ["udp:127.0.0.1:0"]
        configuration.servesInterfaces = false
        let user = USMUser(userName: "secret-user", auth: .hmacSHA256, authSecret: .passphrase(Self.authPassphrase),
                           priv: .aes128, privSecret: .passphrase(Self.privPassphrase))
        configuration.users = [AgentUser(user)]
        let agent = try await SNMPAgent.start(configuration: configuration, logger: logger)
        defer { Task { await agent.shutdown() } }
        let port = try #require(try await agent.localAddresses().first?.port)
        let secrets = try Self.secrets(engineID: agent.engineState.engineID)

        var clientLogger = Logger(label: "test.client", factory: { capture.handler(label: $0) })
        clientLogger.logLevel = .trace
        let engine = try await SNMPEngine.start(logger: clientLogger)
        let version = SNMPClient.Version.v3(user: "secret-user", auth: .sha256(Self.authPassphrase),
                                            priv: .aes128(Self.privPassphrase))
        let client = try await SNMPClient(host: "127.0.0.1", port: port, version: version, engine: engine)
        _ = try await client.get("1.3.6.1.2.1.1.1.0")
        try await client.set("1.3.6.1.2.1.1.4.0", to: .octetString("noc"))
        for try await _ in client.bulkWalk("1.3.6.1.2.1.1") {}

        // The failures: a wrong passphrase (wrongDigests Report), a wrong privacy passphrase (dropped), a timeout.
        var errors: [any Error] = []
        for wrong in [SNMPClient.Version.v3(user: "secret-user", auth: .sha256(Self.authPassphrase + "x"),
                                            priv: .aes128(Self.privPassphrase)),
                      .v3(user: "secret-user", auth: .sha256(Self.authPassphrase), priv: .aes128(Self.privPassphrase + "x"))] {
            let bad = try await SNMPClient(host: "127.0.0.1", port: port, version: wrong,
                                           configuration: .init(timeout: .milliseconds(300), retries: 0))
            do { _ = try await bad.get("1.3.6.1.2.1.1.1.0") } catch { errors.append(error) }
            await bad.shutdown()
        }
        #expect(errors.count == 2)
        await client.shutdown()
        await engine.shutdown()

        var shown = capture.text
        for error in errors { shown += "\(error) \(String(reflecting: error))" }
        // Every value that carries the secrets, as a developer would print or dump it.
        let values: [Any] = [user, AgentUser(user), configuration, version, user.authSecret as Any,
                             try engine.usm.keyCache.localizedKeys(for: user, engineID: agent.engineState.engineID)]
        for value in values {
            shown += "\(value) \(String(reflecting: value))"
            dump(value, to: &shown)
        }
        #expect(!capture.text.isEmpty, "the session logged something")
        #expect(Self.leaks(shown, secrets).isEmpty, "leaked: \(Self.leaks(shown, secrets))")
    }

    /// Configuration errors name the problem, never the passphrase they are about.
    @Test(arguments: ["bob:SHA-256:short:AES:\(privPassphrase)", "bob:SHA-999:\(authPassphrase):AES:\(privPassphrase)",
                      "bob:SHA-256:\(authPassphrase):AES-999:\(privPassphrase)", "bob:none:\(authPassphrase):AES:\(privPassphrase)"])
    func userParsingErrorsDoNotRepeatPassphrases(_ text: String) {
        #expect {
            _ = try AgentUser(parsing: text)
        } throws: { error in
            let shown = "\(error) \(String(reflecting: error))"
            return !shown.contains(Self.authPassphrase) && !shown.contains(Self.privPassphrase)
        }
        // The same user as an snmpd.conf createUser line: the file's diagnostics must not repeat it either.
        var configuration = AgentConfiguration()
        let line = "createUser " + text.replacingOccurrences(of: ":", with: " ")
        let diagnostics = AgentConfigurationFile.parse(line, into: &configuration)
        let shown = diagnostics.map { "\($0) \(String(reflecting: $0))" }.joined(separator: "\n")
        #expect(!shown.contains(Self.authPassphrase) && !shown.contains(Self.privPassphrase), "\(shown)")
    }
}

import NIOCore
import Testing
import SNMP

/// Issue 10's acceptance tests, in process (no external daemon): USM users keyed per engine, and each
/// counter our agent serves incremented by the layer that owns it and read back over SNMP.
@Suite struct SeamAcceptanceTests {
    static func agent(user: USMUser? = nil) async throws -> SNMPAgent {
        var configuration = AgentConfiguration()
        configuration.listenAddresses = ["udp:127.0.0.1:0"]
        configuration.communities = [AgentCommunity("public")]
        if let user { configuration.users = [AgentUser(user)] }
        return try await SNMPAgent.start(configuration: configuration)
    }

    static func port(of agent: SNMPAgent) async throws -> Int {
        try #require(try await agent.localAddresses().first?.port)
    }

    /// Two clients on one engine, the same user name, different passphrases, two agents: RFC 3414 keys the
    /// datastore by (engine ID, user name), so neither client disturbs the other's keys.
    @Test func twoClientsOnOneEngineSameUserDifferentPassphrases() async throws {
        func monitor(_ secret: String) -> USMUser {
            USMUser(userName: "monitor", auth: .hmacSHA256, authSecret: .passphrase("auth-\(secret)"),
                    priv: .aes128, privSecret: .passphrase("priv-\(secret)"))
        }
        let first = try await Self.agent(user: monitor("device-one"))
        let second = try await Self.agent(user: monitor("device-two"))
        let engine = try await SNMPEngine.start()
        defer {
            Task {
                await first.shutdown()
                await second.shutdown()
                await engine.shutdown()
            }
        }
        let clientOne = try await SNMPClient(
            host: "127.0.0.1", port: try await Self.port(of: first),
            version: .v3(user: "monitor", auth: .sha256("auth-device-one"), priv: .aes128("priv-device-one")),
            engine: engine)
        let clientTwo = try await SNMPClient(
            host: "127.0.0.1", port: try await Self.port(of: second),
            version: .v3(user: "monitor", auth: .sha256("auth-device-two"), priv: .aes128("priv-device-two")),
            engine: engine)
        let sysObjectID: ObjectIdentifier = "1.3.6.1.2.1.1.2.0"
        try await withThrowingTaskGroup(of: Int.self) { group in
            for client in [clientOne, clientTwo] {
                group.addTask {
                    var answered = 0
                    for _ in 0..<1_000 {
                        let varBind = try await client.get(sysObjectID)
                        if varBind.oid == sysObjectID { answered += 1 }
                    }
                    return answered
                }
            }
            for try await answered in group { #expect(answered == 1_000) }
        }
    }

    /// A counter's value read back from the agent.
    static func read(_ oid: ObjectIdentifier, from client: SNMPClient) async throws -> UInt32 {
        guard case .counter32(let value) = try await client.get(oid).value else {
            Issue.record("\(oid) is not a Counter32")
            return 0
        }
        return value
    }

    static func v3Message(flags: MessageFlags, securityModel: Int32) -> ByteBuffer {
        var parameters = ByteBuffer()
        _ = UsmSecurityParameters(authoritativeEngineID: OctetString([UInt8]()), authoritativeEngineBoots: 0,
                                  authoritativeEngineTime: 0, userName: OctetString([UInt8]()),
                                  authenticationParameters: OctetString([UInt8]()),
                                  privacyParameters: OctetString([UInt8]())).serialize(into: &parameters)
        let message = SNMPv3Message(
            headerData: SNMPv3HeaderData(messageID: 1, maxSize: 65_507, flags: flags, securityModel: securityModel),
            securityParameters: OctetString(Array(parameters.readableBytesView)),
            data: .plaintext(ScopedPDU(contextEngineID: OctetString([UInt8]()), contextName: OctetString([UInt8]()),
                                       pdu: PDU(type: .getRequest, requestID: 1, varBinds: []))))
        var bytes = ByteBuffer()
        _ = message.serialize(into: &bytes)
        return bytes
    }

    static func community(_ community: String, _ pdu: PDU) -> ByteBuffer {
        var bytes = ByteBuffer()
        CommunityMessage(version: .v2c, community: OctetString(community), pdu: .pdu(pdu)).serialize(into: &bytes)
        return bytes
    }

    struct Provocation: Sendable, CustomStringConvertible {
        var description: String
        var counter: ObjectIdentifier
        var bytes: @Sendable () -> ByteBuffer
    }

    static let provocations: [Provocation] = [
        Provocation(description: "snmpInvalidMsgs (privacy without authentication)", counter: "1.3.6.1.6.3.11.2.1.2.0",
                    bytes: { v3Message(flags: [.privacy, .reportable], securityModel: 3) }),
        Provocation(description: "snmpUnknownSecurityModels", counter: "1.3.6.1.6.3.11.2.1.1.0",
                    bytes: { v3Message(flags: [.reportable], securityModel: 99) }),
        Provocation(description: "snmpUnknownPDUHandlers (a Response nobody asked for)", counter: "1.3.6.1.6.3.11.2.1.3.0",
                    bytes: { community("public", PDU(type: .response, requestID: 4242, varBinds: [])) }),
        Provocation(description: "snmpInBadVersions", counter: "1.3.6.1.2.1.11.3.0",
                    bytes: { ByteBuffer(bytes: [0x30, 0x03, 0x02, 0x01, 0x07]) }),
        Provocation(description: "snmpInASNParseErrs", counter: "1.3.6.1.2.1.11.6.0",
                    bytes: { ByteBuffer(bytes: [0x01, 0x02, 0x03]) }),
        Provocation(description: "snmpInBadCommunityNames", counter: "1.3.6.1.2.1.11.4.0",
                    bytes: { community("not-a-community", PDU(type: .getRequest, requestID: 7, varBinds: [])) }),
        Provocation(description: "usmStatsUnknownEngineIDs (a discovery probe)", counter: "1.3.6.1.6.3.15.1.1.4.0",
                    bytes: { v3Message(flags: [.reportable], securityModel: 3) }),
    ]

    /// Each message is sent raw to our agent, then the counter is read back over SNMP: one more than before.
    @Test(arguments: provocations)
    func eachServedCounterCountsItsEvent(_ provocation: Provocation) async throws {
        let agent = try await Self.agent()
        let client = try await SNMPClient(host: "127.0.0.1", port: try await Self.port(of: agent),
                                          version: .v2c(community: "public"))
        defer {
            Task {
                await client.shutdown()
                await agent.shutdown()
            }
        }
        let agentAddress = client.target.address
        let before = try await Self.read(provocation.counter, from: client)
        client.engine.dispatcher.send(provocation.bytes(), to: agentAddress)
        let after = try await Self.read(provocation.counter, from: client)
        #expect(after == before &+ 1, "\(provocation)")
    }
}

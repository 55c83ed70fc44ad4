import Foundation
import NIOCore
import Testing
import SNMP
import SNMPMessageProcessing
import SNMPSecurity

/// Our agent under hostile or oversized requests, sent as raw datagrams: each is refused or bounded where the
/// RFCs say, counted in the counter they name, and never costs a valid request its answer.
@Suite(.serialized)
struct AgentHardeningTests {
    static func start(registerMIB: (inout ManagedObjectTree) throws -> Void = { _ in }) async throws -> (SNMPAgent, UInt16) {
        var configuration = try AgentV3InteropTests.configuration()
        configuration.communities = [AgentCommunity("public"), AgentCommunity("private", access: .readWrite)]
        configuration.servesInterfaces = false
        let agent = try await SNMPAgent.start(configuration: configuration, registerMIB: registerMIB)
        let port = try #require(try await agent.localAddresses().first?.port)
        return (agent, UInt16(port))
    }

    static func message(_ pdu: PDU, community: String = "public", version: SNMPVersion = .v2c) -> [UInt8] {
        var bytes = ByteBuffer()
        CommunityMessage(version: version, community: OctetString(community), pdu: .pdu(pdu)).serialize(into: &bytes)
        return Array(buffer: bytes)
    }

    static func get(_ requestID: Int32, community: String = "public") -> [UInt8] {
        message(PDU(type: .getRequest, requestID: requestID, varBinds: [VarBind("1.3.6.1.2.1.1.5.0")]), community: community)
    }

    /// RFC 3584 §5.2.1: a guessed community is dropped and counted in snmpInBadCommunityNames; a valid request
    /// sent after each burst of guesses is still answered (the guesses cost no state and no reply).
    @Test func communityBruteForceIsCountedAndValidRequestsAreStillAnswered() async throws {
        let (agent, port) = try await Self.start()
        defer { Task { await agent.shutdown() } }
        let socket = try UDPSocket()
        for round in 0..<20 {
            for guess in 0..<50 { try socket.send(Self.get(Int32(guess), community: "guess-\(round)-\(guess)"), to: port) }
            try socket.send(Self.get(10_000 + Int32(round)), to: port)
            let answer = try #require(try await socket.receive(), "round \(round)")
            let response = try CommunityMessage(berEncoded: ByteBuffer(bytes: answer))
            guard case .pdu(let pdu) = response.pdu else { throw FixtureError(description: "not a PDU") }
            // Only the valid request is ever answered: the next datagram is its response.
            #expect(pdu.requestID == 10_000 + Int32(round))
        }
        #expect(agent.store.counters.inBadCommunityNames == 1_000)
        #expect(agent.store.counters.inBadCommunityUses == 0)
    }

    /// RFC 3412 §7.2 step 5 / RFC 3417 §3.2: a msgMaxSize below 484 is invalid: dropped, snmpInvalidMsgs.
    @Test func msgMaxSizeBelow484IsRefused() async throws {
        let (agent, port) = try await Self.start()
        defer { Task { await agent.shutdown() } }
        let peer = try await USMAttackOracleTests.discover("our agent", port: port)
        let manager = V3MessageProcessing(usm: USMAttackOracleTests.manager().usm, maxMessageSize: 483)
        manager.usm.learnEngineTime(engineID: peer.engineID, time: peer.time, now: manager.monotonicSeconds())
        let scoped = ScopedPDU(contextEngineID: peer.engineID, contextName: OctetString([UInt8]()),
                               pdu: PDU(type: .getRequest, requestID: 5, varBinds: [VarBind("1.3.6.1.2.1.1.1.0")]))
        let bytes = try manager.prepareRequest(messageID: 5, securityEngineID: peer.engineID,
                                               userName: "usr-sha256-aes128", securityLevel: .authPriv, scopedPDU: scoped)
        let invalid = agent.engine.v3.statistics.invalidMessages
        #expect(try await UDPExchange.send(Array(buffer: bytes), to: port, timeout: .seconds(1)) == nil)
        #expect(agent.engine.v3.statistics.invalidMessages == invalid + 1)
    }

    /// RFC 3416 §4.2.3: a GetBulk asking for 2^31-1 repetitions of 100 varbinds is answered with what fits:
    /// at most the responder's varbind budget, within the message size the requester can take.
    @Test func getBulkWithHugeMaxRepetitionsIsBounded() async throws {
        let (agent, port) = try await Self.start()
        defer { Task { await agent.shutdown() } }
        let oids = (0..<100).map { _ in ObjectIdentifier("1.3.6.1") }
        let bulk = PDU.getBulk(requestID: 9, nonRepeaters: 0, maxRepetitions: Int32.max, oids: oids)
        let answer = try #require(try await UDPExchange.send(Self.message(bulk), to: port))
        #expect(answer.count <= CommunityMessageProcessing.maximumUDPMessageSize)
        let response = try CommunityMessage(berEncoded: ByteBuffer(bytes: answer))
        guard case .pdu(let pdu) = response.pdu else { throw FixtureError(description: "not a PDU") }
        #expect(pdu.errorStatus == .noError)
        #expect(!pdu.varBinds.isEmpty && pdu.varBinds.count <= agent.responder.configuration.maximumBulkVarBinds)

        // The same over SNMPv3 with msgMaxSize 484: the answer fits 484 octets.
        let peer = try await USMAttackOracleTests.discover("our agent", port: port)
        let manager = V3MessageProcessing(usm: USMAttackOracleTests.manager().usm, maxMessageSize: 484)
        manager.usm.learnEngineTime(engineID: peer.engineID, time: peer.time, now: manager.monotonicSeconds())
        let scoped = ScopedPDU(contextEngineID: peer.engineID, contextName: OctetString([UInt8]()), pdu: bulk)
        let request = try manager.prepareRequest(messageID: 9, securityEngineID: peer.engineID,
                                                 userName: "usr-sha256-aes128", securityLevel: .authPriv, scopedPDU: scoped)
        let small = try #require(try await UDPExchange.send(Array(buffer: request), to: port))
        #expect(small.count <= 484)
        let incoming = try manager.usm.processIncomingMessage(ByteBuffer(bytes: small), localEngineTime: peer.time,
                                                              now: manager.monotonicSeconds())
        #expect(incoming.scopedPDU.pdu.type == .response && !incoming.scopedPDU.pdu.varBinds.isEmpty)
    }

    /// RFC 2578 §3.5: an OID has at most 128 sub-identifiers, each at most 2^32-1. A request naming a longer OID
    /// or a larger arc is not a valid message: dropped and counted in snmpInASNParseErrs.
    @Test(arguments: ["129 arcs", "arc 2^32"])
    func oversizedOIDsAreParseErrors(_ kind: String) async throws {
        let (agent, port) = try await Self.start()
        defer { Task { await agent.shutdown() } }
        var oid = ByteBuffer()
        if kind == "129 arcs" {
            oid.writeBERObjectIdentifier(ObjectIdentifier(Array(repeating: 1, count: 129)))
        } else {
            oid.writeBERHeader(tag: BERTag.objectIdentifier, length: 10)
            oid.writeBytes([0x2B, 0x06, 0x01, 0x02, 0x01, 0x90, 0x80, 0x80, 0x80, 0x00])  // 1.3.6.1.2.1.4294967296
        }
        var bytes = ByteBuffer()
        bytes.writeBERConstructed(tag: BERTag.sequence) { message in
            message.writeBERInteger(1)
            message.writeBEROctetString(OctetString("public"))
            message.writeBERConstructed(tag: PDUType.getRequest.rawValue) { pdu in
                pdu.writeBERInteger(1)
                pdu.writeBERInteger(0)
                pdu.writeBERInteger(0)
                pdu.writeBERConstructed(tag: BERTag.sequence) { list in
                    list.writeBERConstructed(tag: BERTag.sequence) { varBind in
                        varBind.writeBuffer(&oid)
                        varBind.writeBERNull()
                    }
                }
            }
        }
        let before = try await agent.engine.dispatcher.statistics().get().inASNParseErrors
        #expect(try await UDPExchange.send(Array(buffer: bytes), to: port, timeout: .seconds(1)) == nil)
        #expect(try await agent.engine.dispatcher.statistics().get().inASNParseErrors == before + 1)
        // 128 arcs is the most there may be, and is answered.
        let longest = ObjectIdentifier(Array(repeating: 1, count: 128))
        let answer = try await UDPExchange.send(
            Self.message(PDU(type: .getRequest, requestID: 2, varBinds: [VarBind(longest)])), to: port)
        #expect(answer != nil)
    }

    /// RFC 3415: a user whose access entry needs authNoPriv gets nothing at noAuthNoPriv: authorizationError
    /// with the request's own varbinds, no value from the MIB.
    @Test func noAuthRequestForAnAuthenticatedViewGetsNoData() async throws {
        let (agent, port) = try await Self.start()
        defer { Task { await agent.shutdown() } }
        let peer = try await USMAttackOracleTests.discover("our agent", port: port)
        let manager = USMAttackOracleTests.manager()
        manager.usm.updateUsers { $0.add(USMUser(userName: "usr-sha-none")) }
        let scoped = ScopedPDU(contextEngineID: peer.engineID, contextName: OctetString([UInt8]()),
                               pdu: PDU(type: .getRequest, requestID: 3, varBinds: [VarBind("1.3.6.1.2.1.1.1.0")]))
        let request = try manager.prepareRequest(messageID: 3, securityEngineID: peer.engineID,
                                                 userName: "usr-sha-none", securityLevel: .noAuthNoPriv, scopedPDU: scoped)
        let answer = try #require(try await UDPExchange.send(Array(buffer: request), to: port))
        let message = try SNMPv3Message(berEncoded: ByteBuffer(bytes: answer))
        guard case .plaintext(let reply) = message.data else { throw FixtureError(description: "encrypted answer") }
        #expect(reply.pdu.errorStatus == .authorizationError)
        #expect(reply.pdu.varBinds == [VarBind("1.3.6.1.2.1.1.1.0", .null)])
    }

    /// A walk of an agent that answers the same OID forever stops with notIncreasing (RFC 3416 §4.2.2 says a
    /// GetNext answer must be greater) instead of looping.
    @Test func walkOfAnAgentRepeatingOneOIDStops() async throws {
        let repeated: ObjectIdentifier = "1.3.6.1.4.1.32473.9.1"
        let (agent, port) = try await Self.start(registerMIB: { mib in
            try mib.register(subtree: "1.3.6.1.4.1.32473.9", handler: RepeatingHandler(oid: repeated))
        })
        defer { Task { await agent.shutdown() } }
        let client = try await SNMPClient(host: "127.0.0.1", port: Int(port), version: .v2c(community: "public"))
        defer { Task { await client.shutdown() } }
        var seen = 0
        await #expect {
            for try await _ in client.walk("1.3.6.1.4.1.32473.9") { seen += 1 }
        } throws: { error in
            (error as? SNMPError)?.code == .notIncreasing
        }
        #expect(seen <= 2)
    }
}

/// A broken instrumentation: every GetNext answers the same instance.
struct RepeatingHandler: MIBSubtreeHandler {
    let oid: ObjectIdentifier
    func get(_ oid: ObjectIdentifier) async throws -> SNMPValue { .integer(1) }
    func next(after oid: ObjectIdentifier) async throws -> VarBind? { VarBind(self.oid, .integer(1)) }
    func testSet(_ varBind: VarBind, index: Int, request: MIBSetRequest) async throws { throw SNMPError.status(.notWritable) }
    func commitSet(_ varBind: VarBind, index: Int, request: MIBSetRequest) async throws {}
    func undoSet(_ varBind: VarBind, index: Int, request: MIBSetRequest) async throws {}
    func cleanupSet(_ varBind: VarBind, index: Int, request: MIBSetRequest) async {}
}

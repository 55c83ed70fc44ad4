import Logging
import NIOCore
import NIOEmbedded
@testable import SNMPDispatcher
import SNMPMessageProcessing
import SNMPSMI
import Testing

/// The dispatcher over an `EmbeddedChannel`: sendPDU through the v2c model, matching, retransmission and
/// timeout, unknown request-ids, answers from the wrong address or version, and returnResponsePDU.
/// Synchronous tests: the embedded loop runs on the test's thread, and time only moves when told.
@Suite struct DispatcherChannelTests {
    static let agent = try! SocketAddress(ipAddress: "127.0.0.1", port: 161)
    static let stranger = try! SocketAddress(ipAddress: "127.0.0.2", port: 161)

    struct Harness {
        let loop = EmbeddedEventLoop()
        let channel: EmbeddedChannel
        let dispatcher: SNMPDispatcher

        init() throws {
            channel = EmbeddedChannel(loop: loop)
            dispatcher = SNMPDispatcher(eventLoop: loop, v3: nil, logger: Logger(label: "test"), firstID: 100)
            try dispatcher.attach(channel, isIPv6: false)
        }

        func get(retries: Int = 1, version: SNMPVersion = .v2c) throws -> EventLoopFuture<IncomingMessage?> {
            let pdu = PDU(type: .getRequest, requestID: 0, varBinds: [VarBind([1, 3, 6, 1, 2, 1, 1, 5, 0])])
            return try dispatcher.sendPDU(
                OutgoingPDU(destination: DispatcherChannelTests.agent, messageProcessingModel: version,
                            securityModel: version == .v1 ? .v1 : .v2c, securityName: "public",
                            securityLevel: .noAuthNoPriv, pdu: .pdu(pdu), timeout: .seconds(1), retries: retries),
                expectResponse: true)
        }

        /// The next message the dispatcher wrote, decoded by the v2c model.
        func sent() throws -> (IncomingMessage, SocketAddress)? {
            guard let envelope = try channel.readOutbound(as: AddressedEnvelope<ByteBuffer>.self) else { return nil }
            return (try CommunityMessageProcessing.prepareDataElements(envelope.data), envelope.remoteAddress)
        }

        func deliver(_ pdu: PDU, version: SNMPVersion = .v2c, from source: SocketAddress = DispatcherChannelTests.agent) throws {
            var bytes = ByteBuffer()
            try CommunityMessageProcessing.prepareOutgoingMessage(version: version, community: "public",
                                                                  pdu: .pdu(pdu), into: &bytes)
            try channel.writeInbound(AddressedEnvelope(remoteAddress: source, data: bytes))
        }

        /// Runs what the dispatcher queued on the embedded loop, then reads the future (never blocks).
        func settle<Value: Sendable>(_ future: EventLoopFuture<Value>) throws -> Value {
            loop.run()
            return try future.wait()
        }

        func statistics() throws -> DispatcherStatistics {
            try settle(dispatcher.statistics())
        }

        func pending() throws -> Int {
            try settle(dispatcher.pendingRequestCount())
        }
    }

    static func response(to request: IncomingMessage) -> PDU {
        PDU(type: .response, requestID: request.matchingID,
            varBinds: [VarBind([1, 3, 6, 1, 2, 1, 1, 5, 0], .octetString("router"))])
    }

    @Test func aResponseCompletesItsRequest() throws {
        let harness = try Harness()
        let future = try harness.get()
        let (request, destination) = try #require(try harness.sent())
        #expect(destination == Self.agent)
        #expect(request.securityName == "public")
        try harness.deliver(Self.response(to: request))
        let answer = try #require(try harness.settle(future))
        guard case .pdu(let pdu) = answer.pdu else {
            Issue.record("expected a PDU")
            return
        }
        #expect(pdu.varBinds.first?.value == .octetString("router"))
        #expect(try harness.pending() == 0)
    }

    @Test func retransmitsTheSameBytesThenTimesOut() throws {
        let harness = try Harness()
        let future = try harness.get(retries: 1)
        let first = try #require(try harness.channel.readOutbound(as: AddressedEnvelope<ByteBuffer>.self))
        harness.loop.advanceTime(by: .seconds(1))
        let second = try #require(try harness.channel.readOutbound(as: AddressedEnvelope<ByteBuffer>.self))
        #expect(first.data == second.data)
        harness.loop.advanceTime(by: .seconds(1))
        #expect(throws: DispatcherError(.timeout)) { _ = try harness.settle(future) }
        let statistics = try harness.statistics()
        #expect(statistics.retransmissions == 1)
        #expect(statistics.timeouts == 1)
        #expect(statistics.outPackets == 2)
    }

    @Test func unknownRequestIDsWrongAddressesAndWrongVersionsAreDroppedAndCounted() throws {
        let harness = try Harness()
        let future = try harness.get()
        let (request, _) = try #require(try harness.sent())
        var stray = Self.response(to: request)
        stray.requestID = request.matchingID &+ 7
        try harness.deliver(stray)
        try harness.deliver(Self.response(to: request), from: Self.stranger)
        try harness.deliver(Self.response(to: request), version: .v1)
        #expect(try harness.statistics().unknownPDUHandlers == 3)
        #expect(try harness.pending() == 1)
        try harness.deliver(Self.response(to: request))
        #expect(try harness.settle(future) != nil)
    }

    @Test func garbageAndBadVersionsAreCounted() throws {
        let harness = try Harness()
        try harness.channel.writeInbound(AddressedEnvelope(remoteAddress: Self.agent,
                                                           data: ByteBuffer(bytes: [0x01, 0x02, 0x03])))
        // SEQUENCE { INTEGER 7 (no such version), ... }
        try harness.channel.writeInbound(AddressedEnvelope(remoteAddress: Self.agent,
                                                           data: ByteBuffer(bytes: [0x30, 0x03, 0x02, 0x01, 0x07])))
        let statistics = try harness.statistics()
        #expect(statistics.inPackets == 2)
        #expect(statistics.inASNParseErrors == 1)
        #expect(statistics.inBadVersions == 1)
    }

    @Test func unsolicitedRequestsReachTheApplicationWhichAnswersThroughTheModel() throws {
        let harness = try Harness()
        harness.dispatcher.register([.getRequest]) { message, source, reply in
            guard case .pdu(let pdu) = message.pdu else { return }
            var answer = pdu
            answer.type = .response
            reply.returnResponsePDU(to: message, from: source, pdu: answer)
        }
        harness.loop.run()
        try harness.deliver(PDU(type: .getRequest, requestID: 5, varBinds: [VarBind([1, 3, 6, 1])]))
        let (answer, destination) = try #require(try harness.sent())
        #expect(destination == Self.agent)
        #expect(answer.securityName == "public")
        #expect(answer.pdu.type == .response)
        #expect(answer.matchingID == 5)
        // No application takes SetRequest: counted as snmpUnknownPDUHandlers (RFC 3412 §4.2.2.1).
        try harness.deliver(PDU(type: .setRequest, requestID: 6, varBinds: [VarBind([1, 3, 6, 1])]))
        #expect(try harness.statistics().unknownPDUHandlers == 1)
    }

    @Test func aPDUTheVersionCannotCarryFailsAndTrapsNeedNoResponse() throws {
        let harness = try Harness()
        let bulk = PDU.getBulk(requestID: 0, nonRepeaters: 0, maxRepetitions: 3, oids: [[1, 3, 6]])
        let outgoing = OutgoingPDU(destination: Self.agent, messageProcessingModel: .v1, securityModel: .v1,
                                   securityName: "public", securityLevel: .noAuthNoPriv, pdu: .pdu(bulk))
        #expect(throws: DispatcherError(.unsupportedPDU)) {
            _ = try harness.settle(harness.dispatcher.sendPDU(outgoing, expectResponse: true))
        }
        let trap = PDU(type: .trapV2, requestID: 9, varBinds: [])
        let sent = try harness.dispatcher.sendPDU(
            OutgoingPDU(destination: Self.agent, messageProcessingModel: .v2c, securityModel: .v2c,
                        securityName: "public", securityLevel: .noAuthNoPriv, pdu: .pdu(trap)),
            expectResponse: false)
        harness.loop.run()
        #expect(try harness.settle(sent) == nil)
        let (message, _) = try #require(try harness.sent())
        #expect(message.pdu.type == .trapV2)
    }
}

import NIOCore
import SNMPMessageProcessing
import SNMPSMI
import Testing

/// RFC 3412 §4.1.1 prepareOutgoingMessage and §4.2.1 prepareDataElements of the v1/v2c models, each
/// the inverse of the other, and the PDUs each version refuses (RFC 3584 §4.2).
@Suite struct CommunityRoundTripTests {
    static let pdu = PDU(type: .getRequest, requestID: 1234, varBinds: [VarBind([1, 3, 6, 1, 2, 1, 1, 5, 0])])

    @Test(arguments: [SNMPVersion.v1, .v2c])
    func requestRoundTrips(version: SNMPVersion) throws {
        var bytes = ByteBuffer()
        try CommunityMessageProcessing.prepareOutgoingMessage(version: version, community: "public",
                                                              pdu: .pdu(Self.pdu), into: &bytes)
        let message = try CommunityMessageProcessing.prepareDataElements(bytes)
        #expect(message.version == version)
        #expect(message.securityModel == (version == .v1 ? .v1 : .v2c))
        #expect(message.securityName == "public")
        #expect(message.securityLevel == .noAuthNoPriv)
        #expect(message.matchingID == 1234)
        guard case .pdu(let decoded) = message.pdu else {
            Issue.record("expected a PDU")
            return
        }
        #expect(decoded == Self.pdu)
    }

    @Test func getBulkIsRefusedInV1() {
        let bulk = PDU.getBulk(requestID: 1, nonRepeaters: 0, maxRepetitions: 5, oids: [[1, 3, 6]])
        var bytes = ByteBuffer()
        #expect(throws: MessageProcessingError.self) {
            try CommunityMessageProcessing.prepareOutgoingMessage(version: .v1, community: "public",
                                                                  pdu: .pdu(bulk), into: &bytes)
        }
        #expect(bytes.readableBytes == 0)
    }

    @Test func garbageIsAParseError() {
        let bytes = ByteBuffer(bytes: [0x30, 0x03, 0x02, 0x01])
        #expect(throws: MessageProcessingError(.parseError)) {
            _ = try CommunityMessageProcessing.prepareDataElements(bytes)
        }
    }
}

import NIOCore
import SNMPSMI
import Testing

/// Packets captured from the real Net-SNMP 5.9.3 (Debian 12, 5.9.3+dfsg-2+deb12u1) for regression.
///
/// How they were produced: the project's interop fixture `snmpd-start --port auto` (the project's Net-SNMP interop kit) started a
/// throwaway snmpd on 127.0.0.1 with community `public` and the netSnmpPlaypen test scalars, then
///
///     snmpget -v2c -c public -d udp:127.0.0.1:PORT 1.3.6.1.2.1.1.1.0 1.3.6.1.4.1.8072.9999.1.1.0 \
///         1.3.6.1.4.1.8072.9999.1.2.0 1.3.6.1.4.1.8072.9999.1.3.0 1.3.6.1.4.1.8072.9999.1.4.0 \
///         1.3.6.1.4.1.8072.9999.1.5.0 1.3.6.1.4.1.8072.9999.1.6.0
///     snmpbulkget -v2c -c public -Cn1 -Cr3 -d udp:127.0.0.1:PORT 1.3.6.1.2.1.1.3 1.3.6.1.4.1.8072.9999.1
///     snmpget -v2c -c public -d udp:127.0.0.1:PORT 1.3.6.1.4.1.8072.9999.1.7.0
///
/// (`-d` dumps every sent and received datagram in hex; the hex below is those dumps, unchanged), and the
/// agent was stopped with `snmpd-stop --rm DIR`.
enum NetSNMPGoldenPackets {
    /// snmpget's GetRequest for seven objects (153 bytes): the outer and PDU lengths use the long form.
    static let getRequest = """
        30819602010104067075626c6963a0818802047b116683020100020100307a300c06082b0601020101010005003010060c2b06
        010401bf08ce0f01010005003010060c2b06010401bf08ce0f01020005003010060c2b06010401bf08ce0f0103000500301006
        0c2b06010401bf08ce0f01040005003010060c2b06010401bf08ce0f01050005003010060c2b06010401bf08ce0f0106000500
        """
    /// snmpd's Response to it (212 bytes): OCTET STRING, INTEGER, Counter32, Gauge32 2^32-1, TimeTicks, OID.
    static let getResponse = """
        3081d102010104067075626c6963a281c302047b1166830201000201003081b4302706082b06010201010100041b4e65742d53
        4e4d5020696e7465726f702074657374206167656e743011060c2b06010401bf08ce0f01010002012a301b060c2b06010401bf
        08ce0f010200040b68656c6c6f20776f726c643013060c2b06010401bf08ce0f010300410301e2403015060c2b06010401bf08
        ce0f010400420500ffffffff3011060c2b06010401bf08ce0f010500430164301a060c2b06010401bf08ce0f010600060a2b06
        010401bf0803020a
        """
    /// snmpbulkget's GetBulkRequest, non-repeaters 1, max-repetitions 3 (58 bytes).
    static let getBulkRequest = """
        303802010104067075626c6963a52b02043f1974c1020101020103301d300b06072b0601020101030500300e060a2b060104
        01bf08ce0f010500
        """
    /// snmpd's Response to the GetBulk (113 bytes): 1 non-repeater + 3 repetitions of 1 repeater.
    static let getBulkResponse = """
        306f02010104067075626c6963a26202043f1974c10201000201003054300d06082b060102010103004301333011060c2b0601
        0401bf08ce0f01010002012a301b060c2b06010401bf08ce0f010200040b68656c6c6f20776f726c643013060c2b06010401bf
        08ce0f010300410301e240
        """
    /// snmpd's Response for an object that does not exist: the noSuchObject exception (80 00).
    static let noSuchObjectResponse = """
        302d02010104067075626c6963a22002042ce6c64c02010002010030123010060c2b06010401bf08ce0f0107008000
        """

    static let playpen: ObjectIdentifier = "1.3.6.1.4.1.8072.9999.1"
}

@Suite struct NetSNMPGoldenPacketTests {
    typealias Packets = NetSNMPGoldenPackets

    static func pdu(_ message: CommunityMessage) throws -> PDU {
        guard case .pdu(let pdu) = message.pdu else {
            Issue.record("expected an RFC 3416 PDU, got \(message.pdu.type)")
            throw BERError(.unexpectedTag)
        }
        return pdu
    }

    static func reencoded(_ message: CommunityMessage) -> String {
        var buffer = ByteBuffer()
        message.serialize(into: &buffer)
        return Hex.string(buffer)
    }

    @Test func getRequestDecodesAndReencodesIdentically() throws {
        let message = try CommunityMessage(berEncoded: Hex.buffer(Packets.getRequest))
        #expect(message.version == .v2c)
        #expect(message.community == "public")
        let pdu = try Self.pdu(message)
        #expect(pdu.type == .getRequest)
        #expect(pdu.requestID == 0x7B11_6683)
        #expect(pdu.errorStatus == .noError)
        #expect(pdu.errorIndex == 0)
        let expected: [ObjectIdentifier] = ["1.3.6.1.2.1.1.1.0"] + (1...6).map { (arc: UInt32) in Packets.playpen.appending([arc, 0]) }
        #expect(pdu.varBinds.map(\.oid) == expected)
        #expect(pdu.varBinds.allSatisfy { $0.value == .null })
        #expect(Self.reencoded(message) == Hex.normalized(Packets.getRequest))
    }

    @Test func getResponseDecodesEveryType() throws {
        let message = try CommunityMessage(berEncoded: Hex.buffer(Packets.getResponse))
        #expect(message.version == .v2c)
        #expect(message.community == "public")
        let pdu = try Self.pdu(message)
        #expect(pdu.type == .response)
        #expect(pdu.requestID == 0x7B11_6683)
        #expect(pdu.errorStatus == .noError)
        #expect(pdu.varBinds == [
            VarBind("1.3.6.1.2.1.1.1.0", .octetString("Net-SNMP interop test agent")),
            VarBind(Packets.playpen.appending([1, 0]), .integer(42)),
            VarBind(Packets.playpen.appending([2, 0]), .octetString("hello world")),
            VarBind(Packets.playpen.appending([3, 0]), .counter32(123_456)),
            VarBind(Packets.playpen.appending([4, 0]), .gauge32(4_294_967_295)),
            VarBind(Packets.playpen.appending([5, 0]), .timeTicks(100)),
            VarBind(Packets.playpen.appending([6, 0]), .objectIdentifier("1.3.6.1.4.1.8072.3.2.10")),
        ])
        // Net-SNMP encodes minimally too, so our encoder reproduces its bytes.
        #expect(Self.reencoded(message) == Hex.normalized(Packets.getResponse))
    }

    @Test func getBulkRequestDecodesAndReencodesIdentically() throws {
        let message = try CommunityMessage(berEncoded: Hex.buffer(Packets.getBulkRequest))
        let pdu = try Self.pdu(message)
        #expect(pdu.type == .getBulkRequest)
        #expect(pdu.requestID == 0x3F19_74C1)
        #expect(pdu.nonRepeaters == 1)
        #expect(pdu.maxRepetitions == 3)
        #expect(pdu.varBinds == [VarBind("1.3.6.1.2.1.1.3"), VarBind(Packets.playpen)])
        #expect(Self.reencoded(message) == Hex.normalized(Packets.getBulkRequest))
    }

    @Test func getBulkResponseDecodes() throws {
        let message = try CommunityMessage(berEncoded: Hex.buffer(Packets.getBulkResponse))
        let pdu = try Self.pdu(message)
        #expect(pdu.type == .response)
        #expect(pdu.requestID == 0x3F19_74C1)
        #expect(pdu.varBinds.count == 4)
        #expect(pdu.varBinds.first?.oid == "1.3.6.1.2.1.1.3.0")
        #expect(pdu.varBinds.first?.value == .timeTicks(51))
        #expect(pdu.varBinds.dropFirst().map(\.value) == [.integer(42), .octetString("hello world"), .counter32(123_456)])
        #expect(Self.reencoded(message) == Hex.normalized(Packets.getBulkResponse))
    }

    @Test func noSuchObjectResponseDecodes() throws {
        let message = try CommunityMessage(berEncoded: Hex.buffer(Packets.noSuchObjectResponse))
        let pdu = try Self.pdu(message)
        #expect(pdu.varBinds == [VarBind(Packets.playpen.appending([7, 0]), .noSuchObject)])
        #expect(Self.reencoded(message) == Hex.normalized(Packets.noSuchObjectResponse))
    }
}

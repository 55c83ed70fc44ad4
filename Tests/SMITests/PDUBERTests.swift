import NIOCore
import SNMPSMI
import Testing

/// Every RFC 3416 PDU type (and the SNMPv1 Trap-PDU in TrapV1PDUTests), hand-encoded: tag, three INTEGERs,
/// then the VarBindList (RFC 3416 §3; tags [0]..[8] IMPLICIT, constructed = 0xA0 | n).
@Suite struct PDUBERTests {
    struct PDUVector: Sendable, CustomTestStringConvertible {
        let pdu: PDU
        let hex: String
        let source: String
        var testDescription: String { "\(pdu.type) [\(source)]" }
    }

    static let sysDescr0: ObjectIdentifier = "1.3.6.1.2.1.1.1.0"
    static let sysUpTime0: ObjectIdentifier = "1.3.6.1.2.1.1.3.0"
    static let snmpTrapOID0: ObjectIdentifier = "1.3.6.1.6.3.1.1.4.1.0"

    static let vectors: [PDUVector] = [
        PDUVector(
            pdu: PDU(type: .getRequest, requestID: 1, varBinds: [VarBind(sysDescr0)]),
            hex: "a0 19  02 01 01  02 01 00  02 01 00  30 0e 30 0c 06 08 2b 06 01 02 01 01 01 00 05 00",
            source: "RFC 3416 §3 GetRequest-PDU [0]; bench README's GET sysDescr.0 with a minimal request-id"),
        PDUVector(
            pdu: PDU(type: .getNextRequest, requestID: 2, varBinds: [VarBind("1.3.6.1.2.1.1")]),
            hex: "a1 17  02 01 02  02 01 00  02 01 00  30 0c 30 0a 06 06 2b 06 01 02 01 01 05 00",
            source: "RFC 3416 §3 GetNextRequest-PDU [1]"),
        PDUVector(
            pdu: PDU(type: .response, requestID: 3, errorStatus: .noSuchName, errorIndex: 1,
                     varBinds: [VarBind(sysDescr0, .octetString("Linux"))]),
            hex: "a2 1e  02 01 03  02 01 02  02 01 01  30 13 30 11 06 08 2b 06 01 02 01 01 01 00 04 05 4c 69 6e 75 78",
            source: "RFC 3416 §3 Response-PDU [2] with error-status noSuchName(2), error-index 1"),
        PDUVector(
            pdu: PDU(type: .setRequest, requestID: 4, varBinds: [VarBind("1.3.6.1.2.1.1.4.0", .octetString("ops"))]),
            hex: "a3 1c  02 01 04  02 01 00  02 01 00  30 11 30 0f 06 08 2b 06 01 02 01 01 04 00 04 03 6f 70 73",
            source: "RFC 3416 §3 SetRequest-PDU [3], sysContact.0"),
        PDUVector(
            pdu: PDU.getBulk(requestID: 5, nonRepeaters: 1, maxRepetitions: 25,
                             oids: ["1.3.6.1.2.1.1.3", "1.3.6.1.2.1.2.2"]),
            hex: """
                a5 25  02 01 05  02 01 01  02 01 19
                30 1a  30 0b 06 07 2b 06 01 02 01 01 03 05 00  30 0b 06 07 2b 06 01 02 01 02 02 05 00
                """,
            source: "RFC 3416 §3 GetBulkRequest-PDU [5]: non-repeaters 1, max-repetitions 25 in place of error fields"),
        PDUVector(
            pdu: PDU(type: .informRequest, requestID: 6, varBinds: [
                VarBind(sysUpTime0, .timeTicks(12_345)),
                VarBind(snmpTrapOID0, .objectIdentifier("1.3.6.1.6.3.1.1.5.1")),
            ]),
            hex: """
                a6 34  02 01 06  02 01 00  02 01 00
                30 29  30 0e 06 08 2b 06 01 02 01 01 03 00 43 02 30 39
                       30 17 06 0a 2b 06 01 06 03 01 01 04 01 00 06 09 2b 06 01 06 03 01 01 05 01
                """,
            source: "RFC 3416 §3 InformRequest-PDU [6]; RFC 3416 §4.2.7 sysUpTime.0 and snmpTrapOID.0 (coldStart) first"),
        PDUVector(
            pdu: PDU(type: .trapV2, requestID: 7, varBinds: [
                VarBind(sysUpTime0, .timeTicks(12_345)),
                VarBind(snmpTrapOID0, .objectIdentifier("1.3.6.1.6.3.1.1.5.3")),
            ]),
            hex: """
                a7 34  02 01 07  02 01 00  02 01 00
                30 29  30 0e 06 08 2b 06 01 02 01 01 03 00 43 02 30 39
                       30 17 06 0a 2b 06 01 06 03 01 01 04 01 00 06 09 2b 06 01 06 03 01 01 05 03
                """,
            source: "RFC 3416 §3 SNMPv2-Trap-PDU [7], linkDown"),
        PDUVector(
            pdu: PDU(type: .report, requestID: 8, varBinds: [VarBind("1.3.6.1.6.3.15.1.1.4.0", .counter32(1))]),
            hex: "a8 1c  02 01 08  02 01 00  02 01 00  30 11 30 0f 06 0a 2b 06 01 06 03 0f 01 01 04 00 41 01 01",
            source: "RFC 3416 §3 Report-PDU [8]; RFC 3414 usmStatsUnknownEngineIDs.0"),
        PDUVector(
            pdu: PDU(type: .response, requestID: -1, varBinds: []),
            hex: "a2 0b  02 01 ff  02 01 00  02 01 00  30 00",
            source: "RFC 3416 §3: empty VarBindList, negative request-id (-214783648..214783647)"),
        PDUVector(
            pdu: PDU(type: .getRequest, requestID: Int32.min, varBinds: []),
            hex: "a0 0e  02 04 80 00 00 00  02 01 00  02 01 00  30 00",
            source: "request-id Integer32 minimum"),
    ]

    @Test(arguments: vectors)
    func goldenEncodingAndDecoding(_ vector: PDUVector) throws {
        var encoded = ByteBuffer()
        vector.pdu.serialize(into: &encoded)
        #expect(Hex.string(encoded) == Hex.normalized(vector.hex), "encode: \(vector.source)")
        var buffer = Hex.buffer(vector.hex)
        let decoded = try PDU(berEncoded: &buffer)
        #expect(decoded == vector.pdu, "decode: \(vector.source)")
        #expect(buffer.readableBytes == 0)
        // Through the message-level choice as well.
        var again = Hex.buffer(vector.hex)
        #expect(try MessagePDU(berEncoded: &again) == .pdu(vector.pdu))
    }

    @Test func getBulkFieldsAliasTheErrorFields() throws {
        var buffer = Hex.buffer(Self.vectors[4].hex)
        let bulk = try PDU(berEncoded: &buffer)
        #expect(bulk.type == .getBulkRequest)
        #expect(bulk.nonRepeaters == 1)
        #expect(bulk.maxRepetitions == 25)
        #expect(bulk.varBinds.map(\.oid) == ["1.3.6.1.2.1.1.3", "1.3.6.1.2.1.2.2"])
        #expect(bulk.varBinds.allSatisfy { $0.value == .null })
    }

    @Test func unknownErrorStatusSurvives() throws {
        var buffer = Hex.buffer("a2 0b 02 01 01 02 01 63 02 01 00 30 00")
        let pdu = try PDU(berEncoded: &buffer)
        #expect(pdu.errorStatus.rawValue == 99)
        #expect(pdu.errorStatus.name == "error(99)")
    }

    static let malformed: [MalformedVector] = [
        MalformedVector("a9 0b 02 01 01 02 01 00 02 01 00 30 00", .unexpectedTag, "0xA9: no PDU [9] in RFC 3416"),
        MalformedVector("a4 0b 02 01 01 02 01 00 02 01 00 30 00", .unexpectedTag, "Trap-PDU has its own layout"),
        MalformedVector("30 0b 02 01 01 02 01 00 02 01 00 30 00", .unexpectedTag, "SEQUENCE is not a PDU"),
        MalformedVector("bf 0b 02 01 01 02 01 00 02 01 00 30 00", .unsupportedTag, "X.690 §8.1.2.4 high tag number"),
        MalformedVector("a0 0b 04 01 01 02 01 00 02 01 00 30 00", .unexpectedTag, "request-id must be INTEGER"),
        MalformedVector("a0 0b 02 01 01 02 01 00 02 01 00 31 00", .unexpectedTag, "VarBindList must be SEQUENCE"),
        MalformedVector("a0 0a 02 01 01 02 01 00 02 01 00 30", .truncated, "VarBindList header cut"),
        MalformedVector("a0 09 02 01 01 02 01 00 02 01 00", .truncated, "VarBindList missing"),
        MalformedVector("a0 0d 02 01 01 02 01 00 02 01 00 30 00 05 00", .trailingBytes, "bytes after VarBindList"),
        MalformedVector("a0 0f 02 05 01 00 00 00 00 02 01 00 02 01 00 30 00", .integerOverflow,
                        "request-id 2^32 exceeds Integer32"),
        MalformedVector("a0 0d 02 01 01 02 01 00 02 01 00 30 02 05 00", .unexpectedTag, "VarBind must be SEQUENCE"),
        MalformedVector("a0 0e 02 01 01 02 01 00 02 01 00 30 03 30 01 05", .truncated, "VarBind cut inside"),
        MalformedVector("a0 11 02 01 01 02 01 00 02 01 00 30 06 30 04 05 00 05 00", .unexpectedTag,
                        "VarBind name must be OBJECT IDENTIFIER"),
        MalformedVector("a0 13 02 01 01 02 01 00 02 01 00 30 08 30 06 06 01 2b 05 00 05", .trailingBytes,
                        "a third element inside a VarBind (05 alone)"),
        MalformedVector("a0 12 02 01 01 02 01 00 02 01 00 30 07 30 05 06 01 2b 05 01", .truncated,
                        "NULL of length 1 runs past the VarBind"),
        MalformedVector("a0 0f 02 01 01 02 01 00 02 01 00 30 04 30 02 06 01", .truncated,
                        "VarBind of an OID header only"),
        MalformedVector("a0 10 02 01 01 02 01 00 02 01 00 30 05 30 03 06 01 2b", .truncated,
                        "VarBind without a value"),
    ]

    @Test(arguments: malformed)
    func malformedPDUs(_ vector: MalformedVector) {
        var buffer = Hex.buffer(vector.hex)
        #expect(throws: BERError(vector.code), "\(vector.source)") { try PDU(berEncoded: &buffer) }
    }
}

import NIOCore
import SNMPSMI
import Testing

/// The SNMPv1 Trap-PDU (RFC 1157 §4.1.6): [4] IMPLICIT SEQUENCE { enterprise, agent-addr, generic-trap,
/// specific-trap, time-stamp, variable-bindings }.
@Suite struct TrapV1PDUTests {
    static let netSnmpAgent: ObjectIdentifier = "1.3.6.1.4.1.8072.3.2.10"

    static let enterpriseSpecific = TrapV1PDU(
        enterprise: netSnmpAgent, agentAddress: IPv4Address(192, 0, 2, 1), genericTrap: .enterpriseSpecific,
        specificTrap: 17, timeStamp: 12_345,
        varBinds: [VarBind("1.3.6.1.4.1.8072.9999.1.1.0", .integer(42))])

    /// Hand-encoded per RFC 1157 §4.1.6; content 12 + 6 + 3 + 3 + 4 + 21 = 49 = 0x31.
    static let enterpriseSpecificHex = """
        a4 31  06 0a 2b 06 01 04 01 bf 08 03 02 0a  40 04 c0 00 02 01  02 01 06  02 01 11  43 02 30 39
               30 13 30 11 06 0c 2b 06 01 04 01 bf 08 ce 0f 01 01 00 02 01 2a
        """

    @Test func enterpriseSpecificGolden() throws {
        var encoded = ByteBuffer()
        Self.enterpriseSpecific.serialize(into: &encoded)
        #expect(Hex.string(encoded) == Hex.normalized(Self.enterpriseSpecificHex))
        var buffer = Hex.buffer(Self.enterpriseSpecificHex)
        #expect(try TrapV1PDU(berEncoded: &buffer) == Self.enterpriseSpecific)
        #expect(buffer.readableBytes == 0)
        var viaChoice = Hex.buffer(Self.enterpriseSpecificHex)
        #expect(try MessagePDU(berEncoded: &viaChoice) == .trapV1(Self.enterpriseSpecific))
    }

    /// coldStart(0) from 127.0.0.1, time-stamp 0, no varbinds: content 12 + 6 + 3 + 3 + 3 + 2 = 29 = 0x1d.
    @Test func coldStartWithoutVarBindsGolden() throws {
        let trap = TrapV1PDU(enterprise: Self.netSnmpAgent, agentAddress: IPv4Address(127, 0, 0, 1),
                             genericTrap: .coldStart, specificTrap: 0, timeStamp: 0)
        let hex = "a4 1d 06 0a 2b 06 01 04 01 bf 08 03 02 0a 40 04 7f 00 00 01 02 01 00 02 01 00 43 01 00 30 00"
        var encoded = ByteBuffer()
        trap.serialize(into: &encoded)
        #expect(Hex.string(encoded) == Hex.normalized(hex))
        var buffer = Hex.buffer(hex)
        #expect(try TrapV1PDU(berEncoded: &buffer) == trap)
    }

    /// time-stamp is TimeTicks: 2^32-1 needs the leading 00 octet (X.690 §8.3.2).
    @Test func maximumTimeStampRoundTrips() throws {
        var trap = Self.enterpriseSpecific
        trap.timeStamp = .max
        var encoded = ByteBuffer()
        trap.serialize(into: &encoded)
        #expect(Hex.string(encoded).contains("430500ffffffff"))
        #expect(try TrapV1PDU(berEncoded: &encoded) == trap)
    }

    static let malformed: [MalformedVector] = [
        MalformedVector("a4 1c 06 0a 2b 06 01 04 01 bf 08 03 02 0a 40 03 7f 00 00 02 01 00 02 01 00 43 01 00 30 00",
                        .invalidValue, "RFC 1155 IpAddress is SIZE (4): 3 octets"),
        MalformedVector("a4 1e 06 0a 2b 06 01 04 01 bf 08 03 02 0a 40 05 7f 00 00 01 01 02 01 00 02 01 00 43 01 00 30 00",
                        .invalidValue, "RFC 1155 IpAddress is SIZE (4): 5 octets"),
        MalformedVector("a4 1d 04 0a 2b 06 01 04 01 bf 08 03 02 0a 40 04 7f 00 00 01 02 01 00 02 01 00 43 01 00 30 00",
                        .unexpectedTag, "enterprise must be OBJECT IDENTIFIER"),
        MalformedVector("a4 1d 06 0a 2b 06 01 04 01 bf 08 03 02 0a 04 04 7f 00 00 01 02 01 00 02 01 00 43 01 00 30 00",
                        .unexpectedTag, "agent-addr must be IpAddress [APPLICATION 0]"),
        MalformedVector("a4 1d 06 0a 2b 06 01 04 01 bf 08 03 02 0a 40 04 7f 00 00 01 02 01 00 02 01 00 02 01 00 30 00",
                        .unexpectedTag, "time-stamp must be TimeTicks"),
        MalformedVector("a4 1f 06 0a 2b 06 01 04 01 bf 08 03 02 0a 40 04 7f 00 00 01 02 01 00 02 01 00 43 01 00 30 00 05 00",
                        .trailingBytes, "bytes after variable-bindings"),
        MalformedVector("a0 1d 06 0a 2b 06 01 04 01 bf 08 03 02 0a 40 04 7f 00 00 01 02 01 00 02 01 00 43 01 00 30 00",
                        .unexpectedTag, "GetRequest tag where a Trap-PDU is expected"),
        MalformedVector("a4 1d 06 0a 2b 06 01 04 01 bf 08 03 02 0a 40 04 7f 00 00 01 02 01 00 02 01 00 43 01 00 30",
                        .truncated, "cut before the last octet"),
    ]

    @Test(arguments: malformed)
    func malformedTraps(_ vector: MalformedVector) {
        var buffer = Hex.buffer(vector.hex)
        #expect(throws: BERError(vector.code), "\(vector.source)") { try TrapV1PDU(berEncoded: &buffer) }
    }
}

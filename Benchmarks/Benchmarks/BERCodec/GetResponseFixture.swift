import NIOCore
import SNMPSMI

/// A realistic v2c GetResponse of 10 varbinds, 293 bytes encoded like the message behind the peers' BER
/// figures (Net-SNMP libsnmp, gosnmp, pysnmp): system strings, an OID, Counter32, Gauge32, TimeTicks,
/// Counter64, IpAddress and INTEGER values of SNMPv2-MIB, IF-MIB and IP-MIB instances.
enum GetResponseFixture {
    static let message = CommunityMessage(
        version: .v2c,
        community: "public",
        pdu: .pdu(PDU(type: .response, requestID: 0x1234_5678, varBinds: [
            VarBind("1.3.6.1.2.1.1.1.0", .octetString("Linux router-1 5.10.0-21-amd64 #1 SMP x86_64")),
            VarBind("1.3.6.1.2.1.1.2.0", .objectIdentifier("1.3.6.1.4.1.8072.3.2.10")),
            VarBind("1.3.6.1.2.1.1.3.0", .timeTicks(123_456_789)),
            VarBind("1.3.6.1.2.1.1.5.0", .octetString("router-01.localnet")),
            VarBind("1.3.6.1.2.1.2.2.1.7.1", .integer(1)),
            VarBind("1.3.6.1.2.1.2.2.1.5.1", .gauge32(1_000_000_000)),
            VarBind("1.3.6.1.2.1.2.2.1.10.1", .counter32(3_000_000_000)),
            VarBind("1.3.6.1.2.1.2.2.1.16.1", .counter32(2_876_543_210)),
            VarBind("1.3.6.1.2.1.31.1.1.1.6.1", .counter64(12_345_678_901_234)),
            VarBind("1.3.6.1.2.1.4.20.1.1.192.0.2.1", .ipAddress(IPv4Address(192, 0, 2, 1))),
        ]))
    )

    static let encoded: ByteBuffer = {
        var buffer = ByteBuffer()
        message.serialize(into: &buffer)
        return buffer
    }()
}

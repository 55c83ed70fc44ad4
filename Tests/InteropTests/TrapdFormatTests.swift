import Testing
import NIOCore
import SNMP
@testable import SNMPCLI

/// snmptrapd's default output and the snmptrapd.conf subset of `snmp trapd`, without sockets.
@Suite struct TrapdFormatTests {
    static func formatter(numeric: Bool = false) throws -> TrapdFormatter {
        let printer = try Printer(arguments: try NetSNMPArguments([], tool: "snmptrapd"))
        return TrapdFormatter(printer: printer, numericHosts: numeric,
                              hosts: HostsFile(contents: "127.0.0.1 localhost\n# comment\n127.0.0.1 other\n192.0.2.9 nms # x\n"))
    }

    static func received(_ pdu: MessagePDU, version: SNMPVersion, community: OctetString = "public",
                         from source: SocketAddress) throws -> ReceivedNotification {
        ReceivedNotification(source: source, version: version, securityModel: version == .v1 ? .v1 : .v2c,
                             securityName: community, securityLevel: .noAuthNoPriv,
                             contextEngineID: OctetString([UInt8]()), contextName: OctetString([UInt8]()), pdu: pdu,
                             localAddress: try SocketAddress(ipAddress: "127.0.0.1", port: 162))
    }

    /// Recorded from `snmptrapd -f -Lo -C -c CONF` (Net-SNMP 5.9.3) for `snmptrap -v1 ... 1.3.6.1.4.1.8072.9999
    /// 192.0.2.9 6 42 77 1.3.6.1.4.1.8072.9999.2.1.0 s "v1 marker"`.
    @Test func v1Trap() throws {
        let trap = TrapV1PDU(enterprise: "1.3.6.1.4.1.8072.9999", agentAddress: IPv4Address(192, 0, 2, 9),
                             genericTrap: .enterpriseSpecific, specificTrap: 42, timeStamp: 77,
                             varBinds: [VarBind("1.3.6.1.4.1.8072.9999.2.1.0", .octetString("v1 marker"))])
        let text = try Self.formatter().format(
            Self.received(.trapV1(trap), version: .v1, from: try SocketAddress(ipAddress: "127.0.0.1", port: 38136)),
            date: "2026-11-27 14:53:06")
        #expect(text == """
            2026-11-27 14:53:06 192.0.2.9 [192.0.2.9] (via UDP: [127.0.0.1]:38136->[127.0.0.1]:162) TRAP, SNMP v1, community public
            \tiso.3.6.1.4.1.8072.9999 Enterprise Specific Trap (42) Uptime: 0:00:00.77
            \tiso.3.6.1.4.1.8072.9999.2.1.0 = STRING: "v1 marker"

            """)
    }

    /// Recorded for `snmptrap -v1 ... udp6:[::1]:PORT 1.3.6.1.4.1.8072 127.0.0.1 0 0 5` under `-n`, and
    /// `... 0.0.0.0 6 0 500000000`: no varbinds leave an empty line; days in the uptime.
    @Test func v1TrapWithoutVarBinds() throws {
        let coldStart = TrapV1PDU(enterprise: "1.3.6.1.4.1.8072", agentAddress: IPv4Address(127, 0, 0, 1),
                                  genericTrap: .coldStart, specificTrap: 0, timeStamp: 5)
        let fromIPv6 = try Self.formatter(numeric: true).format(
            Self.received(.trapV1(coldStart), version: .v1, from: try SocketAddress(ipAddress: "::1", port: 60857)), date: "D T")
        #expect(fromIPv6 == "D T localhost [127.0.0.1] (via UDP/IPv6: [::1]:60857) TRAP, SNMP v1, community public\n\tiso.3.6.1.4.1.8072 Cold Start Trap (0) Uptime: 0:00:00.05\n\n")
        let longUp = TrapV1PDU(enterprise: "1.3.6.1.4.1.8072", agentAddress: IPv4Address(0, 0, 0, 0),
                               genericTrap: .enterpriseSpecific, specificTrap: 0, timeStamp: 500_000_000)
        let text = try Self.formatter().format(
            Self.received(.trapV1(longUp), version: .v1, from: try SocketAddress(ipAddress: "127.0.0.1", port: 55641)), date: "D T")
        #expect(text.contains("\tiso.3.6.1.4.1.8072 Enterprise Specific Trap (0) Uptime: 57 days, 20:53:20.00\n"))
    }

    /// Recorded for v2c traps and informs (and v3, which print the same way): names from the hosts file,
    /// `<UNKNOWN>` without one, the transport text under `-n`.
    @Test(arguments: [
        ("127.0.0.1", false, "D T localhost [UDP: [127.0.0.1]:54123->[127.0.0.1]:162]:"),
        ("127.0.0.1", true, "D T UDP: [127.0.0.1]:54123->[127.0.0.1]:162 [UDP: [127.0.0.1]:54123->[127.0.0.1]:162]:"),
        ("::1", false, "D T <UNKNOWN> [UDP/IPv6: [::1]:54123]:"),
        ("::1", true, "D T UDP/IPv6: [::1]:54123 [UDP/IPv6: [::1]:54123]:"),
        ("192.0.2.77", false, "D T <UNKNOWN> [UDP: [192.0.2.77]:54123->[127.0.0.1]:162]:"),
    ])
    func v2Notification(_ source: String, _ numeric: Bool, _ header: String) throws {
        let notification = SNMPNotification(.linkUp, upTime: 123, varBinds: [VarBind("1.3.6.1.4.1.8072.9999.2.1.0", .octetString("v2 marker"))])
        let text = try Self.formatter(numeric: numeric).format(
            Self.received(.pdu(notification.pdu(type: .informRequest)), version: .v2c,
                          from: try SocketAddress(ipAddress: source, port: 54123)), date: "D T")
        #expect(text == header + "\n" + "iso.3.6.1.2.1.1.3.0 = Timeticks: (123) 0:00:01.23\tiso.3.6.1.6.3.1.1.4.1.0 = OID: iso.3.6.1.6.3.1.1.5.4\tiso.3.6.1.4.1.8072.9999.2.1.0 = STRING: \"v2 marker\"\n")
    }

    @Test func configurationSubset() throws {
        var settings = try TrapdSettings(arguments: ["-n", "--community", "extra", "-p", "16162", "udp6:[::1]:16163"])
        try settings.apply(config: """
            # comment
            authCommunity log,execute,net public
            authCommunity execute onlyexec
            createUser -e 0x80001f8880aabbccdd00000003 ops SHA-256 authkey1234 AES privkey1234
            createUser plain MD5 authkey1234 DES
            createUser anon
            authUser log ops
            exactEngineID 0x80001f8880aabbccdd00000002
            [snmp] persistentDir somewhere
            frobnicate yes
            """, path: "trapd.conf")
        #expect(settings.numericHosts)
        #expect(settings.listen == ["udp:0.0.0.0:16162", "udp6:[::1]:16163"])
        #expect(settings.communities == ["extra", "public"])
        #expect(settings.authorizedUsers == ["ops"])
        #expect(!settings.disableAuthorization)
        #expect(settings.engineID == OctetString([0x80, 0x00, 0x1F, 0x88, 0x80, 0xAA, 0xBB, 0xCC, 0xDD, 0x00, 0x00, 0x00, 0x02]))
        #expect(settings.users.count == 3)
        let ops = try #require(settings.users.first)
        #expect(ops.engineID == OctetString([0x80, 0x00, 0x1F, 0x88, 0x80, 0xAA, 0xBB, 0xCC, 0xDD, 0x00, 0x00, 0x00, 0x03]))
        #expect(ops.user.authProtocol == .hmacSHA256)
        #expect(ops.user.privProtocol == .aes128)
        // Net-SNMP: without a privacy passphrase the authentication one is used.
        #expect(settings.users[1].user.privSecret == .passphrase("authkey1234"))
        #expect(settings.users[2].user.maximumSecurityLevel == .noAuthNoPriv)
        #expect(settings.warnings == ["trapd.conf: line 10: Warning: Unknown token: frobnicate."])
    }

    @Test(arguments: [
        ("ops:SHA:authkey1234:AES:privkey1234:0x8000000001", true, SecurityLevel.authPriv),
        ("ops:SHA:authkey1234:AES:privkey1234", false, .authPriv),
        ("ops:SHA-512:authkey1234", false, .authNoPriv),
        ("ops:MD5:authkey1234:0x8000000001", true, .authNoPriv),
        ("ops", false, .noAuthNoPriv),
    ])
    func userOption(_ text: String, _ hasEngine: Bool, _ level: SecurityLevel) throws {
        let (user, name) = try TrapdSettings.parseUserOption(text)
        #expect(name == "ops")
        #expect((user.engineID != nil) == hasEngine)
        #expect(user.user.maximumSecurityLevel == level)
    }

    @Test(arguments: ["ops:SHA:short", "ops:NOPE:authkey1234", ":SHA:authkey1234", "ops:SHA:authkey1234:0xZZ"])
    func badUserOptionIsRefused(_ text: String) {
        #expect(throws: CommandLineError.self) { try TrapdSettings.parseUserOption(text) }
    }

    @Test(arguments: [("", 0), ("42", 42), ("  -7x", -7), ("+5", 5), ("abc", 0), ("4294967296", 0)])
    func cIntegerParsesLikeAtoi(_ text: String, _ value: Int32) {
        #expect(TrapCommand.cInteger(text) == value)
    }
}

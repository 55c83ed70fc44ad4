import NIOCore
@testable import SNMPSecurity
import SNMPSMI
import Testing

/// Packets captured once from Net-SNMP 5.9.3 (Fixtures/netsnmp-v3-packets.tsv says exactly how).
@Suite struct GoldenMessageTests {
    struct Exchange: Sendable, CustomStringConvertible {
        var name: String
        var auth: USMAuthProtocol
        var priv: USMPrivProtocol
        var packets: [String: [UInt8]]
        var description: String { name }
        var user: USMUser { InteropAgent.user("usr-" + name, auth: auth, priv: priv) }
    }

    static let protocols: [String: (USMAuthProtocol, USMPrivProtocol)] = [
        "sha256-aes128": (.hmacSHA256, .aes128), "md5-des": (.hmacMD5, .des),
        "sha512-aes256": (.hmacSHA512, .aes256Blumenthal), "sha512-aes256c": (.hmacSHA512, .aes256Reeder),
        "sha-aes192": (.hmacSHA, .aes192Blumenthal), "sha-aes192c": (.hmacSHA, .aes192Reeder),
        "md5-aes256": (.hmacMD5, .aes256Blumenthal), "md5-aes256c": (.hmacMD5, .aes256Reeder),
    ]

    static func exchanges() throws -> [Exchange] {
        var byName: [String: Exchange] = [:]
        for row in try Fixture.rows("netsnmp-v3-packets.tsv") where row.count == 3 {
            guard let (auth, priv) = protocols[row[0]], let bytes = hexBytes(row[2]) else { continue }
            byName[row[0], default: Exchange(name: row[0], auth: auth, priv: priv, packets: [:])].packets[row[1]] = bytes
        }
        return byName.values.sorted { $0.name < $1.name }
    }

    static let sysDescr: ObjectIdentifier = [1, 3, 6, 1, 2, 1, 1, 1, 0]

    @Test func fixtureHasEveryExchange() throws {
        let exchanges = try Self.exchanges()
        #expect(exchanges.count == Self.protocols.count)
        for exchange in exchanges { #expect(exchange.packets.count == 4, "\(exchange.name)") }
    }

    /// The agent's view: authoritative, local engine = the interop engine, clock = the request's stamp.
    static func agent(_ exchange: Exchange) -> UserSecurityModel {
        UserSecurityModel(localEngineID: InteropAgent.engineID, users: USMUserTable([exchange.user]))
    }

    /// The manager's view: non-authoritative, another engine ID.
    static func manager(_ exchange: Exchange) -> UserSecurityModel {
        UserSecurityModel(localEngineID: OctetString(hexBytes("80001f88807766554400000009") ?? []),
                          users: USMUserTable([exchange.user]))
    }

    @Test(arguments: try exchanges())
    func requestVerifiesDecryptsAndReencodesByteForByte(exchange: Exchange) throws {
        let bytes = try #require(exchange.packets["authPriv-request"])
        let wire = ByteBuffer(bytes: bytes)
        let (message, layout) = try SNMPv3Message.decode(wire)
        let parameters = try UsmSecurityParameters(berEncoded: message.securityParameters.buffer)
        let clock = USMEngineTime(boots: parameters.authoritativeEngineBoots, time: parameters.authoritativeEngineTime)
        let usm = Self.agent(exchange)
        let incoming = try usm.processIncomingMessage(wire, localEngineTime: clock, now: 0)
        #expect(incoming.securityLevel == .authPriv)
        #expect(incoming.securityName == "usr-" + exchange.name)
        #expect(incoming.scopedPDU.pdu.type == .getRequest)
        #expect(incoming.scopedPDU.pdu.varBinds.map(\.oid) == [Self.sysDescr])
        #expect(incoming.scopedPDU.contextEngineID == InteropAgent.engineID)
        try Self.reencode(wire: bytes, message: message, layout: layout, parameters: parameters, usm: usm, exchange: exchange)
    }

    @Test(arguments: try exchanges())
    func responseVerifiesDecryptsAndReencodesByteForByte(exchange: Exchange) throws {
        let bytes = try #require(exchange.packets["authPriv-response"])
        let wire = ByteBuffer(bytes: bytes)
        let (message, layout) = try SNMPv3Message.decode(wire)
        let parameters = try UsmSecurityParameters(berEncoded: message.securityParameters.buffer)
        let usm = Self.manager(exchange)
        let incoming = try usm.processIncomingMessage(wire, localEngineTime: USMEngineTime(boots: 1, time: 0), now: 100)
        #expect(incoming.scopedPDU.pdu.type == .response)
        #expect(incoming.scopedPDU.pdu.varBinds.first?.value == .octetString("Net-SNMP interop test agent"))
        // §3.2 step 7b: the authenticated response taught the manager the agent's clock.
        #expect(usm.engineTime(of: InteropAgent.engineID, now: 110)
            == USMEngineTime(boots: parameters.authoritativeEngineBoots, time: parameters.authoritativeEngineTime + 10))
        try Self.reencode(wire: bytes, message: message, layout: layout, parameters: parameters, usm: usm, exchange: exchange)
    }

    /// Decrypts with our keys, then encrypts and authenticates again with the captured salt: same bytes.
    static func reencode(wire: [UInt8], message: SNMPv3Message, layout: SNMPv3Message.WireLayout,
                         parameters: UsmSecurityParameters, usm: UserSecurityModel, exchange: Exchange) throws {
        let keys = try usm.keyCache.localizedKeys(for: exchange.user, engineID: parameters.authoritativeEngineID)
        guard case .encrypted(let ciphertext) = message.data else {
            Issue.record("expected an encryptedPDU")
            return
        }
        let salt = parameters.privacyParameters.bytes
        let plaintext = try ciphertext.bytes.withUnsafeBytes {
            try USMPrivacy.decrypt($0, protocol: exchange.priv, privKey: keys.privKey,
                                   engineBoots: parameters.authoritativeEngineBoots,
                                   engineTime: parameters.authoritativeEngineTime, salt: salt)
        }
        // Our BER encoder writes the decrypted ScopedPDU exactly as Net-SNMP did.
        var plaintextBuffer = ByteBuffer(bytes: plaintext)
        let scoped = try ScopedPDU(berEncoded: &plaintextBuffer)
        var ours = ByteBuffer()
        scoped.serialize(into: &ours)
        #expect(Array(ours.readableBytesView) == Array(plaintext.prefix(ours.readableBytes)))
        // DES salt = boots || counter; AES salt = the 64-bit counter.
        let counter = salt.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        if exchange.priv == .des {
            #expect(Array(salt.prefix(4)) == [0, 0, 0, UInt8(parameters.authoritativeEngineBoots)])
        }
        let again = try usm.encode(
            headerData: message.headerData, engineID: parameters.authoritativeEngineID,
            engineTime: USMEngineTime(boots: parameters.authoritativeEngineBoots, time: parameters.authoritativeEngineTime),
            userName: parameters.userName, level: .authPriv, keys: keys, priv: exchange.priv,
            payload: .plaintext(plaintext), saltCounter: counter)
        #expect(hex(again.readableBytesView) == hex(wire))
        // And the layout we report points at the same security parameters the decoder found.
        var reencoded = ByteBuffer()
        let reLayout = message.serialize(into: &reencoded)
        #expect(reLayout == layout)
        #expect(Array(reencoded.readableBytesView) == wire)
    }

    @Test(arguments: try exchanges())
    func discoveryRequestMatchesAndIsAnsweredWithUnknownEngineID(exchange: Exchange) throws {
        let bytes = try #require(exchange.packets["discovery-request"])
        let (message, _) = try SNMPv3Message.decode(ByteBuffer(bytes: bytes))
        guard case .plaintext(let scoped) = message.data else {
            Issue.record("discovery is plaintext")
            return
        }
        // We build the same discovery request Net-SNMP sent.
        let ours = try Self.manager(exchange).generateRequestMessage(
            headerData: message.headerData, securityEngineID: OctetString([UInt8]()), userName: OctetString([UInt8]()),
            securityLevel: .noAuthNoPriv, scopedPDU: scoped, now: 0)
        #expect(Array(ours.readableBytesView) == bytes)
        // The agent answers it with usmStatsUnknownEngineIDs (RFC 3414 §3.2 step 3, §4).
        let agent = Self.agent(exchange)
        let error = #expect(throws: USMError(.unknownEngineID)) {
            try agent.processIncomingMessage(ByteBuffer(bytes: bytes), localEngineTime: USMEngineTime(boots: 1, time: 4), now: 0)
        }
        #expect(error?.report?.counter == [1, 3, 6, 1, 6, 3, 15, 1, 1, 4, 0])
        #expect(error?.report?.value == 1)
        #expect(error?.report?.securityLevel == .noAuthNoPriv)
        #expect(agent.statistics.unknownEngineIDs == 1)
    }

    @Test(arguments: try exchanges())
    func discoveryReportIsAcceptedAndDrivesTheStateMachine(exchange: Exchange) throws {
        let bytes = try #require(exchange.packets["discovery-response"])
        let incoming = try Self.manager(exchange).processIncomingMessage(
            ByteBuffer(bytes: bytes), localEngineTime: USMEngineTime(boots: 1, time: 0), now: 0)
        #expect(incoming.scopedPDU.pdu.type == .report)
        let counter = try #require(incoming.scopedPDU.pdu.varBinds.first?.oid)
        var machine = USMDiscovery.StateMachine(knownEngineID: nil)
        #expect(machine.start() == .sendDiscovery)
        let stamp = USMEngineTime(boots: incoming.securityParameters.authoritativeEngineBoots,
                                  time: incoming.securityParameters.authoritativeEngineTime)
        #expect(machine.reportReceived(counter: counter, engineID: incoming.securityEngineID, engineTime: stamp)
            == .sendRequest(engineID: InteropAgent.engineID, learnedTime: stamp))
    }
}

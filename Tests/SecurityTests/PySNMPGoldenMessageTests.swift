import NIOCore
@testable import SNMPSecurity
import SNMPSMI
import Testing

/// Packets captured once from pysnmp 7 on both ends (Fixtures/pysnmp-v3-packets.tsv says how, and
/// Fixtures/pysnmp-capture.py made them): 3DES-EDE, which Net-SNMP lacks, and a second opinion on
/// AES-192/256 in both key extensions, each with auth protocols whose digests are shorter than the key.
@Suite struct PySNMPGoldenMessageTests {
    typealias Exchange = GoldenMessageTests.Exchange

    /// The pysnmp interop agent's engine ID (Tests/InteropTests/Fixtures/pysnmp-agent.py).
    static let engineID = OctetString(hexBytes("80001f8880aabbccdd000000e1") ?? [])
    static let sysDescr: ObjectIdentifier = [1, 3, 6, 1, 2, 1, 1, 1, 0]

    /// Row names are `<auth>-<priv>` in the agent's spelling; pysnmp's protocol for each priv name is in the TSV header.
    static let auths: [String: USMAuthProtocol] = [
        "md5": .hmacMD5, "sha": .hmacSHA, "sha224": .hmacSHA224, "sha256": .hmacSHA256, "sha512": .hmacSHA512,
    ]
    static let privs: [String: USMPrivProtocol] = [
        "3des": .tripleDES, "aes192": .aes192Blumenthal, "aes256": .aes256Blumenthal,
        "aes192c": .aes192Reeder, "aes256c": .aes256Reeder,
    ]
    /// What the capture script asked for; the fixture must hold all of them.
    static let expectedNames: Set<String> = [
        "md5-3des", "sha-3des", "sha256-3des",
        "md5-aes192", "sha-aes192", "sha256-aes192",
        "md5-aes256", "sha224-aes256", "sha512-aes256",
        "md5-aes192c", "sha-aes192c", "sha256-aes192c",
        "md5-aes256c", "sha224-aes256c", "sha512-aes256c",
    ]

    static func exchanges() throws -> [Exchange] {
        var byName: [String: Exchange] = [:]
        for row in try Fixture.rows("pysnmp-v3-packets.tsv") where row.count == 3 {
            let parts = row[0].split(separator: "-", maxSplits: 1).map(String.init)
            guard parts.count == 2, let auth = auths[parts[0]], let priv = privs[parts[1]],
                  let bytes = hexBytes(row[2]) else { continue }
            byName[row[0], default: Exchange(name: row[0], auth: auth, priv: priv, packets: [:])].packets[row[1]] = bytes
        }
        return byName.values.sorted { $0.name < $1.name }
    }

    @Test func fixtureHasEveryExchange() throws {
        let exchanges = try Self.exchanges()
        #expect(Set(exchanges.map(\.name)) == Self.expectedNames)
        for exchange in exchanges { #expect(exchange.packets.count == 4, "\(exchange.name)") }
    }

    /// The agent's view: authoritative, local engine = the pysnmp agent's.
    static func agent(_ exchange: Exchange) -> UserSecurityModel {
        UserSecurityModel(localEngineID: engineID, users: USMUserTable([exchange.user]))
    }

    /// The manager's view: non-authoritative, another engine ID.
    static func manager(_ exchange: Exchange) -> UserSecurityModel {
        UserSecurityModel(localEngineID: OctetString(hexBytes("80001f88807766554400000009") ?? []),
                          users: USMUserTable([exchange.user]))
    }

    static func decode(_ bytes: [UInt8]) throws -> (SNMPv3Message, SNMPv3Message.WireLayout, UsmSecurityParameters) {
        let (message, layout) = try SNMPv3Message.decode(ByteBuffer(bytes: bytes))
        return (message, layout, try UsmSecurityParameters(berEncoded: message.securityParameters.buffer))
    }

    @Test(arguments: try exchanges())
    func requestVerifiesDecryptsAndReencodesByteForByte(exchange: Exchange) throws {
        let bytes = try #require(exchange.packets["authPriv-request"])
        let (message, layout, parameters) = try Self.decode(bytes)
        #expect(parameters.authoritativeEngineID == Self.engineID)
        #expect(parameters.userName == OctetString("usr-" + exchange.name))
        let clock = USMEngineTime(boots: parameters.authoritativeEngineBoots, time: parameters.authoritativeEngineTime)
        let usm = Self.agent(exchange)
        let incoming = try usm.processIncomingMessage(ByteBuffer(bytes: bytes), localEngineTime: clock, now: 0)
        #expect(incoming.securityLevel == .authPriv)
        #expect(incoming.securityName == "usr-" + exchange.name)
        #expect(incoming.scopedPDU.contextEngineID == Self.engineID)
        #expect(incoming.scopedPDU.contextName == OctetString([UInt8]()))
        #expect(incoming.scopedPDU.pdu.type == .getRequest)
        #expect(incoming.scopedPDU.pdu.varBinds.map(\.oid) == [Self.sysDescr])
        #expect(incoming.scopedPDU.pdu.varBinds.first?.value == .null)
        try Self.checkPadding(bytes: bytes, message: message, parameters: parameters, usm: usm, exchange: exchange)
        try GoldenMessageTests.reencode(wire: bytes, message: message, layout: layout, parameters: parameters,
                                        usm: usm, exchange: exchange)
    }

    @Test(arguments: try exchanges())
    func responseVerifiesDecryptsAndReencodesByteForByte(exchange: Exchange) throws {
        let bytes = try #require(exchange.packets["authPriv-response"])
        let (message, layout, parameters) = try Self.decode(bytes)
        let usm = Self.manager(exchange)
        let incoming = try usm.processIncomingMessage(ByteBuffer(bytes: bytes), localEngineTime: USMEngineTime(boots: 1, time: 0),
                                                      now: 100)
        #expect(incoming.securityLevel == .authPriv)
        #expect(incoming.scopedPDU.pdu.type == .response)
        #expect(incoming.scopedPDU.pdu.errorStatusRaw == 0)
        #expect(incoming.scopedPDU.pdu.varBinds.map(\.oid) == [Self.sysDescr])
        #expect(incoming.scopedPDU.pdu.varBinds.first?.value == .octetString("pysnmp interop test agent"))
        // The response answers the request: same msgID and request-id.
        let request = try #require(exchange.packets["authPriv-request"])
        let requestScoped = try Self.agent(exchange).processIncomingMessage(
            ByteBuffer(bytes: request), localEngineTime: USMEngineTime(boots: parameters.authoritativeEngineBoots,
                                                                       time: parameters.authoritativeEngineTime), now: 0).scopedPDU
        #expect(incoming.scopedPDU.pdu.requestID == requestScoped.pdu.requestID)
        #expect(message.headerData.messageID == (try Self.decode(request)).0.headerData.messageID)
        // RFC 3414 §3.2 step 7b: the authenticated response taught the manager the agent's clock.
        #expect(usm.engineTime(of: Self.engineID, now: 110)
            == USMEngineTime(boots: parameters.authoritativeEngineBoots, time: parameters.authoritativeEngineTime + 10))
        try Self.checkPadding(bytes: bytes, message: message, parameters: parameters, usm: usm, exchange: exchange)
        try GoldenMessageTests.reencode(wire: bytes, message: message, layout: layout, parameters: parameters,
                                        usm: usm, exchange: exchange)
    }

    /// 3DES (Reeder draft §5.1.1.1): salt = boots || counter and the scopedPDU padded to whole blocks;
    /// AES (RFC 3826 §3.1.3): no padding, the ciphertext is exactly as long as the scopedPDU.
    static func checkPadding(bytes: [UInt8], message: SNMPv3Message, parameters: UsmSecurityParameters,
                             usm: UserSecurityModel, exchange: Exchange) throws {
        guard case .encrypted(let ciphertext) = message.data else {
            Issue.record("expected an encryptedPDU")
            return
        }
        let salt = parameters.privacyParameters.bytes
        #expect(salt.count == 8)
        let keys = try usm.keyCache.localizedKeys(for: exchange.user, engineID: parameters.authoritativeEngineID)
        #expect(keys.privKey.count == exchange.priv.keyLength)
        let plaintext = try ciphertext.bytes.withUnsafeBytes {
            try USMPrivacy.decrypt($0, protocol: exchange.priv, privKey: keys.privKey,
                                   engineBoots: parameters.authoritativeEngineBoots,
                                   engineTime: parameters.authoritativeEngineTime, salt: salt)
        }
        var reader = ByteBuffer(bytes: plaintext)
        _ = try ScopedPDU(berEncoded: &reader)
        let scopedLength = plaintext.count - reader.readableBytes
        if exchange.priv == .tripleDES {
            let boots = UInt32(bitPattern: parameters.authoritativeEngineBoots)
            #expect(Array(salt.prefix(4)) == [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: boots >> $0) })
            #expect(plaintext.count % 8 == 0)
            #expect(plaintext.count > scopedLength && plaintext.count - scopedLength <= 8)
            #expect(plaintext.suffix(plaintext.count - scopedLength).allSatisfy { $0 == 0 })
        } else {
            #expect(plaintext.count == scopedLength)
        }
    }

    @Test(arguments: try exchanges())
    func discoveryRequestMatchesAndIsAnsweredWithUnknownEngineID(exchange: Exchange) throws {
        let bytes = try #require(exchange.packets["discovery-request"])
        let (message, _) = try SNMPv3Message.decode(ByteBuffer(bytes: bytes))
        guard case .plaintext(let scoped) = message.data else {
            Issue.record("discovery is plaintext")
            return
        }
        #expect(scoped.pdu.varBinds.isEmpty)
        // We build the same discovery request pysnmp sent (RFC 3414 §4: empty engine ID and user, noAuthNoPriv).
        let ours = try Self.manager(exchange).generateRequestMessage(
            headerData: message.headerData, securityEngineID: OctetString([UInt8]()), userName: OctetString([UInt8]()),
            securityLevel: .noAuthNoPriv, scopedPDU: scoped, now: 0)
        #expect(Array(ours.readableBytesView) == bytes)
        let agent = Self.agent(exchange)
        let error = #expect(throws: USMError(.unknownEngineID)) {
            try agent.processIncomingMessage(ByteBuffer(bytes: bytes), localEngineTime: USMEngineTime(boots: 1, time: 4), now: 0)
        }
        #expect(error?.report?.counter == [1, 3, 6, 1, 6, 3, 15, 1, 1, 4, 0])
    }

    @Test(arguments: try exchanges())
    func discoveryReportIsAcceptedAndDrivesTheStateMachine(exchange: Exchange) throws {
        let bytes = try #require(exchange.packets["discovery-response"])
        let incoming = try Self.manager(exchange).processIncomingMessage(
            ByteBuffer(bytes: bytes), localEngineTime: USMEngineTime(boots: 1, time: 0), now: 0)
        #expect(incoming.scopedPDU.pdu.type == .report)
        let counter = try #require(incoming.scopedPDU.pdu.varBinds.first?.oid)
        #expect(counter == [1, 3, 6, 1, 6, 3, 15, 1, 1, 4, 0])
        var machine = USMDiscovery.StateMachine(knownEngineID: nil)
        #expect(machine.start() == .sendDiscovery)
        let stamp = USMEngineTime(boots: incoming.securityParameters.authoritativeEngineBoots,
                                  time: incoming.securityParameters.authoritativeEngineTime)
        #expect(machine.reportReceived(counter: counter, engineID: incoming.securityEngineID, engineTime: stamp)
            == .sendRequest(engineID: Self.engineID, learnedTime: stamp))
        // The authPriv request that followed used exactly the stamp the Report taught.
        let request = try #require(exchange.packets["authPriv-request"])
        let (_, _, parameters) = try Self.decode(request)
        #expect(parameters.authoritativeEngineBoots == stamp.boots)
        #expect(parameters.authoritativeEngineTime >= stamp.time)
    }
}

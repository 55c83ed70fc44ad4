import NIOCore
@testable import SNMPSecurity
import SNMPSMI
import Testing

@Suite struct USMProcessingTests {
    static let agentEngine = OctetString(hexBytes("80001f8880aabbccdd00000001") ?? [])
    static let managerEngine = OctetString(hexBytes("80001f8880aabbccdd00000009") ?? [])
    static let clock = USMEngineTime(boots: 3, time: 1000)
    static let pdu = PDU(type: .getRequest, requestID: 42, varBinds: [VarBind([1, 3, 6, 1, 2, 1, 1, 1, 0])])
    static let scoped = ScopedPDU(contextEngineID: agentEngine, contextName: "", pdu: pdu)
    static let header = SNMPv3HeaderData(messageID: 7, maxSize: 65507, flags: .reportable, securityModel: 3)
    static let cache = USMKeyCache()

    static func user(_ auth: USMAuthProtocol = .hmacSHA256, _ priv: USMPrivProtocol = .aes128,
                     authPass: String = "authkey1234", privPass: String = "privkey1234") -> USMUser {
        USMUser(userName: "alice", auth: auth, authSecret: auth.isNone ? nil : .passphrase(authPass),
                priv: priv, privSecret: priv.isNone ? nil : .passphrase(privPass))
    }

    /// A manager that already knows the agent's clock, and the agent itself.
    static func pair(manager managerUser: USMUser = user(), agent agentUser: USMUser = user())
        -> (manager: UserSecurityModel, agent: UserSecurityModel) {
        let manager = UserSecurityModel(localEngineID: managerEngine, users: USMUserTable([managerUser]), keyCache: cache)
        manager.learnEngineTime(engineID: agentEngine, time: clock, now: 0)
        let agent = UserSecurityModel(localEngineID: agentEngine, users: USMUserTable([agentUser]), keyCache: cache,
                                      acceptsRemoteAuthoritativeEngines: false)
        return (manager, agent)
    }

    static func request(_ manager: UserSecurityModel, level: SecurityLevel = .authPriv, now: Int64 = 0) throws -> ByteBuffer {
        try manager.generateRequestMessage(headerData: header, securityEngineID: agentEngine, userName: "alice",
                                           securityLevel: level, scopedPDU: scoped, now: now)
    }

    struct Pair: Sendable, CustomStringConvertible {
        var auth: USMAuthProtocol
        var priv: USMPrivProtocol
        var description: String { "\(auth)+\(priv)" }
    }

    static let pairs: [Pair] = USMAuthProtocol.allSupported.flatMap { auth in
        ([.none] + USMPrivProtocol.allSupported).map { Pair(auth: auth, priv: $0) }
    }

    @Test(arguments: pairs)
    func requestAndResponseRoundTrip(pair: Pair) throws {
        let user = Self.user(pair.auth, pair.priv)
        let (manager, agent) = Self.pair(manager: user, agent: user)
        let level = user.maximumSecurityLevel
        let wire = try Self.request(manager, level: level)
        let incoming = try agent.processIncomingMessage(wire, localEngineTime: Self.clock, now: 0)
        #expect(incoming.scopedPDU == Self.scoped)
        #expect(incoming.securityLevel == level)
        var responsePDU = Self.pdu
        responsePDU.type = .response
        let response = ScopedPDU(contextEngineID: Self.agentEngine, contextName: "", pdu: responsePDU)
        let answer = try agent.generateResponseMessage(headerData: Self.header, scopedPDU: response,
                                                       stateReference: incoming.stateReference, localEngineTime: Self.clock)
        let back = try manager.processIncomingMessage(answer, localEngineTime: USMEngineTime(boots: 1, time: 0), now: 5)
        #expect(back.scopedPDU == response)
        if level == .authPriv {
            // The scoped PDU must not be visible on the wire.
            let (message, _) = try SNMPv3Message.decode(wire)
            guard case .encrypted = message.data else { Issue.record("expected encryptedPDU"); return }
        }
    }

    @Test func wrongDigestIsCountedAndReported() throws {
        let (manager, agent) = Self.pair()
        var wire = try Self.request(manager)
        let (message, layout) = try SNMPv3Message.decode(wire)
        let (_, auth) = try UsmSecurityParameters.decode(message.securityParameters.buffer)
        let index = wire.readerIndex + layout.securityParameters.lowerBound + auth.lowerBound
        wire.setInteger((wire.getInteger(at: index, as: UInt8.self) ?? 0) ^ 0x01, at: index)
        let error = #expect(throws: USMError(.wrongDigest)) {
            try agent.processIncomingMessage(wire, localEngineTime: Self.clock, now: 0)
        }
        #expect(error?.report?.counter == [1, 3, 6, 1, 6, 3, 15, 1, 1, 5, 0])
        #expect(error?.report?.securityLevel == .noAuthNoPriv)
        #expect(agent.statistics.wrongDigests == 1)
    }

    @Test func wrongAuthKeyIsAWrongDigestAndWrongPrivKeyAParseError() throws {
        let (manager, agent) = Self.pair(agent: Self.user(authPass: "not-the-key"))
        #expect(throws: USMError(.wrongDigest)) {
            try agent.processIncomingMessage(try Self.request(manager), localEngineTime: Self.clock, now: 0)
        }
        // A wrong privacy key decrypts to garbage: snmpInASNParseErrs, no Report (as Net-SNMP behaves).
        let (manager2, agent2) = Self.pair(agent: Self.user(privPass: "not-the-key"))
        let error = #expect(throws: USMError(.parseError)) {
            try agent2.processIncomingMessage(try Self.request(manager2), localEngineTime: Self.clock, now: 0)
        }
        #expect(error?.report == nil)
    }

    /// pysnmp 7 pads a DES/3DES plaintext by `8 - length % 8` octets, so by a whole block when the scopedPDU is
    /// already a multiple of 8; Net-SNMP accepts that, and so must we. More than a block is not padding.
    /// The context name's length (0...7) moves the scopedPDU through every alignment.
    @Test(arguments: [USMPrivProtocol.des, .tripleDES], 0..<8)
    func cbcPaddingOfUpToOneBlockIsIgnored(priv: USMPrivProtocol, contextNameLength: Int) throws {
        let user = Self.user(.hmacSHA, priv)
        let (manager, agent) = Self.pair(manager: user, agent: user)
        let scoped = ScopedPDU(contextEngineID: Self.agentEngine,
                               contextName: OctetString([UInt8](repeating: 0x63, count: contextNameLength)), pdu: Self.pdu)
        var encoded = ByteBuffer()
        scoped.serialize(into: &encoded)
        let minimal = (8 - encoded.readableBytes % 8) % 8
        let keys = try Self.cache.localizedKeys(for: user, engineID: Self.agentEngine)
        for padding in [minimal, minimal + 8, minimal + 16] {
            let plaintext = Array(encoded.readableBytesView) + [UInt8](repeating: 0, count: padding)
            let wire = try manager.encode(headerData: Self.header, engineID: Self.agentEngine, engineTime: Self.clock,
                                          userName: "alice", level: .authPriv, keys: keys, priv: priv,
                                          payload: .plaintext(plaintext), saltCounter: 1)
            if padding <= 8 {
                #expect(try agent.processIncomingMessage(wire, localEngineTime: Self.clock, now: 0).scopedPDU == scoped,
                        "\(padding) octets of padding")
            } else {
                #expect(throws: USMError(.parseError), "\(padding) octets of padding") {
                    try agent.processIncomingMessage(wire, localEngineTime: Self.clock, now: 0)
                }
            }
        }
    }

    @Test func unknownUserAndUnsupportedLevel() throws {
        let (manager, _) = Self.pair()
        let bob = UserSecurityModel(localEngineID: Self.agentEngine, users: USMUserTable([USMUser(userName: "bob")]))
        let unknown = #expect(throws: USMError(.unknownUserName)) {
            try bob.processIncomingMessage(try Self.request(manager), localEngineTime: Self.clock, now: 0)
        }
        #expect(unknown?.report?.counter == [1, 3, 6, 1, 6, 3, 15, 1, 1, 3, 0])
        let (_, authOnlyAgent) = Self.pair(agent: Self.user(.hmacSHA256, .none))
        let unsupported = #expect(throws: USMError(.unsupportedSecurityLevel)) {
            try authOnlyAgent.processIncomingMessage(try Self.request(manager), localEngineTime: Self.clock, now: 0)
        }
        #expect(unsupported?.report?.counter == [1, 3, 6, 1, 6, 3, 15, 1, 1, 1, 0])
        #expect(authOnlyAgent.statistics.unsupportedSecLevels == 1)
    }

    @Test(arguments: [
        (USMEngineTime(boots: 3, time: 1151), false), (USMEngineTime(boots: 3, time: 1150), true),
        (USMEngineTime(boots: 3, time: 849), false), (USMEngineTime(boots: 4, time: 1000), false),
        (USMEngineTime(boots: USMEngineTime.maximumBoots, time: 1000), false),
    ])
    func authoritativeTimeWindow(agentClock: USMEngineTime, accepted: Bool) throws {
        // RFC 3414 §3.2 step 7a, 150 seconds either way; the manager stamps boots 3 / time 1000.
        let (manager, agent) = Self.pair()
        let wire = try Self.request(manager)
        if accepted {
            _ = try agent.processIncomingMessage(wire, localEngineTime: agentClock, now: 0)
        } else {
            let error = #expect(throws: USMError(.notInTimeWindow)) {
                try agent.processIncomingMessage(wire, localEngineTime: agentClock, now: 0)
            }
            #expect(error?.report?.counter == [1, 3, 6, 1, 6, 3, 15, 1, 1, 2, 0])
            // Step 7a: the Report goes out authenticated so the manager can trust the clock in it.
            #expect(error?.report?.securityLevel == .authNoPriv)
            #expect(agent.statistics.notInTimeWindows == 1)
        }
    }

    @Test func nonAuthoritativeCacheFollowsRFC3414Step7b() {
        var cache = USMEngineTimeCache()
        let engine = Self.agentEngine
        let first = cache.acceptAuthenticated(engineID: engine, message: USMEngineTime(boots: 2, time: 500), now: 0)
        #expect(first)
        #expect(cache.estimatedTime(of: engine, now: 60) == USMEngineTime(boots: 2, time: 560))
        // An older boot is replayed traffic.
        let olderBoot = cache.acceptAuthenticated(engineID: engine, message: USMEngineTime(boots: 1, time: 900), now: 60)
        #expect(!olderBoot)
        // Same boot, more than 150 s behind the estimate.
        let tooFarBehind = cache.acceptAuthenticated(engineID: engine, message: USMEngineTime(boots: 2, time: 400), now: 60)
        #expect(!tooFarBehind)
        let withinWindow = cache.acceptAuthenticated(engineID: engine, message: USMEngineTime(boots: 2, time: 420), now: 60)
        #expect(withinWindow)
        // A reboot resynchronises.
        let rebooted = cache.acceptAuthenticated(engineID: engine, message: USMEngineTime(boots: 3, time: 1), now: 70)
        #expect(rebooted)
        #expect(cache.estimatedTime(of: engine, now: 70) == USMEngineTime(boots: 3, time: 1))
    }

    @Test func staleManagerClockIsRejectedWithoutReport() throws {
        let (manager, agent) = Self.pair()
        let incoming = try agent.processIncomingMessage(try Self.request(manager), localEngineTime: Self.clock, now: 0)
        var responsePDU = Self.pdu
        responsePDU.type = .response
        let answer = try agent.generateResponseMessage(
            headerData: Self.header, scopedPDU: ScopedPDU(contextEngineID: Self.agentEngine, contextName: "", pdu: responsePDU),
            stateReference: incoming.stateReference, localEngineTime: Self.clock)
        // The manager believes the agent is already at boots 3, time 1000 + 400.
        manager.learnEngineTime(engineID: Self.agentEngine, time: USMEngineTime(boots: 3, time: 1400), now: 0)
        let error = #expect(throws: USMError(.notInTimeWindow)) {
            try manager.processIncomingMessage(answer, localEngineTime: Self.clock, now: 0)
        }
        #expect(error?.report == nil)
        #expect(manager.statistics.notInTimeWindows == 0)
    }

    @Test func truncatedAndMalformedSecurityParameters() throws {
        let (manager, agent) = Self.pair()
        let (message, _) = try SNMPv3Message.decode(try Self.request(manager))
        var truncated = message
        truncated.securityParameters = OctetString(Array(message.securityParameters.bytes.dropLast(5)))
        var wire = ByteBuffer()
        truncated.serialize(into: &wire)
        #expect(throws: USMError(.parseError)) {
            try agent.processIncomingMessage(wire, localEngineTime: Self.clock, now: 0)
        }
        #expect(throws: BERError(.truncated)) {
            try UsmSecurityParameters(berEncoded: truncated.securityParameters.buffer)
        }
        #expect(throws: USMError(.parseError)) {
            try agent.processIncomingMessage(ByteBuffer(bytes: [0x30, 0x03, 0x02, 0x01]), localEngineTime: Self.clock, now: 0)
        }
    }

    @Test func badPrivacyParametersAreDecryptionErrors() throws {
        let user = Self.user(.hmacSHA, .des)
        let (manager, agent) = Self.pair(manager: user, agent: user)
        let keys = try Self.cache.localizedKeys(for: user, engineID: Self.agentEngine)
        // An authPriv message whose msgPrivacyParameters is 7 octets, correctly authenticated.
        let parameters = UsmSecurityParameters(
            authoritativeEngineID: Self.agentEngine, authoritativeEngineBoots: 3, authoritativeEngineTime: 1000,
            userName: "alice", authenticationParameters: OctetString([UInt8](repeating: 0, count: 12)),
            privacyParameters: OctetString([UInt8](repeating: 9, count: 7)))
        var parameterBytes = ByteBuffer()
        let authRange = parameters.serialize(into: &parameterBytes)
        let message = SNMPv3Message(headerData: SNMPv3HeaderData(messageID: 1, maxSize: 1500, flags: [.authentication, .privacy, .reportable], securityModel: 3),
                                    securityParameters: OctetString(buffer: parameterBytes),
                                    data: .encrypted(OctetString([UInt8](repeating: 0, count: 16))))
        var wire = ByteBuffer()
        let layout = message.serialize(into: &wire)
        let mac = try #require(keys.hmac).authenticate(Array(wire.readableBytesView))
        wire.setBytes(mac.prefix(12), at: layout.securityParameters.lowerBound + authRange.lowerBound)
        let error = #expect(throws: USMError(.decryptionError)) {
            try agent.processIncomingMessage(wire, localEngineTime: Self.clock, now: 0)
        }
        #expect(error?.report?.counter == [1, 3, 6, 1, 6, 3, 15, 1, 1, 6, 0])
        #expect(agent.statistics.decryptionErrors == 1)
        _ = manager
    }

    @Test func outgoingWithUnknownUserOrLevelThrows() throws {
        let (manager, _) = Self.pair(manager: Self.user(.hmacMD5, .none))
        #expect(throws: USMError(.unsupportedSecurityLevel)) { try Self.request(manager, level: .authPriv) }
        #expect(throws: USMError(.unknownUserName)) {
            try manager.generateRequestMessage(headerData: Self.header, securityEngineID: Self.agentEngine, userName: "zed",
                                               securityLevel: .authNoPriv, scopedPDU: Self.scoped, now: 0)
        }
    }

    @Test func requestCarriesTheEstimatedRemoteClock() throws {
        let (manager, _) = Self.pair()
        let (message, _) = try SNMPv3Message.decode(try Self.request(manager, now: 30))
        let parameters = try UsmSecurityParameters(berEncoded: message.securityParameters.buffer)
        #expect(parameters.authoritativeEngineBoots == 3)
        #expect(parameters.authoritativeEngineTime == 1030)
        #expect(parameters.authenticationParameters.count == 24)
        #expect(message.headerData.flags == [.authentication, .privacy, .reportable])
    }
}

@Suite struct LongFormLayoutTests {
    @Test func securityParametersInLongFormStillAuthenticateInPlace() throws {
        // 32-octet engine ID and user name plus a 48-octet SHA-512 MAC push UsmSecurityParameters past
        // 127 octets, so its length (and the message's) moves to the long form after the contents are written.
        let engine = OctetString([UInt8](repeating: 0x81, count: 32))
        let name = OctetString(String(repeating: "u", count: 32))
        let user = USMUser(userName: name, auth: .hmacSHA512, authSecret: .passphrase("authkey1234"),
                           priv: .aes256Blumenthal, privSecret: .passphrase("privkey1234"))
        let manager = UserSecurityModel(localEngineID: USMProcessingTests.managerEngine, users: USMUserTable([user]))
        let agent = UserSecurityModel(localEngineID: engine, users: USMUserTable([user]))
        manager.learnEngineTime(engineID: engine, time: USMProcessingTests.clock, now: 0)
        let varBinds = (0..<20).map { VarBind([1, 3, 6, 1, 2, 1, 2, 2, 1, 2, UInt32($0)]) }
        let scoped = ScopedPDU(contextEngineID: engine, contextName: "",
                               pdu: PDU(type: .getRequest, requestID: 1, varBinds: varBinds))
        let wire = try manager.generateRequestMessage(headerData: USMProcessingTests.header, securityEngineID: engine,
                                                      userName: name, securityLevel: .authPriv, scopedPDU: scoped, now: 0)
        let (message, layout) = try SNMPv3Message.decode(wire)
        #expect(message.securityParameters.count > 127)
        // 30 82 xx xx, version (3), msgGlobalData (16), 04 81 xx
        #expect(layout.securityParameters.lowerBound == 4 + 3 + 16 + 3)
        let incoming = try agent.processIncomingMessage(wire, localEngineTime: USMProcessingTests.clock, now: 0)
        #expect(incoming.scopedPDU == scoped)
    }
}

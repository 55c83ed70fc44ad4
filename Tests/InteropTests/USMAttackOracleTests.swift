import Foundation
import NIOCore
import Testing
import SNMP
import SNMPMessageProcessing
import SNMPSecurity

/// USM attacks (RFC 3414 §3.2, §1.5) sent as raw datagrams to our agent and to Net-SNMP's `snmpd`, with the peer as
/// the oracle: each crafted message must be answered the same way by both — the same PDU type, the same varbinds
/// (a Report carries only its usmStats counter, so nothing of the request leaks) and the same security level —
/// and by the counter the RFC names.
@Suite(.enabled(if: NetSNMPDaemon.isInstalled, NetSNMPDaemon.installHint), .serialized, .snmpd)
struct USMAttackOracleTests {
    static let usmStats: ObjectIdentifier = "1.3.6.1.6.3.15.1.1"
    static let sysDescr: ObjectIdentifier = "1.3.6.1.2.1.1.1.0"

    /// What came back for one crafted message: enough to compare two agents, nothing that differs between
    /// two correct ones (request-ids, counter values, clocks).
    struct Answer: Equatable, CustomStringConvertible {
        var pduType: PDUType
        var oids: [ObjectIdentifier]
        var level: SecurityLevel?
        var description: String { "\(pduType) \(oids) at \(level.map { "\($0)" } ?? "?")" }
    }

    /// An agent under attack: its port and what discovery learnt about it.
    struct Peer: CustomStringConvertible {
        var name: String
        var port: UInt16
        var engineID: OctetString
        var time: USMEngineTime
        var description: String { name }
    }

    /// A manager's USM with the fixture users (right passphrases, or a wrong privacy passphrase).
    static func manager(privPassphrase: String = "privkey1234") -> V3MessageProcessing {
        let users = USMUserTable([
            USMUser(userName: "usr-sha256-aes128", auth: .hmacSHA256, authSecret: .passphrase("authkey1234"),
                    priv: .aes128, privSecret: .passphrase(privPassphrase)),
            USMUser(userName: "usr-sha-none", auth: .hmacSHA, authSecret: .passphrase("authkey1234"),
                    priv: .aes128, privSecret: .passphrase(privPassphrase)),
            USMUser(userName: "nobody-here", auth: .hmacSHA, authSecret: .passphrase("authkey1234"),
                    priv: .aes128, privSecret: .passphrase(privPassphrase)),
        ])
        let engineID = OctetString([0x80, 0x00, 0x1F, 0x88, 0x80, 0x55, 0x66, 0x77, 0x88, 0x00, 0x00, 0x00, 0x09])
        return V3MessageProcessing(usm: UserSecurityModel(localEngineID: engineID, users: users))
    }

    /// RFC 3414 §4 discovery: the Report names the agent's engine ID, boots and time.
    static func discover(_ name: String, port: UInt16) async throws -> Peer {
        let probe = try manager().prepareDiscovery(messageID: 1)
        let reply = try #require(try await UDPExchange.send(Array(buffer: probe), to: port), "\(name) did not answer discovery")
        let message = try SNMPv3Message(berEncoded: ByteBuffer(bytes: reply))
        let parameters = try UsmSecurityParameters(berEncoded: message.securityParameters.buffer)
        return Peer(name: name, port: port, engineID: parameters.authoritativeEngineID,
                    time: USMEngineTime(boots: parameters.authoritativeEngineBoots, time: parameters.authoritativeEngineTime))
    }

    /// A GetRequest for sysDescr.0 to `peer`, stamped with the peer's clock moved by `clockOffset` seconds.
    static func request(to peer: Peer, user: String = "usr-sha256-aes128", level: SecurityLevel = .authPriv,
                        engineID: OctetString? = nil, bootsOffset: Int32 = 0, clockOffset: Int32 = 0,
                        privPassphrase: String = "privkey1234", messageID: Int32 = 100) throws -> [UInt8] {
        let v3 = manager(privPassphrase: privPassphrase)
        let target = engineID ?? peer.engineID
        v3.usm.learnEngineTime(engineID: target, time: USMEngineTime(boots: peer.time.boots + bootsOffset,
                                                                     time: max(0, peer.time.time + clockOffset)),
                               now: v3.monotonicSeconds())
        let scoped = ScopedPDU(contextEngineID: target, contextName: OctetString([UInt8]()),
                               pdu: PDU(type: .getRequest, requestID: messageID, varBinds: [VarBind(sysDescr)]))
        return Array(buffer: try v3.prepareRequest(messageID: messageID, securityEngineID: target,
                                                   userName: OctetString(user), securityLevel: level, scopedPDU: scoped))
    }

    /// Decodes what `peer` sent back; encrypted answers are opened with the manager's keys.
    static func answer(_ reply: [UInt8]?) throws -> Answer? {
        guard let reply else { return nil }
        let bytes = ByteBuffer(bytes: reply)
        let message = try SNMPv3Message(berEncoded: bytes)
        let level = SecurityLevel(flags: message.headerData.flags)
        switch message.data {
        case .plaintext(let scoped):
            return Answer(pduType: scoped.pdu.type, oids: scoped.pdu.varBinds.map(\.oid), level: level)
        case .encrypted:
            let v3 = manager()
            let incoming = try v3.usm.processIncomingMessage(bytes, localEngineTime: USMEngineTime(boots: 1, time: 0),
                                                             now: v3.monotonicSeconds())
            return Answer(pduType: incoming.scopedPDU.pdu.type, oids: incoming.scopedPDU.pdu.varBinds.map(\.oid),
                          level: level)
        }
    }

    /// Sends `bytes` to `peer` and decodes the answer (nil: no answer within the timeout).
    static func ask(_ peer: Peer, _ bytes: [UInt8], expectingAnswer: Bool = true) async throws -> Answer? {
        try answer(try await UDPExchange.send(bytes, to: peer.port, timeout: expectingAnswer ? .seconds(3) : .seconds(1)))
    }

    /// usmStats.`index` in `statistics`.
    static func value(_ statistics: USMStatistics, _ index: UInt32) -> UInt32 {
        switch index {
        case 1: statistics.unsupportedSecLevels
        case 2: statistics.notInTimeWindows
        case 3: statistics.unknownUserNames
        case 4: statistics.unknownEngineIDs
        case 5: statistics.wrongDigests
        default: statistics.decryptionErrors
        }
    }

    static func report(_ counter: UInt32, _ level: SecurityLevel) -> Answer {
        Answer(pduType: .report, oids: [usmStats.appending([counter, 0])], level: level)
    }

    /// One crafted case: how to build it for a peer, what both must answer, and the usmStats counter it counts.
    struct Case: Sendable {
        var name: String
        var expected: Answer?
        /// The usmStats counter it increments (its last arc), if any.
        var counter: UInt32?
        var build: @Sendable (Peer) throws -> [UInt8]
    }

    static let cases: [Case] = [
        Case(name: "a valid authPriv request", expected: Answer(pduType: .response, oids: [sysDescr], level: .authPriv),
             counter: nil, build: { try request(to: $0) }),
        // RFC 3414 §3.2 step 7a: stamped 200 s away from the agent's clock (the window is 150 s either way, and
        // both agents have run for less than 200 s, so a capture replayed 200 s after it was sent is shown by a
        // stamp 200 s ahead), or from the previous boot (a capture replayed after a restart).
        Case(name: "a request stamped outside the 150 s window", expected: report(2, .authNoPriv), counter: 2,
             build: { try request(to: $0, clockOffset: 200) }),
        Case(name: "a request from the previous boot", expected: report(2, .authNoPriv), counter: 2,
             build: { try request(to: $0, bootsOffset: -1) }),
        // Step 6: one flipped bit in the ciphertext, or in msgID, and the MAC no longer matches.
        Case(name: "one modified ciphertext byte", expected: report(5, .noAuthNoPriv), counter: 5, build: {
            var bytes = try request(to: $0)
            bytes[bytes.count - 1] ^= 0x01
            return bytes
        }),
        Case(name: "one modified msgID byte", expected: report(5, .noAuthNoPriv), counter: 5, build: {
            var bytes = try request(to: $0, messageID: 0x1234)
            // msgGlobalData starts `30 xx 02 02 12 34`: the msgID's last octet.
            let index = try #require(bytes.indices.first { bytes[$0] == 0x12 && bytes[$0 + 1] == 0x34 })
            bytes[index + 1] ^= 0x01
            return bytes
        }),
        // Step 3: discovery answers with the engine ID and nothing else.
        Case(name: "an unknown engine ID", expected: report(4, .noAuthNoPriv), counter: 4, build: {
            try request(to: $0, engineID: OctetString([0x80, 0x00, 0x1F, 0x88, 0x04, 0x6E, 0x6F, 0x6E, 0x65]))
        }),
        Case(name: "an unknown user", expected: report(3, .noAuthNoPriv), counter: 3,
             build: { try request(to: $0, user: "nobody-here") }),
        // Step 5: authPriv for a user without privacy.
        Case(name: "authPriv for an authNoPriv user", expected: report(1, .noAuthNoPriv), counter: 1,
             build: { try request(to: $0, user: "usr-sha-none") }),
        // Step 8: a wrong privacy key decrypts to garbage that is not a ScopedPDU: snmpInASNParseErrs, no answer.
        Case(name: "the wrong privacy key", expected: nil, counter: nil,
             build: { try request(to: $0, privPassphrase: "wrongpriv99") }),
    ]

    @Test func ourAgentAnswersEveryAttackAsSnmpdDoes() async throws {
        let agent = try await SNMPAgent.start(configuration: try AgentV3InteropTests.configuration())
        defer { Task { await agent.shutdown() } }
        let port = try #require(try await agent.localAddresses().first?.port)
        let ours = try await Self.discover("our agent", port: UInt16(port))
        let snmpd = try await Self.discover("snmpd", port: try currentAgent().port)
        for attack in Self.cases {
            let before = agent.engine.usm.statistics
            let oursAnswer = try await Self.ask(ours, try attack.build(ours), expectingAnswer: attack.expected != nil)
            let peerAnswer = try await Self.ask(snmpd, try attack.build(snmpd), expectingAnswer: attack.expected != nil)
            #expect(peerAnswer == attack.expected, "snmpd, \(attack.name)")
            #expect(oursAnswer == peerAnswer, "\(attack.name): ours \(String(describing: oursAnswer)), snmpd \(String(describing: peerAnswer))")
            let after = agent.engine.usm.statistics
            if let counter = attack.counter {
                #expect(Self.value(after, counter) == Self.value(before, counter) + 1, "\(attack.name)")
            } else {
                #expect(after == before, "\(attack.name)")
            }
        }
        // The same captured bytes twice within the window: USM has no replay cache inside the 150 s window
        // (RFC 3414 §1.5.2 bounds replay by time only), so both agents answer both copies.
        for peer in [ours, snmpd] {
            let captured = try Self.request(to: peer)
            let first = try await Self.ask(peer, captured)
            let second = try await Self.ask(peer, captured)
            #expect(first == second && first?.pduType == .response, "\(peer)")
        }
    }
}

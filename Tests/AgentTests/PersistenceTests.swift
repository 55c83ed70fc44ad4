import Foundation
import Testing
import SNMPAgent
import SNMPApplications
import SNMPSecurity
import SNMPSMI

/// What an agent keeps across restarts (RFC 3414 §2.2, snmpd's persistentDir): engine ID and boots, which must
/// survive a crash mid-write and a damaged file without ever going back, and the values managers SET.
@Suite struct PersistenceTests {
    func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("agent-persist-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static let engineID = OctetString([0x80, 0x00, 0x7E, 0xD9, 0x05, 0xAA, 0xBB, 0xCC, 0xDD])

    /// A crash between writing the temporary file and renaming it leaves the old file in place: the next start
    /// reads the old state (never the half-written one) and counts on from it.
    @Test func aCrashMidWriteLeavesThePreviousStateInForce() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = EngineStateFile(directory: directory)
        try file.save(EngineState(engineID: Self.engineID, engineBoots: 7))
        try Data("engineID 80007ED905AABB\nengineBo".utf8).write(to: URL(fileURLWithPath: file.path + ".tmp"))
        let state = try file.advance()
        #expect(state == EngineState(engineID: Self.engineID, engineBoots: 8))
        #expect(try file.load() == state)
    }

    /// Damaged files (a disk error) and what the next start makes of them: boots goes on from a value that still
    /// reads, and when it does not, a new engine ID starts at 1 — never the same engine ID at a lower boots.
    @Test(arguments: [
        ("engineID 80007ED905AABBCCDD\nengineBoots 41\n\u{0}\u{0}garbage\n", true, Int32(42)),
        ("engineBoots 41\nengineID 80007ED905AABBCCDD extra\n", false, Int32(1)),
        ("engineID 80007ED905AABBCCDD\nengineBoots 4x\n", false, Int32(1)),
        ("engineID 80007ED905AABBCCDD\nengineBoots 41\nengine Boots 3\n", true, Int32(42)),
        ("\u{FF}\u{FE}", false, Int32(1)),
        ("", false, Int32(1)),
    ])
    func aDamagedStateFileRecoversSafely(text: String, keepsEngineID: Bool, boots: Int32) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = EngineStateFile(directory: directory)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file.path))
        var notes: [String] = []
        let state = try file.advance(recovered: { notes.append($0) })
        #expect(state.engineBoots == boots)
        #expect((state.engineID == Self.engineID) == keepsEngineID)
        #expect(notes.count == 1 && notes[0].contains("was damaged"))
        #expect(FileManager.default.contents(atPath: file.path + ".corrupt") == Data(text.utf8))
        #expect(try file.load() == state, "the repaired file is written back")
    }

    /// With a configured engine ID whose boot counter is lost, starting again at 1 would let captured messages
    /// authenticate again: the agent refuses to start and says why.
    @Test func aConfiguredEngineIDWithLostBootsIsAClearError() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = EngineStateFile(directory: directory)
        try Data("engineID 80007ED905AABBCCDD\nengineBoots ?\n".utf8).write(to: URL(fileURLWithPath: file.path))
        #expect {
            _ = try file.advance(configuredEngineID: Self.engineID)
        } throws: { error in
            guard let error = error as? SNMPError else { return false }
            return error.code == .configuration && error.reason.contains("cannot be recovered")
                && error.reason.contains("80007ED905AABBCCDD")
        }
        #expect(FileManager.default.contents(atPath: file.path) == Data("engineID 80007ED905AABBCCDD\nengineBoots ?\n".utf8),
                "the file is left for the operator")
    }

    /// RFC 3414 §2.2.2: at 2^31-1 snmpEngineBoots latches, and the engine then refuses every authenticated
    /// message as not in the time window, whatever it carries, until it is given a new engine ID.
    @Test func latchedBootsRefuseEveryAuthenticatedMessage() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = EngineStateFile(directory: directory)
        try file.save(EngineState(engineID: Self.engineID, engineBoots: EngineState.maximumBoots))
        let state = try file.advance()
        #expect(state.engineBoots == EngineState.maximumBoots)
        let clock = USMEngineTime(boots: state.engineBoots, time: 100)
        #expect(!clock.acceptsAsAuthoritative(clock))
        #expect(!clock.acceptsAsAuthoritative(USMEngineTime(boots: state.engineBoots, time: 101)))
        // A new engine ID unlatches it.
        let fresh = try #require(EngineState.engineID(hex: "80007ED9040102030405"))
        #expect(try file.advance(configuredEngineID: fresh).engineBoots == 1)
    }

    static func configuration(_ directory: String) -> AgentConfiguration {
        var configuration = AgentConfiguration()
        configuration.listenAddresses = ["udp:127.0.0.1:0"]
        configuration.communities = [AgentCommunity("private", access: .readWrite)]
        configuration.stateDirectory = directory
        configuration.servesInterfaces = false
        return configuration
    }

    static func request(_ type: PDUType, _ varBinds: [VarBind]) -> ResponderRequest {
        ResponderRequest(pdu: PDU(type: type, requestID: 1, varBinds: varBinds), version: .v2c, securityModel: .v2c,
                         securityName: "private", securityLevel: .noAuthNoPriv, maximumResponseSize: 65_000)
    }

    static let sysContact: ObjectIdentifier = "1.3.6.1.2.1.1.4.0"
    static let sysName: ObjectIdentifier = "1.3.6.1.2.1.1.5.0"
    static let sysLocation: ObjectIdentifier = "1.3.6.1.2.1.1.6.0"
    static let enableAuthenTraps: ObjectIdentifier = "1.3.6.1.2.1.11.30.0"

    /// SETs of sysContact, sysName, sysLocation and snmpEnableAuthenTraps survive a restart, as with snmpd's
    /// persistentDir; any octets (blanks, a line break, `#`) read back unchanged.
    @Test func setValuesSurviveARestart() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let set: [VarBind] = [
            VarBind(Self.sysContact, .octetString("noc # team\nline two")), VarBind(Self.sysName, .octetString("edge-7")),
            VarBind(Self.sysLocation, .octetString("rack 4, row 2")), VarBind(Self.enableAuthenTraps, .integer(1)),
        ]
        let first = try await SNMPAgent.start(configuration: Self.configuration(directory))
        guard case .response(let answer) = await first.responder.process(Self.request(.setRequest, set)) else {
            Issue.record("no answer to the SET")
            return
        }
        #expect(answer.errorStatus == .noError)
        await first.shutdown()

        let second = try await SNMPAgent.start(configuration: Self.configuration(directory))
        defer { Task { await second.shutdown() } }
        guard case .response(let read) = await second.responder.process(
            Self.request(.getRequest, set.map { VarBind($0.oid) })) else {
            Issue.record("no answer to the GET")
            return
        }
        #expect(read.varBinds == set)
        #expect(second.engineState.engineBoots == 2)
    }

    /// A SET whose value cannot be saved fails with commitFailed and leaves the old value: it never reports
    /// success for a value the next restart would lose.
    @Test func aSetThatCannotBeSavedFailsAndKeepsTheOldValue() async throws {
        let directory = try temporaryDirectory()
        let agent = try await SNMPAgent.start(configuration: Self.configuration(directory))
        defer { Task { await agent.shutdown() } }
        try FileManager.default.removeItem(atPath: directory)
        let before = agent.store.current.sysName
        guard case .response(let answer) = await agent.responder.process(
            Self.request(.setRequest, [VarBind(Self.sysName, .octetString("lost"))])) else {
            Issue.record("no answer to the SET")
            return
        }
        #expect(answer.errorStatus == .commitFailed)
        #expect(answer.errorIndex == 1)
        #expect(agent.store.current.sysName == before)
    }
}

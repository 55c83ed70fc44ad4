import Foundation
import Testing
import SNMPAgent
import SNMPApplications
import SNMPSMI

@Suite("Engine ID and the engine state file (RFC 3411 §5, RFC 3414 §2.2)")
struct EngineStateTests {
    func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("agent-state-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func generatedEngineIDHasTheRFC3411Layout() {
        let id = EngineState.generateEngineID(enterprise: 32473)
        let bytes = id.bytes
        #expect(bytes.count == 13)
        // 0x80000000 | 32473 = 80 00 7E D9; format 5 (octets).
        #expect(Array(bytes[0..<5]) == [0x80, 0x00, 0x7E, 0xD9, 0x05])
        #expect(EngineState.generateEngineID() != id, "eight random octets differ between calls")
    }

    @Test func bootsIncrementOnEveryStartAndTheIDIsKept() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = EngineStateFile(directory: directory + "/state")
        let first = try file.advance()
        let second = try file.advance()
        let third = try file.advance()
        #expect(first.engineBoots == 1)
        #expect(second.engineBoots == 2)
        #expect(third.engineBoots == 3)
        #expect(first.engineID == third.engineID)
        #expect(try file.load() == third)
        let text = try String(contentsOfFile: file.path, encoding: .utf8)
        #expect(text.contains("engineBoots 3"))
    }

    @Test func aNewConfiguredEngineIDRestartsBootsAtOne() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = EngineStateFile(directory: directory)
        _ = try file.advance()
        _ = try file.advance()
        let configured = try #require(EngineState.engineID(hex: "80007ED9040102030405"))
        let state = try file.advance(configuredEngineID: configured)
        #expect(state == EngineState(engineID: configured, engineBoots: 1))
        #expect(try file.advance(configuredEngineID: configured).engineBoots == 2)
    }

    @Test func bootsStayAtTheMaximum() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = EngineStateFile(directory: directory)
        let id = EngineState.generateEngineID()
        try file.save(EngineState(engineID: id, engineBoots: EngineState.maximumBoots))
        #expect(try file.advance().engineBoots == EngineState.maximumBoots)
    }

    /// Hand-written broken state files and the line each error must name.
    @Test(arguments: [
        ("engineID 80007ED905AABBCCDD\nengineBoots x\n", "line 2"),
        ("engineID zz\nengineBoots 1\n", "line 1"),
        ("# c\n\nengineID 80007ED905AABBCCDD\nfoo 1\n", "line 4"),
        ("engineID 80007ED905AABBCCDD 12\n", "line 1"),
        ("engineBoots 4\n", "required"),
        ("engineID 8000\nengineBoots 1\n", "line 1"),
    ])
    func badStateFilesAreRejected(text: String, expected: String) {
        #expect {
            _ = try EngineStateFile.parse(text)
        } throws: { error in
            guard let error = error as? SNMPError else { return false }
            return error.code == .configuration && error.reason.contains(expected)
        }
    }

    @Test func renderedStateParsesBack() throws {
        let state = EngineState(engineID: EngineState.generateEngineID(), engineBoots: 42)
        #expect(try EngineStateFile.parse(EngineStateFile.render(state)) == state)
    }
}

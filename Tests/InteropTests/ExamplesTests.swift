import Foundation
import Testing
@testable import SNMPExamples

/// Every example of `snmp-examples`, run in-process: offline against our own agent or receiver, then the
/// manager examples against a real snmpd and the notification examples against a real snmptrapd.
@Suite struct ExamplesOfflineTests {
    static let ids = ExampleCatalog.all.map { $0.id }

    @Test(arguments: ids)
    func runsOffline(_ id: String) async throws {
        let example = try ExampleRunner.find(id)
        let output = try await ExamplesHarness.run(example, arguments: [])
        try ExamplesHarness.check(example, output: output, sysDescr: "swift-snmp example agent")
        let lines = output.split(separator: "\n")
        if let originator = example as? any OriginatorExample.Type {
            // Our receiver prints "receiver got ..." for each notification it got.
            let got = lines.filter { $0.hasPrefix("receiver got ") }.count
            #expect(got == originator.notificationCount, "\(id): the receiver got \(got) of \(originator.notificationCount):\n\(output)")
        }
        if let receiver = example as? any ReceiverExample.Type {
            // Receiver examples print "received ..." for each notification they got.
            let got = lines.filter { $0.hasPrefix("received ") }.count
            #expect(got == receiver.notificationCount, "\(id) received \(got) of \(receiver.notificationCount):\n\(output)")
        }
        if example is any ResponderExample.Type {
            #expect(output.contains("-- a manager tries it:\n"), "\(id):\n\(output)")
            #expect(!output.contains("No Such") || id.hasSuffix("vacm-configuration") || id.hasSuffix("communities"),
                    "\(id): only a VACM example may hide objects:\n\(output)")
        }
    }

    @Test func everyExampleHasItsFileAndAHeader() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        for example in ExampleCatalog.all {
            let text = try String(contentsOf: root.appendingPathComponent(example.file), encoding: .utf8)
            #expect(text.hasPrefix("// \(example.name): ") || text.hasPrefix("// \(example.name) (native API): "),
                    "\(example.file) starts with its header comment")
            #expect(text.contains("// Net-SNMP"), "\(example.file) names its Net-SNMP equivalent")
        }
        #expect(Set(ExampleCatalog.all.map { $0.id }).count == ExampleCatalog.all.count, "ids are unique")
    }

    @Test func listShowsEveryExampleAndThePendingProxyScenarios() {
        let listing = ExampleCatalog.listing()
        for example in ExampleCatalog.all { #expect(listing.contains(example.id)) }
        #expect(listing.contains("proxy/v2c-to-v1-conversion"))
    }

    @Test func commandLineListsRunsAndRejects() async {
        let capture = ExampleOutput.Capture()
        let statuses = await ExampleOutput.$capture.withValue(capture) {
            [await ExampleCommand.main(["list"]), await ExampleCommand.main(["v2c-get"]),
             await ExampleCommand.main(["no-such-example"]), await ExampleCommand.main(["v2c-get", "--bogus"]),
             await ExampleCommand.main([])]
        }
        #expect(statuses == [0, 0, 1, 1, 1])
        #expect(capture.text.contains("manager/v2c-get"))
        #expect(capture.text.contains("SNMPv2-MIB::sysDescr.0 = STRING: swift-snmp example agent"))
        #expect(capture.text.contains("no example named no-such-example"))
        #expect(capture.text.contains("unknown option --bogus"))
    }

    @Test func unknownAndAmbiguousNamesAreErrors() {
        #expect(throws: ExampleError.self) { try ExampleRunner.find("no-such-example") }
        #expect(throws: ExampleError.self) { try ExampleRunner.find("custom-contextengineid") }  // manager and notification
        #expect(throws: ExampleError.self) { try PeerOptions.parse(["-e", "0xzz"]) }
    }
}

@Suite(.snmpd, .enabled(if: NetSNMPDaemon.isInstalled, NetSNMPDaemon.installHint))
struct ExamplesAgainstSNMPDTests {
    /// The fixture snmpd serves only the default context.
    static let ids = ExampleCatalog.all.filter { $0 is any ManagerExample.Type }.map { $0.id }
        .filter { !$0.contains("contextname") }

    @Test(arguments: ids)
    func runsAgainstSNMPD(_ id: String) async throws {
        let agent = try currentAgent()
        let example = try ExampleRunner.find(id)
        // pull-whole-mib walks all ~9000 objects of snmpd with SNMPv3 GETNEXT: the bound only guards against a hang.
        let output = try await ExamplesHarness.run(example, arguments: [
            "--agent", "udp:127.0.0.1:\(agent.port)", "--agent6", "udp6:[::1]:\(agent.port)",
        ], timeout: .seconds(600))
        try ExamplesHarness.check(example, output: output, sysDescr: "Net-SNMP interop test agent")
    }
}

@Suite(.snmptrapd, .enabled(if: NetSNMPDaemon.isInstalled, NetSNMPDaemon.installHint), .serialized)
struct ExamplesAgainstSNMPTrapdTests {
    static let ids = ExampleCatalog.all.filter { $0 is any OriginatorExample.Type }.map { $0.id }

    @Test(arguments: ids)
    func sendsToSNMPTrapd(_ id: String) async throws {
        let receiver = try currentReceiver()
        let example = try ExampleRunner.find(id)
        let count = (example as? any OriginatorExample.Type)?.notificationCount ?? 0
        let before = receiver.notifications().count
        let output = try await ExamplesHarness.run(example, arguments: [
            "--agent", "udp:127.0.0.1:\(receiver.port)", "--agent6", "udp6:[::1]:\(receiver.port)",
        ])
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(5)
        while receiver.notifications().count < before + count, clock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(receiver.notifications().count == before + count, "snmptrapd logged the notifications of \(id):\n\(output)")
    }
}

enum ExamplesHarness {
    /// Runs an example in-process and returns what it printed.
    static func run(_ example: any Example.Type, arguments: [String], timeout: Duration = .seconds(60)) async throws -> String {
        let capture = ExampleOutput.Capture()
        let peer = try PeerOptions.parse(arguments)
        do {
            try await ExampleOutput.$capture.withValue(capture) {
                try await ExampleRunner.run(example, peer, timeout: timeout)
            }
        } catch {
            Issue.record("\(example.id) failed: \(error)\n\(capture.text)")
            throw error
        }
        return capture.text
    }

    /// What every example's output must show: something, and for managers a varbind line without an SNMP
    /// exception (and the agent's sysDescr where the example reads it).
    static func check(_ example: any Example.Type, output: String, sysDescr: String) throws {
        #expect(!output.isEmpty, "\(example.id) printed nothing")
        guard example is any ManagerExample.Type else { return }
        let summaries = [
            "manager/query-agents-from-multiple-threads-over-ipv4-and-ipv6": "16 of 16 concurrent tasks",
            "cmdgen/getbulk-multiple-oids-to-eom": "every column at the end of the MIB view",
        ]
        if let summary = summaries[example.id] {
            #expect(output.contains(summary), "\(example.id):\n\(output)")
        } else {
            #expect(output.contains(" = ") || output.contains(": "), "\(example.id) printed no varbind:\n\(output)")
        }
        #expect(!output.contains("No Such"), "\(example.id) got an exception value:\n\(output)")
        let readsSysDescr = ["v1-get", "v2c-get", "usm-none-none", "usm-md5-none", "usm-md5-des", "usm-sha-aes128",
                             "usm-master-keys", "usm-localized-keys", "specific-v3-engine-id"]
        if example.group == .manager, readsSysDescr.contains(example.name) {
            #expect(output.contains("SNMPv2-MIB::sysDescr.0 = STRING: \(sysDescr)"), "\(example.id):\n\(output)")
        }
    }
}

/// The DocC articles of the `SNMP` module quote the examples: a code block whose first line is
/// `// Examples/...swift` must appear, line for line, in that file, so the documentation cannot drift from code
/// that compiles and runs.
@Suite struct ExampleSnippetTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func articleSnippetsAreQuotedFromTheExamples() throws {
        let docs = Self.root.appendingPathComponent("Sources/HighLevel/Docs.docc")
        let articles = try FileManager.default.contentsOfDirectory(atPath: docs.path).filter { $0.hasSuffix(".md") }
            .map { docs.appendingPathComponent($0) } + [Self.root.appendingPathComponent("README.md")]
        var quoted = 0
        for url in articles {
            let name = url.lastPathComponent
            let article = try String(contentsOf: url, encoding: .utf8)
            for block in article.components(separatedBy: "```swift\n").dropFirst() {
                let lines = block.components(separatedBy: "\n```").first?.components(separatedBy: "\n") ?? []
                guard let first = lines.first, first.hasPrefix("// Examples/") else { continue }
                let path = String(first.dropFirst(3))
                let source = try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
                let sourceLines = source.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                let snippet = lines.dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
                let found = sourceLines.indices.contains { start in
                    start + snippet.count <= sourceLines.count
                        && Array(sourceLines[start..<start + snippet.count]) == Array(snippet)
                }
                #expect(found, "\(name): the snippet from \(path) is not in that file any more")
                quoted += 1
            }
        }
        #expect(quoted >= 30, "the articles quote the examples (\(quoted) snippets)")
    }

    @Test func readmeIndexIsTheCatalog() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let index = ExampleCatalog.markdownIndex().replacingOccurrences(of: "### ", with: "#### ")
        #expect(readme.contains(index), "README's scenario index is `snmp-examples list --markdown` (headings one level down)")
    }
}

import Foundation
import SNMPExporter
import Testing

/// Our `snmp exporter` and Debian's snmp_exporter on the same snmp.yml against the same snmpd: the same
/// samples (name, labels, value), the same error answers.
@Suite(.enabled(if: ExporterFixtures.peersInstalled || ExporterFixtures.required, ExporterFixtures.installHint),
       .serialized)
struct ExporterSideBySideTests {
    @Test func sameSamplesAsSNMPExporterForEveryModule() async throws {
        let agent = try ExporterFixtures.startAgent()
        defer { agent.stop() }
        let work = URL(fileURLWithPath: agent.dir)
        let (debian, debianPort) = try await ExporterFixtures.startDebianExporter(
            config: ExporterFixtures.legacyConfig, in: work)
        defer { debian.stop() }
        try await ExporterFixtures.withOurExporter(config: ExporterFixtures.legacyConfig) { ourPort, _ in
            // if_mib: v2c bulk walks, lookups, EnumAsInfo/EnumAsStateSet, PhysAddress48, Counter64 past 2^53;
            // if_mib_v1: GETNEXT walks; if_mib_v3: SHA-256/AES; types: gets and every value conversion.
            for module in ["if_mib", "if_mib_v1", "if_mib_v3", "types"] {
                let path = "/snmp?target=127.0.0.1:\(agent.port)&module=\(module)"
                let theirs = try await HTTPGet.fetch(port: debianPort, path: path)
                let ours = try await HTTPGet.fetch(port: ourPort, path: path)
                #expect(theirs.status == 200, "\(module): \(theirs.body)")
                #expect(ours.status == 200, "\(module): \(ours.body)")
                let expected = ExporterFixtures.samples(theirs.body)
                let actual = ExporterFixtures.samples(ours.body)
                #expect(expected.count > 10, "\(module): too few samples to compare")
                #expect(actual.subtracting(expected).sorted() == [], "\(module): only ours")
                #expect(expected.subtracting(actual).sorted() == [], "\(module): only snmp_exporter's")
                #expect(ours.headers["content-type"] == "text/plain; version=0.0.4; charset=utf-8")
            }
        }
        // The same module in the current layout (auths + modules) gives the same samples too.
        try await ExporterFixtures.withOurExporter(config: ExporterFixtures.currentConfig) { ourPort, _ in
            let path = "/snmp?target=127.0.0.1:\(agent.port)&module=types"
            let theirs = try await HTTPGet.fetch(port: debianPort, path: path)
            let ours = try await HTTPGet.fetch(port: ourPort, path: path + "&auth=public_v2")
            #expect(ExporterFixtures.samples(ours.body) == ExporterFixtures.samples(theirs.body))
        }
    }

    @Test func badRequestsAnswerAsSNMPExporterAndServingGoesOn() async throws {
        let agent = try ExporterFixtures.startAgent(rows: 1)
        defer { agent.stop() }
        let silent = try ExporterFixtures.SilentTarget()
        let (debian, debianPort) = try await ExporterFixtures.startDebianExporter(
            config: ExporterFixtures.legacyConfig, in: URL(fileURLWithPath: agent.dir))
        defer { debian.stop() }
        let silentPort = silent.port
        try await ExporterFixtures.withOurExporter(config: ExporterFixtures.legacyConfig) { ourPort, _ in
            let requests = [
                "/snmp",  // missing target
                "/snmp?target=127.0.0.1:\(agent.port)&module=nonexistent",  // unknown module
                "/snmp?target=127.0.0.1&target=127.0.0.2",  // target twice
                "/snmp?target=127.0.0.1:\(silentPort)&module=timeout_probe",  // a target that never answers
                "/snmp?target=127.0.0.1:\(silentPort)&module=timeout_probe_get",  // timing out in a GET
            ]
            for path in requests {
                let theirs = try await HTTPGet.fetch(port: debianPort, path: path)
                let ours = try await HTTPGet.fetch(port: ourPort, path: path)
                #expect(ours.status == theirs.status, "\(path)")
                #expect(ours.body == theirs.body, "\(path)")
                #expect(ours.headers["content-type"] == theirs.headers["content-type"], "\(path)")
            }
            let reload = try await HTTPGet.fetch(port: ourPort, path: "/-/reload")
            #expect(reload.status == 400)
            #expect(reload.body == "POST method expected\n")
            // Still serving after the failures.
            let good = try await HTTPGet.fetch(port: ourPort, path: "/snmp?target=127.0.0.1:\(agent.port)&module=if_mib")
            #expect(good.status == 200)
            #expect(good.body.contains("ifHCInOctets{"))
            let healthy = try await HTTPGet.fetch(port: ourPort, path: "/-/healthy")
            #expect(healthy.status == 200 && healthy.body == "Healthy")
            let metrics = try await HTTPGet.fetch(port: ourPort, path: "/metrics")
            #expect(metrics.body.contains("snmp_request_errors_total"))
            #expect(metrics.body.contains("snmp_collection_duration_seconds_bucket"))
        }
    }

    @Test func reloadKeepsTheOldConfigurationOnError() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("exporter-reload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("snmp.yml")
        try String(contentsOfFile: ExporterFixtures.currentConfig, encoding: .utf8).write(to: file, atomically: true, encoding: .utf8)
        try await ExporterFixtures.withOurExporter(config: file.path) { port, server in
            try "modules:\n  types:\n    walk: [1.3.6.1.2.1.2]\n    bogus: 1\n".write(to: file, atomically: true, encoding: .utf8)
            let failed = try await HTTPGet.fetch(port: port, path: "/-/reload", method: "POST")
            #expect(failed.status == 500)
            #expect(failed.body.hasPrefix("failed to reload config: \(file.path):4:12: modules.types.bogus: unknown field \"bogus\""))
            #expect(server.store.configuration.modules["types"]?.metrics.isEmpty == false)
            try "auths:\n  public_v2: {}\nmodules:\n  other:\n    walk: [1.3.6.1.2.1.2]\n".write(to: file, atomically: true, encoding: .utf8)
            let reloaded = try await HTTPGet.fetch(port: port, path: "/-/reload", method: "POST")
            #expect(reloaded.status == 200)
            #expect(server.store.configuration.modules["other"] != nil)
            #expect(server.store.configuration.modules["types"] == nil)
        }
    }
}

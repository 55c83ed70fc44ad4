import Foundation
import SNMPExporter
import Testing

/// Debian's Prometheus scrapes our exporter for two agents through the usual `__param_target` relabelling.
@Suite(.enabled(if: ExporterFixtures.peersInstalled || ExporterFixtures.required, ExporterFixtures.installHint),
       .serialized)
struct ExporterPrometheusTests {
    @Test func prometheusScrapesTwoTargetsThroughOurExporter() async throws {
        let first = try ExporterFixtures.startAgent(rows: 2)
        defer { first.stop() }
        let second = try ExporterFixtures.startAgent(rows: 4)
        defer { second.stop() }
        let work = URL(fileURLWithPath: first.dir)
        try await ExporterFixtures.withOurExporter(config: ExporterFixtures.legacyConfig) { exporterPort, _ in
            let configuration = """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                scrape_configs:
                - job_name: snmp
                  metrics_path: /snmp
                  params:
                    module: [if_mib]
                  static_configs:
                  - targets: ['127.0.0.1:\(first.port)', '127.0.0.1:\(second.port)']
                  relabel_configs:
                  - source_labels: [__address__]
                    target_label: __param_target
                  - source_labels: [__param_target]
                    target_label: instance
                  - target_label: __address__
                    replacement: 127.0.0.1:\(exporterPort)

                """
            let file = work.appendingPathComponent("prometheus.yml")
            try configuration.write(to: file, atomically: true, encoding: .utf8)
            let port = try ExporterFixtures.freePort()
            let prometheus = try ExporterFixtures.Child(ExporterFixtures.prometheus, [
                "--config.file=\(file.path)", "--storage.tsdb.path=\(work.appendingPathComponent("tsdb").path)",
                "--web.listen-address=127.0.0.1:\(port)",
            ], log: work.appendingPathComponent("prometheus.log"))
            defer { prometheus.stop() }
            try await ExporterFixtures.waitForHTTP(port: port, path: "/-/ready", child: prometheus)
            let query = "/api/v1/query?query=count%20by%20(instance)%20(ifHCInOctets)"
            var body = ""
            for _ in 0..<60 {
                body = try await HTTPGet.fetch(port: port, path: query).body
                if body.contains("127.0.0.1:\(first.port)") && body.contains("127.0.0.1:\(second.port)") { break }
                try await Task.sleep(for: .milliseconds(500))
            }
            // Two series per target for the first agent's 2 interfaces, four for the second's.
            #expect(body.contains("{\"instance\":\"127.0.0.1:\(first.port)\"},\"value\":[") , "\(body)")
            #expect(body.contains("{\"instance\":\"127.0.0.1:\(second.port)\"},\"value\":["), "\(body)")
            #expect(body.contains("\"2\"]") && body.contains("\"4\"]"), "\(body)")
        }
    }
}

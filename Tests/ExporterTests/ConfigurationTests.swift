import Foundation
import Testing
@testable import SNMPExporter
import SNMP

/// snmp.yml in both layouts, and errors that name the file, line, column and key.
struct ConfigurationTests {
    static let current = """
        auths:
          public_v2:
            community: public
          v3:
            version: 3
            username: admin
            security_level: authPriv
            password: authpass123
            auth_protocol: SHA256
            priv_protocol: AES
            priv_password: privpass123
        modules:
          if_mib:
            walk: [1.3.6.1.2.1.2, .1.3.6.1.2.1.31.1.1]
            get: [1.3.6.1.2.1.1.3.0]
            max_repetitions: 50
            retries: 2
            timeout: 1m30s
            allow_nonincreasing_oids: true
            filters:
            - oid: 1.3.6.1.2.1.2.2.1.8
              targets: [1.3.6.1.2.1.2.2.1.10]
              values: ["1"]
            metrics:
            - name: ifInOctets
              oid: 1.3.6.1.2.1.2.2.1.10
              type: counter
              help: The total number of octets received
              indexes:
              - labelname: ifIndex
                type: gauge
              lookups:
              - labels: [ifIndex]
                labelname: ifDescr
                oid: 1.3.6.1.2.1.2.2.1.2
                type: DisplayString
            - name: sysUpTime
              oid: 1.3.6.1.2.1.1.3
              type: gauge
              scale: 0.01
              offset: 1
        """

    @Test func currentLayoutLoads() throws {
        let configuration = try ExporterConfiguration.parse(yaml: Self.current)
        #expect(configuration.auths["public_v2"]?.version == 2)
        #expect(configuration.auths["public_v2"]?.community == "public")
        #expect(configuration.auths["v3"]?.authProtocol == "SHA256")
        let module = try #require(configuration.modules["if_mib"])
        #expect(module.walk == ["1.3.6.1.2.1.2", "1.3.6.1.2.1.31.1.1"])
        #expect(module.get == ["1.3.6.1.2.1.1.3.0"])
        #expect(module.walkParameters.maxRepetitions == 50)
        #expect(module.walkParameters.retries == 2)
        #expect(module.walkParameters.timeout == .seconds(90))
        #expect(module.walkParameters.allowNonIncreasingOIDs)
        #expect(module.filters.first?.targets == ["1.3.6.1.2.1.2.2.1.10"])
        #expect(module.metrics.count == 2)
        #expect(module.metrics[0].lookups.first?.labelName == "ifDescr")
        #expect(module.metrics[1].scale == 0.01)
        #expect(module.legacyAuth == nil)
    }

    @Test func legacyLayoutKeepsTheModulesOwnAuth() throws {
        let yaml = """
            if_mib:
              walk: [1.3.6.1.2.1.2]
              metrics: []
              version: 3
              timeout: 500ms
              auth:
                username: admin
                security_level: authNoPriv
                password: authpass123
                auth_protocol: SHA
            plain:
              metrics: []
            """
        let configuration = try ExporterConfiguration.parse(yaml: yaml)
        let auth = try #require(configuration.modules["if_mib"]?.legacyAuth)
        #expect(auth.version == 3)
        #expect(auth.securityLevel == "authNoPriv")
        #expect(configuration.modules["if_mib"]?.walkParameters.timeout == .milliseconds(500))
        // The defaults: SNMPv2c with community "public", 25 repetitions, 3 retries, 5 s.
        let plain = try #require(configuration.modules["plain"])
        #expect(plain.legacyAuth?.version == 2)
        #expect(plain.legacyAuth?.community == "public")
        #expect(plain.walkParameters == WalkParameters())
        #expect(configuration.auths.isEmpty)
    }

    struct BadConfig: Sendable, CustomTestStringConvertible {
        let yaml: String
        let line: Int
        let key: String
        let message: String
        var testDescription: String { message }
    }

    static let badConfigs: [BadConfig] = [
        BadConfig(yaml: "modules:\n  m:\n    walk: [1.3.6]\n    wakl: [1]\n", line: 4, key: "modules.m.wakl",
                  message: "unknown field \"wakl\""),
        BadConfig(yaml: "modules:\n  m:\n    metrics:\n    - name: x\n      oid: 1.3.6\n      type: gauge32\n",
                  line: 6, key: "modules.m.metrics[0].type", message: "unknown metric type \"gauge32\""),
        BadConfig(yaml: "auths:\n  a:\n    version: 4\n", line: 3, key: "auths.a.version",
                  message: "SNMP version must be 1, 2 or 3. Got: 4"),
        BadConfig(yaml: "auths:\n  a:\n    version: 3\n    username: u\n    security_level: authPriv\n    password: p\n",
                  line: 3, key: "auths.a.version", message: "priv password is missing, required for SNMPv3 with priv"),
        BadConfig(yaml: "modules:\n  m:\n    walk: [1.3.x]\n", line: 3, key: "modules.m.walk[0]",
                  message: "\"1.3.x\" is not a dotted OID"),
        BadConfig(yaml: "modules:\n  m:\n    timeout: 5 seconds\n", line: 3, key: "modules.m.timeout",
                  message: "\"5 seconds\" is not a duration"),
        BadConfig(yaml: "modules:\n  m:\n    metrics:\n    - name: x\n      oid: 1.3\n      type: gauge\n      indexes:\n      - labelname: i\n        type: Float\n",
                  line: 9, key: "modules.m.metrics[0].indexes[0].type", message: "invalid index type \"Float\""),
        BadConfig(yaml: "modules:\n  m:\n    metrics:\n    - name: x\n      oid: 1.3\n      type: DisplayString\n      regex_extracts:\n        Major:\n        - regex: '(unclosed'\n",
                  line: 9, key: "modules.m.metrics[0].regex_extracts.Major[0].regex",
                  message: "invalid regular expression \"(unclosed\""),
        BadConfig(yaml: "modules:\n  m:\n    walk: [1.3\n", line: 4, key: "", message: "YAML:"),
    ]

    @Test(arguments: badConfigs)
    func badConfigurationNamesFileLineAndKey(_ bad: BadConfig) {
        #expect {
            _ = try ExporterConfiguration.parse(yaml: bad.yaml, file: "bad.yml")
        } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            return error.file == "bad.yml" && error.line == bad.line && error.key == bad.key
                && error.message.hasPrefix(bad.message)
        }
    }

    @Test func errorDescriptionReadsLikeACompilerMessage() {
        let error = ConfigurationError(file: "snmp.yml", line: 12, column: 7, key: "modules.x.type", message: "bad")
        #expect(error.description == "snmp.yml:12:7: modules.x.type: bad")
    }

    @Test func environmentExpansionOfCredentials() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("exporter-env-\(UInt32.random(in: 0...UInt32.max)).yml")
        try "auths:\n  a:\n    version: 3\n    username: ${USER_NAME}-x\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let plain = try ExporterConfiguration.load(files: [file.path])
        #expect(plain.auths["a"]?.username == "${USER_NAME}-x")
        let expanded = try ExporterConfiguration.load(files: [file.path], expandEnvironment: true,
                                                      environment: ["USER_NAME": "monitor"])
        #expect(expanded.auths["a"]?.username == "monitor-x")
        #expect(throws: ConfigurationError.self) {
            try ExporterConfiguration.load(files: [file.path], expandEnvironment: true, environment: [:])
        }
    }

    @Test(arguments: [("5s", Duration.seconds(5)), ("1m30s", .seconds(90)), ("250ms", .milliseconds(250)),
                      ("1.5s", .milliseconds(1500)), ("2h", .seconds(7200)), ("0", .zero)])
    func goDurations(_ text: String, _ expected: Duration) {
        #expect(GoDuration.parse(text) == expected)
    }

    @Test func goDurationRejectsGarbage() {
        #expect(GoDuration.parse("5") == nil)
        #expect(GoDuration.parse("s") == nil)
        #expect(GoDuration.parse("5x") == nil)
    }
}

/// `snmp exporter --dry-run` checks the configuration and exits as snmp_exporter does.
struct CommandLineTests {
    @Test func dryRunExitStatus() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("exporter-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = directory.appendingPathComponent("good.yml")
        let bad = directory.appendingPathComponent("bad.yml")
        try ConfigurationTests.current.write(to: good, atomically: true, encoding: .utf8)
        try "modules:\n  m:\n    wakl: [1]\n".write(to: bad, atomically: true, encoding: .utf8)
        #expect(await ExporterCommandLine.run(["--config.file", good.path, "--dry-run"]) == 0)
        #expect(await ExporterCommandLine.run(["--config.file=\(bad.path)", "--dry-run"]) == 1)
        #expect(await ExporterCommandLine.run(["--no-such-flag"]) == 2)
        #expect(ExporterCommandLine.listenAddress(":9116").map { $0 == ("0.0.0.0", 9116) } == true)
        #expect(ExporterCommandLine.listenAddress("[::1]:9116").map { $0 == ("::1", 9116) } == true)
        #expect(ExporterCommandLine.listenAddress("nonsense") == nil)
    }
}

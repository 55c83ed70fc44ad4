import Foundation
import Testing

/// The shared IETF MIB corpus and the installed Net-SNMP, found relative to this file so CI and local
/// checkouts agree: `<repo>/../shared/mibs/ietf`.
enum Corpus {
    static let directory: String = {
        let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return repository.deletingLastPathComponent().appendingPathComponent("shared/mibs/ietf").path
    }()

    static let isPresent = FileManager.default.fileExists(atPath: directory + "/SNMPv2-SMI")

    static let skipMessage: Comment = "MIB corpus not found at <repo>/../shared/mibs/ietf; skipping corpus tests"

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted()
    }

    static let snmptranslate: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = String(directory) + "/snmptranslate"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    static let canCompare = isPresent && snmptranslate != nil

    /// Runs `snmptranslate -M corpus -m ALL options... inputs...` in batches; one output line per input.
    static func translate(_ inputs: [String], options: [String]) throws -> [String] {
        guard let snmptranslate else { return [] }
        var outputs: [String] = []
        var start = 0
        while start < inputs.count {
            let batch = Array(inputs[start..<min(start + 400, inputs.count)])
            let process = Process()
            process.executableURL = URL(fileURLWithPath: snmptranslate)
            process.arguments = ["-M", directory, "-m", "ALL"] + options + batch
            var environment = ProcessInfo.processInfo.environment
            environment["MIBDIRS"] = nil
            environment["MIBS"] = nil
            environment["SNMPCONFPATH"] = "/nonexistent"
            process.environment = environment
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
            outputs += lines
            start += batch.count
        }
        return outputs
    }
}

import Foundation
import Testing

/// The MIB corpus (the standard modules the package bundles, `Sources/MIB/Resources/mibs`) and the installed
/// Net-SNMP, found relative to this file so every checkout agrees.
enum Corpus {
    static let directory: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/MIB/Resources/mibs").path

    static let installHint: Comment = "snmptranslate not installed (apt-get install snmp, or run .ci/install-deps)"

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

    static let canCompare = snmptranslate != nil

    /// Runs `snmptranslate -M corpus -m MODULES options... inputs...` in batches; one output line per input.
    static func translate(_ inputs: [String], options: [String], modules: String = "ALL") throws -> [String] {
        guard let snmptranslate else { return [] }
        var outputs: [String] = []
        var start = 0
        while start < inputs.count {
            let batch = Array(inputs[start..<min(start + 400, inputs.count)])
            let process = Process()
            process.executableURL = URL(fileURLWithPath: snmptranslate)
            process.arguments = ["-M", directory, "-m", modules] + options + batch
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

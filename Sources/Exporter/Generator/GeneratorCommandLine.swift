import Foundation
import SNMP

/// `snmp exporter generate [generator.yml] [-o snmp.yml] [-m DIR]...`: snmp_exporter's generator on our MIB
/// subsystem. MIB directories default to Net-SNMP's search path (`MIBDIRS`, `/usr/share/snmp/mibs`, …);
/// every module found there is loaded.
enum GeneratorCommandLine {
    static func run(_ arguments: [String]) async -> Int32 {
        var input = "generator.yml"
        var output = "snmp.yml"
        var directories: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            switch argument {
            case "-o", "--output-path", "-m", "--mibs-dir":
                guard index < arguments.count else {
                    ExporterCommandLine.writeError("snmp exporter generate: \(argument) needs a value\n")
                    return 2
                }
                if argument == "-o" || argument == "--output-path" { output = arguments[index] } else { directories.append(arguments[index]) }
                index += 1
            case "-h", "--help":
                print(ExporterCommandLine.usage, terminator: "")
                return 0
            case let path where !path.hasPrefix("-"):
                input = path
            default:
                ExporterCommandLine.writeError("snmp exporter generate: unknown argument \(argument)\n")
                return 2
            }
        }
        do {
            let text = try String(contentsOfFile: input, encoding: .utf8)
            let configuration = try GeneratorConfiguration.parse(yaml: text, file: input)
            let store = MIBStore(searchPath: directories.isEmpty ? MIBSearchPath.directories() : directories)
            let loadErrors = store.loadAll()
            for error in loadErrors.prefix(20) { ExporterCommandLine.writeError("snmp exporter generate: MIB: \(error)\n") }
            var warnings: [String] = []
            let generated = try ExporterGenerator(tree: store.tree).generate(configuration, warnings: &warnings)
            for warning in warnings { ExporterCommandLine.writeError("snmp exporter generate: \(warning)\n") }
            try generated.yaml().write(toFile: output, atomically: true, encoding: .utf8)
            // Reading it back proves the output is a configuration the exporter accepts.
            _ = try ExporterConfiguration.load(files: [output])
            return 0
        } catch {
            ExporterCommandLine.writeError("snmp exporter generate: \(error)\n")
            return 1
        }
    }
}

/// `snmp-examples list [--markdown]` and `snmp-examples NAME [options]`.
enum ExampleCommand {
    static func main(_ arguments: [String]) async -> Int32 {
        guard let command = arguments.first, command != "-h", command != "--help" else {
            print(PeerOptions.usage)
            return arguments.isEmpty ? 1 : 0
        }
        if command == "list" {
            print(arguments.dropFirst().first == "--markdown" ? ExampleCatalog.markdownIndex() : ExampleCatalog.listing())
            return 0
        }
        do {
            let example = try ExampleRunner.find(command)
            let peer = try PeerOptions.parse(Array(arguments.dropFirst()))
            try await ExampleRunner.run(example, peer)
            return 0
        } catch {
            print("snmp-examples \(command): \(error)")
            return 1
        }
    }
}

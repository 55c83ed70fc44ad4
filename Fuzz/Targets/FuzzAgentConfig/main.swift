// libFuzzer target: the agent's configuration file parser (snmpd.conf-style) and the engine state file parser,
// on arbitrary text. Bad lines must be a typed `SNMPError` naming the line, never a trap; what parses must also
// produce its VACM tables and community table without error or trap.
import SNMPAgent
import SNMPApplications

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    var configuration = AgentConfiguration()
    if (try? AgentConfigurationFile.parse(text, into: &configuration)) != nil {
        _ = try? configuration.accessControl()
    }
    if let state = try? EngineStateFile.parse(text) {
        // What was read writes back to text that reads back the same.
        guard let again = try? EngineStateFile.parse(EngineStateFile.render(state)), again == state else {
            fatalError("engine state does not round-trip: \(state)")
        }
    }
    return 0
}

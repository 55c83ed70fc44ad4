// libFuzzer target: the `snmp` command's argument parsers. An input is a command line, one argument per line:
// getopt-style options (`-v2c`, `-O` output letters, `-C` application letters with numbers, `-I`), the agent
// address (`[udp:|udp6:|tcp:]host[:port]`), then snmpset's `OID TYPE VALUE` operands, parsed as `snmp set`
// parses them (OID names through the MIBs in $FUZZ_MIBDIRS, `=` and enumeration labels from SYNTAX, every type
// letter's value notation). Bad input must be a `CommandLineError`, never a trap.
#if canImport(Glibc)
import Glibc
#endif
import SNMP
import SNMPMIB
@testable import SNMPCLI

/// The MIBs to resolve names with: the directory Fuzz/run names, or none (numeric OIDs only).
let printer: Printer = {
    let directory = getenv("FUZZ_MIBDIRS").map { String(cString: $0) } ?? "/nonexistent"
    guard let printer = try? Printer(arguments: NetSNMPArguments(["-M", directory, "-m", "ALL"], tool: "snmpset"))
    else { fatalError("no printer") }
    return printer
}()

func parse(_ arguments: [String]) throws(CommandLineError) {
    let parsed = try NetSNMPArguments(arguments, tool: "snmpset", permute: false)
    var options = OutputOptions()
    for letters in parsed.outputFlags { _ = try? options.apply(letters) }
    _ = try parsed.applicationFlags(withNumber: ["n", "r", "c", "i"], tool: "snmpbulkwalk")
    guard let agent = parsed.positional.first else { return }
    _ = try? AgentAddress(parsing: agent, defaultPort: 161)
    var operands = parsed.positional.dropFirst()[...]
    var streams = StandardStreams()
    while operands.count >= 3 {
        let name = operands.removeFirst(), typeText = operands.removeFirst(), value = operands.removeFirst()
        guard let type = typeText.first, SetValueParser.knownTypes.contains(type) else { continue }
        let oid = try printer.parseOID(name)
        let typed = MIBSetValue.resolve(type: type, value: value, oid: oid, printer: printer)
        _ = try SetValueParser.parse(type: typed.type, value: typed.value, name: name, printer: printer,
                                     streams: &streams)
    }
    streams.out.removeAll()
}

/// Sets up the long-lived state before the first input, so that its allocations are not charged to an input
/// (libFuzzer's leak check compares allocations and frees per input).
@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    _ = printer
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    let arguments = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    try? parse(arguments)
    return 0
}

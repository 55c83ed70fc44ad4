// snmp-examples: every scenario of PySNMP's v3-architecture documentation, in Swift.
//
//   swift run snmp-examples list                 one line per example, grouped
//   swift run snmp-examples v2c-get              runs one offline, against our own agent in-process
//   swift run snmp-examples v2c-get --agent udp:192.0.2.1:161 -c public
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Logging

// Our agents and receivers log their start and stop at info level; the examples' output is what they print.
LoggingSystem.bootstrap { label in
    var handler = StreamLogHandler.standardError(label: label)
    handler.logLevel = .warning
    return handler
}

let arguments = Array(CommandLine.arguments.dropFirst())
let status = await ExampleCommand.main(arguments)
exit(status)

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SNMPDispatcher

/// `snmp COMMAND [OPTIONS] AGENT ...`: Net-SNMP's tools under one name, with their options and output.
let status = await withTaskExecutorPreference(EventLoopTaskExecutor.shared) {
    await SNMPTool.run(Array(CommandLine.arguments.dropFirst()))
}
exit(status)

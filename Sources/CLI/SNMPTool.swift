#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SNMP
import SNMPExporter

/// The `snmp` command: picks the tool and maps failures to Net-SNMP's messages and exit statuses.
enum SNMPTool {
    static let usage = """
        USAGE: snmp COMMAND [OPTIONS] AGENT [ARGUMENTS]

        Commands (Net-SNMP's tools, same options and output):
          get        like snmpget        OID [OID]...
          getnext    like snmpgetnext    OID [OID]...
          bulkget    like snmpbulkget    OID [OID]...        (-Cn<N> non-repeaters, -Cr<N> max-repetitions)
          walk       like snmpwalk       [OID]               (-Cc -Ci -CI -Cp -Ct -CE OID)
          bulkwalk   like snmpbulkwalk   [OID]               (-Cc -Ci -CI -Cp -Cn<N> -Cr<N>)
          set        like snmpset        OID TYPE VALUE ...  (types = i u t a o s x d b n U I F D)
          table      like snmptable      TABLE-OID           (-Cf SEP -Cw N -Ci -Cb -Cl -Cc N -CH -Ch -Cr N)
          translate  like snmptranslate  OID [OID]...        (no AGENT; -On -Of -Os -Td -Tp -IR)
          trap       like snmptrap       -v1: ENTERPRISE AGENT-ADDR GENERIC SPECIFIC UPTIME [OID TYPE VALUE]...
                                         -v2c/-v3: UPTIME TRAP-OID [OID TYPE VALUE]...   (-Ci: inform)
          inform     like snmpinform     UPTIME TRAP-OID [OID TYPE VALUE]...
          trapd      like snmptrapd      [-f] [-n] [-c FILE] [-C] [-p PORT] [--listen ADDR] [--community C]
                                         [--user NAME:AUTH:AUTHPASS:PRIV:PRIVPASS[:ENGINEID]] [ADDR]...
          agent      run an SNMP agent   (snmp agent --help)
          exporter   Prometheus snmp_exporter drop-in (snmp exporter --help; snmp exporter generate)
          demo       our agent on loopback, walked with SNMPv3 authPriv, a SET, a trap received

        Options:
          -v 1|2c        SNMP version (default 2c)
          -c COMMUNITY   community string (default public)
          -r RETRIES     retries (default 5)
          -t TIMEOUT     timeout in seconds (default 1)
          -O FLAGS       output options: n f s S q Q v e t x a T U b X 0
          -m MODULES     MIB modules to load (ALL, A:B, +A); -M DIRS  MIB directories (+DIR prepends)
          -I FLAGS       input options: R (random access names), h (no DISPLAY-HINTs)
          -C FLAGS       command-specific options
          -d             also say on stderr what a walk worked around (tooBig, lost large responses, ...)
          -v 3: -u USER -l LEVEL -a MD5|SHA|SHA-224|SHA-256|SHA-384|SHA-512 -A PASS
                -x DES|3DES|AES|AES-192|AES-256|AES-192-C|AES-256-C -X PASS -e ENGINEID -n CONTEXT
                -x AES-192-auto|AES-256-auto (our extension): AES-192/256 whose key extension is unknown;
                   tries Blumenthal (AES-256), and Reeder (AES-256-C, Cisco) once if the agent cannot decrypt
        AGENT: [udp:|udp6:]host[:port]

        """

    static func run(_ arguments: [String]) async -> Int32 {
        guard let command = arguments.first else {
            writeError(usage)
            return 1
        }
        let rest = Array(arguments.dropFirst())
        // The agent has GNU-style options (swift-argument-parser), not Net-SNMP's tool options.
        if command == "agent" { return await AgentCommand.main(rest) }
        if command == "exporter" { return await ExporterCommandLine.run(rest) }
        if command == "demo" { return await DemoCommand.run() }
        let tool = toolName(command)
        // snmptrapd's options are its own, not snmpcmd(1)'s.
        if command == "trapd" { return await TrapdCommand.run(rest) }
        do {
            let parsed = try NetSNMPArguments(rest, tool: tool, permute: !["set", "trap", "inform"].contains(command))
            switch command {
            case "get": return try await GetCommand.run(next: false, arguments: parsed)
            case "getnext": return try await GetCommand.run(next: true, arguments: parsed)
            case "bulkget": return try await BulkGetCommand.run(arguments: parsed)
            case "walk": return try await WalkCommand.run(bulk: false, arguments: parsed)
            case "bulkwalk": return try await WalkCommand.run(bulk: true, arguments: parsed)
            case "set": return try await SetCommand.run(arguments: parsed)
            case "translate": return try TranslateCommand.run(arguments: parsed, raw: rest)
            case "table": return try await TableCommand.run(raw: rest)
            case "trap": return try await TrapCommand.run(inform: false, arguments: parsed)
            case "inform": return try await TrapCommand.run(inform: true, arguments: parsed)
            case "help", "-h", "--help":
                writeOut(usage)
                return 0
            default:
                writeError("snmp: unknown command '\(command)'\n" + usage)
                return 1
            }
        } catch {
            writeError(error.message)
            if error.showUsage { writeError("USAGE: \(tool) [OPTIONS] \(operandsUsage(command))\n") }
            return error.status
        }
    }

    /// The operand part of each tool's usage line, as Net-SNMP words it.
    static func operandsUsage(_ command: String) -> String {
        switch command {
        case "walk", "bulkwalk": return "AGENT [OID]"
        case "set": return "AGENT OID TYPE VALUE [OID TYPE VALUE]..."
        case "table": return "AGENT TABLE-OID"
        case "trap", "inform": return "AGENT TRAP-PARAMETERS"
        case "translate": return "OID [OID]..."
        default: return "AGENT OID [OID]..."
        }
    }

    static func toolName(_ command: String) -> String {
        "snmp" + command
    }

    static func writeError(_ text: String) {
        var streams = StandardStreams()
        streams.error(text)
    }

    static func writeOut(_ text: String) {
        var streams = StandardStreams()
        streams.print(text)
        streams.flush()
    }
}

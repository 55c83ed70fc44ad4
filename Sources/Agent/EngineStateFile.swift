public import SNMPSMI
public import SNMPApplications

/// The file that keeps an agent's engine ID and boot counter across restarts (RFC 3414 §2.2: the
/// boot counter must increase on every start so that replayed messages from a previous run fail the
/// timeliness check).
///
/// The file is `engine-state` in the state directory, plain text, one `keyword value` per line;
/// `#` starts a comment:
///
/// ```
/// # swift-snmp engine state: written by the agent on every start
/// engineID 80007ED905A1B2C3D4E5F60718
/// engineBoots 3
/// ```
///
/// ```swift
/// let state = try EngineStateFile(directory: "/var/lib/snmp").advance()   // boots + 1, written back
/// ```
public struct EngineStateFile: Sendable {
    /// The state directory.
    public var directory: String
    /// The file name inside it.
    public static let fileName = "engine-state"

    /// The state file of `directory`.
    public init(directory: String) {
        self.directory = directory
    }

    /// The file's path.
    public var path: String { directory + "/" + Self.fileName }

    /// The stored state, `nil` when there is no file yet.
    public func load() throws(SNMPError) -> EngineState? {
        guard let text = FileAccess.text(at: path, limit: 64 << 10) else { return nil }
        return try Self.parse(text)
    }

    /// Starts the engine: reads the state (or creates one), uses `configuredEngineID` when given (a new
    /// engine ID restarts the boot counter at 1, RFC 3414 §2.2.2), increments snmpEngineBoots otherwise,
    /// and writes the result back before returning it.
    public func advance(configuredEngineID: OctetString? = nil,
                        enterprise: UInt32 = EngineState.defaultEnterprise) throws(SNMPError) -> EngineState {
        if let failure = FileAccess.makeDirectory(directory) {
            throw SNMPError(.configuration, "cannot create state directory \(directory): \(failure)")
        }
        let stored = try load()
        var state: EngineState
        if let stored, configuredEngineID == nil || configuredEngineID == stored.engineID {
            state = stored
            // RFC 3414 §2.2.2: at the maximum it stays there (the operator must then change the engine ID).
            if state.engineBoots < EngineState.maximumBoots { state.engineBoots += 1 }
        } else {
            state = EngineState(engineID: configuredEngineID ?? EngineState.generateEngineID(enterprise: enterprise),
                                engineBoots: 1)
        }
        try save(state)
        return state
    }

    /// Writes `state` (atomically: a crash leaves the old file or the new one).
    public func save(_ state: EngineState) throws(SNMPError) {
        if let failure = FileAccess.writeAtomically(path, Array(Self.render(state).utf8)) {
            throw SNMPError(.configuration, "cannot write \(path): \(failure)")
        }
    }

    /// The file's text for `state`.
    public static func render(_ state: EngineState) -> String {
        """
        # swift-snmp engine state: written by the agent on every start
        engineID \(state.engineIDHex)
        engineBoots \(state.engineBoots)

        """
    }

    /// Reads the file's text; a bad or missing line is an error naming the line.
    public static func parse(_ text: String) throws(SNMPError) -> EngineState {
        var engineID: OctetString?
        var boots: Int32?
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard let keyword = words.first else { continue }
            guard words.count == 2 else {
                throw SNMPError(.configuration, "engine state line \(number + 1): expected `\(keyword) VALUE`")
            }
            switch keyword {
            case "engineID":
                guard let value = EngineState.engineID(hex: words[1]) else {
                    throw SNMPError(.configuration, "engine state line \(number + 1): bad engine ID")
                }
                engineID = value
            case "engineBoots":
                guard let value = Int32(words[1]), value >= 0 else {
                    throw SNMPError(.configuration, "engine state line \(number + 1): bad engineBoots")
                }
                boots = value
            default:
                throw SNMPError(.configuration, "engine state line \(number + 1): unknown keyword \(keyword)")
            }
        }
        guard let engineID, let boots else {
            throw SNMPError(.configuration, "engine state: engineID and engineBoots are both required")
        }
        return EngineState(engineID: engineID, engineBoots: boots)
    }
}

/// A failure the CLI reports the way Net-SNMP's tools do: a message on stderr and an exit status.
struct CommandLineError: Error {
    /// What to print on stderr, newline included where Net-SNMP prints one.
    let message: String
    /// The exit status (1 for usage, session and timeout errors, 2 for error-status in a response).
    let status: Int32
    /// Print the usage text after the message.
    var showUsage = false

    init(_ message: String, status: Int32 = 1, showUsage: Bool = false) {
        self.message = message
        self.status = status
        self.showUsage = showUsage
    }
}

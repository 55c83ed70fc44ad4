/// A request the dispatcher could not complete.
public struct DispatcherError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate enum Base: Hashable, Sendable { case timeout, shutdown, transport, badAddress, encoding }
        fileprivate let base: Base

        /// No response after the last retry.
        public static let timeout = Code(base: .timeout)
        /// The dispatcher was shut down while the request was pending.
        public static let shutdown = Code(base: .shutdown)
        /// The socket could not be opened or written.
        public static let transport = Code(base: .transport)
        /// The agent address could not be parsed or resolved.
        public static let badAddress = Code(base: .badAddress)
        /// The message could not be built (e.g. a PDU the version cannot carry).
        public static let encoding = Code(base: .encoding)

        public var description: String {
            switch base {
            case .timeout: return "timeout"
            case .shutdown: return "dispatcher shut down"
            case .transport: return "transport error"
            case .badAddress: return "bad address"
            case .encoding: return "cannot encode message"
            }
        }
    }

    /// What went wrong.
    public let code: Code
    /// Detail for people.
    public let reason: String

    /// Creates an error.
    public init(_ code: Code, _ reason: String = "") {
        self.code = code
        self.reason = reason
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
    public var description: String { reason.isEmpty ? "\(code)" : "\(code): \(reason)" }
}

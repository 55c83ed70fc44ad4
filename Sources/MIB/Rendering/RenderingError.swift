/// A rendering option that Net-SNMP would reject, with the message its tools print.
///
/// Match on the code: `catch let error as RenderingError where error.code == .unknownOutputOption`.
public struct RenderingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate enum Base: Hashable, Sendable {
            case unknownOutputOption
        }
        fileprivate let base: Base

        /// A letter after `-O` that Net-SNMP does not know.
        public static let unknownOutputOption = Code(base: .unknownOutputOption)

        public var description: String {
            switch base {
            case .unknownOutputOption: return "unknown output option"
            }
        }
    }

    /// What was wrong.
    public let code: Code
    /// The text Net-SNMP prints on stderr for this error (without the trailing newline).
    public let message: String
    /// Source location that raised it.
    public let file: String
    /// Source line that raised it.
    public let line: Int

    /// Creates an error.
    public init(_ code: Code, message: String, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
    }

    public static func == (lhs: RenderingError, rhs: RenderingError) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    public var description: String { message }
}

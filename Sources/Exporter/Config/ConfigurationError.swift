/// A configuration file that cannot be used, with where and why.
///
/// `description` reads like `snmp.yml:12:7: modules.if_mib.metrics[3].type: unknown type "gauge32"`.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The file (as given).
    public var file: String
    /// The line, from 1 (0 when the error concerns the whole file).
    public var line: Int
    /// The column, from 1 (0 when unknown).
    public var column: Int
    /// The dotted key path, e.g. `modules.if_mib.metrics[3].type` (empty for the whole file).
    public var key: String
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int = 0, column: Int = 0, key: String = "", message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.message = message
    }

    /// `file:line:column: key: message`.
    public var description: String {
        var text = file
        if line > 0 { text += ":\(line)" }
        if column > 0 { text += ":\(column)" }
        text += ": "
        if !key.isEmpty { text += key + ": " }
        return text + message
    }
}

/// A problem found while reading, parsing or linking MIB modules, with where it was found.
///
/// Match on the code: `catch let error as MIBError where error.code == .moduleNotFound`.
/// `description` reads like a compiler diagnostic: `IF-MIB:12:5: syntax error: expected '::='`.
public struct MIBError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate enum Base: UInt8, Hashable, Sendable {
            case syntax, invalidCharacter, moduleNotFound, unknownImport, circularImport
            case unresolvedName, unreadableFile, invalidName
        }
        fileprivate let base: Base

        /// A stable number for the compiled-tree cache; `init?(cacheCode:)` reverses it.
        var cacheCode: UInt8 { base.rawValue }

        /// The code a cache file stored, or `nil` for a number no code has (a damaged or newer file).
        init?(cacheCode: UInt8) {
            guard let base = Base(rawValue: cacheCode) else { return nil }
            self.base = base
        }

        fileprivate init(base: Base) {
            self.base = base
        }

        /// The text does not follow the SMI grammar (an unexpected token, a truncated module).
        public static let syntax = Code(base: .syntax)
        /// A byte that cannot start any SMI token, or an unterminated string.
        public static let invalidCharacter = Code(base: .invalidCharacter)
        /// No file in the search path holds the requested module.
        public static let moduleNotFound = Code(base: .moduleNotFound)
        /// An `IMPORTS ... FROM X` names a module that no file in the search path holds.
        public static let unknownImport = Code(base: .unknownImport)
        /// Modules import each other in a cycle; the cycle is broken at the reported import.
        public static let circularImport = Code(base: .circularImport)
        /// An OID value or a type refers to a name that no loaded module defines.
        public static let unresolvedName = Code(base: .unresolvedName)
        /// A file could not be read.
        public static let unreadableFile = Code(base: .unreadableFile)
        /// A textual object name (`IF-MIB::ifDescr.3`, `sysDescr.0`) that does not resolve.
        public static let invalidName = Code(base: .invalidName)

        /// A short name for the code.
        public var description: String {
            switch base {
            case .syntax: return "syntax error"
            case .invalidCharacter: return "invalid character"
            case .moduleNotFound: return "module not found"
            case .unknownImport: return "unknown import"
            case .circularImport: return "circular import"
            case .unresolvedName: return "unresolved name"
            case .unreadableFile: return "unreadable file"
            case .invalidName: return "unknown object identifier"
            }
        }
    }

    /// What was wrong.
    public let code: Code
    /// Detail for people.
    public let reason: String
    /// The file the problem is in (as found in the search path), or `nil` when no file is involved.
    public let file: String?
    /// The module the problem belongs to, when known.
    public let module: String?
    /// 1-based line in `file`, or 0 when not tied to a position.
    public let line: Int
    /// 1-based byte column in `file`, or 0 when not tied to a position.
    public let column: Int

    /// Creates an error.
    public init(_ code: Code, _ reason: String, file: String? = nil, module: String? = nil, line: Int = 0, column: Int = 0) {
        self.code = code
        self.reason = reason
        self.file = file
        self.module = module
        self.line = line
        self.column = column
    }

    /// Errors compare by code only, so `#expect(throws: MIBError(.syntax, ""))`-style checks work.
    public static func == (lhs: MIBError, rhs: MIBError) -> Bool { lhs.code == rhs.code }
    /// Hashes the code, consistently with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    /// `file:line:column: code: reason`, like a compiler diagnostic.
    public var description: String {
        var text = file ?? module ?? "MIB"
        if line > 0 { text += ":\(line):\(column)" }
        return text + ": \(code): \(reason)"
    }
}

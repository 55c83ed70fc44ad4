/// A loaded MIB module: where it came from, what it imports and what it defines.
public struct MIBModule: Hashable, Sendable {
    /// The module name from its `NAME DEFINITIONS ::= BEGIN` header.
    public var name: String
    /// The file it was read from.
    public var file: String
    /// `true` for SMIv2 (imports from SNMPv2-SMI, RFC 2578 §3), `false` for SMIv1.
    public var isSMIv2: Bool
    /// IMPORTS, one entry per FROM clause.
    public var imports: [MIBImport]
    /// Names of the OID-valued definitions, in source order.
    public var definedNames: [String]
    /// Names of TEXTUAL-CONVENTIONs and type assignments, in source order.
    public var typeNames: [String]

    /// Creates a module description.
    public init(name: String, file: String, isSMIv2: Bool, imports: [MIBImport], definedNames: [String], typeNames: [String]) {
        self.name = name
        self.file = file
        self.isSMIv2 = isSMIv2
        self.imports = imports
        self.definedNames = definedNames
        self.typeNames = typeNames
    }
}

/// One `sym, sym FROM Module` clause.
public struct MIBImport: Hashable, Sendable {
    /// The module imported from.
    public var module: String
    /// The imported descriptors and macro names.
    public var symbols: [String]

    /// Creates an import clause.
    public init(module: String, symbols: [String]) {
        self.module = module
        self.symbols = symbols
    }
}

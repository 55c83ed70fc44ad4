public import SNMPSMI

/// Parses object names the way Net-SNMP 5.9's tools do, with their error texts.
///
/// - `MODULE::label.index`: the module is loaded on demand (Net-SNMP's `get_node`);
/// - `.iso.org.dod...`, `1.3.6.1...`, `iso.3.6...`: a path from the root (`read_objid`);
/// - `label.index` anywhere in the tree: only by random access (`-IR`, or as snmpget's fallback).
///
/// ```swift
/// let parser = NetSNMPNameParser(store: store)
/// try parser.oid(for: "IF-MIB::ifDescr.1", mode: .fromRootThenRandomAccess)   // 1.3.6.1.2.1.2.2.1.2.1
/// ```
public struct NetSNMPNameParser: Sendable {
    /// Which look-ups a tool tries.
    public enum Mode: Sendable {
        /// A path from the root only (snmptranslate without `-IR`).
        case fromRoot
        /// A label anywhere in the tree (`-IR`); numeric OIDs are refused, as snmptranslate `-IR` does.
        case randomAccess
        /// The root path, then a label anywhere (snmpget and the other request tools).
        case fromRootThenRandomAccess
    }

    /// The store modules are loaded from on demand; `nil` parses against a fixed tree.
    public let store: MIBStore?
    private let fixedTree: MIBTree

    /// Creates a parser that loads `MODULE::` modules into `store` when needed.
    public init(store: MIBStore) {
        self.store = store
        self.fixedTree = MIBTree()
    }

    /// Creates a parser over a fixed snapshot.
    public init(tree: MIBTree) {
        self.store = nil
        self.fixedTree = tree
    }

    var tree: MIBTree { store?.tree ?? fixedTree }

    /// The OID `text` names.
    ///
    /// - Parameters:
    ///   - text: a name as Net-SNMP's tools take it: `IF-MIB::ifDescr.1`, `ifDescr.1`, `.1.3.6.1.2.1.2.2.1.2.1`.
    ///   - mode: which look-ups to try, as the tool being imitated does.
    ///   - warning: receives Net-SNMP's stderr notes that do not stop parsing
    ///     (`Cannot find module (X): At line 1 in (none)`).
    /// - Throws: ``MIBError`` `.invalidName` whose reason is Net-SNMP's text after `NAME: `, e.g.
    ///   `Unknown Object Identifier (Sub-id not found: (top) -> ifDescr)`.
    public func oid(for text: String, mode: Mode, warning: (String) -> Void = { _ in }) throws -> ObjectIdentifier {
        if let separator = MIBTree.moduleSeparator(in: text[...]) {
            let module = String(text[..<separator])
            if tree.module(named: module) == nil, let store {
                do {
                    try store.load(module)
                } catch {
                    let path = MIBSearchPath.netSNMPText(store.configuration.searchPath)
                    warning("MIB search path: \(path)\nCannot find module (\(module)): At line 1 in (none)\n")
                }
            }
            do {
                return try tree.oid(for: text, randomAccess: true)
            } catch {
                throw MIBError(.invalidName, "Unknown Object Identifier")
            }
        }
        switch mode {
        case .randomAccess:
            if let first = text.first, first == "." || first.isNumber {
                throw MIBError(.invalidName, "Unknown object identifier")
            }
            return try randomAccess(text)
        case .fromRoot:
            return try fromRoot(text)
        case .fromRootThenRandomAccess:
            do {
                return try fromRoot(text)
            } catch let rootError {
                guard let first = text.first, first != ".", !first.isNumber else { throw rootError }
                do { return try randomAccess(text) } catch { throw rootError }
            }
        }
    }

    func randomAccess(_ text: String) throws -> ObjectIdentifier {
        let components = try MIBTree.components(of: text[...], original: text)
        guard case .label(let label)? = components.first, let node = tree.node(named: label) else {
            throw MIBError(.invalidName, "Unknown object identifier")
        }
        return try tree.walk(from: node.oid.arcs, Array(components.dropFirst()), original: text)
    }

    /// `read_objid`: every label must be a child of the arc before it, starting at the unnamed root.
    func fromRoot(_ text: String) throws -> ObjectIdentifier {
        let body = text.hasPrefix(".") ? text.dropFirst() : text[...]
        let components: [MIBTree.NameComponent]
        do {
            components = try MIBTree.components(of: body, original: text)
        } catch {
            throw MIBError(.invalidName, "Unknown Object Identifier")
        }
        var arcs: [UInt32] = []
        var parentName = "(top)"
        for (position, component) in components.enumerated() {
            switch component {
            case .number(let n):
                arcs.append(n)
                parentName = tree.node(at: ObjectIdentifier(arcs))?.name ?? String(n)
            case .label(let label):
                guard let arc = arcs.isEmpty ? Self.rootArc(label, tree: tree) : tree.childArc(of: arcs, labelled: label)
                else {
                    if !arcs.isEmpty && tree.children(of: ObjectIdentifier(arcs)).isEmpty {
                        // Net-SNMP lists the unparsed rest when the parent has no known children.
                        let rest = body.split(separator: ".", omittingEmptySubsequences: false)
                        throw MIBError(.invalidName,
                                       "Unknown Object Identifier (\(rest.dropFirst(position).joined(separator: ".")))")
                    }
                    throw MIBError(.invalidName, "Unknown Object Identifier (Sub-id not found: \(parentName) -> \(label))")
                }
                arcs.append(arc)
                parentName = label
            case .string(let bytes):
                arcs.append(UInt32(bytes.count))
                arcs.append(contentsOf: bytes.map(UInt32.init))
            case .impliedString(let bytes):
                arcs.append(contentsOf: bytes.map(UInt32.init))
            }
        }
        guard !arcs.isEmpty, arcs.count <= ObjectIdentifier.maximumArcCount else {
            throw MIBError(.invalidName, "Unknown Object Identifier")
        }
        return ObjectIdentifier(arcs)
    }

    static func rootArc(_ label: String, tree: MIBTree) -> UInt32? {
        switch label {
        case "ccitt": return 0
        case "iso": return 1
        case "joint-iso-ccitt": return 2
        default: return tree.childArc(of: [], labelled: label)
        }
    }
}

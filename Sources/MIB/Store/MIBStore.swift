import NIOConcurrencyHelpers

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Finds, loads and links MIB modules, and publishes the result as an immutable ``MIBTree``.
///
/// Modules are found by name in the search path's files (any extension: the `NAME DEFINITIONS ::= BEGIN`
/// header decides) and loaded on demand with their IMPORTS, as Net-SNMP does. A module that fails to
/// parse, or imports something missing, is reported in ``errors`` and does not stop the others.
///
/// The store is safe to share between tasks: loads are serialised, and ``tree`` returns the current
/// snapshot under a short lock, so lookups never wait for a load and never hop to an actor.
///
/// ```swift
/// let store = MIBStore(searchPath: MIBSearchPath.directories(option: "+./mibs"))
/// try store.load("IF-MIB")
/// let oid = try store.tree.oid(for: "ifDescr.3")
/// ```
public final class MIBStore: Sendable {
    /// How a store finds modules and where it caches its index.
    public struct Configuration: Sendable {
        /// Directories to search, in order (see ``MIBSearchPath/directories(option:environment:)``).
        public var searchPath: [String]
        /// Where the per-directory module index is cached; `nil` disables the cache.
        public var cacheDirectory: String?

        /// Creates a configuration; by default Net-SNMP's search path and `~/.cache/swift-snmp`.
        public init(searchPath: [String] = MIBSearchPath.directories(), cacheDirectory: String? = MIBSearchPath.defaultCacheDirectory()) {
            self.searchPath = searchPath
            self.cacheDirectory = cacheDirectory
        }
    }

    /// Old module names that MIBs still import, mapped to the modules that replaced them (as Net-SNMP's module map).
    static let moduleAliases: [String: String] = [
        "RFC1065-SMI": "RFC1155-SMI", "RFC1066-MIB": "RFC1213-MIB", "RFC1156-MIB": "RFC1213-MIB",
        "RFC1158-MIB": "RFC1213-MIB", "RFC-1213": "RFC1213-MIB", "RFC1271-MIB": "RMON-MIB",
    ]

    /// Modules that only define macros; importing from them needs no file (RFC 1212, RFC 1215).
    static let macroModules: Set<String> = ["RFC-1212", "RFC-1215"]

    private struct LoadState {
        var index: ModuleFileIndex?
        var loaded: [LoadedModule] = []
        var loadedNames: Set<String> = []
        var failed: [String: MIBError] = [:]
        var loadErrors: [MIBError] = []
        var linkErrors: [MIBError] = []
    }

    /// The configuration the store was created with.
    public let configuration: Configuration
    private let loadState = NIOLockedValueBox(LoadState())
    private let snapshot = NIOLockedValueBox(MIBTree())
    private let diagnostics = NIOLockedValueBox<[MIBError]>([])

    /// Creates a store; nothing is read until the first load.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Creates a store searching `searchPath`.
    public convenience init(searchPath: [String], cacheDirectory: String? = MIBSearchPath.defaultCacheDirectory()) {
        self.init(configuration: Configuration(searchPath: searchPath, cacheDirectory: cacheDirectory))
    }

    /// The current snapshot of everything loaded so far.
    public var tree: MIBTree { snapshot.withLockedValue { $0 } }

    /// Every problem found so far: parse errors, unknown or circular imports, unresolved names.
    public var errors: [MIBError] { diagnostics.withLockedValue { $0 } }

    /// The names of every module the search path holds, sorted.
    public func availableModules() -> [String] {
        loadState.withLockedValue { state in
            ensureIndex(&state)
            return state.index.map { $0.files.keys.sorted() } ?? []
        }
    }

    /// Loads a module and, recursively, the modules it imports.
    ///
    /// Problems inside the module or its imports are recorded in ``errors``; the module still loads as
    /// far as it parsed, as in Net-SNMP.
    /// - Returns: The module.
    /// - Throws: ``MIBError`` `.moduleNotFound` when no file holds it, or the file's error when it cannot be read.
    @discardableResult
    public func load(_ name: String) throws -> MIBModule {
        let failure: MIBError? = loadState.withLockedValue { state in
            let before = state.loaded.count
            ensureIndex(&state)
            var stack: [String] = []
            let ok = loadModule(name, importedBy: nil, state: &state, stack: &stack)
            if state.loaded.count != before { relink(&state) }
            return ok ? nil : state.failed[Self.moduleAliases[name] ?? name]
        }
        if let failure {
            // The module may have failed first as someone's import; asked for directly, it is simply not found.
            if failure.code == .unknownImport {
                throw MIBError(.moduleNotFound, "cannot find module \(name) in the search path", module: name)
            }
            throw failure
        }
        guard let module = tree.module(named: Self.moduleAliases[name] ?? name) else {
            throw MIBError(.moduleNotFound, "module \(name) defines nothing", module: name)
        }
        return module
    }

    /// Loads several modules (Net-SNMP's `-m A:B`), continuing past failures.
    /// - Returns: The errors this call found.
    @discardableResult
    public func load(modules names: [String]) -> [MIBError] {
        loadState.withLockedValue { state in
            let before = (state.loaded.count, state.loadErrors.count)
            ensureIndex(&state)
            for name in names {
                var stack: [String] = []
                _ = loadModule(name, importedBy: nil, state: &state, stack: &stack)
            }
            if state.loaded.count != before.0 { relink(&state) }
            return Array(state.loadErrors[before.1...]) + state.linkErrors
        }
    }

    /// Loads every module of the search path (Net-SNMP's `-m ALL`), continuing past failures.
    ///
    /// Modules load in Net-SNMP's order — the index list read back to front, each module after its
    /// imports — because where two modules name the same OID the first one loaded names it.
    /// - Returns: The errors this call found.
    @discardableResult
    public func loadAll() -> [MIBError] {
        let names: [String] = loadState.withLockedValue { state in
            ensureIndex(&state)
            return state.index.map { $0.ordered.reversed().map(\.module) } ?? []
        }
        return load(modules: names)
    }

    // MARK: Loading (called with loadState locked)

    private func ensureIndex(_ state: inout LoadState) {
        if state.index == nil {
            state.index = ModuleFileIndex.build(directories: configuration.searchPath, cacheDirectory: configuration.cacheDirectory)
        }
    }

    /// Loads `requested` after its imports; `false` when it could not be loaded at all.
    private func loadModule(
        _ requested: String, importedBy importer: (file: String, module: String, position: SourcePosition)?,
        state: inout LoadState, stack: inout [String]
    ) -> Bool {
        let name = Self.moduleAliases[requested] ?? requested
        if state.loadedNames.contains(name) { return true }
        if stack.contains(name) {
            if let importer {
                let cycle = (stack.drop { $0 != name } + [name]).joined(separator: " -> ")
                state.loadErrors.append(
                    MIBError(
                        .circularImport, "circular import \(cycle)", file: importer.file, module: importer.module,
                        line: importer.position.line, column: importer.position.column))
            }
            return true
        }
        if state.failed[name] != nil { return false }
        guard let file = state.index?.files[name] else {
            if Self.macroModules.contains(name) { return true }
            let error: MIBError
            if let importer {
                error = MIBError(
                    .unknownImport, "cannot find module \(requested) imported by \(importer.module)",
                    file: importer.file, module: importer.module, line: importer.position.line,
                    column: importer.position.column)
            } else {
                error = MIBError(.moduleNotFound, "cannot find module \(requested) in the search path", module: requested)
            }
            state.failed[name] = error
            state.loadErrors.append(error)
            return false
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            let error = MIBError(.unreadableFile, "cannot read \(file)", file: file, module: name)
            state.failed[name] = error
            state.loadErrors.append(error)
            return false
        }
        let (modules, parseErrors) = MIBParser.parse(bytes: [UInt8](data), file: file)
        state.loadErrors += parseErrors
        guard let module = modules.first(where: { $0.name == name }) else {
            let error =
                parseErrors.first
                ?? MIBError(.moduleNotFound, "\(file) does not define module \(name)", file: file, module: name)
            state.failed[name] = error
            if parseErrors.isEmpty { state.loadErrors.append(error) }
            return false
        }
        stack.append(name)
        for clause in module.imports {
            _ = loadModule(clause.module, importedBy: (file, name, clause.position), state: &state, stack: &stack)
        }
        stack.removeLast()
        state.loaded.append(LoadedModule(parsed: module, file: file))
        state.loadedNames.insert(name)
        return true
    }

    private func relink(_ state: inout LoadState) {
        let (tree, errors) = MIBTreeBuilder(modules: state.loaded).build()
        state.linkErrors = errors
        let all = state.loadErrors + errors
        snapshot.withLockedValue { $0 = tree }
        diagnostics.withLockedValue { $0 = all }
    }
}

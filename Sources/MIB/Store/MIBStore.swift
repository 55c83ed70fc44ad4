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
        /// Directories to search, in order (see ``MIBSearchPath/directories(option:environment:includingBundled:)``).
        public var searchPath: [String]
        /// Where the per-directory module index and the compiled trees are cached; `nil` disables both.
        ///
        /// A compiled tree is keyed by the search path, every file in it (name, size, modification time,
        /// inode) and the load calls made; a second start with the same files and calls reads it instead
        /// of parsing. Damaged, stale or foreign files are ignored and rewritten.
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

    /// What the loads so far produced; guarded by `loadState`'s lock.
    struct LoadState {
        var index: ModuleFileIndex?
        var loaded: [LoadedModule] = []
        var loadedNames: Set<String> = []
        var failed: [String: MIBError] = [:]
        var loadErrors: [MIBError] = []
        var linkErrors: [MIBError] = []
        /// Every load call so far: with the fingerprint, the compiled cache's key.
        var requests: [LoadRequest] = []
        /// `false` after a compiled tree was read from the cache: `loaded` is then empty, and the modules
        /// are parsed again (by replaying `requests`) only if a later load has to relink.
        var hasParsedModules = true
        /// The search path's files as they were before the first parse.
        var fingerprint: SourceFingerprint?
    }

    /// The configuration the store was created with.
    public let configuration: Configuration
    let loadState = NIOLockedValueBox(LoadState())
    let snapshot = NIOLockedValueBox(MIBTree())
    let diagnostics = NIOLockedValueBox<[MIBError]>([])

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
            _ = perform(.modules([name]), state: &state)
            // A module that loaded (or needs no file) has no entry in `failed`; one that failed keeps its error.
            return state.failed[Self.moduleAliases[name] ?? name]
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
            let before = perform(.modules(names), state: &state)
            return Array(state.loadErrors[before...]) + state.linkErrors
        }
    }

    /// Loads every module of the search path (Net-SNMP's `-m ALL`), continuing past failures.
    ///
    /// Modules load in Net-SNMP's order — the index list read back to front, each module after its
    /// imports — because where two modules name the same OID the first one loaded names it.
    /// - Returns: The errors this call found.
    @discardableResult
    public func loadAll() -> [MIBError] {
        loadState.withLockedValue { state in
            let before = perform(.all, state: &state)
            return Array(state.loadErrors[before...]) + state.linkErrors
        }
    }
}

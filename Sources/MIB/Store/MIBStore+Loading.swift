import NIOConcurrencyHelpers

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How a load call runs: from the compiled cache when it holds the same request history over the same
/// files, else by parsing and linking (and then writing the cache for the next start).
///
/// Everything here is called with `loadState` locked.
extension MIBStore {
    /// Runs one load call.
    /// - Returns: How many load errors there were before it, so the caller can return the new ones.
    func perform(_ request: LoadRequest, state: inout LoadState) -> Int {
        let before = state.loadErrors.count
        let history = state.requests + [request]
        let parses = state.requests.isEmpty || wouldParse(request, state: &state)
        let cache = configuration.cacheDirectory.map { CompiledTreeCache(directory: $0) }
        if parses, let cache {
            let fingerprint = state.fingerprint ?? SourceFingerprint(searchPath: configuration.searchPath)
            state.fingerprint = fingerprint
            let key = CompiledCacheFormat.key(fingerprint: fingerprint, requests: history)
            // Any problem with the file (missing, stale, damaged) means: parse as if there were no cache.
            if let compiled = try? cache.read(searchPath: configuration.searchPath, requests: history, key: key) {
                restore(compiled, history: history, state: &state)
                return before
            }
        }
        if parses && !state.hasParsedModules { reparse(&state) }
        ensureIndex(&state)
        let loadedBefore = state.loaded.count
        execute(request, state: &state)
        state.requests = history
        guard state.loaded.count != loadedBefore else { return before }
        relink(&state)
        if let cache, let fingerprint = state.fingerprint, let index = state.index {
            let compiled = CompiledLoad(
                index: index, failed: state.failed, loadErrors: state.loadErrors, linkErrors: state.linkErrors,
                tree: tree)
            cache.write(
                compiled, searchPath: configuration.searchPath, requests: history,
                key: CompiledCacheFormat.key(fingerprint: fingerprint, requests: history))
        }
        return before
    }

    /// Whether the request names a module that is neither loaded nor known to fail: only then does it
    /// parse a file and relink, and only then is the compiled cache worth a look.
    func wouldParse(_ request: LoadRequest, state: inout LoadState) -> Bool {
        ensureIndex(&state)
        return names(of: request, state: state).contains { requested in
            let name = Self.moduleAliases[requested] ?? requested
            return !state.loadedNames.contains(name) && state.failed[name] == nil && state.index?.files[name] != nil
        }
    }

    /// The module names a request loads, in order.
    func names(of request: LoadRequest, state: LoadState) -> [String] {
        switch request {
        case .modules(let names): return names
        // Net-SNMP's `-m ALL` order: the index list read back to front, each module after its imports.
        case .all: return state.index.map { $0.ordered.reversed().map(\.module) } ?? []
        }
    }

    /// Loads a request's modules (parsing files), without relinking.
    func execute(_ request: LoadRequest, state: inout LoadState) {
        for name in names(of: request, state: state) {
            var stack: [String] = []
            _ = loadModule(name, importedBy: nil, state: &state, stack: &stack)
        }
    }

    /// Takes a compiled load read from the cache as the store's state.
    func restore(_ compiled: CompiledLoad, history: [LoadRequest], state: inout LoadState) {
        state.index = compiled.index
        state.loaded = []
        state.loadedNames = Set(compiled.tree.modules.map(\.name))
        state.failed = compiled.failed
        state.loadErrors = compiled.loadErrors
        state.linkErrors = compiled.linkErrors
        state.requests = history
        state.hasParsedModules = false
        let all = compiled.loadErrors + compiled.linkErrors
        snapshot.withLockedValue { $0 = compiled.tree }
        diagnostics.withLockedValue { $0 = all }
    }

    /// After a cache hit the parsed modules are not in memory; a load that must relink first replays the
    /// request history from the files, which leaves exactly the state the cached file described.
    func reparse(_ state: inout LoadState) {
        var fresh = LoadState()
        fresh.index = state.index
        fresh.fingerprint = state.fingerprint
        for request in state.requests { execute(request, state: &fresh) }
        fresh.requests = state.requests
        // The tree in the snapshot is still the cached one until the next relink; so are its link errors.
        fresh.linkErrors = state.linkErrors
        state = fresh
    }

    // MARK: Modules

    func ensureIndex(_ state: inout LoadState) {
        if state.index == nil {
            state.index = ModuleFileIndex.build(directories: configuration.searchPath, cacheDirectory: configuration.cacheDirectory)
        }
    }

    /// Loads `requested` after its imports; `false` when it could not be loaded at all.
    func loadModule(
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

    func relink(_ state: inout LoadState) {
        let (tree, errors) = MIBTreeBuilder(modules: state.loaded).build()
        state.linkErrors = errors
        let all = state.loadErrors + errors
        snapshot.withLockedValue { $0 = tree }
        diagnostics.withLockedValue { $0 = all }
    }
}

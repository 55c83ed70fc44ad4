#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Which file holds which module, for every file of the search path's directories.
///
/// Files are recognised by content, not by name: any file whose text has a `NAME DEFINITIONS ::= BEGIN`
/// header is indexed under NAME, whatever its extension (Net-SNMP's `add_mibdir` does the same).
/// Headers are cached per directory (see ``ModuleIndexCache``), keyed by each file's size and mtime.
struct ModuleFileIndex: Sendable {
    /// Module name -> file path; the first directory in the search path wins.
    var files: [String: String] = [:]
    /// Every (module, file) in Net-SNMP's `-m ALL` order: directories in search order, files by name.
    var ordered: [(module: String, file: String)] = []

    static func build(directories: [String], cacheDirectory: String?) -> ModuleFileIndex {
        var index = ModuleFileIndex()
        for directory in directories {
            for (file, modules) in scan(directory: directory, cacheDirectory: cacheDirectory) {
                for module in modules {
                    index.ordered.append((module, file))
                    if index.files[module] == nil { index.files[module] = file }
                }
            }
        }
        return index
    }

    /// (path, module names) for each file of one directory, sorted by file name.
    static func scan(directory: String, cacheDirectory: String?) -> [(String, [String])] {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: directory) else { return [] }
        var cache = cacheDirectory.flatMap { ModuleIndexCache.load(directory: directory, cacheDirectory: $0) }
            ?? ModuleIndexCache(directory: directory)
        var changed = false
        var seen = Set<String>()
        var result: [(String, [String])] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            guard let status = FileStatus(path: path), status.isRegular else { continue }
            let size = status.size
            let mtime = status.modificationTime
            seen.insert(name)
            if let entry = cache.entries[name], entry.size == size, entry.mtime == mtime {
                if !entry.modules.isEmpty { result.append((path, entry.modules)) }
                continue
            }
            let modules = readHeaders(path: path)
            cache.entries[name] = ModuleIndexCache.Entry(size: size, mtime: mtime, modules: modules)
            changed = true
            if !modules.isEmpty { result.append((path, modules)) }
        }
        if cache.entries.count != seen.count {
            cache.entries = cache.entries.filter { seen.contains($0.key) }
            changed = true
        }
        if changed, let cacheDirectory { cache.save(cacheDirectory: cacheDirectory) }
        return result
    }

    /// The names of the modules a file defines (`NAME DEFINITIONS ::=` headers), or none if it is not a MIB.
    static func readHeaders(path: String) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return headers(in: [UInt8](data))
    }

    static func headers(in bytes: [UInt8]) -> [String] {
        var lexer = MIBLexer(bytes: bytes)
        var previous = lexer.next()
        var names: [String] = []
        var tokens = 0
        while previous.kind != .endOfInput {
            let token = lexer.next()
            tokens += 1
            if previous.kind == .identifier, token.kind == .identifier, token.length == 11,
                text(token, bytes) == "DEFINITIONS"
            {
                names.append(text(previous, bytes))
            }
            // A file without a header in its first few thousand tokens is not a MIB (a README, a binary).
            if names.isEmpty && tokens > 4000 { return [] }
            previous = token
        }
        return names
    }

    private static func text(_ token: MIBToken, _ bytes: [UInt8]) -> String {
        let start = Int(token.start)
        return String(decoding: bytes[start..<start + Int(token.length)], as: UTF8.self)
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The cached module headers of one directory: one small JSON file per directory in the cache directory.
///
/// An entry is trusted while the file's size and modification time are unchanged, so a second start
/// only lists the directory and stats the files instead of reading every one of them.
struct ModuleIndexCache: Codable, Sendable {
    struct Entry: Codable, Sendable {
        var size: Int64
        var mtime: Double
        var modules: [String]
    }

    /// Bumped when the format changes, so old files are ignored rather than misread.
    static let formatVersion = 1

    var version = ModuleIndexCache.formatVersion
    var directory: String
    /// File name (not path) -> entry.
    var entries: [String: Entry] = [:]

    init(directory: String) {
        self.directory = directory
    }

    static func path(directory: String, cacheDirectory: String) -> String {
        // FNV-1a: a stable name per directory (Hasher is seeded per process, so it cannot be used).
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in directory.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return cacheDirectory + "/mib-index-" + String(repeating: "0", count: 16 - hex.count) + hex + ".json"
    }

    static func load(directory: String, cacheDirectory: String) -> ModuleIndexCache? {
        guard let data = FileManager.default.contents(atPath: path(directory: directory, cacheDirectory: cacheDirectory)),
            let cache = try? JSONDecoder().decode(ModuleIndexCache.self, from: data),
            cache.version == formatVersion, cache.directory == directory
        else { return nil }
        return cache
    }

    /// Best effort: a cache that cannot be written only costs the next start some time.
    func save(cacheDirectory: String) {
        guard let data = try? JSONEncoder().encode(self) else { return }
        // Temporary file and rename, so a concurrent reader sees the old or the new file, never half of one.
        CompiledTreeCache.writeAtomically(
            Array(data), to: Self.path(directory: directory, cacheDirectory: cacheDirectory), directory: cacheDirectory)
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What the MIB files of a search path look like on disk: every directory, and in it every file's name,
/// size, modification time (to the nanosecond) and inode.
///
/// A compiled tree is valid exactly while this is unchanged: a new file may define a module that wins
/// over one loaded before, so the key covers every file of every directory, not only the files that were
/// read. Collecting it costs one directory listing and one `lstat` per file, no reads.
struct SourceFingerprint: Equatable, Sendable {
    /// The encoded fingerprint; compared byte for byte with the one stored in a cache file.
    let bytes: [UInt8]

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    init(searchPath: [String]) {
        var writer = CacheByteWriter(capacity: 4096)
        writer.varint(searchPath.count)
        for directory in searchPath {
            writer.blob(Array(directory.utf8))
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
                // A missing directory is part of the key too: creating it later must invalidate.
                writer.byte(0)
                continue
            }
            writer.byte(1)
            let sorted = names.filter { !$0.hasPrefix(".") }.sorted()
            writer.varint(sorted.count)
            let prefix = directory.hasSuffix("/") ? directory : directory + "/"
            for name in sorted {
                writer.blob(Array(name.utf8))
                Self.append(stat: prefix + name, to: &writer)
            }
        }
        bytes = writer.bytes
    }

    private static func append(stat path: String, to writer: inout CacheByteWriter) {
        guard let status = FileStatus(path: path) else {
            writer.byte(0)
            return
        }
        writer.byte(1)
        writer.varint(UInt64(status.mode))
        writer.varint(UInt64(bitPattern: status.size))
        writer.varint(status.inode)
        writer.signed(status.modifiedSeconds)
        writer.signed(status.modifiedNanoseconds)
    }
}

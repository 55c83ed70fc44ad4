#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Compiled trees on disk: one file per (search path, request history), valid while the MIB files are
/// unchanged (see ``SourceFingerprint``).
///
/// A second start with the same files and the same `-m` list reads one file instead of lexing, parsing
/// and linking every module. Files are written to a temporary name and renamed into place, so a reader
/// running at the same time sees the old file or the new one, never half of one.
struct CompiledTreeCache: Sendable {
    let directory: String
    /// Each distinct `-m` list (and each later on-demand load) has its own file of about a megabyte for
    /// the IETF set; beyond this many, the least recently written ones are removed.
    static let maximumFiles = 16

    /// The file for a search path and request history (not the fingerprint: a changed MIB file then
    /// replaces the stale cache file instead of adding one next to it).
    func path(searchPath: [String], requests: [LoadRequest]) -> String {
        var writer = CacheByteWriter()
        writer.varint(CompiledCacheFormat.version)
        writer.varint(searchPath.count)
        for directory in searchPath { writer.blob(Array(directory.utf8)) }
        LoadRequest.encode(requests, into: &writer)
        // FNV-1a: stable across processes, unlike Hasher.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in writer.bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return directory + "/mib-tree-" + String(repeating: "0", count: 16 - hex.count) + hex + ".bin"
    }

    /// The compiled load for this key, or why there is none usable.
    func read(searchPath: [String], requests: [LoadRequest], key: [UInt8]) throws(CompiledCacheError) -> CompiledLoad {
        let bytes = try Self.readFile(path(searchPath: searchPath, requests: requests))
        return try CompiledCacheFormat.decode(bytes, key: key)
    }

    /// Best effort: a cache that cannot be written only costs the next start some time.
    func write(_ load: CompiledLoad, searchPath: [String], requests: [LoadRequest], key: [UInt8]) {
        let bytes = CompiledCacheFormat.encode(load, key: key)
        let target = path(searchPath: searchPath, requests: requests)
        Self.writeAtomically(bytes, to: target, directory: directory)
        removeOldest(keeping: target)
    }

    /// Keeps the directory to ``maximumFiles`` compiled trees, oldest (by modification time) removed first.
    func removeOldest(keeping target: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        let trees = names.filter { $0.hasPrefix("mib-tree-") && $0.hasSuffix(".bin") }
        guard trees.count > Self.maximumFiles else { return }
        let dated = trees.map { name -> (path: String, time: Double) in
            let path = directory + "/" + name
            return (path, FileStatus(path: path)?.modificationTime ?? 0)
        }
        let oldest = dated.filter { $0.path != target }.sorted { $0.time < $1.time }
        for file in oldest.prefix(trees.count - Self.maximumFiles) { unlink(file.path) }
    }

    static func readFile(_ path: String) throws(CompiledCacheError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw CompiledCacheError(.missing, path) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw CompiledCacheError(.missing, path) }
        let size = Int(info.st_size)
        // A compiled tree of even a very large MIB collection is far below this; anything bigger is not ours.
        guard size >= 0, size <= 512 << 20 else { throw CompiledCacheError(.wrongFormat, "size \(size)") }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var done = 0
            while done < size, let base = buffer.baseAddress {
                let count = posixRead(descriptor, base + done, size - done)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                done += count
            }
            failed = done != size
            initialized = done
        }
        guard !failed else { throw CompiledCacheError(.truncated, "short read of \(path)") }
        return bytes
    }

    static func writeAtomically(_ bytes: [UInt8], to target: String, directory: String) {
        guard (try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)) != nil
        else { return }
        // Unique per writer, so two processes filling the same cache never write into one temporary file.
        let temporary = target + ".\(getpid()).\(UInt64.random(in: 0...UInt64.max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        var written = 0
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count, let base = buffer.baseAddress {
                let count = posixWrite(descriptor, base + written, buffer.count - written)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                written += count
            }
        }
        let closed = close(descriptor) == 0
        guard written == bytes.count, closed, rename(temporary, target) == 0 else {
            unlink(temporary)
            return
        }
    }
}

// `read`/`write` are shadowed by the methods above inside the type; these name the system calls.
private func posixRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

private func posixWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}

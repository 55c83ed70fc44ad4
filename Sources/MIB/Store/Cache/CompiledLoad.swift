/// One call that loads modules, as the compiled cache keys it: a list of names, or every module (`-m ALL`).
///
/// The cache key is the store's whole request history, because what a load produces depends on what was
/// loaded before it (the first module to name an OID keeps the name).
enum LoadRequest: Hashable, Sendable {
    case modules([String])
    case all

    static func encode(_ requests: [LoadRequest], into writer: inout CacheByteWriter) {
        writer.varint(requests.count)
        for request in requests {
            switch request {
            case .all:
                writer.byte(0)
            case .modules(let names):
                writer.byte(1)
                writer.varint(names.count)
                for name in names { writer.blob(Array(name.utf8)) }
            }
        }
    }
}

/// Everything a store's loads left behind, as a compiled cache file holds it: enough to answer lookups
/// and further load calls without reading a MIB file.
struct CompiledLoad: Sendable {
    /// Which file holds which module.
    var index: ModuleFileIndex
    /// Modules that could not be loaded, by name.
    var failed: [String: MIBError]
    /// Parse and import errors, in the order they were found.
    var loadErrors: [MIBError]
    /// Errors of the last link (unresolved names and types).
    var linkErrors: [MIBError]
    /// The linked tree.
    var tree: MIBTree
}

/// The cache file's outer frame: magic, format version, checksum of the rest, then the key and the payload.
enum CompiledCacheFormat {
    static let magic: [UInt8] = Array("SWSNMPMT".utf8)
    /// Bumped whenever the layout or the meaning of a field changes, so old files are ignored, not misread.
    static let version: UInt32 = 1
    /// magic (8) + version (4) + checksum (8).
    static let headerSize = 20

    /// The key a file must carry to be used: format version, the MIB files on disk, the request history.
    static func key(fingerprint: SourceFingerprint, requests: [LoadRequest]) -> [UInt8] {
        var writer = CacheByteWriter(capacity: fingerprint.bytes.count + 64)
        writer.varint(version)
        writer.blob(fingerprint.bytes)
        LoadRequest.encode(requests, into: &writer)
        return writer.bytes
    }

    /// The whole file for a load.
    static func encode(_ load: CompiledLoad, key: [UInt8]) -> [UInt8] {
        var encoder = CompiledLoadEncoder()
        encoder.encode(load)
        var writer = CacheByteWriter(capacity: encoder.estimatedSize + key.count + 64)
        writer.raw(magic)
        for shift in stride(from: 0, to: 32, by: 8) { writer.byte(UInt8(truncatingIfNeeded: version >> UInt32(shift))) }
        writer.fixed64(0)
        writer.blob(key)
        encoder.finish(into: &writer)
        var bytes = writer.bytes
        let checksum = bytes.withUnsafeBytes { CacheChecksum.compute(UnsafeRawBufferPointer(rebasing: $0[headerSize...])) }
        for i in 0..<8 { bytes[12 + i] = UInt8(truncatingIfNeeded: checksum >> UInt64(i * 8)) }
        return bytes
    }

    /// Decodes a file, checking the frame, the checksum and the key before the payload.
    static func decode(_ bytes: [UInt8], key: [UInt8]) throws(CompiledCacheError) -> CompiledLoad {
        guard bytes.count >= headerSize else { throw CompiledCacheError(.truncated, "\(bytes.count) bytes") }
        guard bytes[0..<8].elementsEqual(magic) else { throw CompiledCacheError(.wrongFormat, "magic") }
        var fileVersion: UInt32 = 0
        for i in 0..<4 { fileVersion |= UInt32(bytes[8 + i]) << UInt32(i * 8) }
        guard fileVersion == version else { throw CompiledCacheError(.wrongFormat, "version \(fileVersion)") }
        do {
            return try bytes.withUnsafeBytes { (buffer) throws(CompiledCacheError) -> CompiledLoad in
                var reader = CacheByteReader(buffer, offset: 12)
                let stored = try reader.fixed64()
                let body = UnsafeRawBufferPointer(rebasing: buffer[headerSize...])
                guard CacheChecksum.compute(body) == stored else { throw CompiledCacheError(.checksumMismatch) }
                let storedKey = try reader.blob()
                guard storedKey.elementsEqual(key) else { throw CompiledCacheError(.stale) }
                var decoder = CompiledLoadDecoder(reader: reader)
                return try decoder.decode()
            }
        } catch let error as CompiledCacheError {
            throw error
        } catch {
            throw CompiledCacheError(.malformed, "\(error)")
        }
    }
}

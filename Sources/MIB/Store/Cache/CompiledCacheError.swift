/// Why a compiled-tree cache file was not used.
///
/// Internal: a cache that cannot be used is never the caller's problem. The store catches this error,
/// parses the MIB files as if there were no cache, and writes a fresh file; tests match on the code.
struct CompiledCacheError: Error, Hashable, Sendable, CustomStringConvertible {
    enum Code: Hashable, Sendable {
        /// No cache file for this search path and request list.
        case missing
        /// The file does not start with the cache's magic bytes or was written by another format version.
        case wrongFormat
        /// The file was written for other MIB files (a file changed, appeared or vanished) or other requests.
        case stale
        /// The checksum does not match: the file was damaged after it was written.
        case checksumMismatch
        /// The file ends inside a value.
        case truncated
        /// A value is out of range (an index past a table, an unknown enum number, a broken trie link).
        case malformed
    }

    let code: Code
    let detail: String

    init(_ code: Code, _ detail: String = "") {
        self.code = code
        self.detail = detail
    }

    static func == (lhs: CompiledCacheError, rhs: CompiledCacheError) -> Bool { lhs.code == rhs.code }
    func hash(into hasher: inout Hasher) { hasher.combine(code) }

    var description: String { detail.isEmpty ? "compiled MIB cache: \(code)" : "compiled MIB cache: \(code): \(detail)" }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SNMPApplications

/// Small POSIX file helpers for the agent's state file and the Linux interface tables, so the module
/// needs no Foundation.
enum FileAccess {
    /// The whole file, or `nil` when it cannot be opened or read; at most `limit` octets are read so that a
    /// wrong path (a device, a huge file) cannot grow memory without bound.
    static func bytes(at path: String, limit: Int = 1 << 20) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while result.count < limit {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            result.append(contentsOf: chunk[..<count])
        }
        return result.count > limit ? Array(result[..<limit]) : result
    }

    /// The file as UTF-8 text (invalid sequences repaired), or `nil`.
    static func text(at path: String, limit: Int = 1 << 20) -> String? {
        bytes(at: path, limit: limit).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Replaces `path` with `bytes` atomically (write a temporary file, fsync, rename), so a crash never
    /// leaves half a state file behind. Returns the errno text on failure.
    static func writeAtomically(_ path: String, _ bytes: [UInt8], mode: mode_t = 0o600) -> String? {
        let temporary = path + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard descriptor >= 0 else { return errorText() }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                let text = errorText()
                close(descriptor)
                unlink(temporary)
                return text
            }
            offset += written
        }
        fsync(descriptor)
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            let text = errorText()
            unlink(temporary)
            return text
        }
        return nil
    }

    /// Creates `path` (one level) if it does not exist; the errno text on failure.
    static func makeDirectory(_ path: String) -> String? {
        if mkdir(path, 0o700) == 0 || errno == EEXIST { return nil }
        return errorText()
    }

    /// The names in a directory (without `.` and `..`), or `nil`.
    static func directoryEntries(_ path: String) -> [String]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    private static func errorText() -> String {
        String(cString: strerror(errno))
    }
}

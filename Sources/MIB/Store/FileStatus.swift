#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What `lstat(2)` says about a file, without following a symbolic link (as the module index has
/// always done: only regular files are MIB files).
///
/// Foundation's `attributesOfItem` answers the same but also looks up the owner's user and group
/// names (reading `/etc/passwd` and `/etc/group` for every file), which made scanning a MIB directory
/// cost more than parsing it.
struct FileStatus: Hashable, Sendable {
    var isRegular: Bool
    var size: Int64
    var inode: UInt64
    var mode: UInt32
    var modifiedSeconds: Int64
    var modifiedNanoseconds: Int64

    /// The modification time as seconds since 1970, as the JSON module index stores it.
    var modificationTime: Double { Double(modifiedSeconds) + Double(modifiedNanoseconds) / 1_000_000_000 }

    init?(path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        mode = UInt32(info.st_mode)
        isRegular = (mode & UInt32(S_IFMT)) == UInt32(S_IFREG)
        size = Int64(info.st_size)
        inode = UInt64(info.st_ino)
        #if canImport(Darwin)
        modifiedSeconds = Int64(info.st_mtimespec.tv_sec)
        modifiedNanoseconds = Int64(info.st_mtimespec.tv_nsec)
        #else
        modifiedSeconds = Int64(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int64(info.st_mtim.tv_nsec)
        #endif
    }
}

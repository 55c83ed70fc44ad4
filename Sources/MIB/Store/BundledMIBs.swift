#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The standard IETF/IANA MIB modules (and Net-SNMP's own) that ship inside the package, as a SwiftPM
/// resource of this module (`Sources/MIB/Resources/mibs`, see the README there).
///
/// They are the last directory of every search path (``MIBSearchPath/directories(option:environment:includingBundled:)``),
/// so a copy the user installed (`-M`, `MIBDIRS`, `~/.snmp/mibs`, `/usr/share/snmp/mibs`) always wins, and a
/// machine with no MIB files at all still resolves `SNMPv2-MIB::sysDescr.0`.
///
/// The folder is looked up without `Bundle.module`, whose accessor stops the process when the bundle is missing:
/// an installed `snmp` finds `swift-snmp_SNMPMIB.resources` beside its executable (where `swift build` puts it and
/// where an installer copies it), and a build or test run inside the source tree finds the source folder.
public enum BundledMIBs {
    /// The resource bundle's name, as SwiftPM names it (`PACKAGE_TARGET`).
    static let bundleName = "swift-snmp_SNMPMIB"

    /// The directory holding the bundled modules, or `nil` when neither the installed bundle nor the
    /// source tree is present (a copied binary without its resources).
    public static let directory: String? = locate()

    /// Every module name the bundle holds (file names are module names).
    public static var moduleNames: [String] {
        guard let directory else { return [] }
        return ModuleFileIndex.scan(directory: directory, cacheDirectory: nil).flatMap(\.1).sorted()
    }

    static func locate() -> String? {
        var candidates: [String] = []
        if let executableDirectory = executableDirectory() {
            // Linux and `swift build` on macOS put the bundle beside the executable; an Xcode-style
            // bundle keeps resources under Contents/Resources.
            candidates.append(executableDirectory + "/" + bundleName + ".resources/mibs")
            candidates.append(executableDirectory + "/" + bundleName + ".bundle/mibs")
            candidates.append(executableDirectory + "/" + bundleName + ".bundle/Contents/Resources/mibs")
        }
        candidates.append(sourceDirectory())
        return candidates.first(where: isDirectory)
    }

    /// `Sources/MIB/Resources/mibs`, found from this file's path at build time.
    static func sourceDirectory() -> String {
        let file = #filePath
        // .../Sources/MIB/Store/BundledMIBs.swift -> .../Sources/MIB
        var parts = file.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(2)
        return parts.joined(separator: "/") + "/Resources/mibs"
    }

    /// The directory of the running executable, symbolic links resolved.
    static func executableDirectory() -> String? {
        #if os(Linux) || os(Android)
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        let path = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        #elseif canImport(Darwin)
        var size = UInt32(4096)
        var buffer = [CChar](repeating: 0, count: Int(size))
        guard _NSGetExecutablePath(&buffer, &size) == 0,
            let resolved = realpath(buffer, nil)
        else { return nil }
        let path = String(cString: resolved)
        free(resolved)
        #else
        return nil
        #endif
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return String(path[..<slash])
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return (UInt32(info.st_mode) & UInt32(S_IFMT)) == UInt32(S_IFDIR)
    }
}

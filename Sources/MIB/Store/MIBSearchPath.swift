#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where MIB files are looked for, following Net-SNMP's rules (snmp_config(5), `-M`, `MIBDIRS`).
///
/// ```swift
/// // snmpget -M +./mibs ...  with MIBDIRS unset:
/// let dirs = MIBSearchPath.directories(option: "+./mibs")
/// // ["./mibs", "~/.snmp/mibs", "/usr/share/snmp/mibs", ..., the bundled modules]
/// ```
public enum MIBSearchPath {
    /// Net-SNMP 5.9's compiled-in default as Debian builds it, with `~` for the user's home directory.
    public static let defaultDirectories = [
        "~/.snmp/mibs", "/usr/share/snmp/mibs", "/usr/share/snmp/mibs/iana", "/usr/share/snmp/mibs/ietf",
    ]

    /// The directories to search.
    ///
    /// - Parameters:
    ///   - option: the `-M` argument, if given. It replaces `MIBDIRS` and the defaults; a leading `+`
    ///     puts its directories in front of them instead.
    ///   - environment: the environment, by default the process's (`MIBDIRS` is read from it, with the same `+` rule).
    ///   - includingBundled: whether the package's own standard modules (``BundledMIBs/directory``) come last,
    ///     after everything Net-SNMP would search, so any installed copy of a module wins over the bundled one.
    /// - Returns: Existing and non-existing directories alike, `~` expanded, duplicates removed, in search order.
    public static func directories(
        option: String? = nil, environment: [String: String]? = nil, includingBundled: Bool = true
    ) -> [String] {
        let environment = environment ?? ProcessInfo.processInfo.environment
        var result = defaultDirectories
        if let value = environment["MIBDIRS"] { result = apply(value, over: result) }
        if let option { result = apply(option, over: result) }
        if includingBundled, let bundled = BundledMIBs.directory { result.append(bundled) }
        let home = environment["HOME"] ?? ""
        var seen = Set<String>()
        return result.map { expand($0, home: home) }.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// The path as Net-SNMP's `MIB search path:` note prints it: the directories joined with `:`, without the
    /// bundled folder, so the note reads as Net-SNMP's does for the same `-M`/`MIBDIRS`.
    public static func netSNMPText(_ directories: [String]) -> String {
        directories.filter { $0 != BundledMIBs.directory }.joined(separator: ":")
    }

    private static func apply(_ value: String, over lower: [String]) -> [String] {
        if value.hasPrefix("+") {
            return split(String(value.dropFirst())) + lower
        }
        return split(value)
    }

    private static func split(_ value: String) -> [String] {
        value.split(separator: ":").map(String.init)
    }

    private static func expand(_ path: String, home: String) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return home + path.dropFirst() }
        return path
    }

    /// `$XDG_CACHE_HOME/swift-snmp`, else `~/.cache/swift-snmp`; `nil` without a home directory.
    public static func defaultCacheDirectory(environment: [String: String]? = nil) -> String? {
        let environment = environment ?? ProcessInfo.processInfo.environment
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/swift-snmp" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.cache/swift-snmp"
    }
}

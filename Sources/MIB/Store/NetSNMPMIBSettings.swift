#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Which MIB modules Net-SNMP's tools load and where they look for them, from the same sources in the
/// same order: the compiled-in defaults, the `mibdirs`/`mibs` tokens of `snmp.conf`, the `MIBDIRS`/`MIBS`
/// environment variables, and the `-M`/`-m` options (snmp_config(5), `init_mib` in `snmplib/mib.c`).
///
/// ```swift
/// // snmpget -M ./mibs -m ALL ...
/// let settings = NetSNMPMIBSettings.resolve(moduleOption: "ALL", directoryOption: "./mibs")
/// let store = settings.makeStore()     // loads every module of ./mibs
/// ```
public struct NetSNMPMIBSettings: Hashable, Sendable {
    /// Net-SNMP 5.9.3's compiled-in module list (`NETSNMP_DEFAULT_MIBS`).
    public static let defaultModules = [
        "SNMPv2-MIB", "IF-MIB", "IP-MIB", "TCP-MIB", "UDP-MIB", "HOST-RESOURCES-MIB", "NOTIFICATION-LOG-MIB",
        "DISMAN-EVENT-MIB", "DISMAN-SCHEDULE-MIB", "HOST-RESOURCES-TYPES", "MTA-MIB", "NETWORK-SERVICES-MIB",
        "UCD-DISKIO-MIB", "UCD-DLMOD-MIB", "LM-SENSORS-MIB", "UCD-SNMP-MIB", "UCD-DEMO-MIB", "SNMP-TARGET-MIB",
        "NET-SNMP-AGENT-MIB", "SNMP-FRAMEWORK-MIB", "SNMP-MPD-MIB", "SNMP-USER-BASED-SM-MIB",
        "SNMP-VIEW-BASED-ACM-MIB", "SNMP-COMMUNITY-MIB", "IPV6-ICMP-MIB", "IPV6-MIB", "IPV6-TCP-MIB",
        "IPV6-UDP-MIB", "IP-FORWARD-MIB", "NET-SNMP-PASS-MIB", "NET-SNMP-EXTEND-MIB", "SNMP-NOTIFICATION-MIB",
        "SNMPv2-TM", "NET-SNMP-VACM-MIB",
    ]

    /// Directories to search, in order.
    public var directories: [String]
    /// Modules to load at start; `["ALL"]` loads every module found.
    public var modules: [String]

    /// Creates settings.
    public init(directories: [String], modules: [String]) {
        self.directories = directories
        self.modules = modules
    }

    /// Whether every module of the search path is loaded (`-m ALL`).
    public var loadsAll: Bool { modules.contains("ALL") }

    /// The settings a Net-SNMP tool would use.
    ///
    /// - Parameters:
    ///   - moduleOption: the `-m` value, which replaces `MIBS` (a leading `+` adds to the defaults).
    ///   - directoryOption: the `-M` value, which replaces `MIBDIRS` (a leading `+` prepends).
    ///   - environment: by default the process's; `MIBS`, `MIBDIRS`, `SNMPCONFPATH` and `HOME` are read.
    public static func resolve(moduleOption: String? = nil, directoryOption: String? = nil,
                               environment: [String: String]? = nil) -> NetSNMPMIBSettings {
        let environment = environment ?? ProcessInfo.processInfo.environment
        let config = readConfigTokens(environment: environment)
        // Directories: defaults, then snmp.conf's mibdirs, then MIBDIRS, then -M (each '+' prepends).
        var dirEnvironment = environment
        if let confDirs = config.mibdirs, environment["MIBDIRS"] == nil { dirEnvironment["MIBDIRS"] = confDirs }
        let directories = MIBSearchPath.directories(option: directoryOption, environment: dirEnvironment)
        // Modules: -m, else MIBS, else snmp.conf's mibs, else the compiled-in list.
        let value = moduleOption ?? environment["MIBS"] ?? config.mibs ?? defaultModules.joined(separator: ":")
        var modules = split(value)
        if value.hasPrefix("+") {
            modules = defaultModules + split(String(value.dropFirst()))
        } else if value.hasPrefix("-") {
            modules = split(String(value.dropFirst())) + defaultModules
        }
        return NetSNMPMIBSettings(directories: directories, modules: modules)
    }

    /// The settings a program using the library gets by default: ``resolve(moduleOption:directoryOption:environment:)``,
    /// except that an empty module list from snmp.conf (Debian's `mibs :`, there because its packages ship no MIB
    /// files) becomes Net-SNMP's compiled-in list, which the bundled modules satisfy. `MIBS=` in the environment
    /// still means none.
    public static func resolveForLibrary(environment: [String: String]? = nil) -> NetSNMPMIBSettings {
        let environment = environment ?? ProcessInfo.processInfo.environment
        var settings = resolve(environment: environment)
        if settings.modules.isEmpty, environment["MIBS"] == nil { settings.modules = defaultModules }
        return settings
    }

    /// A store over the directories with the modules loaded; problems are kept in ``MIBStore/errors``.
    public func makeStore(cacheDirectory: String? = MIBSearchPath.defaultCacheDirectory()) -> MIBStore {
        let store = MIBStore(searchPath: directories, cacheDirectory: cacheDirectory)
        if loadsAll {
            store.loadAll()
        } else if !modules.isEmpty {
            store.load(modules: modules)
        }
        return store
    }

    private static func split(_ value: String) -> [String] {
        value.split(whereSeparator: { $0 == ":" || $0 == " " || $0 == "," }).map(String.init)
    }

    /// The `mibs` and `mibdirs` tokens of the snmp.conf files Net-SNMP reads (SNMPCONFPATH, else its
    /// default directories), later files overriding earlier ones; a `+` value adds to the previous one.
    static func readConfigTokens(environment: [String: String]) -> (mibs: String?, mibdirs: String?) {
        let home = environment["HOME"] ?? ""
        let paths = environment["SNMPCONFPATH"].map { $0.split(separator: ":").map(String.init) }
            ?? ["/etc/snmp", "/usr/share/snmp", "/usr/lib/x86_64-linux-gnu/snmp", home + "/.snmp"]
        var mibs: String?
        var mibdirs: String?
        for directory in paths where !directory.isEmpty {
            for file in ["snmp.conf", "snmp.local.conf"] {
                guard let data = FileManager.default.contents(atPath: directory + "/" + file) else { continue }
                for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
                    let words = line.trimmingSpaces().split(maxSplits: 1, whereSeparator: { $0 == " " || $0 == "\t" })
                    guard let token = words.first, !token.hasPrefix("#") else { continue }
                    let value = words.count > 1 ? String(words[1].trimmingSpaces()) : ""
                    switch token.lowercased() {
                    case "mibs": mibs = merge(value, into: mibs)
                    case "mibdirs": mibdirs = merge(value, into: mibdirs)
                    default: continue
                    }
                }
            }
        }
        return (mibs, mibdirs)
    }

    private static func merge(_ value: String, into current: String?) -> String {
        guard value.hasPrefix("+"), let current else { return value }
        return current + ":" + value.dropFirst()
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The system group's values when the configuration sets none, as snmpd chooses them: sysDescr is
/// `uname -a` without the OS name's trailer (sysname, nodename, release, version, machine), sysName the
/// host name, sysContact `root`, sysLocation `Unknown`.
enum SystemDefaults {
    static var sysDescr: String {
        var info = utsname()
        guard uname(&info) == 0 else { return "swift-snmp agent" }
        let fields = [text(&info.sysname), text(&info.nodename), text(&info.release), text(&info.version),
                      text(&info.machine)]
        return fields.joined(separator: " ")
    }

    static var sysName: String {
        var info = utsname()
        guard uname(&info) == 0 else { return "" }
        return text(&info.nodename)
    }

    static let sysContact = "root"
    static let sysLocation = "Unknown"

    private static func text<T>(_ field: inout T) -> String {
        withUnsafeBytes(of: &field) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}

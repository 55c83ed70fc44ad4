#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore
import SNMPSMI

/// snmpd's `engineIDType`: an engine ID built from this host (RFC 3411 §5 formats 1, 2 and 3 under
/// Net-SNMP's enterprise 8072, as snmpd builds it, so a migrated agent keeps its engine ID).
enum EngineIDFromHost {
    /// Net-SNMP's enterprise number with the RFC 3411 "new format" bit.
    static let prefix: [UInt8] = [0x80, 0x00, 0x1F, 0x88]

    /// Type 1: the host name's IPv4 address; 2: its IPv6 address; 3: the MAC address of `nic`. `nil`
    /// (after a warning) when the host has no such address; the agent then generates one.
    static func engineID(type: Int, nic: String, warn: (String) -> Void) -> OctetString? {
        switch type {
        case 3:
            let text = FileAccess.text(at: "/sys/class/net/\(nic)/address", limit: 128)?.filter { $0 != "\n" } ?? ""
            let octets = LinuxInterfaces.parseHardwareAddress(text)
            guard octets.count == 6 else {
                warn("engineIDType 3: no MAC address for interface \(nic); a generated engine ID is used")
                return nil
            }
            return OctetString(prefix + [3] + octets)
        default:
            let octets = hostAddress(ipv6: type == 2)
            guard !octets.isEmpty else {
                warn("engineIDType \(type): the host name has no \(type == 2 ? "IPv6" : "IPv4") address; a generated engine ID is used")
                return nil
            }
            return OctetString(prefix + [UInt8(type)] + octets)
        }
    }

    /// The first address of this host's name in the family.
    static func hostAddress(ipv6: Bool) -> [UInt8] {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return [] }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let address = try? SocketAddress.makeAddressResolvingHost(name, port: 0) else { return [] }
        let octets = address.octets
        return octets.count == (ipv6 ? 16 : 4) ? octets : []
    }
}

public import NIOCore
import NIOConcurrencyHelpers
import SNMPApplications

/// One network interface as Linux reports it in `/proc/net/dev` and `/sys/class/net/<name>/`.
public struct LinuxInterface: Hashable, Sendable {
    /// The kernel name (`eth0`, `lo`).
    public var name: String
    /// `/sys/class/net/<name>/ifindex`: the ifIndex.
    public var index: UInt32
    /// `mtu`.
    public var mtu: Int32 = 0
    /// `address`: the hardware address octets (empty when none).
    public var hardwareAddress: [UInt8] = []
    /// The speed in Mb/s as snmpd reports it (see `speed(ifType:driverSpeed:)`).
    public var speedMbps: UInt32 = 0
    /// When ifOperStatus last changed while the agent watched (ifLastChange); `nil` for never.
    public var lastChange: NIODeadline?
    /// `operstate` text (`up`, `down`, `unknown`, ...).
    public var operState: String = "unknown"
    /// `flags`: IFF_UP and IFF_RUNNING decide admin and oper status where operstate is unknown.
    public var flags: UInt32 = 0
    /// `type`: the ARPHRD_* hardware type.
    public var hardwareType: UInt32 = 0
    /// `/proc/net/dev` receive counters.
    public var rxBytes: UInt64 = 0, rxPackets: UInt64 = 0, rxErrors: UInt64 = 0, rxDrops: UInt64 = 0
    /// Received multicast packets.
    public var rxMulticast: UInt64 = 0
    /// `/proc/net/dev` transmit counters.
    public var txBytes: UInt64 = 0, txPackets: UInt64 = 0, txErrors: UInt64 = 0, txDrops: UInt64 = 0

    /// Creates an interface record.
    public init(name: String, index: UInt32) {
        self.name = name
        self.index = index
    }

    /// IF-MIB ifType (IANAifType): from the ARPHRD type.
    public var ifType: Int32 {
        switch hardwareType {
        case 1: return 6            // ARPHRD_ETHER -> ethernetCsmacd
        case 772: return 24         // ARPHRD_LOOPBACK -> softwareLoopback
        case 512: return 23         // ARPHRD_PPP -> ppp
        case 768, 769, 776, 778, 823: return 131   // tunnels -> tunnel
        default: return 1           // other
        }
    }

    /// IF-MIB ifAdminStatus: up(1) when IFF_UP is set, down(2) otherwise (as snmpd).
    public var adminStatus: Int32 { flags & 0x1 != 0 ? 1 : 2 }

    /// IF-MIB ifOperStatus as snmpd reports it: up(1) when IFF_RUNNING is set, down(2) otherwise. The
    /// kernel's `operstate` says `unknown` for loopback and many virtual links, which dashboards would
    /// read as a fault; the flags say what snmpd says.
    public var operStatus: Int32 { isRunning ? 1 : 2 }

    /// IFF_RUNNING, which `/sys/class/net/<name>/flags` leaves out: the kernel sets it (dev_get_flags) for
    /// an interface that is up whose operstate is `up` or `unknown`.
    public var isRunning: Bool {
        flags & 0x40 != 0 || (flags & 0x1 != 0 && (operState == "up" || operState == "unknown"))
    }

    /// IF-MIB ifPhysAddress: the hardware address, empty when it is all zeros (loopback), as snmpd.
    public var physicalAddress: [UInt8] { hardwareAddress.allSatisfy { $0 == 0 } ? [] : hardwareAddress }

    /// ifSpeed/ifHighSpeed in Mb/s as snmpd finds them: Ethernet from the driver (`speed`, 0 when the
    /// driver does not know), other types snmpd's guess — 10 Mb/s for loopback, 0 otherwise.
    static func speed(ifType: Int32, driverSpeed: Int64?) -> UInt32 {
        switch ifType {
        case 6: return driverSpeed.map { $0 > 0 ? UInt32(clamping: $0) : 0 } ?? 0
        case 24: return 10
        default: return 0
        }
    }
}

/// Reads the interfaces of this Linux host, cached for ``cacheLifetime`` so that a walk of ifTable (one
/// GetNext per cell) reads the kernel's files once.
///
/// The paths are parameters so tests can point them at a fixture directory.
public final class LinuxInterfaces: Sendable {
    /// The `/proc/net/dev` path.
    public let procNetDev: String
    /// The `/sys/class/net` path.
    public let sysClassNet: String
    /// How long a reading is served before the files are read again.
    public let cacheLifetime: TimeAmount

    private struct Cache {
        var interfaces: [LinuxInterface] = []
        var readAt: NIODeadline?
        /// Per ifIndex: the last ifOperStatus seen and when it last changed (ifLastChange).
        var status: [UInt32: (operStatus: Int32, changedAt: NIODeadline?)] = [:]
    }
    private let cache = NIOLockedValueBox(Cache())

    /// Creates a reader.
    public init(procNetDev: String = "/proc/net/dev", sysClassNet: String = "/sys/class/net",
                cacheLifetime: TimeAmount = .seconds(1)) {
        self.procNetDev = procNetDev
        self.sysClassNet = sysClassNet
        self.cacheLifetime = cacheLifetime
    }

    /// The interfaces by ifIndex, from the cache when it is fresh.
    public func interfaces() -> [LinuxInterface] {
        let now = NIODeadline.now()
        if let cached = cache.withLockedValue({ cache -> [LinuxInterface]? in
            guard let readAt = cache.readAt, now - readAt < cacheLifetime else { return nil }
            return cache.interfaces
        }) { return cached }
        // Read outside the lock: two readers racing both read, and the later one wins; harmless.
        let fresh = read()
        return cache.withLockedValue { cache in
            // RFC 2863 ifLastChange: the sysUpTime at which the interface entered its current operational
            // state; a state it had when first seen counts as "before the agent started" (0), as in snmpd.
            var status: [UInt32: (operStatus: Int32, changedAt: NIODeadline?)] = [:]
            let marked = fresh.map { interface -> LinuxInterface in
                var interface = interface
                let previous = cache.status[interface.index]
                let changedAt = previous.map { $0.operStatus == interface.operStatus ? $0.changedAt : now } ?? nil
                status[interface.index] = (interface.operStatus, changedAt)
                interface.lastChange = changedAt
                return interface
            }
            cache = Cache(interfaces: marked, readAt: now, status: status)
            return marked
        }
    }

    /// Reads the files now.
    public func read() -> [LinuxInterface] {
        let counters = Self.parseProcNetDev(FileAccess.text(at: procNetDev) ?? "")
        var names = Set(counters.keys)
        names.formUnion(FileAccess.directoryEntries(sysClassNet) ?? [])
        var result: [LinuxInterface] = []
        for name in names where !name.contains("/") {
            let directory = sysClassNet + "/" + name + "/"
            func attribute(_ file: String) -> String? {
                FileAccess.text(at: directory + file, limit: 4096).map {
                    String($0.filter { $0 != "\n" })
                }
            }
            guard let indexText = attribute("ifindex"), let index = UInt32(indexText), index > 0 else { continue }
            var interface = counters[name] ?? LinuxInterface(name: name, index: index)
            interface.index = index
            interface.mtu = attribute("mtu").flatMap { Int32($0) } ?? 0
            interface.hardwareAddress = attribute("address").map(Self.parseHardwareAddress) ?? []
            interface.operState = attribute("operstate") ?? "unknown"
            interface.flags = attribute("flags").flatMap { UInt32($0.dropFirst(2), radix: 16) } ?? 0
            interface.hardwareType = attribute("type").flatMap { UInt32($0) } ?? 0
            interface.speedMbps = LinuxInterface.speed(ifType: interface.ifType,
                                                       driverSpeed: attribute("speed").flatMap { Int64($0) })
            result.append(interface)
        }
        return result.sorted { $0.index < $1.index }
    }

    /// Parses `/proc/net/dev`: two header lines, then `name: rx(8 fields) tx(8 fields)` per interface.
    public static func parseProcNetDev(_ text: String) -> [String: LinuxInterface] {
        var result: [String: LinuxInterface] = [:]
        for line in text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(of: " ")
            let fields = line[line.index(after: colon)...].split(separator: " ").compactMap { UInt64($0) }
            guard !name.isEmpty, fields.count >= 16 else { continue }
            var interface = LinuxInterface(name: name, index: 0)
            interface.rxBytes = fields[0]
            interface.rxPackets = fields[1]
            interface.rxErrors = fields[2]
            interface.rxDrops = fields[3]
            interface.rxMulticast = fields[7]
            interface.txBytes = fields[8]
            interface.txPackets = fields[9]
            interface.txErrors = fields[10]
            interface.txDrops = fields[11]
            result[name] = interface
        }
        return result
    }

    /// `aa:bb:cc:dd:ee:ff` to octets; anything unparsable gives no address.
    static func parseHardwareAddress(_ text: String) -> [UInt8] {
        let parts = text.split(separator: ":")
        let octets = parts.compactMap { UInt8($0, radix: 16) }
        return octets.count == parts.count ? octets : []
    }
}

extension Substring {
    func trimmingCharacters(of character: Character) -> String {
        String(drop(while: { $0 == character }).reversed().drop(while: { $0 == character }).reversed())
    }
}

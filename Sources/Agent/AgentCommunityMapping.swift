public import NIOCore
public import SNMPSecurity
public import SNMPSMI

/// Where a community may come from: snmpd's `default`, a host, or a network (`10.0.0.0/8`,
/// `10.0.0.0/255.0.0.0`, `fd00::/8`). IPv4 and IPv6 sources are separate, as `com2sec` and `com2sec6` are.
public struct AgentSource: Hashable, Sendable, CustomStringConvertible {
    /// The network's address octets (4 or 16).
    public var network: [UInt8]
    /// How many leading bits must match (0 for any source of the family).
    public var prefixLength: Int

    /// Any IPv4 source (`com2sec ... default ...`).
    public static let anyIPv4 = AgentSource(network: [0, 0, 0, 0], prefixLength: 0)
    /// Any IPv6 source (`com2sec6 ... default ...`).
    public static let anyIPv6 = AgentSource(network: [UInt8](repeating: 0, count: 16), prefixLength: 0)

    /// Creates a source; the network is masked to its prefix.
    public init(network: [UInt8], prefixLength: Int) {
        let length = max(0, min(prefixLength, network.count * 8))
        self.network = network.enumerated().map { index, octet in
            let bits = max(0, min(8, length - index * 8))
            return bits == 0 ? 0 : octet & UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
        }
        self.prefixLength = length
    }

    /// Parses snmpd's SOURCE word: `default`, an address, `ADDRESS/BITS`, `ADDRESS/MASK`, or a host name
    /// (resolved now, as snmpd does when it reads the line). `nil` when it is none of these.
    public init?(parsing text: String, ipv6: Bool) {
        if text.lowercased() == "default" {
            self = ipv6 ? .anyIPv6 : .anyIPv4
            return
        }
        let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
        guard let host = parts.first, let octets = Self.octets(of: host, ipv6: ipv6) else { return nil }
        var length = octets.count * 8
        if parts.count == 2 {
            if let bits = Int(parts[1]) {
                guard (0...length).contains(bits) else { return nil }
                length = bits
            } else if let mask = Self.octets(of: parts[1], ipv6: ipv6) {
                length = mask.reduce(0) { $0 + $1.nonzeroBitCount }
            } else {
                return nil
            }
        }
        self.init(network: octets, prefixLength: length)
    }

    private static func octets(of host: String, ipv6: Bool) -> [UInt8]? {
        let address: SocketAddress
        if let numeric = try? SocketAddress(ipAddress: host, port: 0) {
            address = numeric
        } else if let resolved = try? SocketAddress.makeAddressResolvingHost(host, port: 0) {
            address = resolved
        } else {
            return nil
        }
        let octets = address.octets
        return octets.count == (ipv6 ? 16 : 4) ? octets : nil
    }

    /// Whether `address` is in this source's network (and of its family).
    public func contains(_ address: SocketAddress) -> Bool {
        var octets = address.octets
        // An IPv4 client reaching an IPv6 socket arrives as ::ffff:a.b.c.d; com2sec sees the IPv4 address.
        if network.count == 4, octets.count == 16, octets[0..<10].allSatisfy({ $0 == 0 }),
           octets[10] == 0xFF, octets[11] == 0xFF {
            octets = Array(octets[12...])
        }
        guard octets.count == network.count else { return false }
        return AgentSource(network: octets, prefixLength: prefixLength).network == network
    }

    /// `default`, or `ADDRESS/BITS`.
    public var description: String {
        if prefixLength == 0 { return "default" }
        if network.count == 4 { return network.map(String.init).joined(separator: ".") + "/\(prefixLength)" }
        return stride(from: 0, to: 16, by: 2).map { String(UInt16(network[$0]) << 8 | UInt16(network[$0 + 1]), radix: 16) }
            .joined(separator: ":") + "/\(prefixLength)"
    }
}

extension SocketAddress {
    /// The address octets (4 for IPv4, 16 for IPv6, none otherwise).
    var octets: [UInt8] {
        switch self {
        case .v4(let address):
            let value = UInt32(bigEndian: address.address.sin_addr.s_addr)
            return [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
        case .v6(let address):
            return withUnsafeBytes(of: address.address.sin6_addr) { Array($0) }
        default:
            return []
        }
    }
}

/// One row of snmpd's com2sec table (RFC 3584 snmpCommunityTable with a source restriction): a
/// community from a source acts as a security name in a context.
public struct AgentCommunityMapping: Hashable, Sendable {
    /// The community string.
    public var community: String
    /// Where requests with it may come from.
    public var source: AgentSource
    /// The security name VACM sees.
    public var securityName: String
    /// The context the requests address (`-Cn`); empty for the default context.
    public var contextName: String

    /// Creates a mapping.
    public init(community: String, source: AgentSource, securityName: String, contextName: String = "") {
        self.community = community
        self.source = source
        self.securityName = securityName
        self.contextName = contextName
    }
}

/// The agent's community lookup: the com2sec rows in configuration order (the first whose community and
/// source match wins, as in snmpd), then the communities given without a source.
public struct AgentCommunityTable: Sendable {
    private let mappings: [AgentCommunityMapping]
    private let anySource: CommunityTable

    /// Creates the lookup: `mappings` first, in order, then `anySource`.
    public init(mappings: [AgentCommunityMapping], anySource: CommunityTable) {
        self.mappings = mappings
        self.anySource = anySource
    }

    /// The entry for `community` from `source`, or `nil` — snmpInBadCommunityNames (RFC 3584 §5.2.1).
    public func entry(for community: OctetString, from source: SocketAddress) -> CommunityEntry? {
        for mapping in mappings where OctetString(mapping.community) == community && mapping.source.contains(source) {
            return CommunityEntry(community: community, securityName: mapping.securityName,
                                  contextName: mapping.contextName)
        }
        return anySource.entry(for: community)
    }
}

public import NIOCore

/// A transport domain (RFC 3417, RFC 3419): how a message travels.
public enum TransportDomain: String, Hashable, Sendable {
    /// SNMP over UDP/IPv4 (`snmpUDPDomain`).
    case udp
    /// SNMP over UDP/IPv6 (`transportDomainUdpIpv6`).
    case udp6
    /// SNMP over TCP/IPv4 (RFC 3430).
    case tcp
    /// SNMP over TCP/IPv6 (RFC 3430).
    case tcp6
}

/// An agent address as Net-SNMP's tools take it: `[udp:|udp6:|tcp:|tcp6:]host[:port]`, with IPv6 literals
/// in brackets (`udp6:[::1]:16161`).
///
/// ```swift
/// let spec = try AgentAddress(parsing: "udp6:[::1]:16161")
/// spec.host   // "::1"
/// spec.port   // 16161
/// ```
public struct AgentAddress: Hashable, Sendable, CustomStringConvertible {
    /// The transport, from the prefix or from the host's form.
    public var domain: TransportDomain
    /// The host name or literal address, without brackets.
    public var host: String
    /// The port.
    public var port: Int
    /// The text the user typed (Net-SNMP echoes it in its timeout message).
    public var text: String

    /// Creates an address.
    public init(domain: TransportDomain, host: String, port: Int, text: String? = nil) {
        self.domain = domain
        self.host = host
        self.port = port
        self.text = text ?? "\(domain.rawValue):\(host.contains(":") ? "[\(host)]" : host):\(port)"
    }

    /// Parses Net-SNMP's agent syntax; `defaultPort` applies when none is given (161 for agents, 162 for
    /// notification receivers).
    public init(parsing text: String, defaultPort: Int = 161) throws(DispatcherError) {
        var rest = Substring(text)
        var domain: TransportDomain? = nil
        let prefixes: [(String, TransportDomain)] = [
            ("udp6:", .udp6), ("udpv6:", .udp6), ("udpipv6:", .udp6), ("ipv6:", .udp6),
            ("tcp6:", .tcp6), ("tcpv6:", .tcp6), ("tcpipv6:", .tcp6),
            ("udp:", .udp), ("tcp:", .tcp),
        ]
        for (prefix, candidate) in prefixes where rest.lowercased().hasPrefix(prefix) {
            domain = candidate
            rest = rest.dropFirst(prefix.count)
            break
        }
        var host: Substring
        var port = defaultPort
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else {
                throw DispatcherError(.badAddress, "missing ] in \(text)")
            }
            host = rest[rest.index(after: rest.startIndex)..<close]
            let after = rest[rest.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":"), let p = Int(after.dropFirst()), (0...65535).contains(p) else {
                    throw DispatcherError(.badAddress, "bad port in \(text)")
                }
                port = p
            }
        } else if rest.filter({ $0 == ":" }).count > 1 {
            host = rest // a bare IPv6 literal: no port
        } else if let colon = rest.lastIndex(of: ":") {
            host = rest[..<colon]
            guard let p = Int(rest[rest.index(after: colon)...]), (0...65535).contains(p) else {
                throw DispatcherError(.badAddress, "bad port in \(text)")
            }
            port = p
        } else if domain == nil, let p = Int(rest), (0...65535).contains(p), !rest.isEmpty, rest.count <= 5 {
            // Net-SNMP reads a bare number as a port on localhost.
            host = "localhost"
            port = p
        } else {
            host = rest
        }
        guard !host.isEmpty else { throw DispatcherError(.badAddress, "no host in \(text)") }
        if domain == nil { domain = host.contains(":") ? .udp6 : .udp }
        self.init(domain: domain ?? .udp, host: String(host), port: port, text: text)
    }

    /// Resolves the host to a socket address of the domain's family (numeric hosts need no lookup).
    public func resolve() throws(DispatcherError) -> SocketAddress {
        if let address = try? SocketAddress(ipAddress: host, port: port) { return address }
        do {
            return try SocketAddress.makeAddressResolvingHost(host, port: port)
        } catch {
            throw DispatcherError(.badAddress, "Unknown host (\(host))")
        }
    }

    public var description: String { text }
}

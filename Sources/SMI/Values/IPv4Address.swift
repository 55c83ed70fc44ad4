/// An SMI `IpAddress`: four octets in network order (RFC 2578 §7.1.5).
///
/// ```swift
/// let loopback = IPv4Address(127, 0, 0, 1)
/// IPv4Address("10.0.0.254")?.description   // "10.0.0.254"
/// ```
public struct IPv4Address: Hashable, Sendable, CustomStringConvertible {
    /// The address as a big-endian integer (`127.0.0.1` is `0x7F000001`).
    public var rawValue: UInt32

    /// Creates an address from its network-order integer.
    @inlinable
    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// Creates an address from its four octets.
    @inlinable
    public init(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) {
        self.rawValue = UInt32(a) << 24 | UInt32(b) << 16 | UInt32(c) << 8 | UInt32(d)
    }

    /// Parses dotted-quad text; `nil` if it is not four decimal octets.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCII),
                  let octet = UInt8(part) else { return nil }
            value = value << 8 | UInt32(octet)
        }
        self.rawValue = value
    }

    /// The four octets, most significant first.
    @inlinable
    public var octets: [UInt8] {
        [UInt8(rawValue >> 24), UInt8(truncatingIfNeeded: rawValue >> 16),
         UInt8(truncatingIfNeeded: rawValue >> 8), UInt8(truncatingIfNeeded: rawValue)]
    }

    /// Dotted-quad text.
    public var description: String {
        "\(rawValue >> 24).\((rawValue >> 16) & 0xFF).\((rawValue >> 8) & 0xFF).\(rawValue & 0xFF)"
    }
}

import NIOConcurrencyHelpers
public import NIOCore
public import SNMPSMI

/// What discovery learnt: the snmpEngineID behind each agent address, so later requests skip discovery
/// (RFC 3414 §4). Shared by every request of an engine; a change of engine ID is learnt again on the fly.
public final class V3EngineDirectory: Sendable {
    private let entries = NIOLockedValueBox([SocketAddress: OctetString]())
    private let limit = 65_536

    /// Creates an empty directory.
    public init() {}

    /// The engine ID last seen at `address`.
    public func engineID(at address: SocketAddress) -> OctetString? {
        entries.withLockedValue { $0[address] }
    }

    /// Records the engine ID at `address`.
    public func record(_ engineID: OctetString, at address: SocketAddress) {
        entries.withLockedValue { entries in
            if entries.count >= limit { entries.removeAll(keepingCapacity: true) }
            entries[address] = engineID
        }
    }
}

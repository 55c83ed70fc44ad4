import NIOConcurrencyHelpers
public import NIOCore
public import SNMPSMI
public import SNMPSecurity

/// What the dispatcher knows of remote SNMPv3 engines: the snmpEngineID discovery found behind each agent
/// address (so later requests skip discovery, RFC 3414 §4), and the users configured for an agent whose
/// engine ID is not known yet.
///
/// USM's local configuration datastore is keyed by (engine ID, user name) (RFC 3414 §2.1, `USMUserTable`).
/// A manager knows an agent by its address, so a user configured "for the agent at this address" waits here
/// until discovery names the engine; the dispatcher then puts it into USM under that engine ID, where its
/// keys are localized. Two managers sharing an engine with the same user name and different passphrases for
/// different agents therefore never see each other's keys.
public final class V3EngineDirectory: Sendable {
    private struct Entries {
        var engineIDs: [SocketAddress: OctetString] = [:]
        var users: [SocketAddress: [OctetString: USMUser]] = [:]
    }

    private let entries = NIOLockedValueBox(Entries())
    private let limit = 65_536

    /// Creates an empty directory.
    public init() {}

    /// The engine ID last seen at `address`.
    public func engineID(at address: SocketAddress) -> OctetString? {
        entries.withLockedValue { $0.engineIDs[address] }
    }

    /// Records the engine ID at `address`.
    public func record(_ engineID: OctetString, at address: SocketAddress) {
        entries.withLockedValue { entries in
            if entries.engineIDs.count >= limit { entries.engineIDs.removeAll(keepingCapacity: true) }
            entries.engineIDs[address] = engineID
        }
    }

    /// Configures `user` for the agent at `address`, whatever its engine ID turns out to be.
    public func addUser(_ user: USMUser, at address: SocketAddress) {
        entries.withLockedValue { $0.users[address, default: [:]][user.userName] = user }
    }

    /// The user configured for `address` under `userName`, if any.
    public func user(named userName: OctetString, at address: SocketAddress) -> USMUser? {
        entries.withLockedValue { $0.users[address]?[userName] }
    }

    /// Puts the user configured for `address` into `usm` under `engineID` (RFC 3414 §2.1: the datastore is
    /// keyed by engine ID and user name), unless USM already has exactly that entry.
    func provisionUser(named userName: OctetString, at address: SocketAddress, engineID: OctetString,
                       into usm: UserSecurityModel) {
        guard let user = user(named: userName, at: address) else { return }
        usm.updateUsers { table in
            if table.user(named: userName, engineID: engineID, exactEngine: true) != user {
                table.add(user, engineID: engineID)
            }
        }
    }
}

import NIOConcurrencyHelpers
public import SNMPSMI

/// Caches master keys per (passphrase, hash) and localized keys per (user's secrets, engine ID), so the
/// million-octet password-to-key hash runs once per passphrase and localization once per engine
/// (ARCHITECTURE.md: key localization happens once and is cached).
///
/// Safe to share between event loops. The expensive work runs outside the lock; two threads racing on the
/// same new entry both compute it and one result wins, which is harmless. The number of entries is bounded,
/// because engine IDs can come from the wire (notification receivers localize per sending engine).
public final class USMKeyCache: Sendable {
    private struct MasterKeyID: Hashable {
        var passphrase: USMSecret
        var auth: USMAuthProtocol
    }

    private struct LocalizedID: Hashable {
        var auth: USMAuthProtocol
        var authSecret: USMSecret?
        var priv: USMPrivProtocol
        var privSecret: USMSecret?
        var engineID: OctetString
    }

    private struct State {
        var masterKeys: [MasterKeyID: [UInt8]] = [:]
        var localized: [LocalizedID: USMLocalizedKeys] = [:]
    }

    private let state = NIOLockedValueBox(State())
    /// The most entries of each kind kept; past it the cache starts again empty.
    public let capacity: Int

    /// Creates an empty cache.
    public init(capacity: Int = 4096) {
        self.capacity = capacity
    }

    /// The localized keys of `user` for the authoritative engine `engineID`, derived on first use.
    public func localizedKeys(for user: USMUser, engineID: OctetString) throws(USMError) -> USMLocalizedKeys {
        let id = LocalizedID(auth: user.authProtocol, authSecret: user.authSecret, priv: user.privProtocol,
                             privSecret: user.privSecret, engineID: engineID)
        if let cached = state.withLockedValue({ $0.localized[id] }) { return cached }
        let keys = try USMLocalizedKeys(user: user, engineID: engineID) { (secret, auth) throws(USMError) -> [UInt8] in
            try self.masterKey(passphrase: secret, auth: auth)
        }
        state.withLockedValue { state in
            if state.localized.count >= capacity { state.localized.removeAll(keepingCapacity: true) }
            state.localized[id] = keys
        }
        return keys
    }

    /// Ku for a passphrase (RFC 3414 A.2), computed once per (passphrase, protocol).
    public func masterKey(passphrase: USMSecret, auth: USMAuthProtocol) throws(USMError) -> [UInt8] {
        let id = MasterKeyID(passphrase: passphrase, auth: auth)
        if let cached = state.withLockedValue({ $0.masterKeys[id] }) { return cached }
        let key = try USMKeyDerivation.passwordToKey(passphrase.bytes, auth: auth)
        state.withLockedValue { state in
            if state.masterKeys.count >= capacity { state.masterKeys.removeAll(keepingCapacity: true) }
            state.masterKeys[id] = key
        }
        return key
    }

    /// How many master keys are cached (for tests and diagnostics).
    public var masterKeyCount: Int { state.withLockedValue { $0.masterKeys.count } }
}

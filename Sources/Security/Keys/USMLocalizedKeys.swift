public import SNMPSMI

/// A user's keys localized to one authoritative engine, with the HMAC context prepared for them.
///
/// Opaque on purpose: the key octets are only reachable inside the module, and the description is redacted.
public struct USMLocalizedKeys: Sendable, CustomStringConvertible {
    /// The authentication protocol the keys are for.
    public let authProtocol: USMAuthProtocol
    /// The privacy protocol the keys are for.
    public let privProtocol: USMPrivProtocol
    /// The engine they are localized to.
    public let engineID: OctetString
    let authKey: [UInt8]
    let privKey: [UInt8]
    let hmac: HMACKey?

    /// Derives the localized keys of `user` for `engineID` (RFC 3414 §2.6), using `masterKey` to turn a
    /// passphrase into Ku (so that callers can cache that expensive step).
    init(user: USMUser, engineID: OctetString,
         masterKey: (USMSecret, USMAuthProtocol) throws(USMError) -> [UInt8]) throws(USMError) {
        self.authProtocol = user.authProtocol
        self.privProtocol = user.privProtocol
        self.engineID = engineID
        guard user.authProtocol.isSupported else {
            throw USMError(.unsupportedAuthProtocol, "authentication protocol \(user.authProtocol)")
        }
        guard user.privProtocol.isSupported else {
            throw USMError(.unsupportedPrivProtocol, "privacy protocol \(user.privProtocol)")
        }
        guard !user.authProtocol.isNone else {
            guard user.privProtocol.isNone else { throw USMError(.invalidKey, "privacy without authentication") }
            self.authKey = []
            self.privKey = []
            self.hmac = nil
            return
        }
        guard let authSecret = user.authSecret else { throw USMError(.invalidKey, "no authentication key") }
        let hash = try USMKeyDerivation.hashAlgorithm(user.authProtocol)
        let authKey = try Self.localized(authSecret, engineID: engineID, auth: user.authProtocol, masterKey: masterKey)
        guard authKey.count == hash.length else {
            throw USMError(.invalidKey, "localized authentication key of \(authKey.count) octets, need \(hash.length)")
        }
        self.authKey = authKey
        self.hmac = try HMACKey(algorithm: hash, key: authKey)
        if user.privProtocol.isNone {
            self.privKey = []
        } else {
            guard let privSecret = user.privSecret else { throw USMError(.invalidKey, "no privacy key") }
            // RFC 3414 §2.6 / RFC 3826 §1.2: the privacy key is derived with the authentication protocol's hash.
            let localized = try Self.localized(privSecret, engineID: engineID, auth: user.authProtocol, masterKey: masterKey)
            self.privKey = try USMKeyDerivation.privacyKey(fromLocalized: localized, engineID: engineID,
                                                           auth: user.authProtocol, priv: user.privProtocol)
        }
    }

    private static func localized(_ secret: USMSecret, engineID: OctetString, auth: USMAuthProtocol,
                                  masterKey: (USMSecret, USMAuthProtocol) throws(USMError) -> [UInt8]) throws(USMError) -> [UInt8] {
        switch secret.form {
        case .localizedKey:
            return secret.bytes
        case .masterKey:
            return try USMKeyDerivation.localize(secret.bytes, engineID: engineID, auth: auth)
        case .passphrase:
            return try USMKeyDerivation.localize(try masterKey(secret, auth), engineID: engineID, auth: auth)
        }
    }

    /// Names the protocols and engine, never the keys.
    public var description: String {
        "USMLocalizedKeys(\(authProtocol)/\(privProtocol), engine \(engineID.bytes.map { String($0, radix: 16) }.joined()), redacted)"
    }
}

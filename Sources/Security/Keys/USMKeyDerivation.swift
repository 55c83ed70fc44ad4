public import SNMPSMI

/// The USM key algorithms: password-to-key (RFC 3414 A.2, RFC 7860 §9.3), key localization (RFC 3414 §2.6)
/// and the two ways of lengthening a localized key for ciphers that need more octets than the hash gives.
///
/// Password-to-key hashes a million octets; ``USMKeyCache`` makes sure that happens once per passphrase.
///
/// ```swift
/// let ku = try USMKeyDerivation.passwordToKey(Array("maplesyrup".utf8), auth: .hmacMD5)
/// let kul = try USMKeyDerivation.localize(ku, engineID: OctetString(engineIDBytes), auth: .hmacMD5)
/// ```
public enum USMKeyDerivation {
    /// How many octets of the repeated passphrase are hashed (RFC 3414 A.2.1: 2^20).
    public static let passwordExpansionLength = 1_048_576

    /// Ku = H(the passphrase repeated to 1,048,576 octets) (RFC 3414 A.2).
    public static func passwordToKey(_ passphrase: [UInt8], auth: USMAuthProtocol) throws(USMError) -> [UInt8] {
        try passwordToKey(passphrase, hash: try hashAlgorithm(auth))
    }

    /// Kul = H(Ku || snmpEngineID || Ku) (RFC 3414 §2.6).
    public static func localize(_ masterKey: [UInt8], engineID: OctetString, auth: USMAuthProtocol) throws(USMError) -> [UInt8] {
        try localize(masterKey, engineID: engineID.bytes, hash: try hashAlgorithm(auth))
    }

    /// Lengthens `localizedKey` to what `priv` needs with the extension `priv` prescribes; keys that are long
    /// enough come back truncated to the cipher's length, and no extension happens for them.
    public static func privacyKey(fromLocalized localizedKey: [UInt8], engineID: OctetString, auth: USMAuthProtocol,
                                  priv: USMPrivProtocol) throws(USMError) -> [UInt8] {
        guard let needed = priv.keyLength else { throw USMError(.unsupportedPrivProtocol, "privacy protocol \(priv)") }
        let hash = try hashAlgorithm(auth)
        var key = localizedKey
        // Extension only when the hash is shorter than the key the cipher needs.
        if key.count < needed {
            switch priv.keyExtension {
            case .blumenthal:
                // draft-blumenthal-aes-usm-04 §3.1.2.1: Kul' = Kul || H(Kul) || H(Kul || H(Kul)) ...
                while key.count < needed { key += try hash.hash(key) }
            case .reeder:
                // draft-reeder-snmpv3-usm-3desede-00 §2.1: the next chunk is the last chunk run through
                // password-to-key and localized to the same engine, as if it were a passphrase.
                var chunk = key
                while key.count < needed {
                    let masterKey = try passwordToKey(chunk, hash: hash)
                    chunk = try localize(masterKey, engineID: engineID.bytes, hash: hash)
                    key += chunk
                }
            case .none:
                throw USMError(.invalidKey, "\(priv) needs \(needed) key octets, \(auth) gives \(key.count)")
            }
        }
        return Array(key.prefix(needed))
    }

    static func hashAlgorithm(_ auth: USMAuthProtocol) throws(USMError) -> HashAlgorithm {
        guard let hash = auth.hashAlgorithm else {
            throw USMError(.unsupportedAuthProtocol, "authentication protocol \(auth) cannot derive keys")
        }
        return hash
    }

    static func passwordToKey(_ passphrase: [UInt8], hash: HashAlgorithm) throws(USMError) -> [UInt8] {
        guard !passphrase.isEmpty else { throw USMError(.invalidKey, "empty passphrase") }
        let digest = try StreamingDigest(hash)
        // Feed whole repetitions of the passphrase in ~8 KiB chunks: every chunk starts at a multiple of the
        // passphrase length, so each one (and the final partial one) is a prefix of the same pattern.
        let repetitions = max(1, 8192 / passphrase.count)
        let chunk = Array([[UInt8]](repeating: passphrase, count: repetitions).joined())
        var remaining = passwordExpansionLength
        try chunk.withRawBytes { (raw) throws(USMError) in
            while remaining > 0 {
                let count = min(remaining, raw.count)
                try digest.update(UnsafeRawBufferPointer(rebasing: raw[0..<count]))
                remaining -= count
            }
        }
        return try digest.finalize()
    }

    static func localize(_ masterKey: [UInt8], engineID: [UInt8], hash: HashAlgorithm) throws(USMError) -> [UInt8] {
        guard masterKey.count == hash.length else {
            throw USMError(.invalidKey, "master key of \(masterKey.count) octets, need \(hash.length)")
        }
        return try hash.hash(masterKey, engineID, masterKey)
    }
}

/// CFB128-AES (RFC 3826 §3.1), also used for AES-192/256 with extended keys: the key is the first 16/24/32
/// octets of the localized privacy key, privParameters is a 64-bit salt, and
/// IV = snmpEngineBoots || snmpEngineTime || salt (each big-endian). No padding: CFB is a stream mode.
enum AESCFBPrivacy {
    /// The 8-octet salt (RFC 3826 §3.1.2.1: a 64-bit integer, incremented per message).
    static func salt(counter: UInt64) -> [UInt8] {
        stride(from: 56, through: 0, by: -8).map { UInt8(truncatingIfNeeded: counter >> UInt64($0)) }
    }

    /// RFC 3826 §3.1.2.1 / §3.1.3.1: the IV from the authoritative engine's boots and time and the salt.
    static func iv(engineBoots: Int32, engineTime: Int32, salt: [UInt8]) -> [UInt8] {
        let boots = UInt32(bitPattern: engineBoots), time = UInt32(bitPattern: engineTime)
        return [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: boots >> $0) }
            + [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: time >> $0) } + salt
    }

    static func crypt(_ input: UnsafeRawBufferPointer, privKey: [UInt8], keyBytes: Int, engineBoots: Int32,
                      engineTime: Int32, salt: [UInt8], encrypt: Bool) throws(USMError) -> [UInt8] {
        // RFC 3826 §3.1.3.1 step 1: privParameters must be 8 octets.
        guard salt.count == 8 else {
            throw USMError(encrypt ? .encryptionError : .decryptionError, "privParameters of \(salt.count) octets")
        }
        guard privKey.count >= keyBytes else {
            throw USMError(.invalidKey, "privacy key of \(privKey.count) octets, need \(keyBytes)")
        }
        let iv = iv(engineBoots: engineBoots, engineTime: engineTime, salt: salt)
        return try LibcryptoCipher.run(LibcryptoCipher.aesCFB128(keyBytes: keyBytes), key: privKey[0..<keyBytes],
                                       iv: iv, input: input, encrypt: encrypt)
    }
}

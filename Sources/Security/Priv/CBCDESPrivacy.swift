/// CBC-DES (RFC 3414 §8) and CBC 3DES-EDE (draft-reeder-snmpv3-usm-3desede-00 §3), which share everything
/// but the key size: the last 8 octets of the privacy key are the pre-IV, the salt is
/// snmpEngineBoots || a local 32-bit counter, and IV = pre-IV XOR salt.
enum CBCDESPrivacy {
    static let blockSize = 8

    /// Splits `privKey` into the cipher key and the pre-IV (RFC 3414 §8.1.1.1; 3DES draft §3.1.1.1).
    static func keyAndPreIV(_ privKey: [UInt8], tripleDES: Bool) throws(USMError) -> (key: ArraySlice<UInt8>, preIV: ArraySlice<UInt8>) {
        let keyBytes = tripleDES ? 24 : 8
        guard privKey.count >= keyBytes + blockSize else {
            throw USMError(.invalidKey, "privacy key of \(privKey.count) octets, need \(keyBytes + blockSize)")
        }
        return (privKey[0..<keyBytes], privKey[keyBytes..<(keyBytes + blockSize)])
    }

    /// The 8-octet salt: the authoritative engine's boots, then the low 32 bits of `counter` (RFC 3414 §8.1.1.1).
    static func salt(engineBoots: Int32, counter: UInt64) -> [UInt8] {
        let boots = UInt32(bitPattern: engineBoots)
        let low = UInt32(truncatingIfNeeded: counter)
        return [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: boots >> $0) } + [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: low >> $0) }
    }

    static func cipher(tripleDES: Bool) throws(USMError) -> OpaquePointer? {
        tripleDES ? LibcryptoCipher.tripleDESCBC : try LegacyDESCipher.load().cipher
    }

    /// RFC 3414 §8.3.1: pads the scopedPDU to a multiple of 8 octets and encrypts it in CBC mode.
    /// The padding octets' value is not specified; the receiver ignores them (§8.3.2 step 3), and we use zeros.
    static func encrypt(_ plaintext: [UInt8], privKey: [UInt8], tripleDES: Bool, salt: [UInt8]) throws(USMError) -> [UInt8] {
        let (key, preIV) = try keyAndPreIV(privKey, tripleDES: tripleDES)
        let iv = zip(preIV, salt).map { $0 ^ $1 }
        var padded = plaintext
        let remainder = padded.count % blockSize
        if remainder != 0 { padded.append(contentsOf: repeatElement(0, count: blockSize - remainder)) }
        let cipher = try cipher(tripleDES: tripleDES)
        return try padded.withRawBytes { (input) throws(USMError) -> [UInt8] in
            try LibcryptoCipher.run(cipher, key: key, iv: iv, input: input, encrypt: true)
        }
    }

    /// RFC 3414 §8.3.2: checks the salt and ciphertext lengths and decrypts; padding stays on the result.
    static func decrypt(_ ciphertext: UnsafeRawBufferPointer, privKey: [UInt8], tripleDES: Bool,
                        salt: [UInt8]) throws(USMError) -> [UInt8] {
        // §8.3.2 step 1: privParameters must be 8 octets; step 2 of the decryption: a multiple of 8.
        guard salt.count == blockSize else { throw USMError(.decryptionError, "privParameters of \(salt.count) octets") }
        guard ciphertext.count % blockSize == 0, ciphertext.count > 0 else {
            throw USMError(.decryptionError, "ciphertext of \(ciphertext.count) octets is not whole DES blocks")
        }
        let (key, preIV) = try keyAndPreIV(privKey, tripleDES: tripleDES)
        let iv = zip(preIV, salt).map { $0 ^ $1 }
        return try LibcryptoCipher.run(try cipher(tripleDES: tripleDES), key: key, iv: iv, input: ciphertext, encrypt: false)
    }
}

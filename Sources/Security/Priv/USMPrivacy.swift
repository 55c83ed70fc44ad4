/// Encrypts and decrypts scopedPDUs for any supported ``USMPrivProtocol`` (RFC 3414 §3.1 step 4a,
/// §3.2 step 8).
enum USMPrivacy {
    /// Encrypts `plaintext`; returns the encryptedPDU and the msgPrivacyParameters (the salt).
    ///
    /// `saltCounter` is the sender's message counter: DES/3DES use its low 32 bits after the engine boots,
    /// AES uses all 64 bits.
    static func encrypt(_ plaintext: [UInt8], protocol priv: USMPrivProtocol, privKey: [UInt8], engineBoots: Int32,
                        engineTime: Int32, saltCounter: UInt64) throws(USMError) -> (ciphertext: [UInt8], salt: [UInt8]) {
        switch priv.cipher {
        case .desCBC, .tripleDESCBC:
            let salt = CBCDESPrivacy.salt(engineBoots: engineBoots, counter: saltCounter)
            let ciphertext = try CBCDESPrivacy.encrypt(plaintext, privKey: privKey, tripleDES: priv.cipher == .tripleDESCBC,
                                                       salt: salt)
            return (ciphertext, salt)
        case .aesCFB128(let keyBytes):
            let salt = AESCFBPrivacy.salt(counter: saltCounter)
            let ciphertext = try plaintext.withRawBytes { (input) throws(USMError) -> [UInt8] in
                try AESCFBPrivacy.crypt(input, privKey: privKey, keyBytes: keyBytes, engineBoots: engineBoots,
                                        engineTime: engineTime, salt: salt, encrypt: true)
            }
            return (ciphertext, salt)
        case .none:
            throw USMError(.unsupportedPrivProtocol, "privacy protocol \(priv)")
        }
    }

    /// Decrypts an encryptedPDU; DES/3DES results keep their block padding.
    static func decrypt(_ ciphertext: UnsafeRawBufferPointer, protocol priv: USMPrivProtocol, privKey: [UInt8],
                        engineBoots: Int32, engineTime: Int32, salt: [UInt8]) throws(USMError) -> [UInt8] {
        switch priv.cipher {
        case .desCBC, .tripleDESCBC:
            return try CBCDESPrivacy.decrypt(ciphertext, privKey: privKey, tripleDES: priv.cipher == .tripleDESCBC, salt: salt)
        case .aesCFB128(let keyBytes):
            return try AESCFBPrivacy.crypt(ciphertext, privKey: privKey, keyBytes: keyBytes, engineBoots: engineBoots,
                                           engineTime: engineTime, salt: salt, encrypt: false)
        case .none:
            throw USMError(.unsupportedPrivProtocol, "privacy protocol \(priv)")
        }
    }
}

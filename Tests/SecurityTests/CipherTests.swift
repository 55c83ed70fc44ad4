@testable import SNMPSecurity
import Testing

@Suite struct CipherTests {
    struct AESVector: Sendable, CustomStringConvertible {
        var source: String
        var key: String
        var ciphertext: String
        var description: String { source }
    }

    // NIST SP 800-38A F.3.13/F.3.15/F.3.17 (CFB128-AES128/192/256.Encrypt, first two blocks).
    static let nistIV = "000102030405060708090a0b0c0d0e0f"
    static let nistPlaintext = "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
    static let aesVectors = [
        AESVector(source: "SP 800-38A F.3.13", key: "2b7e151628aed2a6abf7158809cf4f3c",
                  ciphertext: "3b3fd92eb72dad20333449f8e83cfb4ac8a64537a0b3a93fcde3cdad9f1ce58b"),
        AESVector(source: "SP 800-38A F.3.15", key: "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b",
                  ciphertext: "cdc80d6fddf18cab34c25909c99a417467ce7f7f81173621961a2b70171d3d7a"),
        AESVector(source: "SP 800-38A F.3.17", key: "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
                  ciphertext: "dc7e84bfda79164b7ecd8486985d386039ffed143b28b1c832113c6331e5407b"),
    ]

    @Test(arguments: aesVectors)
    func aesCFB128KnownAnswer(vector: AESVector) throws {
        // RFC 3826's IV is boots || time || salt: choose them so the IV is the NIST one.
        let iv = try #require(hexBytes(Self.nistIV))
        let boots = Int32(bitPattern: UInt32(iv[0]) << 24 | UInt32(iv[1]) << 16 | UInt32(iv[2]) << 8 | UInt32(iv[3]))
        let time = Int32(bitPattern: UInt32(iv[4]) << 24 | UInt32(iv[5]) << 16 | UInt32(iv[6]) << 8 | UInt32(iv[7]))
        let salt = Array(iv[8...])
        #expect(AESCFBPrivacy.iv(engineBoots: boots, engineTime: time, salt: salt) == iv)
        let key = try #require(hexBytes(vector.key))
        let plaintext = try #require(hexBytes(Self.nistPlaintext))
        let ciphertext = try plaintext.withUnsafeBytes {
            try AESCFBPrivacy.crypt($0, privKey: key, keyBytes: key.count, engineBoots: boots, engineTime: time,
                                    salt: salt, encrypt: true)
        }
        #expect(hex(ciphertext) == vector.ciphertext)
        let back = try ciphertext.withUnsafeBytes {
            try AESCFBPrivacy.crypt($0, privKey: key, keyBytes: key.count, engineBoots: boots, engineTime: time,
                                    salt: salt, encrypt: false)
        }
        #expect(back == plaintext)
    }

    // FIPS 81 Appendix C (CBC example): key 0123456789abcdef, IV 1234567890abcdef, "Now is the time for all ".
    // The salt is chosen so that pre-IV XOR salt is that IV.
    static let fipsKey = "0123456789abcdef"
    static let fipsIV = "1234567890abcdef"
    static let fipsPlaintext = Array("Now is the time for all ".utf8)
    static let fipsCiphertext = "e5c7cdde872bf27c43e934008c389c0f683788499a7c05f6"

    @Test func desCBCKnownAnswer() throws {
        let preIV: [UInt8] = [0xa5, 0x5a, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06]
        let iv = try #require(hexBytes(Self.fipsIV))
        let salt = zip(preIV, iv).map { $0 ^ $1 }
        let privKey = try #require(hexBytes(Self.fipsKey)) + preIV
        let ciphertext = try CBCDESPrivacy.encrypt(Self.fipsPlaintext, privKey: privKey, tripleDES: false, salt: salt)
        #expect(hex(ciphertext) == Self.fipsCiphertext)
        let back = try ciphertext.withUnsafeBytes {
            try CBCDESPrivacy.decrypt($0, privKey: privKey, tripleDES: false, salt: salt)
        }
        #expect(back == Self.fipsPlaintext)
    }

    @Test func tripleDESKnownAnswer() throws {
        let iv = try #require(hexBytes(Self.fipsIV))
        let salt = [UInt8](repeating: 0, count: 8)
        // With K1 = K2 = K3, EDE is single DES: the FIPS 81 answer again.
        let des = try #require(hexBytes(Self.fipsKey))
        let degenerate = des + des + des + iv
        let ciphertext = try CBCDESPrivacy.encrypt(Self.fipsPlaintext, privKey: degenerate, tripleDES: true, salt: salt)
        #expect(hex(ciphertext) == Self.fipsCiphertext)
        // Three distinct keys (SP 800-67's example keys); answer from the `openssl enc -des-ede3-cbc` command.
        let keys = try #require(hexBytes("0123456789abcdef23456789abcdef01456789abcdef0123"))
        let three = try CBCDESPrivacy.encrypt(Self.fipsPlaintext, privKey: keys + iv, tripleDES: true, salt: salt)
        #expect(hex(three) == "f3c0ff026c023089656fbb169def7edb30ba36075d6f0176")
    }

    @Test(arguments: USMPrivProtocol.allSupported)
    func roundTripPadsAndRestores(priv: USMPrivProtocol) throws {
        let key = (0..<32).map { UInt8($0 * 7 + 3) }
        for length in [1, 7, 8, 9, 100] {
            let plaintext = (0..<length).map { UInt8(truncatingIfNeeded: $0 * 31) }
            let (ciphertext, salt) = try USMPrivacy.encrypt(plaintext, protocol: priv, privKey: key, engineBoots: 5,
                                                            engineTime: 1234, saltCounter: 0x0102_0304_0506_0708)
            #expect(salt.count == 8)
            #expect(ciphertext != plaintext)
            let back = try ciphertext.withUnsafeBytes {
                try USMPrivacy.decrypt($0, protocol: priv, privKey: key, engineBoots: 5, engineTime: 1234, salt: salt)
            }
            #expect(Array(back.prefix(length)) == plaintext)
            if priv.cipher == .desCBC || priv.cipher == .tripleDESCBC {
                #expect(ciphertext.count % 8 == 0)
                #expect(Array(salt.prefix(4)) == [0, 0, 0, 5])  // RFC 3414 §8.1.1.1: boots first
            } else {
                #expect(ciphertext.count == length)
            }
        }
    }

    @Test func decryptionRejectsBadSaltAndPartialBlocks() throws {
        let key = [UInt8](repeating: 1, count: 32)
        #expect(throws: USMError(.decryptionError)) {
            try [UInt8](repeating: 0, count: 16).withUnsafeBytes {
                try USMPrivacy.decrypt($0, protocol: .des, privKey: key, engineBoots: 1, engineTime: 1, salt: [1, 2, 3])
            }
        }
        #expect(throws: USMError(.decryptionError)) {
            try [UInt8](repeating: 0, count: 12).withUnsafeBytes {
                try USMPrivacy.decrypt($0, protocol: .tripleDES, privKey: key, engineBoots: 1, engineTime: 1,
                                       salt: [UInt8](repeating: 0, count: 8))
            }
        }
        #expect(throws: USMError(.decryptionError)) {
            try [UInt8](repeating: 0, count: 12).withUnsafeBytes {
                try USMPrivacy.decrypt($0, protocol: .aes128, privKey: key, engineBoots: 1, engineTime: 1, salt: [0])
            }
        }
        #expect(throws: USMError(.invalidKey)) {
            try USMPrivacy.encrypt([1], protocol: .aes256Blumenthal, privKey: [1, 2], engineBoots: 1, engineTime: 1,
                                   saltCounter: 0)
        }
    }

    @Test func hmacContextIsReusableAndTruncationLengthsFollowRFC7860() throws {
        let expected: [USMAuthProtocol: Int] = [.hmacMD5: 12, .hmacSHA: 12, .hmacSHA224: 16, .hmacSHA256: 24,
                                                .hmacSHA384: 32, .hmacSHA512: 48]
        for (auth, length) in expected {
            #expect(auth.macLength == length)
            let hash = try #require(auth.hashAlgorithm)
            let key = try HMACKey(algorithm: hash, key: Array("key".utf8))
            let first = try key.authenticate(Array("The quick brown fox jumps over the lazy dog".utf8))
            let second = try key.authenticate(Array("The quick brown fox jumps over the lazy dog".utf8))
            #expect(first == second)
            #expect(first.count == hash.length)
        }
        // RFC 2104 / Wikipedia HMAC_MD5("key", "The quick brown fox jumps over the lazy dog").
        let md5 = try HMACKey(algorithm: .md5, key: Array("key".utf8))
        #expect(hex(try md5.authenticate(Array("The quick brown fox jumps over the lazy dog".utf8)))
            == "80070713463e7749b90c2dc24911e275")
    }

    @Test func constantTimeCompare() {
        #expect(constantTimeEquals([1, 2, 3], [1, 2, 3]))
        #expect(!constantTimeEquals([1, 2, 3], [1, 2, 4]))
        #expect(!constantTimeEquals([1, 2, 3], [1, 2]))
    }
}

import COpenSSL

// libcrypto backend for the USM ciphers. Every mode USM uses is either a stream mode (CFB128) or CBC over
// input the caller has already padded, so OpenSSL's own padding is always switched off.

enum LibcryptoCipher {
    /// Runs `cipher` (an EVP_CIPHER) over `input` in one shot.
    static func run(_ cipher: OpaquePointer?, key: ArraySlice<UInt8>, iv: [UInt8], input: UnsafeRawBufferPointer,
                    encrypt: Bool) throws(USMError) -> [UInt8] {
        guard let cipher else { throw USMError(.cryptoBackend, "cipher unavailable") }
        guard let context = EVP_CIPHER_CTX_new() else { throw USMError(.cryptoBackend, "EVP_CIPHER_CTX_new") }
        defer { EVP_CIPHER_CTX_free(context) }
        let keyBytes = Array(key)
        let initialised = keyBytes.withUnsafeBufferPointer { key in
            iv.withUnsafeBufferPointer { iv in
                EVP_CipherInit_ex2(context, cipher, key.baseAddress, iv.baseAddress, encrypt ? 1 : 0, nil) == 1
            }
        }
        guard initialised, EVP_CIPHER_CTX_set_padding(context, 0) == 1 else {
            throw USMError(.cryptoBackend, "EVP_CipherInit_ex2")
        }
        var output = [UInt8](repeating: 0, count: input.count + 32)
        var written: Int32 = 0
        var finalWritten: Int32 = 0
        let ok = output.withUnsafeMutableBufferPointer { out -> Bool in
            guard let base = out.baseAddress,
                  EVP_CipherUpdate(context, base, &written, input.baseAddress?.assumingMemoryBound(to: UInt8.self),
                                   Int32(input.count)) == 1 else { return false }
            return EVP_CipherFinal_ex(context, base + Int(written), &finalWritten) == 1
        }
        guard ok else {
            ERR_clear_error()
            throw USMError(encrypt ? .encryptionError : .decryptionError, "cipher rejected the input")
        }
        return Array(output.prefix(Int(written + finalWritten)))
    }

    static var tripleDESCBC: OpaquePointer? { EVP_des_ede3_cbc() }

    static func aesCFB128(keyBytes: Int) -> OpaquePointer? {
        switch keyBytes {
        case 16: return EVP_aes_128_cfb128()
        case 24: return EVP_aes_192_cfb128()
        case 32: return EVP_aes_256_cfb128()
        default: return nil
        }
    }
}

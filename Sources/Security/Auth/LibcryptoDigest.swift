import COpenSSL

// libcrypto backend for plain digests (password-to-key, key localization and extension).

extension HashAlgorithm {
    fileprivate var evpMD: OpaquePointer? {
        switch self {
        case .md5: return EVP_md5()
        case .sha1: return EVP_sha1()
        case .sha224: return EVP_sha224()
        case .sha256: return EVP_sha256()
        case .sha384: return EVP_sha384()
        case .sha512: return EVP_sha512()
        }
    }
}

/// An incremental digest over one EVP_MD_CTX; used once, then dropped.
final class StreamingDigest {
    private let context: OpaquePointer
    let algorithm: HashAlgorithm

    init(_ algorithm: HashAlgorithm) throws(USMError) {
        guard let context = EVP_MD_CTX_new() else { throw USMError(.cryptoBackend, "EVP_MD_CTX_new") }
        self.context = context
        self.algorithm = algorithm
        guard EVP_DigestInit_ex(context, algorithm.evpMD, nil) == 1 else {
            throw USMError(.cryptoBackend, "EVP_DigestInit_ex \(algorithm.openSSLName)")
        }
    }

    deinit { EVP_MD_CTX_free(context) }

    func update(_ bytes: UnsafeRawBufferPointer) throws(USMError) {
        guard bytes.count > 0 else { return }
        guard EVP_DigestUpdate(context, bytes.baseAddress, bytes.count) == 1 else {
            throw USMError(.cryptoBackend, "EVP_DigestUpdate")
        }
    }

    func update(_ bytes: [UInt8]) throws(USMError) {
        let ok = bytes.withUnsafeBytes { EVP_DigestUpdate(context, $0.baseAddress, $0.count) == 1 }
        guard ok || bytes.isEmpty else { throw USMError(.cryptoBackend, "EVP_DigestUpdate") }
    }

    func finalize() throws(USMError) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let ok = output.withUnsafeMutableBufferPointer { EVP_DigestFinal_ex(context, $0.baseAddress, &length) == 1 }
        guard ok else { throw USMError(.cryptoBackend, "EVP_DigestFinal_ex") }
        return Array(output.prefix(Int(length)))
    }
}

extension HashAlgorithm {
    /// The digest of the concatenation of `parts`.
    func hash(_ parts: [UInt8]...) throws(USMError) -> [UInt8] {
        let digest = try StreamingDigest(self)
        for part in parts { try digest.update(part) }
        return try digest.finalize()
    }
}

import COpenSSL

/// A keyed HMAC, prepared once per localized key and reused for every message (ARCHITECTURE.md: contexts are
/// reused, not re-created per packet).
///
/// The keyed template context is never mutated after `init`; each computation duplicates it, which copies
/// the already-absorbed inner and outer key pads instead of hashing the key again. That keeps the type
/// safe to share between event loops without a lock.
final class HMACKey: @unchecked Sendable {
    private let template: OpaquePointer
    let algorithm: HashAlgorithm

    init(algorithm: HashAlgorithm, key: [UInt8]) throws(USMError) {
        let context = key.withUnsafeBufferPointer { key in
            snmp_hmac_new(algorithm.openSSLName, key.baseAddress, key.count)
        }
        guard let context else { throw USMError(.cryptoBackend, "HMAC \(algorithm.openSSLName) init") }
        self.template = context
        self.algorithm = algorithm
    }

    deinit { EVP_MAC_CTX_free(template) }

    /// The full HMAC over the concatenation of `segments`.
    func authenticate(_ segments: [UnsafeRawBufferPointer]) throws(USMError) -> [UInt8] {
        guard let context = EVP_MAC_CTX_dup(template) else { throw USMError(.cryptoBackend, "EVP_MAC_CTX_dup") }
        defer { EVP_MAC_CTX_free(context) }
        for segment in segments where segment.count > 0 {
            guard EVP_MAC_update(context, segment.baseAddress, segment.count) == 1 else {
                throw USMError(.cryptoBackend, "EVP_MAC_update")
            }
        }
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length = 0
        let ok = output.withUnsafeMutableBufferPointer { EVP_MAC_final(context, $0.baseAddress, &length, $0.count) == 1 }
        guard ok else { throw USMError(.cryptoBackend, "EVP_MAC_final") }
        return Array(output.prefix(length))
    }

    /// The full HMAC of `bytes`.
    func authenticate(_ bytes: [UInt8]) throws(USMError) -> [UInt8] {
        try bytes.withRawBytes { (raw) throws(USMError) -> [UInt8] in try authenticate([raw]) }
    }
}

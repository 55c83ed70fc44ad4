import COpenSSL

/// Single DES for usmDESPrivProtocol.
///
/// OpenSSL 3 moved DES-CBC into its "legacy" provider; the default provider refuses to fetch it. Rather than
/// calling the deprecated low-level `DES_*` functions (which would also trip deprecation warnings), we load
/// the legacy provider together with "default" into a private library context of our own, so the rest of the
/// process — and anyone else using libcrypto in it — keeps OpenSSL's default configuration. If the legacy
/// module is not installed, DES operations throw ``USMError/Code-swift.struct/legacyProviderUnavailable``
/// instead of failing obscurely.
final class LegacyDESCipher: @unchecked Sendable {
    /// The fetched DES-CBC implementation; immutable after `init`, so sharing it is safe.
    let cipher: OpaquePointer
    private let libraryContext: OpaquePointer
    private let providers: [OpaquePointer]

    private init?() {
        guard let context = OSSL_LIB_CTX_new() else { return nil }
        guard let legacy = OSSL_PROVIDER_load(context, "legacy") else {
            ERR_clear_error()
            OSSL_LIB_CTX_free(context)
            return nil
        }
        guard let standard = OSSL_PROVIDER_load(context, "default"),
              let cipher = EVP_CIPHER_fetch(context, "DES-CBC", nil) else {
            ERR_clear_error()
            OSSL_PROVIDER_unload(legacy)
            OSSL_LIB_CTX_free(context)
            return nil
        }
        self.libraryContext = context
        self.providers = [legacy, standard]
        self.cipher = cipher
    }

    deinit {
        EVP_CIPHER_free(cipher)
        for provider in providers { OSSL_PROVIDER_unload(provider) }
        OSSL_LIB_CTX_free(libraryContext)
    }

    /// Loaded once per process, on first use (Swift initialises globals lazily and thread-safely).
    static let shared: LegacyDESCipher? = LegacyDESCipher()

    /// The shared instance, or the typed error that explains why DES is unavailable.
    static func load() throws(USMError) -> LegacyDESCipher {
        guard let shared else {
            throw USMError(.legacyProviderUnavailable,
                           "single DES needs OpenSSL's legacy provider (ossl-modules/legacy.so), which could not be loaded")
        }
        return shared
    }
}

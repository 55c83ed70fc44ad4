// The parts of libcrypto (OpenSSL 3) that SNMPSecurity uses, plus small inline helpers so the Swift side
// never builds OSSL_PARAM arrays by hand. Only non-deprecated OpenSSL 3 entry points are called, so the
// build stays free of deprecation warnings; single DES comes from the legacy provider (see LegacyProvider.swift).
#ifndef SWIFT_SNMP_COPENSSL_SHIM_H
#define SWIFT_SNMP_COPENSSL_SHIM_H

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/des.h>
#include <openssl/provider.h>
#include <openssl/err.h>
#include <openssl/core_names.h>
#include <openssl/params.h>
#include <string.h>

/// A keyed HMAC context for `digest` ("MD5", "SHA1", "SHA2-256", ...), or NULL on failure.
static inline EVP_MAC_CTX *snmp_hmac_new(const char *digest, const unsigned char *key, size_t key_length) {
    EVP_MAC *mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
    if (mac == NULL) { return NULL; }
    EVP_MAC_CTX *ctx = EVP_MAC_CTX_new(mac);
    EVP_MAC_free(mac);
    if (ctx == NULL) { return NULL; }
    OSSL_PARAM params[2];
    params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, (char *)digest, 0);
    params[1] = OSSL_PARAM_construct_end();
    // A zero-length key is legal for HMAC; OpenSSL wants a non-NULL pointer for it.
    static const unsigned char empty_key[1] = {0};
    if (EVP_MAC_init(ctx, key_length > 0 ? key : empty_key, key_length, params) != 1) {
        EVP_MAC_CTX_free(ctx);
        return NULL;
    }
    return ctx;
}

#endif

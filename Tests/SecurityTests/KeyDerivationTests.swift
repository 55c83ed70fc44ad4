import NIOCore
@testable import SNMPSecurity
import SNMPSMI
import Testing

@Suite struct KeyDerivationTests {
    struct RFCVector: Sendable, CustomStringConvertible {
        var auth: USMAuthProtocol
        var masterKey: String
        var localizedKey: String
        var description: String { "RFC 3414 \(auth)" }
    }

    // RFC 3414 A.3.1 (MD5) and A.3.2 (SHA): password "maplesyrup", engine ID 000000000000000000000002.
    static let rfcVectors = [
        RFCVector(auth: .hmacMD5, masterKey: "9faf3283884e92834ebc9847d8edd963",
                  localizedKey: "526f5eed9fcce26f8964c2930787d82b"),
        RFCVector(auth: .hmacSHA, masterKey: "9fb5cc0381497b3793528939ff788d5d79145211",
                  localizedKey: "6695febc9288e36282235fc7151f128497b38f3f"),
    ]

    @Test(arguments: rfcVectors)
    func rfc3414PasswordToKeyAndLocalization(vector: RFCVector) throws {
        let ku = try USMKeyDerivation.passwordToKey(Array("maplesyrup".utf8), auth: vector.auth)
        #expect(hex(ku) == vector.masterKey)
        let engineID = OctetString(hexBytes("000000000000000000000002") ?? [])
        let kul = try USMKeyDerivation.localize(ku, engineID: engineID, auth: vector.auth)
        #expect(hex(kul) == vector.localizedKey)
    }

    struct NetSNMPVector: Sendable, CustomStringConvertible {
        var user: String
        var engineID: String
        var auth: USMAuthProtocol
        var authKul: String
        var priv: USMPrivProtocol
        var privKul: String
        var description: String { user }
    }

    // Tests/SecurityTests/Fixtures/usm-localized-keys.tsv: keys Net-SNMP 5.9.3 derived for the interop users.
    static func netSNMPVectors() throws -> [NetSNMPVector] {
        try Fixture.rows("usm-localized-keys.tsv").compactMap { row in
            guard row.count == 6, let auth = ObjectIdentifier(row[2]), let priv = ObjectIdentifier(row[4]) else { return nil }
            let authProtocol = USMAuthProtocol(rawValue: auth)
            guard !authProtocol.isNone else { return nil }
            return NetSNMPVector(user: row[0], engineID: row[1], auth: authProtocol, authKul: row[3],
                                 priv: USMPrivProtocol(rawValue: priv), privKul: row[5])
        }
    }

    @Test func fixtureCoversEveryProtocolPair() throws {
        let vectors = try Self.netSNMPVectors()
        #expect(vectors.count == 43)  // 6 auth × 7 priv + ro-sha256-aes128
        #expect(Set(vectors.map(\.auth)) == Set(USMAuthProtocol.allSupported))
        #expect(Set(vectors.map(\.priv)).isSuperset(of: [.des, .aes128, .aes192Blumenthal, .aes256Reeder]))
    }

    // One cache for the whole run so each passphrase is hashed once per protocol, as in production.
    static let cache = USMKeyCache()

    @Test(arguments: try netSNMPVectors())
    func netSNMPLocalizedKeys(vector: NetSNMPVector) throws {
        let engineID = OctetString(hexBytes(vector.engineID) ?? [])
        let user = InteropAgent.user(vector.user, auth: vector.auth, priv: vector.priv)
        let keys = try Self.cache.localizedKeys(for: user, engineID: engineID)
        #expect("0x" + hex(keys.authKey) == vector.authKul)
        if vector.priv.isNone {
            #expect(vector.privKul == "-")
        } else {
            #expect("0x" + hex(keys.privKey) == vector.privKul)
        }
    }

    @Test func masterAndLocalizedKeysGivenDirectlyMatchThePassphrase() throws {
        let engineID = InteropAgent.engineID
        let cache = USMKeyCache()
        let fromPassphrase = try cache.localizedKeys(
            for: InteropAgent.user("u", auth: .hmacSHA, priv: .aes256Reeder), engineID: engineID)
        let ku = try cache.masterKey(passphrase: .passphrase("authkey1234"), auth: .hmacSHA)
        let privKu = try cache.masterKey(passphrase: .passphrase("privkey1234"), auth: .hmacSHA)
        let fromMaster = try cache.localizedKeys(
            for: USMUser(userName: "u", auth: .hmacSHA, authSecret: .masterKey(ku), priv: .aes256Reeder,
                         privSecret: .masterKey(privKu)), engineID: engineID)
        #expect(fromMaster.authKey == fromPassphrase.authKey)
        #expect(fromMaster.privKey == fromPassphrase.privKey)
        // A 20-octet Kul given directly is extended the same way (Net-SNMP -3K).
        let privKul = try USMKeyDerivation.localize(privKu, engineID: engineID, auth: .hmacSHA)
        let fromLocalized = try cache.localizedKeys(
            for: USMUser(userName: "u", auth: .hmacSHA, authSecret: .localizedKey(fromPassphrase.authKey),
                         priv: .aes256Reeder, privSecret: .localizedKey(privKul)), engineID: engineID)
        #expect(fromLocalized.privKey == fromPassphrase.privKey)
        #expect(cache.masterKeyCount == 2)
    }

    @Test func passphraseIsHashedOncePerProtocol() throws {
        let cache = USMKeyCache()
        let user = InteropAgent.user("u", auth: .hmacMD5, priv: .des)
        _ = try cache.localizedKeys(for: user, engineID: InteropAgent.engineID)
        _ = try cache.localizedKeys(for: user, engineID: OctetString(hexBytes("80001f8880aabbccdd00000002") ?? []))
        #expect(cache.masterKeyCount == 2)  // auth and priv passphrases, not per engine
    }

    @Test func tripleDESKeyIsExtendedTheReederWay() throws {
        let engineID = InteropAgent.engineID
        // MD5 gives 16 octets; 3DES-EDE needs 32: Kul || localize(P2K(Kul)) (draft-reeder-snmpv3-usm-3desede).
        let ku = try USMKeyDerivation.passwordToKey(Array("privkey1234".utf8), auth: .hmacMD5)
        let kul = try USMKeyDerivation.localize(ku, engineID: engineID, auth: .hmacMD5)
        let key = try USMKeyDerivation.privacyKey(fromLocalized: kul, engineID: engineID, auth: .hmacMD5, priv: .tripleDES)
        // The Reeder extension of the same Kul for AES-256-C, checked against Net-SNMP in the fixture.
        let aes = try USMKeyDerivation.privacyKey(fromLocalized: kul, engineID: engineID, auth: .hmacMD5, priv: .aes256Reeder)
        #expect(key == aes)
        #expect(hex(key) == "93f333bbd205feefb05a2bae1961e158d8688dd86accf92b998a510f2caa1c86")
    }

    @Test func emptyPassphraseAndWrongMasterKeyLengthAreTypedErrors() {
        #expect(throws: USMError(.invalidKey)) { try USMKeyDerivation.passwordToKey([], auth: .hmacSHA) }
        #expect(throws: USMError(.invalidKey)) {
            try USMKeyDerivation.localize([1, 2, 3], engineID: InteropAgent.engineID, auth: .hmacSHA)
        }
        #expect(throws: USMError(.unsupportedAuthProtocol)) {
            try USMKeyDerivation.passwordToKey([1], auth: USMAuthProtocol(rawValue: [1, 3, 6, 1, 99]))
        }
    }

    @Test func secretsNeverPrint() throws {
        let secret = USMSecret.passphrase("maplesyrup")
        #expect(!"\(secret)".contains("maple"))
        #expect(!String(reflecting: secret).contains("maple"))
        var dumped = ""
        dump(secret, to: &dumped)
        #expect(!dumped.contains("maple"))
        let user = InteropAgent.user("u", auth: .hmacSHA, priv: .aes128)
        #expect(!"\(user)".contains("authkey1234"))
        let keys = try USMKeyCache().localizedKeys(for: user, engineID: InteropAgent.engineID)
        #expect(!"\(keys)".contains(hex(keys.authKey)))
    }
}

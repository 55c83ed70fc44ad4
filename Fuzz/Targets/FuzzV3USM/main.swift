// libFuzzer target: SNMPv3 message parsing and USM processIncomingMessage (RFC 3414 §3.2) with configured users,
// three times per input: with the right keys, with a wrong authentication key, and with the right
// authentication key but a wrong privacy key (so an authentic message reaches decryption and fails there).
// Then the v3 message processing model's prepareDataElements, which builds the Reports (RFC 3412 §7.2).
//
// The users and engine ID are the Net-SNMP interop agent's (Tests/InteropTests/Fixtures), so the golden
// packets in the seed corpus authenticate and decrypt and the fuzzer starts from the deep paths.
import NIOCore
import SNMPMessageProcessing
import SNMPSecurity
import SNMPSMI

let engineID = OctetString([0x80, 0x00, 0x1F, 0x88, 0x80, 0xAA, 0xBB, 0xCC, 0xDD, 0x00, 0x00, 0x00, 0x01])
let protocols: [(String, USMAuthProtocol, USMPrivProtocol)] = [
    ("sha256-aes128", .hmacSHA256, .aes128), ("md5-des", .hmacMD5, .des),
    ("sha512-aes256", .hmacSHA512, .aes256Blumenthal), ("sha512-aes256c", .hmacSHA512, .aes256Reeder),
    ("sha-aes192", .hmacSHA, .aes192Blumenthal), ("sha-aes192c", .hmacSHA, .aes192Reeder),
    ("md5-aes256", .hmacMD5, .aes256Blumenthal), ("md5-aes256c", .hmacMD5, .aes256Reeder),
    ("sha-3des", .hmacSHA, .tripleDES), ("sha224-aes128", .hmacSHA224, .aes128), ("sha384-aes128", .hmacSHA384, .aes128),
    ("sha-none", .hmacSHA, .none), ("none-none", .none, .none),
]

func users(auth authPassphrase: String, priv privPassphrase: String) -> USMUserTable {
    USMUserTable(protocols.map { name, auth, priv in
        USMUser(userName: OctetString("usr-" + name), auth: auth,
                authSecret: auth.isNone ? nil : .passphrase(authPassphrase),
                priv: priv, privSecret: priv.isNone ? nil : .passphrase(privPassphrase))
    })
}

/// One key cache for all three: the keys are localized once, not per input.
let keyCache = USMKeyCache()
let right = UserSecurityModel(localEngineID: engineID, users: users(auth: "authkey1234", priv: "privkey1234"),
                              keyCache: keyCache)
let wrongAuth = UserSecurityModel(localEngineID: engineID, users: users(auth: "wrongauth99", priv: "privkey1234"),
                                  keyCache: keyCache)
let wrongPriv = UserSecurityModel(localEngineID: engineID, users: users(auth: "authkey1234", priv: "wrongpriv99"),
                                  keyCache: keyCache)
/// The model as an agent runs it (its clock starts now; the golden packets' boots is 1).
let model = V3MessageProcessing(usm: UserSecurityModel(localEngineID: engineID,
                                                       users: users(auth: "authkey1234", priv: "privkey1234"),
                                                       keyCache: keyCache), engineBoots: 1)
/// The golden requests were stamped in the agent's first seconds.
let clock = USMEngineTime(boots: 1, time: 10)

/// Sets up the long-lived state before the first input, so that its allocations are not charged to an input
/// (libFuzzer's leak check compares allocations and frees per input).
@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    _ = (right, wrongAuth, wrongPriv, model)
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = ByteBuffer(bytes: UnsafeBufferPointer(start: start, count: count))
    guard let decoded = try? SNMPv3Message.decode(bytes) else { return 0 }
    for usm in [right, wrongAuth, wrongPriv] {
        do {
            let incoming = try usm.processIncomingMessage(bytes, message: decoded.message, layout: decoded.layout,
                                                          localEngineTime: clock, now: 100)
            // What USM accepted can be answered: the response path must not trap either.
            _ = try? usm.generateResponseMessage(
                headerData: decoded.message.headerData, scopedPDU: incoming.scopedPDU,
                stateReference: incoming.stateReference, localEngineTime: clock)
        } catch {
            // A refusal with a Report names a usmStats counter (RFC 3414 §3.2): it must be one of them.
            if let report = error.report, !ObjectIdentifier([1, 3, 6, 1, 6, 3, 15, 1, 1]).contains(report.counter) {
                fatalError("report with counter \(report.counter)")
            }
        }
    }
    _ = model.prepareDataElements(bytes)
    return 0
}

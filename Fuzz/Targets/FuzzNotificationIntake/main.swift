// libFuzzer target: the notification receiver's intake. A datagram is decoded as the dispatcher does it
// (v1/v2c community model, or SNMPv3 with USM and users for any sending engine), `NotificationIntake` decides
// (community check, inform acknowledgement, duplicate suppression), and a v1 Trap-PDU is translated to its
// SNMPv2 form (RFC 3584 §3.1) and back (§3.2), which must give the same trap where the RFC says it does.
import NIOCore
import SNMPApplications
import SNMPMessageProcessing
import SNMPSecurity
import SNMPSMI

let receiverEngineID = OctetString([0x80, 0x00, 0x1F, 0x88, 0x80, 0x11, 0x22, 0x33, 0x44, 0x00, 0x00, 0x00, 0x02])
/// Users valid for any sending engine, as a trap receiver configures them.
let v3 = V3MessageProcessing(usm: UserSecurityModel(localEngineID: receiverEngineID, users: USMUserTable([
    USMUser(userName: "usr-sha256-aes128", auth: .hmacSHA256, authSecret: .passphrase("authkey1234"),
            priv: .aes128, privSecret: .passphrase("privkey1234")),
    USMUser(userName: "usr-md5-des", auth: .hmacMD5, authSecret: .passphrase("authkey1234"),
            priv: .des, privSecret: .passphrase("privkey1234")),
    USMUser(userName: "usr-sha-none", auth: .hmacSHA, authSecret: .passphrase("authkey1234")),
    USMUser(userName: "usr-none-none"),
])))
let source = (try? SocketAddress(ipAddress: "127.0.0.1", port: 50_162)) ?? { fatalError("no address") }()
/// One intake for the whole run, as a receiver keeps one: the duplicate cache sees every input.
nonisolated(unsafe) var intake = NotificationIntake(acceptCommunity: { $0 == "public" })
nonisolated(unsafe) var clock = NIODeadline.uptimeNanoseconds(0)

/// RFC 3584 §3.1 then §3.2 give the trap back when it is a well-formed SNMPv1 trap: a generic trap 0-5 with
/// specific-trap 0 or an enterpriseSpecific one, and no Counter64 or translation varbinds of its own.
func checkTranslation(_ trap: TrapV1PDU, community: OctetString) {
    let notification = NotificationTranslation.notification(from: trap, community: community)
    let back = NotificationTranslation.trapV1(from: notification)
    let translationOIDs: Set<ObjectIdentifier> = [SNMPNotification.snmpTrapAddressOID,
                                                  SNMPNotification.snmpTrapCommunityOID,
                                                  SNMPNotification.snmpTrapEnterpriseOID]
    let generic = trap.genericTrap.rawValue
    guard (0...5).contains(generic) && trap.specificTrap == 0 || generic == 6,
          !trap.varBinds.contains(where: { translationOIDs.contains($0.oid) }),
          !trap.varBinds.contains(where: { if case .counter64 = $0.value { return true } else { return false } })
    else { return }
    var expected = trap
    expected.varBinds.append(VarBind(SNMPNotification.snmpTrapCommunityOID, .octetString(community)))
    if back != expected { fatalError("RFC 3584 translation round trip changed \(trap) into \(back)") }
}

/// Sets up the long-lived state before the first input, so that its allocations are not charged to an input
/// (libFuzzer's leak check compares allocations and frees per input).
@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    _ = (v3, source)
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = ByteBuffer(bytes: UnsafeBufferPointer(start: start, count: count))
    let message: IncomingMessage
    switch CommunityMessage.peekVersion(bytes) {
    case .v1?, .v2c?:
        guard let decoded = try? CommunityMessageProcessing.prepareDataElements(bytes) else { return 0 }
        message = decoded
    case .v3?:
        guard case .message(let decoded) = v3.prepareDataElements(bytes) else { return 0 }
        message = decoded
    default:
        return 0
    }
    clock = clock + .seconds(1)
    let decision = intake.accept(message, from: source, now: clock)
    if let notification = decision.delivery, case .trapV1(let trap) = notification.pdu {
        checkTranslation(trap, community: message.securityName)
    }
    return 0
}

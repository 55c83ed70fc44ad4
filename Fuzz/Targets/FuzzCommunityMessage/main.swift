// libFuzzer target: v1/v2c message parsing as the dispatcher does it (RFC 3412 §4.2.1: peek the version, then
// the community model's prepareDataElements), with the round trip decode(encode(m)) == m.
import NIOCore
import SNMPMessageProcessing
import SNMPSMI

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = ByteBuffer(bytes: UnsafeBufferPointer(start: start, count: count))
    guard let version = CommunityMessage.peekVersion(bytes), version == .v1 || version == .v2c else { return 0 }
    guard let incoming = try? CommunityMessageProcessing.prepareDataElements(bytes) else { return 0 }
    // What was accepted encodes again, and the encoding decodes to the same message.
    var encoded = ByteBuffer()
    do {
        try CommunityMessageProcessing.prepareOutgoingMessage(
            version: incoming.version, community: incoming.securityName, pdu: incoming.pdu, into: &encoded)
    } catch {
        // A PDU the version cannot carry (e.g. GetBulk in v1) may be refused on the way out, never trap.
        return 0
    }
    guard let again = try? CommunityMessageProcessing.prepareDataElements(encoded) else {
        fatalError("re-encoded message does not decode")
    }
    if again.pdu != incoming.pdu || again.securityName != incoming.securityName || again.version != incoming.version {
        fatalError("decode(encode(m)) != m")
    }
    return 0
}

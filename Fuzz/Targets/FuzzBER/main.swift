// libFuzzer target: every SMI BER decoder on arbitrary bytes, with the round-trip properties that hold.
// Bad input must throw `BERError`; a trap here is a bug. Decoding is tolerant (long-form lengths, leading zero
// octets), so the property is decode(encode(decode(b))) == decode(b), not encode(decode(b)) == b.
import NIOCore
import SNMPSMI

/// Stops the fuzzer with a message when a property fails (a harness check, not library code).
func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}

/// Decodes with `decode`; when it succeeds, re-encodes with `encode` and requires the same value back.
func roundTrip<T: Equatable>(_ bytes: ByteBuffer, _ what: String,
                             decode: (inout ByteBuffer) throws -> T, encode: (T, inout ByteBuffer) -> Void) {
    var input = bytes
    guard let value = try? decode(&input) else { return }
    var encoded = ByteBuffer()
    encode(value, &encoded)
    var again = encoded
    guard let decoded = try? decode(&again) else { fatalError("\(what): re-encoding does not decode") }
    require(decoded == value, "\(what): decode(encode(x)) != x")
    require(again.readableBytes == 0, "\(what): re-encoding left trailing bytes")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = ByteBuffer(bytes: UnsafeBufferPointer(start: start, count: count))
    roundTrip(bytes, "value", decode: { try $0.readBERValue() }, encode: { $1.writeBERValue($0) })
    roundTrip(bytes, "varbinds", decode: { try $0.readBERVarBindList() }, encode: { $1.writeBERVarBindList($0) })
    roundTrip(bytes, "PDU", decode: { try MessagePDU(berEncoded: &$0) }, encode: { $0.serialize(into: &$1) })
    roundTrip(bytes, "scoped PDU", decode: { try ScopedPDU(berEncoded: &$0) }, encode: { $0.serialize(into: &$1) })
    roundTrip(bytes, "v3 header", decode: { try SNMPv3HeaderData(berEncoded: &$0) }, encode: { $0.serialize(into: &$1) })
    roundTrip(bytes, "v3 message", decode: { buffer in
        // A whole message: it decodes from all the bytes, so it consumes them all.
        defer { buffer.moveReaderIndex(to: buffer.writerIndex) }
        return try SNMPv3Message(berEncoded: buffer)
    }, encode: { (message: SNMPv3Message, buffer: inout ByteBuffer) in message.serialize(into: &buffer) })
    roundTrip(bytes, "OID", decode: { try $0.readBERObjectIdentifier() }, encode: { $1.writeBERObjectIdentifier($0) })
    // OID text <-> binary: every decoded OID prints as dotted decimal that parses back to the same arcs.
    var oidInput = bytes
    if let oid = try? oidInput.readBERObjectIdentifier(), !oid.arcs.isEmpty {
        require(ObjectIdentifier(oid.description) == oid, "OID text round trip: \(oid)")
    }
    // Any text: what parses prints back to a dotted form that parses to the same OID.
    if let text = String(validating: UnsafeBufferPointer(start: start, count: count), as: UTF8.self),
       let oid = ObjectIdentifier(text) {
        require(ObjectIdentifier(oid.description) == oid, "OID text round trip: \(text)")
    }
    _ = CommunityMessage.peekVersion(bytes)
    return 0
}

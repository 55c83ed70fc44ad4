import NIOCore
import SNMPSMI

/// Encodes a PDU to measure it.
struct ByteBufferBox {
    var buffer = ByteBuffer()
    mutating func size(of pdu: PDU) -> Int {
        buffer.clear()
        pdu.serialize(into: &buffer)
        return buffer.readableBytes
    }
}

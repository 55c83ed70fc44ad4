public import NIOCore

/// The `data` of a community-based message: an RFC 3416 PDU or an SNMPv1 Trap-PDU.
public enum MessagePDU: Hashable, Sendable {
    /// Any PDU except the SNMPv1 Trap.
    case pdu(PDU)
    /// The SNMPv1 Trap-PDU.
    case trapV1(TrapV1PDU)

    /// The PDU's tag.
    public var type: PDUType {
        switch self {
        case .pdu(let pdu): return pdu.type
        case .trapV1: return .trapV1
        }
    }

    /// Decodes either PDU form from the front of `buffer`.
    @inlinable
    public init(berEncoded buffer: inout ByteBuffer) throws(BERError) {
        guard let tag = buffer.getInteger(at: buffer.readerIndex, as: UInt8.self) else {
            throw BERError(.truncated, "missing PDU")
        }
        if tag == PDUType.trapV1.rawValue {
            self = .trapV1(try TrapV1PDU(berEncoded: &buffer))
        } else {
            self = .pdu(try PDU(berEncoded: &buffer))
        }
    }

    /// Appends the PDU's BER encoding.
    @inlinable
    public func serialize(into buffer: inout ByteBuffer) {
        switch self {
        case .pdu(let pdu): pdu.serialize(into: &buffer)
        case .trapV1(let trap): trap.serialize(into: &buffer)
        }
    }
}

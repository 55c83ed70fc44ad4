public import NIOCore

/// Every PDU of RFC 3416 but the SNMPv1 Trap: Get, GetNext, GetBulk, Set, Response, Inform,
/// SNMPv2-Trap and Report.
///
/// ```asn1
/// PDU ::= SEQUENCE { request-id INTEGER (-214783648..214783647),
///                    error-status INTEGER (0..18), error-index INTEGER (0..max-bindings),
///                    variable-bindings VarBindList }
/// BulkPDU ::= SEQUENCE { request-id, non-repeaters INTEGER (0..max-bindings),
///                        max-repetitions INTEGER (0..max-bindings), variable-bindings VarBindList }
/// ```
///
/// ```swift
/// var get = PDU(type: .getRequest, requestID: 1, varBinds: [VarBind("1.3.6.1.2.1.1.1.0")])
/// let bulk = PDU.getBulk(requestID: 2, nonRepeaters: 0, maxRepetitions: 25, oids: ["1.3.6.1.2.1.2"])
/// ```
public struct PDU: Hashable, Sendable {
    /// Which PDU this is.
    public var type: PDUType
    /// Matches a response to its request.
    public var requestID: Int32
    /// error-status; in a GetBulkRequest this field carries non-repeaters.
    public var errorStatusRaw: Int32
    /// error-index (1-based; 0 = none); in a GetBulkRequest this field carries max-repetitions.
    public var errorIndex: Int32
    /// The variable bindings.
    public var varBinds: [VarBind]

    /// Creates a PDU.
    @inlinable
    public init(type: PDUType, requestID: Int32, errorStatus: ErrorStatus = .noError, errorIndex: Int32 = 0,
                varBinds: [VarBind]) {
        self.type = type
        self.requestID = requestID
        self.errorStatusRaw = errorStatus.rawValue
        self.errorIndex = errorIndex
        self.varBinds = varBinds
    }

    /// A GetBulkRequest.
    public static func getBulk(requestID: Int32, nonRepeaters: Int32, maxRepetitions: Int32,
                               oids: [ObjectIdentifier]) -> PDU {
        var pdu = PDU(type: .getBulkRequest, requestID: requestID, varBinds: oids.map { VarBind($0) })
        pdu.errorStatusRaw = nonRepeaters
        pdu.errorIndex = maxRepetitions
        return pdu
    }

    /// The error-status.
    @inlinable
    public var errorStatus: ErrorStatus {
        get { ErrorStatus(rawValue: errorStatusRaw) }
        set { errorStatusRaw = newValue.rawValue }
    }

    /// GetBulkRequest only: the number of leading varbinds asked for once.
    @inlinable
    public var nonRepeaters: Int32 {
        get { errorStatusRaw }
        set { errorStatusRaw = newValue }
    }

    /// GetBulkRequest only: how many successors to return for each repeating varbind.
    @inlinable
    public var maxRepetitions: Int32 {
        get { errorIndex }
        set { errorIndex = newValue }
    }
}

extension PDU {
    /// Decodes a PDU TLV (any tag but the v1 Trap's) from the front of `buffer`.
    @inlinable
    public init(berEncoded buffer: inout ByteBuffer) throws(BERError) {
        let (tag, length) = try buffer.readBERHeader()
        guard tag >= 0xA0 && tag <= 0xA8 && tag != PDUType.trapV1.rawValue else {
            throw BERError(.unexpectedTag, "PDU tag 0x\(String(tag, radix: 16))")
        }
        var contents = buffer.readSlice(length: length) ?? ByteBuffer()
        self.type = PDUType(rawValue: tag)
        self.requestID = try contents.readBERInt32()
        self.errorStatusRaw = try contents.readBERInt32()
        self.errorIndex = try contents.readBERInt32()
        self.varBinds = try contents.readBERVarBindList()
        guard contents.readableBytes == 0 else { throw BERError(.trailingBytes, "after variable-bindings") }
    }

    /// Appends the PDU's BER encoding to `buffer`.
    @inlinable
    public func serialize(into buffer: inout ByteBuffer) {
        buffer.writeBERConstructed(tag: type.rawValue) { buffer in
            buffer.writeBERInteger(Int64(requestID))
            buffer.writeBERInteger(Int64(errorStatusRaw))
            buffer.writeBERInteger(Int64(errorIndex))
            buffer.writeBERVarBindList(varBinds)
        }
    }
}

extension ByteBuffer {
    /// Writes `VarBindList ::= SEQUENCE OF VarBind` (RFC 3416 §3), size-first in one reserved region.
    @inlinable
    public mutating func writeBERVarBindList(_ varBinds: [VarBind]) {
        var contentLength = 0
        for varBind in varBinds {
            let itemLength = Self.berSize(of: varBind.oid) + Self.berSize(of: varBind.value)
            contentLength += Self.berHeaderSize(length: itemLength) + itemLength
        }
        writeBERBytes(count: Self.berHeaderSize(length: contentLength) + contentLength) { bytes in
            var offset = Self.storeBERHeader(tag: BERTag.sequence, length: contentLength, into: bytes)
            for varBind in varBinds {
                let oidContentLength = Self.berContentLength(of: varBind.oid)
                let itemLength = Self.berHeaderSize(length: oidContentLength) + oidContentLength
                    + Self.berSize(of: varBind.value)
                offset += Self.storeBERHeader(
                    tag: BERTag.sequence, length: itemLength, into: UnsafeMutableRawBufferPointer(rebasing: bytes[offset...]))
                offset = Self.storeBER(varBind.oid, contentLength: oidContentLength, into: bytes, at: offset)
                offset = Self.storeBER(varBind.value, into: bytes, at: offset)
            }
        }
    }

    /// Reads `VarBindList ::= SEQUENCE OF VarBind`.
    @inlinable
    public mutating func readBERVarBindList() throws(BERError) -> [VarBind] {
        try withBERCursor { cursor, source throws(BERError) in try cursor.readVarBindList(of: source) }
    }
}

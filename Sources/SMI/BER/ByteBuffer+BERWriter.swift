public import NIOCore

// Minimal (DER-like) BER encoding, written front to back in one pass. A constructed value reserves one
// length octet and, only if its contents reach 128 bytes, shifts them once to make room for the long form
// (ARCHITECTURE.md: each TLV is written once, no re-encoding per layer).
extension ByteBuffer {
    /// Writes `tag`, then what `body` writes, preceded by its minimal definite length.
    @inlinable
    public mutating func writeBERConstructed(
        tag: UInt8, _ body: (inout ByteBuffer) throws -> Void
    ) rethrows {
        let lengthIndex = writerIndex + 1
        writeInteger(UInt16(tag) << 8)   // tag, then a one-octet length placeholder
        let start = writerIndex
        try body(&self)
        patchBERLength(at: lengthIndex, contentStart: start)
    }

    /// Replaces the one-octet placeholder at `lengthIndex` by the definite length of the bytes written
    /// since `contentStart`, moving them if the long form is needed.
    @usableFromInline
    internal mutating func patchBERLength(at lengthIndex: Int, contentStart start: Int) {
        let length = writerIndex - start
        if length < 0x80 {
            setInteger(UInt8(length), at: lengthIndex)
            return
        }
        let extra = Self.berLengthOctets(length)
        // The source bytes are readable and the copy grows the buffer as needed, so this cannot fail
        // for a buffer we are writing; the fallback keeps the encoding correct regardless.
        if (try? copyBytes(at: start, to: start + extra, length: length)) != nil {
            moveWriterIndex(forwardBy: extra)
        } else {
            let contents = getBytes(at: start, length: length) ?? []
            moveWriterIndex(to: start)
            writeRepeatingByte(0, count: extra)
            writeBytes(contents)
        }
        setInteger(UInt8(0x80 | extra), at: lengthIndex)
        var index = lengthIndex + extra
        var remaining = length
        while index > lengthIndex {
            setInteger(UInt8(truncatingIfNeeded: remaining), at: index)
            remaining >>= 8
            index -= 1
        }
    }

    @usableFromInline
    internal static func berLengthOctets(_ length: Int) -> Int {
        length <= 0xFF ? 1 : length <= 0xFFFF ? 2 : length <= 0xFF_FFFF ? 3 : 4
    }

    /// Writes `count` bytes that `fill` stores, with one capacity check: per-byte `writeInteger` calls
    /// each pay a capacity check and a dynamic exclusivity check on the storage, which dominated encoding.
    @inlinable
    internal mutating func writeBERBytes(count: Int, _ fill: (UnsafeMutableRawBufferPointer) -> Void) {
        writeWithUnsafeMutableBytes(minimumWritableBytes: count) { bytes in
            fill(bytes)
            return count
        }
    }

    /// Writes a tag and definite length.
    @inlinable
    public mutating func writeBERHeader(tag: UInt8, length: Int) {
        let size = Self.berHeaderSize(length: length)
        writeBERBytes(count: size) { bytes in _ = Self.storeBERHeader(tag: tag, length: length, into: bytes) }
    }

    /// Writes a signed INTEGER-like value in the fewest two's-complement octets.
    @inlinable
    public mutating func writeBERInteger(_ value: Int64, tag: UInt8 = BERTag.integer) {
        writeBERBytes(count: 2 + Self.berIntegerOctets(value)) { bytes in
            _ = Self.storeBERInteger(value, tag: tag, into: bytes, at: 0)
        }
    }

    /// Writes an unsigned value (Counter32, Gauge32, TimeTicks, Counter64) in the fewest octets,
    /// with a leading zero octet when the top bit would otherwise read as a sign.
    @inlinable
    public mutating func writeBERUnsigned(_ value: UInt64, tag: UInt8) {
        let layout = Self.berUnsignedLayout(value)
        writeBERBytes(count: 2 + layout.significant + layout.pad) { bytes in
            _ = Self.storeBERUnsigned(value, tag: tag, into: bytes, at: 0)
        }
    }

    /// Writes an OCTET STRING-like value: tag, length, bytes.
    @inlinable
    public mutating func writeBEROctetString(_ value: OctetString, tag: UInt8 = BERTag.octetString) {
        writeBERHeader(tag: tag, length: value.count)
        var bytes = value.buffer
        writeBuffer(&bytes)
    }

    /// Writes raw bytes as an OCTET STRING-like value.
    @inlinable
    public mutating func writeBEROctetString(bytes: some Collection<UInt8>, tag: UInt8 = BERTag.octetString) {
        writeBERHeader(tag: tag, length: bytes.count)
        writeBytes(bytes)
    }

    /// Writes a zero-length value (`NULL` and the three exceptions).
    @inlinable
    public mutating func writeBERNull(tag: UInt8 = BERTag.null) {
        writeInteger(UInt16(tag) << 8)   // tag, length 0
    }

    /// Writes an OBJECT IDENTIFIER (X.690 §8.19). The first two arcs share one sub-identifier;
    /// an OID of fewer than two arcs is padded with zeros, as Net-SNMP does.
    @inlinable
    public mutating func writeBERObjectIdentifier(_ oid: ObjectIdentifier) {
        let contentLength = Self.berContentLength(of: oid)
        writeBERBytes(count: Self.berHeaderSize(length: contentLength) + contentLength) { bytes in
            _ = Self.storeBER(oid, contentLength: contentLength, into: bytes, at: 0)
        }
    }

    /// Writes any ``SNMPValue`` with its own tag.
    @inlinable
    public mutating func writeBERValue(_ value: SNMPValue) {
        writeBERBytes(count: Self.berSize(of: value)) { bytes in _ = Self.storeBER(value, into: bytes, at: 0) }
    }
}

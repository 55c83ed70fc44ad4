public import NIOCore

// Minimal (DER-like) BER encoding, written front to back in one pass. A constructed value reserves one
// length octet and, only if its contents reach 128 bytes, shifts them once to make room for the long form
// (DESIGN.md: each TLV is written once, no re-encoding per layer).
extension ByteBuffer {
    /// Writes `tag`, then what `body` writes, preceded by its minimal definite length.
    @inlinable
    public mutating func writeBERConstructed(
        tag: UInt8, _ body: (inout ByteBuffer) throws -> Void
    ) rethrows {
        writeInteger(tag)
        let lengthIndex = writerIndex
        writeInteger(UInt8(0))
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

    /// Writes a tag and definite length.
    @inlinable
    public mutating func writeBERHeader(tag: UInt8, length: Int) {
        writeInteger(tag)
        if length < 0x80 {
            writeInteger(UInt8(length))
        } else {
            let octets = Self.berLengthOctets(length)
            writeInteger(UInt8(0x80 | octets))
            var shift = (octets - 1) * 8
            while shift >= 0 {
                writeInteger(UInt8(truncatingIfNeeded: length >> shift))
                shift -= 8
            }
        }
    }

    /// Writes a signed INTEGER-like value in the fewest two's-complement octets.
    @inlinable
    public mutating func writeBERInteger(_ value: Int64, tag: UInt8 = BERTag.integer) {
        var octets = 8
        while octets > 1 {
            let top = value >> ((octets - 1) * 8 - 1)
            if top == 0 || top == -1 { octets -= 1 } else { break }
        }
        writeInteger(tag)
        writeInteger(UInt8(octets))
        var shift = (octets - 1) * 8
        while shift >= 0 {
            writeInteger(UInt8(truncatingIfNeeded: value >> shift))
            shift -= 8
        }
    }

    /// Writes an unsigned value (Counter32, Gauge32, TimeTicks, Counter64) in the fewest octets,
    /// with a leading zero octet when the top bit would otherwise read as a sign.
    @inlinable
    public mutating func writeBERUnsigned(_ value: UInt64, tag: UInt8) {
        var octets = 1
        while octets < 8 && value >> (octets * 8) != 0 { octets += 1 }
        let needsPad = (value >> (octets * 8 - 1)) & 1 == 1
        writeInteger(tag)
        writeInteger(UInt8(octets + (needsPad ? 1 : 0)))
        if needsPad { writeInteger(UInt8(0)) }
        var shift = (octets - 1) * 8
        while shift >= 0 {
            writeInteger(UInt8(truncatingIfNeeded: value >> shift))
            shift -= 8
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
        writeInteger(tag)
        writeInteger(UInt8(0))
    }

    /// Writes an OBJECT IDENTIFIER (X.690 §8.19). The first two arcs share one sub-identifier;
    /// an OID of fewer than two arcs is padded with zeros, as Net-SNMP does.
    @inlinable
    public mutating func writeBERObjectIdentifier(_ oid: ObjectIdentifier) {
        writeInteger(BERTag.objectIdentifier)
        let lengthIndex = writerIndex
        writeInteger(UInt8(0))
        let start = writerIndex
        oid.arcs.withUnsafeBufferPointer { arcs in
            let first = arcs.count > 0 ? UInt64(arcs[0]) : 0
            let second = arcs.count > 1 ? UInt64(arcs[1]) : 0
            writeBERSubidentifier(first * 40 + second)
            var i = 2
            while i < arcs.count {
                writeBERSubidentifier(UInt64(arcs[i]))
                i += 1
            }
        }
        patchBERLength(at: lengthIndex, contentStart: start)
    }

    @inlinable
    internal mutating func writeBERSubidentifier(_ value: UInt64) {
        if value < 0x80 {
            writeInteger(UInt8(value))
            return
        }
        var shift = 7
        while shift < 63 && value >> (shift + 7) != 0 { shift += 7 }
        while shift > 0 {
            writeInteger(UInt8(truncatingIfNeeded: (value >> shift) & 0x7F) | 0x80)
            shift -= 7
        }
        writeInteger(UInt8(truncatingIfNeeded: value & 0x7F))
    }

    /// Writes any ``SNMPValue`` with its own tag.
    @inlinable
    public mutating func writeBERValue(_ value: SNMPValue) {
        switch value {
        case .integer(let v): writeBERInteger(Int64(v))
        case .octetString(let s): writeBEROctetString(s)
        case .null: writeBERNull()
        case .objectIdentifier(let oid): writeBERObjectIdentifier(oid)
        case .ipAddress(let a):
            writeInteger(BERTag.ipAddress)
            writeInteger(UInt8(4))
            writeInteger(a.rawValue)
        case .counter32(let v): writeBERUnsigned(UInt64(v), tag: BERTag.counter32)
        case .gauge32(let v): writeBERUnsigned(UInt64(v), tag: BERTag.gauge32)
        case .timeTicks(let v): writeBERUnsigned(UInt64(v), tag: BERTag.timeTicks)
        case .opaque(let s): writeBEROctetString(s, tag: BERTag.opaque)
        case .counter64(let v): writeBERUnsigned(v, tag: BERTag.counter64)
        case .noSuchObject: writeBERNull(tag: BERTag.noSuchObject)
        case .noSuchInstance: writeBERNull(tag: BERTag.noSuchInstance)
        case .endOfMibView: writeBERNull(tag: BERTag.endOfMibView)
        case .unknown(let tag, let contents): writeBEROctetString(contents, tag: tag)
        }
    }
}

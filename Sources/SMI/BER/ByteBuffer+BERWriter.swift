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

    /// Stores a tag and definite length at the start of `bytes`; returns the octets used (see `berHeaderSize`).
    @inlinable
    internal static func storeBERHeader(tag: UInt8, length: Int, into bytes: UnsafeMutableRawBufferPointer) -> Int {
        bytes[0] = tag
        if length < 0x80 {
            bytes[1] = UInt8(length)
            return 2
        }
        let octets = berLengthOctets(length)
        bytes[1] = UInt8(0x80 | octets)
        for i in 0..<octets {
            bytes[2 + i] = UInt8(truncatingIfNeeded: length >> ((octets - 1 - i) * 8))
        }
        return 2 + octets
    }

    /// The octets a tag and definite length take.
    @inlinable
    internal static func berHeaderSize(length: Int) -> Int {
        length < 0x80 ? 2 : 2 + berLengthOctets(length)
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
        var octets = 8
        while octets > 1 {
            let top = value >> ((octets - 1) * 8 - 1)
            if top == 0 || top == -1 { octets -= 1 } else { break }
        }
        writeBERBytes(count: octets + 2) { bytes in
            bytes[0] = tag
            bytes[1] = UInt8(octets)
            for i in 0..<octets {
                bytes[2 + i] = UInt8(truncatingIfNeeded: value >> ((octets - 1 - i) * 8))
            }
        }
    }

    /// Writes an unsigned value (Counter32, Gauge32, TimeTicks, Counter64) in the fewest octets,
    /// with a leading zero octet when the top bit would otherwise read as a sign.
    @inlinable
    public mutating func writeBERUnsigned(_ value: UInt64, tag: UInt8) {
        var octets = 1
        while octets < 8 && value >> (octets * 8) != 0 { octets += 1 }
        let pad = (value >> (octets * 8 - 1)) & 1 == 1 ? 1 : 0
        writeBERBytes(count: octets + pad + 2) { bytes in
            bytes[0] = tag
            bytes[1] = UInt8(octets + pad)
            if pad == 1 { bytes[2] = 0 }
            for i in 0..<octets {
                bytes[2 + pad + i] = UInt8(truncatingIfNeeded: value >> ((octets - 1 - i) * 8))
            }
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
        oid.arcs.withUnsafeBufferPointer { arcs in
            // X.690 §8.19.4: the first sub-identifier is 40 * X + Y.
            let first = (arcs.count > 0 ? UInt64(arcs[0]) : 0) * 40 + (arcs.count > 1 ? UInt64(arcs[1]) : 0)
            var length = Self.berSubidentifierSize(first)
            var i = 2
            while i < arcs.count {
                length += Self.berSubidentifierSize(UInt64(arcs[i]))
                i += 1
            }
            writeBERBytes(count: Self.berHeaderSize(length: length) + length) { bytes in
                var offset = Self.storeBERHeader(tag: BERTag.objectIdentifier, length: length, into: bytes)
                offset = Self.storeBERSubidentifier(first, into: bytes, at: offset)
                var i = 2
                while i < arcs.count {
                    offset = Self.storeBERSubidentifier(UInt64(arcs[i]), into: bytes, at: offset)
                    i += 1
                }
            }
        }
    }

    /// The octets a base-128 sub-identifier takes (X.690 §8.19.2).
    @inlinable
    internal static func berSubidentifierSize(_ value: UInt64) -> Int {
        var size = 1
        var rest = value >> 7
        while rest != 0 {
            size += 1
            rest >>= 7
        }
        return size
    }

    /// Stores a sub-identifier at `offset`, high groups first with the continuation bit; returns the next offset.
    @inlinable
    internal static func storeBERSubidentifier(
        _ value: UInt64, into bytes: UnsafeMutableRawBufferPointer, at offset: Int
    ) -> Int {
        let size = berSubidentifierSize(value)
        var shift = (size - 1) * 7
        var index = offset
        while shift > 0 {
            bytes[index] = UInt8(truncatingIfNeeded: (value >> UInt64(shift)) & 0x7F) | 0x80
            shift -= 7
            index += 1
        }
        bytes[index] = UInt8(truncatingIfNeeded: value & 0x7F)
        return index + 1
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
            writeInteger(UInt16(BERTag.ipAddress) << 8 | 4)
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

public import NIOCore

/// A read position over the raw bytes of a `ByteBuffer`'s readable region: the decoder's inner loop.
///
/// Reading byte by byte through `ByteBuffer.readInteger` pays a capacity check and a dynamic exclusivity
/// check on the buffer's storage per octet; the cursor pays them once per `withBERCursor` call. A
/// constructed value is read through a nested cursor bounded by its length, so an inner length can never
/// run past its container (the same guarantee `readSlice` gives).
@usableFromInline
internal struct BERCursor {
    /// The bytes this cursor may read (a constructed value's contents, or the whole readable region).
    @usableFromInline let bytes: UnsafeRawBufferPointer
    /// The offset of `bytes[0]` in the `ByteBuffer`, for slicing values out of it.
    @usableFromInline let base: Int
    /// The next octet to read, relative to `bytes`.
    @usableFromInline var offset: Int

    @inlinable
    init(_ bytes: UnsafeRawBufferPointer, base: Int) {
        self.bytes = bytes
        self.base = base
        self.offset = 0
    }

    @inlinable
    var remaining: Int { bytes.count - offset }

    /// Reads a tag and definite length (X.690 §8.1.2, §8.1.3); the contents must all be present.
    @inlinable
    mutating func readHeader() throws(BERError) -> (tag: UInt8, length: Int) {
        guard remaining >= 2 else { throw BERError(.truncated, "missing tag or length") }
        let tag = bytes[offset]
        // X.690 §8.1.2.4: tag number 31 announces the multi-octet form, which SNMP never uses.
        guard tag & 0x1F != 0x1F else { throw BERError(.unsupportedTag, "high tag number") }
        let first = bytes[offset + 1]
        offset += 2
        var length: Int
        if first < 0x80 {
            length = Int(first)
        } else {
            let octets = Int(first & 0x7F)
            guard octets > 0 else { throw BERError(.invalidLength, "indefinite length") }
            guard octets <= 4 else { throw BERError(.invalidLength, "\(octets) length octets") }
            guard remaining >= octets else { throw BERError(.truncated, "length octets") }
            length = 0
            for _ in 0..<octets {
                length = length << 8 | Int(bytes[offset])
                offset += 1
            }
            guard length <= ByteBuffer.berMaximumLength else {
                throw BERError(.lengthLimitExceeded, "length \(length)")
            }
        }
        guard length <= remaining else {
            throw BERError(.truncated, "length \(length) but \(remaining) bytes follow")
        }
        return (tag, length)
    }

    /// Reads a header and checks its tag.
    @inlinable
    mutating func readHeader(expecting tag: UInt8) throws(BERError) -> Int {
        let header = try readHeader()
        guard header.tag == tag else {
            throw BERError(.unexpectedTag, "expected 0x\(String(tag, radix: 16)), found 0x\(String(header.tag, radix: 16))")
        }
        return header.length
    }

    /// Reads a constructed value with `tag` and returns a cursor over its contents.
    @inlinable
    mutating func readConstructed(tag: UInt8) throws(BERError) -> BERCursor {
        let length = try readHeader(expecting: tag)
        let contents = BERCursor(UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)]), base: base + offset)
        offset += length
        return contents
    }

    /// Signed contents; redundant leading 0x00/0xFF octets are accepted (X.690 §8.3.2 is a rule for
    /// encoders that agents break). The caller has checked `length <= remaining`.
    @inlinable
    mutating func readIntegerContents(length: Int) throws(BERError) -> Int64 {
        guard length > 0 else { throw BERError(.invalidInteger, "zero-length INTEGER") }
        var value = Int64(Int8(bitPattern: bytes[offset]))
        var index = offset + 1
        let end = offset + length
        while index < end {
            guard value >> 55 == 0 || value >> 55 == -1 else {
                offset = end
                throw BERError(.integerOverflow, "INTEGER of \(length) octets")
            }
            value = value << 8 | Int64(bytes[index])
            index += 1
        }
        offset = end
        return value
    }

    /// Unsigned contents of at most `bits` bits. Leading zero octets are skipped; a first octet with the
    /// sign bit set is read as two's complement truncated to `bits`, as Net-SNMP's asn_parse_unsigned_int does.
    @inlinable
    mutating func readUnsignedContents(length: Int, bits: Int) throws(BERError) -> UInt64 {
        guard length > 0 else { throw BERError(.invalidInteger, "zero-length unsigned") }
        let end = offset + length
        // Only the first content octet carries the sign (X.690 §8.3.3): `00 80` is 128.
        var value: UInt64 = bytes[offset] & 0x80 != 0 ? .max : 0
        var index = offset
        while end - index > 1 && bytes[index] == 0 { index += 1 }
        guard end - index <= (bits + 7) / 8 else {
            offset = end
            throw BERError(.integerOverflow, "unsigned of \(length) octets")
        }
        while index < end {
            value = value << 8 | UInt64(bytes[index])
            index += 1
        }
        offset = end
        return bits >= 64 ? value : value & ((1 << UInt64(bits)) - 1)
    }

    /// OBJECT IDENTIFIER contents (X.690 §8.19): arcs 0...2^32-1, at most 128 of them (RFC 2578 §3.5).
    @inlinable
    mutating func readObjectIdentifierContents(length: Int) throws(BERError) -> ObjectIdentifier {
        guard length > 0 else { throw BERError(.invalidObjectIdentifier, "zero-length OBJECT IDENTIFIER") }
        let end = offset + length
        var arcs = ObjectIdentifierBuilder()
        var current: UInt64 = 0
        var octetsInArc = 0
        var first = true
        var index = offset
        offset = end   // an error leaves the cursor after the value, like a successful read
        while index < end {
            let byte = bytes[index]
            index += 1
            current = current << 7 | UInt64(byte & 0x7F)
            octetsInArc += 1
            // Five octets hold 35 bits; longer runs are only leading 0x80 padding, which Net-SNMP accepts.
            guard octetsInArc <= 5 || (octetsInArc <= 10 && current <= UInt64(UInt32.max) + 80) else {
                throw BERError(.invalidObjectIdentifier, "sub-identifier too long")
            }
            if byte & 0x80 != 0 { continue }
            if first {
                first = false
                // X.690 §8.19.4: the first sub-identifier is 40 * X + Y, X in 0...2.
                if current < 40 {
                    arcs.append(0); arcs.append(UInt32(current))
                } else if current < 80 {
                    arcs.append(1); arcs.append(UInt32(current - 40))
                } else {
                    guard current - 80 <= UInt64(UInt32.max) else {
                        throw BERError(.invalidObjectIdentifier, "first sub-identifier too large")
                    }
                    arcs.append(2); arcs.append(UInt32(current - 80))
                }
            } else {
                guard current <= UInt64(UInt32.max) else {
                    throw BERError(.invalidObjectIdentifier, "arc above 2^32-1")
                }
                guard arcs.count < ObjectIdentifier.maximumArcCount else {
                    throw BERError(.invalidObjectIdentifier, "more than \(ObjectIdentifier.maximumArcCount) arcs")
                }
                arcs.append(UInt32(current))
            }
            current = 0
            octetsInArc = 0
        }
        guard octetsInArc == 0 else { throw BERError(.invalidObjectIdentifier, "last sub-identifier truncated") }
        return arcs.oid
    }

    /// `length` octets as a slice of `source` (the buffer this cursor reads), without copying.
    @inlinable
    mutating func readSlice(length: Int, of source: ByteBuffer) -> OctetString {
        let slice = source.getSlice(at: base + offset, length: length) ?? ByteBuffer()
        offset += length
        return OctetString(buffer: slice)
    }

    /// Any ``SNMPValue`` TLV (RFC 3416 §3 ObjectSyntax and the three exceptions).
    @inlinable
    mutating func readValue(of source: ByteBuffer) throws(BERError) -> SNMPValue {
        let (tag, length) = try readHeader()
        switch tag {
        case BERTag.integer:
            let value = try readIntegerContents(length: length)
            guard let narrow = Int32(exactly: value) else {
                throw BERError(.integerOverflow, "\(value) does not fit Integer32")
            }
            return .integer(narrow)
        case BERTag.octetString:
            return .octetString(readSlice(length: length, of: source))
        case BERTag.null, BERTag.noSuchObject, BERTag.noSuchInstance, BERTag.endOfMibView:
            guard length == 0 else {
                offset += length
                throw BERError(.invalidValue, "NULL with \(length) content octets")
            }
            switch tag {
            case BERTag.null: return .null
            case BERTag.noSuchObject: return .noSuchObject
            case BERTag.noSuchInstance: return .noSuchInstance
            default: return .endOfMibView
            }
        case BERTag.objectIdentifier:
            return .objectIdentifier(try readObjectIdentifierContents(length: length))
        case BERTag.ipAddress:
            // RFC 2578 §7.1.5: IpAddress is OCTET STRING (SIZE (4)).
            guard length == 4 else {
                offset += length
                throw BERError(.invalidValue, "IpAddress of \(length) octets")
            }
            let raw = UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16
                | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
            offset += 4
            return .ipAddress(IPv4Address(rawValue: raw))
        case BERTag.counter32:
            return .counter32(UInt32(truncatingIfNeeded: try readUnsignedContents(length: length, bits: 32)))
        case BERTag.gauge32:
            return .gauge32(UInt32(truncatingIfNeeded: try readUnsignedContents(length: length, bits: 32)))
        case BERTag.timeTicks:
            return .timeTicks(UInt32(truncatingIfNeeded: try readUnsignedContents(length: length, bits: 32)))
        case BERTag.counter64:
            return .counter64(try readUnsignedContents(length: length, bits: 64))
        case BERTag.opaque:
            return .opaque(readSlice(length: length, of: source))
        default:
            guard tag & 0x20 == 0 else {
                offset += length
                throw BERError(.unexpectedTag, "constructed value tag 0x\(String(tag, radix: 16))")
            }
            return .unknown(tag: tag, contents: readSlice(length: length, of: source))
        }
    }

    /// `VarBindList ::= SEQUENCE OF VarBind`, `VarBind ::= SEQUENCE { name ObjectName, value }` (RFC 3416 §3).
    @inlinable
    mutating func readVarBindList(of source: ByteBuffer) throws(BERError) -> [VarBind] {
        var list = try readConstructed(tag: BERTag.sequence)
        var varBinds: [VarBind] = []
        varBinds.reserveCapacity(Swift.min(list.remaining / 8 + 1, 64))
        while list.remaining > 0 {
            var item = try list.readConstructed(tag: BERTag.sequence)
            let oid = try item.readObjectIdentifierContents(length: item.readHeader(expecting: BERTag.objectIdentifier))
            let value = try item.readValue(of: source)
            guard item.remaining == 0 else { throw BERError(.trailingBytes, "inside VarBind") }
            varBinds.append(VarBind(oid, value))
        }
        return varBinds
    }
}

extension ByteBuffer {
    /// Runs `body` with a cursor over the readable bytes and advances the reader index by what it read.
    /// On error the reader index is left where it was.
    @inlinable
    internal mutating func withBERCursor<T>(
        _ body: (inout BERCursor, ByteBuffer) throws(BERError) -> T
    ) throws(BERError) -> T {
        let source = self
        let (result, consumed) = try source.withUnsafeReadableBytes {
            (bytes: UnsafeRawBufferPointer) throws(BERError) -> (T, Int) in
            var cursor = BERCursor(bytes, base: source.readerIndex)
            let result = try body(&cursor, source)
            return (result, cursor.offset)
        }
        moveReaderIndex(forwardBy: consumed)
        return result
    }
}

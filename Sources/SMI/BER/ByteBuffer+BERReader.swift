public import NIOCore

// Tolerant BER decoding (DESIGN.md, example 3): definite lengths in short or long form (up to four length
// octets), integers with redundant leading octets; everything else throws a `BERError`. Values keep
// slices of the input instead of copying.
extension ByteBuffer {
    /// The longest value the decoder accepts (an SNMP message never exceeds 65,535 bytes on UDP;
    /// TCP streams are framed per message).
    public static let berMaximumLength = 1 << 24

    /// Reads a tag and definite length, leaving the reader at the first content octet.
    /// Throws `.truncated` when the contents are not all present.
    @inlinable
    public mutating func readBERHeader() throws(BERError) -> (tag: UInt8, length: Int) {
        guard let tag = readInteger(as: UInt8.self), let first = readInteger(as: UInt8.self) else {
            throw BERError(.truncated, "missing tag or length")
        }
        guard tag & 0x1F != 0x1F else { throw BERError(.unsupportedTag, "high tag number") }
        var length: Int
        if first < 0x80 {
            length = Int(first)
        } else {
            let octets = Int(first & 0x7F)
            guard octets > 0 else { throw BERError(.invalidLength, "indefinite length") }
            guard octets <= 4 else { throw BERError(.invalidLength, "\(octets) length octets") }
            guard readableBytes >= octets else { throw BERError(.truncated, "length octets") }
            length = 0
            for _ in 0..<octets {
                length = length << 8 | Int(readInteger(as: UInt8.self) ?? 0)
            }
            guard length <= Self.berMaximumLength else {
                throw BERError(.lengthLimitExceeded, "length \(length)")
            }
        }
        guard length <= readableBytes else {
            throw BERError(.truncated, "length \(length) but \(readableBytes) bytes follow")
        }
        return (tag, length)
    }

    /// Reads a header and checks its tag.
    @inlinable
    public mutating func readBERHeader(expecting tag: UInt8) throws(BERError) -> Int {
        let header = try readBERHeader()
        guard header.tag == tag else {
            throw BERError(.unexpectedTag, "expected 0x\(String(tag, radix: 16)), found 0x\(String(header.tag, radix: 16))")
        }
        return header.length
    }

    /// Reads a constructed value with `tag` and returns its contents as a slice.
    @inlinable
    public mutating func readBERConstructed(tag: UInt8) throws(BERError) -> ByteBuffer {
        let length = try readBERHeader(expecting: tag)
        // The header check guarantees `length` readable bytes.
        return readSlice(length: length) ?? ByteBuffer()
    }

    /// Reads `length` content octets as a sign-extended two's-complement integer.
    /// Redundant leading 0x00/0xFF octets are accepted, as agents send them.
    @inlinable
    public mutating func readBERIntegerContents(length: Int) throws(BERError) -> Int64 {
        guard length > 0 else { throw BERError(.invalidInteger, "zero-length INTEGER") }
        var remaining = length
        guard let first = readInteger(as: UInt8.self) else { throw BERError(.truncated) }
        var value: Int64 = Int64(Int8(bitPattern: first))
        remaining -= 1
        while remaining > 0 {
            guard let byte = readInteger(as: UInt8.self) else { throw BERError(.truncated) }
            guard value >> 55 == 0 || value >> 55 == -1 else {
                moveReaderIndex(forwardBy: Swift.min(remaining - 1, readableBytes))
                throw BERError(.integerOverflow, "INTEGER of \(length) octets")
            }
            value = value << 8 | Int64(byte)
            remaining -= 1
        }
        return value
    }

    /// Reads `length` content octets as an unsigned value of at most `bits` bits.
    /// A leading zero octet is allowed; a value with the sign bit set is read as two's complement
    /// truncated to `bits`, which is what Net-SNMP does for agents that send counters as negative.
    @inlinable
    public mutating func readBERUnsignedContents(length: Int, bits: Int) throws(BERError) -> UInt64 {
        guard length > 0 else { throw BERError(.invalidInteger, "zero-length unsigned") }
        var remaining = length
        // Net-SNMP sign-extends a first octet with the high bit set (asn_parse_unsigned_int); a leading
        // zero octet makes the value positive, so the sign is taken before the zeros are skipped.
        let negative = (getInteger(at: readerIndex, as: UInt8.self) ?? 0) & 0x80 != 0
        // Skip redundant leading zeros.
        while remaining > 1, getInteger(at: readerIndex, as: UInt8.self) == 0 {
            moveReaderIndex(forwardBy: 1)
            remaining -= 1
        }
        guard remaining <= (bits + 7) / 8 else {
            moveReaderIndex(forwardBy: remaining)
            throw BERError(.integerOverflow, "unsigned of \(length) octets")
        }
        guard let first = readInteger(as: UInt8.self) else { throw BERError(.truncated) }
        var value = negative ? UInt64(bitPattern: Int64(Int8(bitPattern: first))) : UInt64(first)
        remaining -= 1
        while remaining > 0 {
            guard let byte = readInteger(as: UInt8.self) else { throw BERError(.truncated) }
            value = value << 8 | UInt64(byte)
            remaining -= 1
        }
        return bits >= 64 ? value : value & ((1 << UInt64(bits)) - 1)
    }

    /// Reads an INTEGER TLV that must fit in `Int32`.
    @inlinable
    public mutating func readBERInt32(tag: UInt8 = BERTag.integer) throws(BERError) -> Int32 {
        let length = try readBERHeader(expecting: tag)
        let value = try readBERIntegerContents(length: length)
        guard let narrow = Int32(exactly: value) else {
            throw BERError(.integerOverflow, "\(value) does not fit Integer32")
        }
        return narrow
    }

    /// Reads an OCTET STRING TLV as a slice of the input.
    @inlinable
    public mutating func readBEROctetString(tag: UInt8 = BERTag.octetString) throws(BERError) -> OctetString {
        let length = try readBERHeader(expecting: tag)
        return OctetString(buffer: readSlice(length: length) ?? ByteBuffer())
    }

    /// Reads `length` content octets of an OBJECT IDENTIFIER.
    @inlinable
    public mutating func readBERObjectIdentifierContents(length: Int) throws(BERError) -> ObjectIdentifier {
        guard length > 0 else { throw BERError(.invalidObjectIdentifier, "zero-length OBJECT IDENTIFIER") }
        let end = readerIndex + length
        var arcs: [UInt32] = []
        arcs.reserveCapacity(length + 1)
        var current: UInt64 = 0
        var octetsInArc = 0
        var first = true
        while readerIndex < end {
            guard let byte = readInteger(as: UInt8.self) else { throw BERError(.truncated) }
            current = current << 7 | UInt64(byte & 0x7F)
            octetsInArc += 1
            guard octetsInArc <= 5 || (octetsInArc <= 10 && current <= UInt64(UInt32.max) + 80) else {
                moveReaderIndex(to: end)
                throw BERError(.invalidObjectIdentifier, "sub-identifier too long")
            }
            if byte & 0x80 != 0 { continue }
            if first {
                first = false
                if current < 40 {
                    arcs.append(0); arcs.append(UInt32(current))
                } else if current < 80 {
                    arcs.append(1); arcs.append(UInt32(current - 40))
                } else {
                    guard current - 80 <= UInt64(UInt32.max) else {
                        moveReaderIndex(to: end)
                        throw BERError(.invalidObjectIdentifier, "first sub-identifier too large")
                    }
                    arcs.append(2); arcs.append(UInt32(current - 80))
                }
            } else {
                guard current <= UInt64(UInt32.max) else {
                    moveReaderIndex(to: end)
                    throw BERError(.invalidObjectIdentifier, "arc above 2^32-1")
                }
                arcs.append(UInt32(current))
            }
            current = 0
            octetsInArc = 0
        }
        guard octetsInArc == 0 else { throw BERError(.invalidObjectIdentifier, "last sub-identifier truncated") }
        guard arcs.count <= ObjectIdentifier.maximumArcCount else {
            throw BERError(.invalidObjectIdentifier, "\(arcs.count) arcs")
        }
        return ObjectIdentifier(arcs)
    }

    /// Reads an OBJECT IDENTIFIER TLV.
    @inlinable
    public mutating func readBERObjectIdentifier() throws(BERError) -> ObjectIdentifier {
        let length = try readBERHeader(expecting: BERTag.objectIdentifier)
        return try readBERObjectIdentifierContents(length: length)
    }

    /// Reads any ``SNMPValue`` TLV.
    @inlinable
    public mutating func readBERValue() throws(BERError) -> SNMPValue {
        let (tag, length) = try readBERHeader()
        switch tag {
        case BERTag.integer:
            let value = try readBERIntegerContents(length: length)
            guard let narrow = Int32(exactly: value) else {
                throw BERError(.integerOverflow, "\(value) does not fit Integer32")
            }
            return .integer(narrow)
        case BERTag.octetString:
            return .octetString(OctetString(buffer: readSlice(length: length) ?? ByteBuffer()))
        case BERTag.null, BERTag.noSuchObject, BERTag.noSuchInstance, BERTag.endOfMibView:
            guard length == 0 else {
                moveReaderIndex(forwardBy: length)
                throw BERError(.invalidValue, "NULL with \(length) content octets")
            }
            switch tag {
            case BERTag.null: return .null
            case BERTag.noSuchObject: return .noSuchObject
            case BERTag.noSuchInstance: return .noSuchInstance
            default: return .endOfMibView
            }
        case BERTag.objectIdentifier:
            return .objectIdentifier(try readBERObjectIdentifierContents(length: length))
        case BERTag.ipAddress:
            guard length == 4, let raw = readInteger(as: UInt32.self) else {
                moveReaderIndex(forwardBy: length)
                throw BERError(.invalidValue, "IpAddress of \(length) octets")
            }
            return .ipAddress(IPv4Address(rawValue: raw))
        case BERTag.counter32:
            return .counter32(UInt32(truncatingIfNeeded: try readBERUnsignedContents(length: length, bits: 32)))
        case BERTag.gauge32:
            return .gauge32(UInt32(truncatingIfNeeded: try readBERUnsignedContents(length: length, bits: 32)))
        case BERTag.timeTicks:
            return .timeTicks(UInt32(truncatingIfNeeded: try readBERUnsignedContents(length: length, bits: 32)))
        case BERTag.counter64:
            return .counter64(try readBERUnsignedContents(length: length, bits: 64))
        case BERTag.opaque:
            return .opaque(OctetString(buffer: readSlice(length: length) ?? ByteBuffer()))
        default:
            guard tag & 0x20 == 0 else {
                moveReaderIndex(forwardBy: length)
                throw BERError(.unexpectedTag, "constructed value tag 0x\(String(tag, radix: 16))")
            }
            return .unknown(tag: tag, contents: OctetString(buffer: readSlice(length: length) ?? ByteBuffer()))
        }
    }
}

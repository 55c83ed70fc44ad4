public import NIOCore

// Size-first BER encoding: each TLV's size is computed, then it is stored into a region reserved once with
// its final, minimal length header. Writing octet by octet through ByteBuffer pays a capacity check and a
// dynamic exclusivity check on the storage per octet, which dominated encoding time; this pays them once per
// reserved region (one value, or a whole VarBindList) and never moves bytes to patch a length.
extension ByteBuffer {
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

    /// The octets a base-128 sub-identifier takes (X.690 §8.19.2).
    @inlinable
    internal static func berSubidentifierSize(_ value: UInt64) -> Int {
        // Seven bits per octet: ceil(significant bits / 7), at least one octet.
        value < 0x80 ? 1 : (UInt64.bitWidth - value.leadingZeroBitCount + 6) / 7
    }

    /// Stores a sub-identifier at `offset`, high groups first with the continuation bit; returns the next offset.
    @inlinable
    internal static func storeBERSubidentifier(
        _ value: UInt64, into bytes: UnsafeMutableRawBufferPointer, at offset: Int
    ) -> Int {
        if value < 0x80 {   // most arcs: one octet
            bytes[offset] = UInt8(truncatingIfNeeded: value)
            return offset + 1
        }
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

    /// The OID's content length (X.690 §8.19), before its header.
    @inlinable
    internal static func berContentLength(of oid: ObjectIdentifier) -> Int {
        oid.withArcs { arcs in
            var length = berSubidentifierSize(berFirstSubidentifier(arcs))
            var i = 2
            while i < arcs.count {
                length += berSubidentifierSize(UInt64(arcs[i]))
                i += 1
            }
            return length
        }
    }

    /// X.690 §8.19.4: the first two arcs combine as 40 * X + Y; missing arcs count as 0 (as Net-SNMP does).
    @inlinable
    internal static func berFirstSubidentifier(_ arcs: UnsafeBufferPointer<UInt32>) -> UInt64 {
        (arcs.count > 0 ? UInt64(arcs[0]) : 0) * 40 + (arcs.count > 1 ? UInt64(arcs[1]) : 0)
    }

    /// The whole OBJECT IDENTIFIER TLV's size.
    @inlinable
    internal static func berSize(of oid: ObjectIdentifier) -> Int {
        let length = berContentLength(of: oid)
        return berHeaderSize(length: length) + length
    }

    /// Stores an OBJECT IDENTIFIER TLV whose content length is `contentLength` (from `berContentLength(of:)`);
    /// returns the next offset.
    @inlinable
    internal static func storeBER(
        _ oid: ObjectIdentifier, contentLength: Int, into bytes: UnsafeMutableRawBufferPointer, at start: Int
    ) -> Int {
        var offset = start + storeBERHeader(
            tag: BERTag.objectIdentifier, length: contentLength, into: UnsafeMutableRawBufferPointer(rebasing: bytes[start...]))
        oid.withArcs { arcs in
            offset = storeBERSubidentifier(berFirstSubidentifier(arcs), into: bytes, at: offset)
            var i = 2
            while i < arcs.count {
                offset = storeBERSubidentifier(UInt64(arcs[i]), into: bytes, at: offset)
                i += 1
            }
        }
        return offset
    }

    /// Content octets of a signed value in minimal two's complement (X.690 §8.3.2).
    @inlinable
    internal static func berIntegerOctets(_ value: Int64) -> Int {
        var octets = 8
        while octets > 1 {
            let top = value >> ((octets - 1) * 8 - 1)
            if top == 0 || top == -1 { octets -= 1 } else { break }
        }
        return octets
    }

    /// An unsigned value's significant content octets, and whether a 00 pad octet must precede them
    /// because the top bit is set (X.690 §8.3.2: the first bit would otherwise read as a sign).
    @inlinable
    internal static func berUnsignedLayout(_ value: UInt64) -> (significant: Int, pad: Int) {
        var octets = 1
        while octets < 8 && value >> (octets * 8) != 0 { octets += 1 }
        return (octets, (value >> (octets * 8 - 1)) & 1 == 1 ? 1 : 0)
    }

    /// The value's whole TLV size as `storeBER(_:into:at:)` writes it.
    @inlinable
    internal static func berSize(of value: SNMPValue) -> Int {
        switch value {
        case .integer(let v): return 2 + berIntegerOctets(Int64(v))
        case .octetString(let s), .opaque(let s), .unknown(_, let s): return berHeaderSize(length: s.count) + s.count
        case .null, .noSuchObject, .noSuchInstance, .endOfMibView: return 2
        case .objectIdentifier(let oid): return berSize(of: oid)
        case .ipAddress: return 6
        case .counter32(let v), .gauge32(let v), .timeTicks(let v):
            let layout = berUnsignedLayout(UInt64(v))
            return 2 + layout.significant + layout.pad
        case .counter64(let v):
            let layout = berUnsignedLayout(v)
            return 2 + layout.significant + layout.pad
        }
    }

    /// Stores the value's TLV at `offset`; returns the next offset.
    @inlinable
    internal static func storeBER(_ value: SNMPValue, into bytes: UnsafeMutableRawBufferPointer, at offset: Int) -> Int {
        switch value {
        case .integer(let v):
            return storeBERInteger(Int64(v), tag: BERTag.integer, into: bytes, at: offset)
        case .octetString(let s), .opaque(let s), .unknown(_, let s):
            let start = offset + storeBERHeader(
                tag: value.tag, length: s.count, into: UnsafeMutableRawBufferPointer(rebasing: bytes[offset...]))
            s.withBytes { source in
                UnsafeMutableRawBufferPointer(rebasing: bytes[start..<(start + source.count)]).copyMemory(from: source)
            }
            return start + s.count
        case .null, .noSuchObject, .noSuchInstance, .endOfMibView:
            bytes[offset] = value.tag
            bytes[offset + 1] = 0
            return offset + 2
        case .objectIdentifier(let oid):
            return storeBER(oid, contentLength: berContentLength(of: oid), into: bytes, at: offset)
        case .ipAddress(let address):
            bytes[offset] = BERTag.ipAddress
            bytes[offset + 1] = 4
            for i in 0..<4 {
                bytes[offset + 2 + i] = UInt8(truncatingIfNeeded: address.rawValue >> ((3 - i) * 8))
            }
            return offset + 6
        case .counter32(let v), .gauge32(let v), .timeTicks(let v):
            return storeBERUnsigned(UInt64(v), tag: value.tag, into: bytes, at: offset)
        case .counter64(let v):
            return storeBERUnsigned(v, tag: BERTag.counter64, into: bytes, at: offset)
        }
    }

    /// Stores a signed value's TLV in minimal two's complement; returns the next offset.
    @inlinable
    internal static func storeBERInteger(
        _ value: Int64, tag: UInt8, into bytes: UnsafeMutableRawBufferPointer, at offset: Int
    ) -> Int {
        let octets = berIntegerOctets(value)
        bytes[offset] = tag
        bytes[offset + 1] = UInt8(octets)
        for i in 0..<octets {
            bytes[offset + 2 + i] = UInt8(truncatingIfNeeded: value >> ((octets - 1 - i) * 8))
        }
        return offset + 2 + octets
    }

    /// Stores an unsigned value's TLV, with the 00 pad octet when needed; returns the next offset.
    @inlinable
    internal static func storeBERUnsigned(
        _ value: UInt64, tag: UInt8, into bytes: UnsafeMutableRawBufferPointer, at offset: Int
    ) -> Int {
        let (significant, pad) = berUnsignedLayout(value)
        bytes[offset] = tag
        bytes[offset + 1] = UInt8(significant + pad)
        if pad == 1 { bytes[offset + 2] = 0 }
        let index = offset + 2 + pad
        for i in 0..<significant {
            bytes[index + i] = UInt8(truncatingIfNeeded: value >> ((significant - 1 - i) * 8))
        }
        return index + significant
    }
}

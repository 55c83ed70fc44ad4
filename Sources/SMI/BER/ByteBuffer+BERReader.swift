public import NIOCore

// Tolerant BER decoding (ARCHITECTURE.md, example 3): definite lengths in short or long form (up to four length
// octets), integers with redundant leading octets; everything else throws a `BERError`. Values keep
// slices of the input instead of copying. The parsing itself is `BERCursor`'s, over the raw bytes.
extension ByteBuffer {
    /// The longest value the decoder accepts (an SNMP message never exceeds 65,535 bytes on UDP;
    /// TCP streams are framed per message).
    public static let berMaximumLength = 1 << 24

    /// Reads a tag and definite length, leaving the reader at the first content octet.
    /// Throws `.truncated` when the contents are not all present.
    @inlinable
    public mutating func readBERHeader() throws(BERError) -> (tag: UInt8, length: Int) {
        try withBERCursor { cursor, _ throws(BERError) in try cursor.readHeader() }
    }

    /// Reads a header and checks its tag.
    @inlinable
    public mutating func readBERHeader(expecting tag: UInt8) throws(BERError) -> Int {
        try withBERCursor { cursor, _ throws(BERError) in try cursor.readHeader(expecting: tag) }
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
        guard length <= readableBytes else { throw BERError(.truncated) }
        return try withBERCursor { cursor, _ throws(BERError) in try cursor.readIntegerContents(length: length) }
    }

    /// Reads `length` content octets as an unsigned value of at most `bits` bits.
    /// Redundant leading zero octets are allowed; a value with the sign bit set is read as two's complement
    /// truncated to `bits`, which is what Net-SNMP does for agents that send counters as negative.
    @inlinable
    public mutating func readBERUnsignedContents(length: Int, bits: Int) throws(BERError) -> UInt64 {
        guard length <= readableBytes else { throw BERError(.truncated) }
        return try withBERCursor { cursor, _ throws(BERError) in
            try cursor.readUnsignedContents(length: length, bits: bits)
        }
    }

    /// Reads an INTEGER TLV that must fit in `Int32`.
    @inlinable
    public mutating func readBERInt32(tag: UInt8 = BERTag.integer) throws(BERError) -> Int32 {
        try withBERCursor { cursor, _ throws(BERError) in
            let value = try cursor.readIntegerContents(length: cursor.readHeader(expecting: tag))
            guard let narrow = Int32(exactly: value) else {
                throw BERError(.integerOverflow, "\(value) does not fit Integer32")
            }
            return narrow
        }
    }

    /// Reads an OCTET STRING TLV as a slice of the input.
    @inlinable
    public mutating func readBEROctetString(tag: UInt8 = BERTag.octetString) throws(BERError) -> OctetString {
        try withBERCursor { cursor, source throws(BERError) in
            cursor.readSlice(length: try cursor.readHeader(expecting: tag), of: source)
        }
    }

    /// Reads `length` content octets of an OBJECT IDENTIFIER.
    @inlinable
    public mutating func readBERObjectIdentifierContents(length: Int) throws(BERError) -> ObjectIdentifier {
        guard length <= readableBytes else { throw BERError(.truncated) }
        return try withBERCursor { cursor, _ throws(BERError) in
            try cursor.readObjectIdentifierContents(length: length)
        }
    }

    /// Reads an OBJECT IDENTIFIER TLV.
    @inlinable
    public mutating func readBERObjectIdentifier() throws(BERError) -> ObjectIdentifier {
        try withBERCursor { cursor, _ throws(BERError) in
            try cursor.readObjectIdentifierContents(length: cursor.readHeader(expecting: BERTag.objectIdentifier))
        }
    }

    /// Reads any ``SNMPValue`` TLV.
    @inlinable
    public mutating func readBERValue() throws(BERError) -> SNMPValue {
        try withBERCursor { cursor, source throws(BERError) in try cursor.readValue(of: source) }
    }
}

/// Reads what ``CacheByteWriter`` wrote, checking every bound: a damaged file throws, never traps.
///
/// Counts are checked against the bytes left (each element takes at least one byte), so a corrupt
/// count cannot make the reader reserve gigabytes before it notices the file is too short.
struct CacheByteReader {
    let buffer: UnsafeRawBufferPointer
    private(set) var offset: Int

    init(_ buffer: UnsafeRawBufferPointer, offset: Int = 0) {
        self.buffer = buffer
        self.offset = offset
    }

    var remaining: Int { buffer.count - offset }
    var isAtEnd: Bool { offset == buffer.count }

    mutating func byte() throws(CompiledCacheError) -> UInt8 {
        guard offset < buffer.count else { throw CompiledCacheError(.truncated) }
        let value = buffer[offset]
        offset += 1
        return value
    }

    mutating func varint() throws(CompiledCacheError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < buffer.count else { throw CompiledCacheError(.truncated) }
            let byte = buffer[offset]
            offset += 1
            guard shift < 64, shift < 63 || byte <= 1 else { throw CompiledCacheError(.malformed, "varint too long") }
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    /// A varint that must be below `limit` (a table index, an enum number).
    mutating func index(below limit: Int) throws(CompiledCacheError) -> Int {
        let value = try varint()
        guard value < UInt64(limit) else { throw CompiledCacheError(.malformed, "index \(value) not below \(limit)") }
        return Int(value)
    }

    /// An element count; each element needs at least `minimumSize` bytes of what is left.
    mutating func count(minimumSize: Int = 1) throws(CompiledCacheError) -> Int {
        let value = try varint()
        guard value <= UInt64(remaining / max(minimumSize, 1)) else { throw CompiledCacheError(.truncated, "count \(value)") }
        return Int(value)
    }

    mutating func uint32() throws(CompiledCacheError) -> UInt32 {
        let value = try varint()
        guard let narrow = UInt32(exactly: value) else { throw CompiledCacheError(.malformed, "\(value) exceeds 32 bits") }
        return narrow
    }

    mutating func signed() throws(CompiledCacheError) -> Int64 {
        let value = try varint()
        return Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
    }

    mutating func bool() throws(CompiledCacheError) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw CompiledCacheError(.malformed, "boolean")
        }
    }

    /// `count` raw bytes, as a view into the buffer.
    mutating func raw(_ count: Int) throws(CompiledCacheError) -> UnsafeRawBufferPointer {
        guard count >= 0, count <= remaining else { throw CompiledCacheError(.truncated) }
        let slice = UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + count])
        offset += count
        return slice
    }

    /// A length-prefixed byte string, as a view into the buffer.
    mutating func blob() throws(CompiledCacheError) -> UnsafeRawBufferPointer {
        try raw(count())
    }

    mutating func fixed64() throws(CompiledCacheError) -> UInt64 {
        let bytes = try raw(8)
        var value: UInt64 = 0
        for i in 0..<8 { value |= UInt64(bytes[i]) << UInt64(i * 8) }
        return value
    }
}

/// A fast 64-bit checksum over whole words (FNV-style mixing of 8 bytes at a time).
///
/// It only has to catch accidental damage (a truncated write, a flipped bit), not an adversary, and it
/// runs over the whole file on every cached start, so it works a word at a time rather than a byte.
enum CacheChecksum {
    static func compute(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        let words = bytes.count / 8
        var i = 0
        while i < words {
            let word = bytes.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)
            hash = (hash ^ UInt64(littleEndian: word)) &* 0x0000_0100_0000_01b3
            hash ^= hash >> 29
            i += 1
        }
        var offset = words * 8
        while offset < bytes.count {
            hash = (hash ^ UInt64(bytes[offset])) &* 0x0000_0100_0000_01b3
            offset += 1
        }
        return hash ^ (hash >> 32)
    }
}

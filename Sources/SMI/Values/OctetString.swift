public import NIOCore

/// An OCTET STRING value: arbitrary bytes, often (but not always) text.
///
/// Decoded strings keep a slice of the received datagram instead of copying it.
///
/// ```swift
/// let name: OctetString = "router-1"
/// name.utf8String        // "router-1"
/// OctetString([0x00, 0x1a, 0x2b]).bytes   // [0, 26, 43]
/// ```
public struct OctetString: Hashable, Sendable {
    /// The bytes, as a buffer whose readable bytes are the value.
    public var buffer: ByteBuffer

    /// Wraps the readable bytes of `buffer`.
    @inlinable
    public init(buffer: ByteBuffer) {
        self.buffer = buffer
    }

    /// Copies `bytes`.
    @inlinable
    public init(_ bytes: some Sequence<UInt8>) {
        self.buffer = ByteBuffer(bytes: bytes)
    }

    /// The UTF-8 bytes of `text`.
    @inlinable
    public init(_ text: String) {
        self.buffer = ByteBuffer(string: text)
    }

    /// The number of bytes.
    @inlinable public var count: Int { buffer.readableBytes }

    /// `true` for the zero-length string.
    @inlinable public var isEmpty: Bool { buffer.readableBytes == 0 }

    /// The bytes as an array.
    @inlinable public var bytes: [UInt8] { Array(buffer.readableBytesView) }

    /// The bytes decoded as UTF-8, or `nil` when they are not valid UTF-8.
    public var utf8String: String? {
        String(validating: buffer.readableBytesView, as: UTF8.self)
    }

    /// Calls `body` with the bytes without copying them.
    @inlinable
    public func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try buffer.withUnsafeReadableBytes(body)
    }
}

extension OctetString: ExpressibleByStringLiteral {
    /// The UTF-8 bytes of the literal.
    public init(stringLiteral value: String) {
        self.init(value)
    }
}

extension OctetString: ExpressibleByArrayLiteral {
    /// The listed bytes.
    public init(arrayLiteral elements: UInt8...) {
        self.init(elements)
    }
}

extension OctetString: CustomStringConvertible {
    /// The text when every byte is printable ASCII, otherwise space-separated hex.
    public var description: String {
        let view = buffer.readableBytesView
        if view.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            return String(decoding: view, as: UTF8.self)
        }
        return view.map { byte in
            let hex = String(byte, radix: 16, uppercase: true)
            return byte < 0x10 ? "0" + hex : hex
        }.joined(separator: " ")
    }
}

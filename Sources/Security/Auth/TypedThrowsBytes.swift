import NIOCore

// `withUnsafeBytes` is `rethrows`, which erases typed throws; these wrappers carry USMError through.

extension Array where Element == UInt8 {
    func withRawBytes<R>(_ body: (UnsafeRawBufferPointer) throws(USMError) -> R) throws(USMError) -> R {
        let result: Result<R, USMError> = withUnsafeBytes { raw in
            Result { () throws(USMError) -> R in try body(raw) }
        }
        return try result.get()
    }
}

extension ByteBuffer {
    func withReadableRawBytes<R>(_ body: (UnsafeRawBufferPointer) throws(USMError) -> R) throws(USMError) -> R {
        let result: Result<R, USMError> = withUnsafeReadableBytes { raw in
            Result { () throws(USMError) -> R in try body(raw) }
        }
        return try result.get()
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// C `printf` formatting of Opaque floats, the one place the renderer needs libc: Net-SNMP prints
/// them with `%f`, or with the `-Op` text inserted after the `%`, into a 128-byte buffer.
enum CFloatFormat {
    /// The bytes `snprintf(buf, 128, "%" + precision + "f", value)` writes.
    ///
    /// A format that would consume anything but one `double` (e.g. `-Op s`, undefined behaviour in
    /// Net-SNMP) falls back to plain `%f` rather than reading a missing argument.
    static func format(_ value: Double, precision: String?) -> [UInt8] {
        var format = "%"
        if let precision { format += precision }
        format += "f"
        if !isSingleDoubleConversion(Array(format.utf8)) { format = "%f" }
        var buffer = [CChar](repeating: 0, count: 128)
        let written = buffer.withUnsafeMutableBufferPointer { raw -> Int32 in
            guard let base = raw.baseAddress else { return -1 }
            return withVaList([value]) { vsnprintf(base, 128, format, $0) }
        }
        guard written > 0 else { return [] }
        // snprintf truncates to 127 characters plus the terminator.
        let count = min(Int(written), 127)
        return buffer[..<count].map { UInt8(bitPattern: $0) }
    }

    /// `true` when `format` has at most one conversion, a floating one with plain flags, width and
    /// precision, and otherwise only literal text and `%%`.
    static func isSingleDoubleConversion(_ format: [UInt8]) -> Bool {
        var conversions = 0
        var i = 0
        while i < format.count {
            guard format[i] == UInt8(ascii: "%") else {
                i += 1
                continue
            }
            i += 1
            if i < format.count && format[i] == UInt8(ascii: "%") {
                i += 1
                continue
            }
            while i < format.count, "-+ #0'".utf8.contains(format[i]) { i += 1 }
            while i < format.count, format[i] >= UInt8(ascii: "0"), format[i] <= UInt8(ascii: "9") { i += 1 }
            if i < format.count && format[i] == UInt8(ascii: ".") {
                i += 1
                while i < format.count, format[i] >= UInt8(ascii: "0"), format[i] <= UInt8(ascii: "9") { i += 1 }
            }
            if i < format.count && format[i] == UInt8(ascii: "l") { i += 1 }
            guard i < format.count, "fFeEgGaA".utf8.contains(format[i]) else { return false }
            conversions += 1
            i += 1
        }
        return conversions <= 1
    }
}

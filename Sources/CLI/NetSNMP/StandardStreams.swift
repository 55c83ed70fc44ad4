#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered writes to stdout and stderr. A walk prints thousands of lines: they are collected and written
/// in large chunks, and stderr is flushed after stdout so the two interleave as Net-SNMP's do.
struct StandardStreams {
    /// Pending stdout bytes; renderers append to it directly.
    var out: [UInt8] = []

    init() {
        out.reserveCapacity(1 << 16)
    }

    /// Appends text to stdout.
    mutating func print(_ text: String) {
        out.append(contentsOf: text.utf8)
        if out.count >= 1 << 16 { flush() }
    }

    /// Appends a line to stdout.
    mutating func printLine(_ text: String) {
        out.append(contentsOf: text.utf8)
        out.append(0x0A)
        if out.count >= 1 << 16 { flush() }
    }

    /// Writes stdout once enough has accumulated.
    mutating func flushIfLarge() {
        if out.count >= 1 << 16 { flush() }
    }

    /// Writes buffered stdout.
    mutating func flush() {
        guard !out.isEmpty else { return }
        Self.write(fd: 1, out)
        out.removeAll(keepingCapacity: true)
    }

    /// Writes text to stderr at once (after flushing stdout, to keep their order).
    mutating func error(_ text: String) {
        flush()
        Self.write(fd: 2, Array(text.utf8))
    }

    private static func write(fd: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count, let base = raw.baseAddress {
                let written = systemWrite(fd, base + offset, raw.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Musl)
private let systemWrite = Musl.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif

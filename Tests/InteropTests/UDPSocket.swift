import Foundation

/// A blocking UDP socket on 127.0.0.1 for sending hand-made datagrams to a loopback port and reading what comes
/// back; receives run off the cooperative pool.
final class UDPSocket: @unchecked Sendable {
    private let descriptor: Int32

    init() throws {
        descriptor = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        guard descriptor >= 0 else { throw FixtureError(description: "socket: \(errno)") }
    }

    deinit { close(descriptor) }

    func send(_ bytes: [UInt8], to port: UInt16) throws {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let sent = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                sendto(descriptor, bytes, bytes.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard sent == bytes.count else { throw FixtureError(description: "sendto: \(errno)") }
    }

    /// The next datagram, or `nil` when none arrives within `timeout`.
    func receive(timeout: Duration = .seconds(3)) async throws -> [UInt8]? {
        try await offThePool { self.receiveBlocking(timeout: timeout) }
    }

    private func receiveBlocking(timeout: Duration) -> [UInt8]? {
        let microseconds = timeout.components.seconds * 1_000_000 + timeout.components.attoseconds / 1_000_000_000_000
        var interval = timeval(tv_sec: Int(microseconds / 1_000_000), tv_usec: Int(microseconds % 1_000_000))
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let received = recv(descriptor, &buffer, buffer.count, 0)
        guard received > 0 else { return nil }
        return Array(buffer[..<received])
    }
}

/// One datagram out to a loopback port and the first datagram back (`nil`: none within the timeout).
enum UDPExchange {
    static func send(_ bytes: [UInt8], to port: UInt16, timeout: Duration = .seconds(3)) async throws -> [UInt8]? {
        let socket = try UDPSocket()
        try socket.send(bytes, to: port)
        return try await socket.receive(timeout: timeout)
    }
}

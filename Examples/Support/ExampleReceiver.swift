import NIOConcurrencyHelpers
import NIOCore
import SNMP

/// The receiver the notification examples send to when no `--agent` is given: ours, in-process, on free
/// loopback ports, accepting community `public` and the fixture users from any sender engine (as snmptrapd
/// with the fixtures' users does). It prints each notification it gets.
final class ExampleReceiver: Sendable {
    /// The receiver's own engine ID (snmptrapd's in the fixtures): what SNMPv3 inform senders discover.
    static let engineID = OctetString([0x80, 0x00, 0x1f, 0x88, 0x80, 0xaa, 0xbb, 0xcc, 0xdd, 0x00, 0x00, 0x00, 0x02])

    let receiver: TrapReceiver
    private let received = NIOLockedValueBox<[ReceivedNotification]>([])
    private let printer: Task<Void, Never>

    init() async throws {
        var configuration = TrapReceiver.Configuration(listen: ["udp:127.0.0.1:0", "udp6:[::1]:0"])
        configuration.communities = ["public"]
        configuration.users = ExampleAgent.usmUsers.map { TrapReceiver.User($0) }
        configuration.engineID = Self.engineID
        let receiver = try await TrapReceiver(configuration: configuration)
        self.receiver = receiver
        let received = self.received
        self.printer = Task {
            for await notification in receiver {
                print("receiver got " + ExampleFormat.describe(notification))
                received.withLockedValue { $0.append(notification) }
            }
        }
    }

    /// Waits until `count` notifications arrived (at most `timeout`).
    func wait(for count: Int, timeout: Duration = .seconds(10)) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while received.withLockedValue({ $0.count }) < count {
            guard clock.now < deadline else {
                throw ExampleError("the receiver got \(received.withLockedValue { $0.count }) of \(count) notifications")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    func shutdown() async {
        await receiver.shutdown()
        await printer.value
    }
}

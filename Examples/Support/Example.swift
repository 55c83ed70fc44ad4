import NIOCore
import SNMP

/// The groups of SCENARIOS.md, in the order a user learns them.
enum ExampleGroup: String, CaseIterable, Sendable {
    case manager = "manager"
    case notification = "notification"
    case cmdgen = "cmdgen"
    case cmdrsp = "cmdrsp"
    case ntforg = "ntforg"
    case ntfrcv = "ntfrcv"

    /// The heading of the group in `snmp-examples list` and the README.
    var title: String {
        switch self {
        case .manager: "High-level API: command generator (manager)"
        case .notification: "High-level API: notification originator"
        case .cmdgen: "Native API: command generator"
        case .cmdrsp: "Native API: command responder (agent)"
        case .ntforg: "Native API: notification originator"
        case .ntfrcv: "Native API: notification receiver"
        }
    }

    /// The folder of the group's files under `Examples/`.
    var folder: String {
        switch self {
        case .manager: "HighLevel/Manager"
        case .notification: "HighLevel/Notification"
        case .cmdgen: "Native/CommandGenerator"
        case .cmdrsp: "Native/CommandResponder"
        case .ntforg: "Native/NotificationOriginator"
        case .ntfrcv: "Native/NotificationReceiver"
        }
    }
}

/// One scenario: a few lines a user would copy, run against an agent or receiver, ours or a real one.
protocol Example: Sendable {
    /// The scenario's name as SCENARIOS.md (and PySNMP) spell it.
    static var name: String { get }
    /// The group it belongs to; `group/name` is unique.
    static var group: ExampleGroup { get }
    /// One line for `snmp-examples list`.
    static var summary: String { get }
    /// Runs the example against `peer`.
    static func run(_ peer: Peer) async throws
}

extension Example {
    /// `group/name`, what `snmp-examples NAME` accepts.
    static var id: String { "\(group.rawValue)/\(name)" }
    /// The example's file, relative to the package: each type lives in the file named after it.
    static var file: String { "Examples/\(group.folder)/\(String(describing: Self.self)).swift" }
}

/// An example that talks to an agent (`--agent`; offline: our agent in-process).
protocol ManagerExample: Example {}

/// An example that sends notifications (`--agent` names the receiver; offline: our receiver in-process).
protocol OriginatorExample: Example {
    /// How many notifications the example sends, so the offline receiver knows when it has them all.
    static var notificationCount: Int { get }
}

/// An example that runs an agent (`--listen`; offline: a free loopback port, then a manager tries it).
protocol ResponderExample: Example {
    /// What a manager does offline to show the agent working: requests to the addresses it listens on.
    static func tryIt(_ addresses: [SocketAddress], _ peer: Peer) async throws
}

/// An example that receives notifications (`--listen`; offline: a free loopback port, then notifications
/// are sent to it).
protocol ReceiverExample: Example {
    /// How many notifications ``sendTestNotifications(to:_:)`` sends.
    static var notificationCount: Int { get }
    /// What a sender does offline to show the receiver working.
    static func sendTestNotifications(to addresses: [SocketAddress], _ peer: Peer) async throws
}

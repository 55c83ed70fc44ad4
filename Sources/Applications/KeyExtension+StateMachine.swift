public import SNMPSMI
public import SNMPSecurity
import NIOConcurrencyHelpers

/// Detection of the AES-192/256 key extension an agent uses.
///
/// A passphrase localized with SHA-1 or MD5 gives 20 or 16 bytes, too few for AES-192/256; the two
/// ways of extending it (Blumenthal's draft, Net-SNMP `AES-256`; Reeder's, Cisco and Net-SNMP
/// `AES-256-C`) give different keys, and nothing on the wire says which one an agent uses: a request
/// under the wrong key decrypts to garbage, which the agent drops (a timeout) or reports
/// (usmStatsDecryptionErrors), and its response would not decrypt here either. So the only test is to try.
public enum KeyExtension {
    /// The other extension of the same cipher, or `nil` for protocols without a choice.
    public static func alternate(of privProtocol: USMPrivProtocol) -> USMPrivProtocol? {
        switch privProtocol {
        case .aes192Blumenthal: return .aes192Reeder
        case .aes192Reeder: return .aes192Blumenthal
        case .aes256Blumenthal: return .aes256Reeder
        case .aes256Reeder: return .aes256Blumenthal
        default: return nil
        }
    }

    /// The decision for one engine ID (DESIGN.md, example 5), pure: try the configured extension; after a
    /// failure that a wrong key explains, try the other one once; remember whichever worked.
    ///
    /// ```swift
    /// var machine = KeyExtension.StateMachine(configured: .aes256Blumenthal)
    /// machine.failed()            // .tryAlternate(.aes256Reeder)
    /// machine.succeeded()         // remembers .aes256Reeder
    /// ```
    public struct StateMachine: Sendable, Hashable {
        /// Where detection stands.
        public enum State: Sendable, Hashable {
            /// Nothing has been answered yet with `protocol`, the one in use.
            case unconfirmed(USMPrivProtocol)
            /// The alternate is being tried after the configured one failed.
            case tryingAlternate(USMPrivProtocol, failed: USMPrivProtocol)
            /// The agent answered under this protocol: it stays.
            case confirmed(USMPrivProtocol)
            /// Both failed: the configured one is used and failures are reported as they are.
            case undecided(USMPrivProtocol)
        }

        /// What the caller does after a failure.
        public enum Action: Sendable, Hashable {
            /// Repeat the request once with this protocol.
            case tryAlternate(USMPrivProtocol)
            /// Put this protocol back and report the (first) failure.
            case giveUp(restore: USMPrivProtocol)
            /// Report the failure: detection has nothing to do.
            case report
        }

        /// The current state.
        public private(set) var state: State

        /// Starts with the configured protocol.
        public init(configured: USMPrivProtocol) {
            state = .unconfirmed(configured)
        }

        /// The protocol requests use now.
        public var current: USMPrivProtocol {
            switch state {
            case .unconfirmed(let p), .confirmed(let p), .undecided(let p): return p
            case .tryingAlternate(let p, _): return p
            }
        }

        /// A request failed in a way a wrong privacy key explains (timeout, decryption error, a response
        /// that did not decrypt).
        public mutating func failed() -> Action {
            switch state {
            case .unconfirmed(let configured):
                guard let other = KeyExtension.alternate(of: configured) else { return .report }
                state = .tryingAlternate(other, failed: configured)
                return .tryAlternate(other)
            case .tryingAlternate(_, let configured):
                state = .undecided(configured)
                return .giveUp(restore: configured)
            case .confirmed, .undecided:
                return .report
            }
        }

        /// A request was answered: the protocol in use is the agent's.
        public mutating func succeeded() {
            state = .confirmed(current)
        }
    }

    /// The detection state per (engine ID, user), shared by a command generator's requests.
    public final class Directory: Sendable {
        private struct Key: Hashable {
            var engineID: OctetString
            var userName: OctetString
        }
        private let machines = NIOLockedValueBox<[Key: StateMachine]>([:])

        /// Creates an empty directory.
        public init() {}

        /// The state for `userName` at `engineID`, if detection ran there.
        public func state(engineID: OctetString, userName: OctetString) -> StateMachine.State? {
            machines.withLockedValue { $0[Key(engineID: engineID, userName: userName)]?.state }
        }

        /// Runs `body` on the machine of (engine, user), created with `configured` when new.
        func update<R>(engineID: OctetString, userName: OctetString, configured: USMPrivProtocol,
                       _ body: (inout StateMachine) -> R) -> R {
            machines.withLockedValue { machines in
                let key = Key(engineID: engineID, userName: userName)
                var machine = machines[key] ?? StateMachine(configured: configured)
                let result = body(&machine)
                machines[key] = machine
                return result
            }
        }
    }
}

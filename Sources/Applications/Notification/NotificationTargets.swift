public import SNMPSMI

/// One destination of notifications, as SNMP-TARGET-MIB and SNMP-NOTIFICATION-MIB describe it
/// (RFC 3413 §4): an address with its parameters, the tags that select it, trap or inform, and a filter.
///
/// ```swift
/// let targets = [
///     NotificationTarget(name: "nms1", target: nms1, tags: ["ops"], kind: .inform),
///     NotificationTarget(name: "log", target: syslogBridge, tags: ["ops", "audit"], kind: .trap,
///                        filter: NotificationFilter(excluded: [.authenticationFailure])),
/// ]
/// let outcomes = await originator.notify(SNMPNotification(.linkDown, upTime: 100), targets: targets, tag: "ops")
/// ```
public struct NotificationTarget: Sendable {
    /// `snmpNotifyType`: whether the target is sent traps or informs.
    public enum Kind: Sendable, Hashable {
        /// Unconfirmed SNMPv2-Trap (or v1 Trap for a v1 target).
        case trap
        /// Confirmed InformRequest.
        case inform
    }

    /// `snmpTargetAddrName`.
    public var name: String
    /// Address, version, credentials, timeout and retries.
    public var target: SNMPTarget
    /// `snmpTargetAddrTagList`.
    public var tags: Set<String>
    /// `snmpNotifyType`.
    public var kind: Kind
    /// `snmpNotifyFilterTable` for this target's parameters: which notifications it wants.
    public var filter: NotificationFilter?

    /// Creates a target.
    public init(name: String, target: SNMPTarget, tags: Set<String> = [], kind: Kind = .trap,
                filter: NotificationFilter? = nil) {
        self.name = name
        self.target = target
        self.tags = tags
        self.kind = kind
        self.filter = filter
    }
}

/// A notification filter (RFC 3413 §6, `snmpNotifyFilterTable`): subtrees included or excluded, the most
/// specific match deciding; a notification passes when its snmpTrapOID is included.
public struct NotificationFilter: Sendable, Hashable {
    /// Subtrees whose notifications pass.
    public var included: [ObjectIdentifier]
    /// Subtrees whose notifications are dropped.
    public var excluded: [ObjectIdentifier]

    /// Creates a filter; with nothing included, everything not excluded passes.
    public init(included: [ObjectIdentifier] = [], excluded: [ObjectIdentifier] = []) {
        self.included = included
        self.excluded = excluded
    }

    /// Whether `trapOID` passes: the longest matching subtree decides; no match passes only when nothing
    /// is explicitly included.
    public func passes(_ trapOID: ObjectIdentifier) -> Bool {
        let include = included.filter { $0.isPrefix(of: trapOID) }.map(\.count).max()
        let exclude = excluded.filter { $0.isPrefix(of: trapOID) }.map(\.count).max()
        switch (include, exclude) {
        case (nil, nil): return included.isEmpty
        case (.some, nil): return true
        case (nil, .some): return false
        case (.some(let i), .some(let e)): return i > e
        }
    }
}

/// What happened to one target of ``NotificationOriginator/notify(_:targets:tag:)``.
public struct NotificationOutcome: Sendable {
    /// The target's name.
    public var targetName: String
    /// `nil` when the trap was sent or the inform acknowledged.
    public var error: SNMPError?
}

extension NotificationOriginator {
    /// Sends `notification` to every target whose tags contain `tag` (all targets when `tag` is `nil`) and
    /// whose filter passes it: traps at once, informs concurrently, each awaited for its acknowledgement.
    public func notify(_ notification: SNMPNotification, targets: [NotificationTarget],
                       tag: String? = nil) async -> [NotificationOutcome] {
        let selected = targets.filter { target in
            (tag.map { target.tags.contains($0) } ?? true) && (target.filter?.passes(notification.trapOID) ?? true)
        }
        return await withTaskGroup(of: NotificationOutcome.self) { group in
            for target in selected {
                group.addTask {
                    do {
                        switch target.kind {
                        case .trap: try self.sendTrap(notification, to: target.target)
                        case .inform: try await self.sendInform(notification, to: target.target)
                        }
                        return NotificationOutcome(targetName: target.name, error: nil)
                    } catch {
                        return NotificationOutcome(targetName: target.name, error: error as? SNMPError
                                                    ?? SNMPError(.transport, "\(error)"))
                    }
                }
            }
            var outcomes: [NotificationOutcome] = []
            for await outcome in group { outcomes.append(outcome) }
            return outcomes.sorted { $0.targetName < $1.targetName }
        }
    }
}

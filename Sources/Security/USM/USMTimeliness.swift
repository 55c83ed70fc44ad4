public import SNMPSMI

/// An engine's snmpEngineBoots and snmpEngineTime (RFC 3414 §2.2).
public struct USMEngineTime: Hashable, Sendable {
    /// snmpEngineBoots: how often the engine (re)started since its engine ID was set.
    public var boots: Int32
    /// snmpEngineTime: seconds since the last boot.
    public var time: Int32

    /// Creates a value.
    public init(boots: Int32, time: Int32) {
        self.boots = boots
        self.time = time
    }

    /// The largest snmpEngineBoots; an engine that reaches it is locked out until re-keyed (RFC 3414 §2.2.2).
    public static let maximumBoots: Int32 = 2_147_483_647
    /// The time window: 150 seconds either way (RFC 3414 §2.2.3).
    public static let timeWindow: Int32 = 150

    /// RFC 3414 §3.2 step 7a: is a message stamped `message` timely for the authoritative engine at `self`?
    public func acceptsAsAuthoritative(_ message: USMEngineTime) -> Bool {
        guard boots != Self.maximumBoots, message.boots == boots else { return false }
        return abs(Int64(message.time) - Int64(time)) <= Int64(Self.timeWindow)
    }
}

/// The non-authoritative engine's notion of every authoritative engine's clock (RFC 3414 §2.3):
/// snmpEngineBoots, snmpEngineTime and latestReceivedEngineTime per engine ID, aged with a local monotonic
/// clock the caller supplies as `now` (seconds), so the type stays pure and testable.
public struct USMEngineTimeCache: Sendable {
    struct Entry: Hashable, Sendable {
        var boots: Int32
        var time: Int32
        var latestReceivedEngineTime: Int32
        var learnedAt: Int64
    }

    private var entries: [OctetString: Entry] = [:]
    /// Entries kept at most; engine IDs come from the wire, so the table is bounded.
    public let capacity: Int

    /// Creates an empty cache.
    public init(capacity: Int = 4096) {
        self.capacity = capacity
    }

    /// The engine's estimated boots and time at `now`, or `nil` when it is unknown (RFC 3414 §3.1 step 6b).
    public func estimatedTime(of engineID: OctetString, now: Int64) -> USMEngineTime? {
        guard let entry = entries[engineID] else { return nil }
        let elapsed = max(0, now - entry.learnedAt)
        let time = min(Int64(Int32.max), Int64(entry.time) + elapsed)
        return USMEngineTime(boots: entry.boots, time: Int32(time))
    }

    /// Records boots and time as given, e.g. from a discovery Report (unauthenticated; Net-SNMP trusts it to
    /// save a round trip, and a wrong value only costs one notInTimeWindow Report and a resync).
    public mutating func learn(engineID: OctetString, time engineTime: USMEngineTime, now: Int64) {
        makeRoom(for: engineID)
        entries[engineID] = Entry(boots: engineTime.boots, time: engineTime.time,
                                  latestReceivedEngineTime: engineTime.time, learnedAt: now)
    }

    /// RFC 3414 §3.2 step 7b for an authenticated message: first take newer values into the cache, then
    /// decide whether the message is inside the time window.
    public mutating func acceptAuthenticated(engineID: OctetString, message: USMEngineTime, now: Int64) -> Bool {
        let current = entries[engineID] ?? Entry(boots: 0, time: 0, latestReceivedEngineTime: 0, learnedAt: now)
        var entry = current
        // Step 7b(1): a later boot, or the same boot with a later time than any seen, resynchronises.
        if message.boots > entry.boots
            || (message.boots == entry.boots && message.time > entry.latestReceivedEngineTime) {
            entry = Entry(boots: message.boots, time: message.time, latestReceivedEngineTime: message.time, learnedAt: now)
        }
        if entries[engineID] == nil { makeRoom(for: engineID) }
        entries[engineID] = entry
        // Step 7b(2): locked-out engine, older boot, or more than 150 s behind our estimate.
        guard entry.boots != USMEngineTime.maximumBoots, message.boots >= entry.boots else { return false }
        if message.boots == entry.boots,
           let estimate = estimatedTime(of: engineID, now: now),
           Int64(message.time) < Int64(estimate.time) - Int64(USMEngineTime.timeWindow) {
            return false
        }
        return true
    }

    /// Forgets an engine (for instance after it changed its engine ID).
    public mutating func forget(engineID: OctetString) {
        entries[engineID] = nil
    }

    /// Number of engines known.
    public var count: Int { entries.count }

    private mutating func makeRoom(for engineID: OctetString) {
        if entries[engineID] == nil, entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
    }
}

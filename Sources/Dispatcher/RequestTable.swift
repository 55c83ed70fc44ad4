import NIOCore
import SNMPMessageProcessing

/// The dispatcher's table of outstanding confirmed-class requests (RFC 3412 §4.1.1: the cache of
/// sendPduHandles), as a pure state machine: the dispatcher feeds it events and performs the actions it
/// returns (DESIGN.md, example 5). Confined to the dispatcher's event loop.
struct RequestTable {
    struct Pending {
        var bytes: ByteBuffer
        var destination: SocketAddress
        /// The wait of each attempt; `sends` of them have started.
        var waits: [TimeAmount]
        var promise: EventLoopPromise<IncomingMessage>
        var timer: Scheduled<Void>?
        var sends: Int
    }

    private(set) var pending: [Int32: Pending] = [:]
    private var nextID: Int32

    init(firstID: Int32) {
        self.nextID = firstID
    }

    var count: Int { pending.count }

    /// A request-id / msgID not in use (RFC 3412 §6.2: unique per outstanding message), positive as
    /// Net-SNMP's are, skipping any still pending after a wrap.
    mutating func allocateID() -> Int32 {
        while true {
            let id = nextID
            nextID = nextID == Int32.max ? 1 : nextID + 1
            if pending[id] == nil { return id }
        }
    }

    mutating func insert(_ id: Int32, _ request: Pending) {
        pending[id] = request
    }

    mutating func setTimer(_ id: Int32, _ timer: Scheduled<Void>) {
        pending[id]?.timer = timer
    }

    enum TimeoutAction {
        case resend(ByteBuffer, SocketAddress, TimeAmount)
        case fail(EventLoopPromise<IncomingMessage>, sends: Int)
        case none
    }

    /// The retransmission timer of `id` fired.
    mutating func timedOut(_ id: Int32) -> TimeoutAction {
        guard var request = pending[id] else { return .none }
        if request.sends < request.waits.count {
            let wait = request.waits[request.sends]
            request.sends += 1
            request.timer = nil
            pending[id] = request
            return .resend(request.bytes, request.destination, wait)
        }
        pending[id] = nil
        return .fail(request.promise, sends: request.sends)
    }

    /// A response-class message arrived for `id`: the pending entry, removed, or `nil` if none.
    mutating func complete(_ id: Int32) -> Pending? {
        guard let request = pending.removeValue(forKey: id) else { return nil }
        request.timer?.cancel()
        return request
    }

    /// Removes every entry (shutdown).
    mutating func removeAll() -> [Pending] {
        let all = Array(pending.values)
        pending.removeAll()
        for request in all { request.timer?.cancel() }
        return all
    }
}

/// The dispatcher's table of outstanding confirmed-class requests (RFC 3412 §4.1.1: the cache of
/// sendPduHandles), as a pure state machine: the dispatcher feeds it events and performs the actions it
/// returns (ARCHITECTURE.md, "State machines"). It holds no event loop, no clock and no socket, so it is
/// tested without any; `Waiter` is what completes the caller (a promise), `Timer` the retransmission timer,
/// `Message` what is retransmitted and `Address` where to.
struct RequestTable<Waiter, Timer, Message, Address> {
    struct Pending {
        var message: Message
        var destination: Address
        var retriesLeft: Int
        var waiter: Waiter
        var timer: Timer?
        var sends: Int
    }

    private(set) var pending: [Int32: Pending] = [:]
    private var nextID: Int32

    init(firstID: Int32) {
        self.nextID = firstID > 0 ? firstID : 1
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

    /// Records a request just sent once.
    mutating func insert(_ id: Int32, message: Message, destination: Address, retries: Int, waiter: Waiter) {
        pending[id] = Pending(message: message, destination: destination, retriesLeft: max(0, retries),
                              waiter: waiter, timer: nil, sends: 1)
    }

    mutating func setTimer(_ id: Int32, _ timer: Timer) {
        pending[id]?.timer = timer
    }

    enum TimeoutAction {
        /// Send `Message` to `Address` again and start a new timer.
        case resend(Message, Address)
        /// Give up: fail the waiter after `sends` attempts.
        case fail(Waiter, sends: Int)
        /// The request is no longer pending (answered in the meantime).
        case none
    }

    /// The retransmission timer of `id` fired.
    mutating func timedOut(_ id: Int32) -> TimeoutAction {
        guard var request = pending[id] else { return .none }
        if request.retriesLeft > 0 {
            request.retriesLeft -= 1
            request.sends += 1
            request.timer = nil
            pending[id] = request
            return .resend(request.message, request.destination)
        }
        pending[id] = nil
        return .fail(request.waiter, sends: request.sends)
    }

    /// A response-class message arrived for `id`: the pending entry, removed, or `nil` if none (the caller
    /// cancels its timer and completes its waiter).
    mutating func complete(_ id: Int32) -> Pending? {
        pending.removeValue(forKey: id)
    }

    /// Removes every entry (shutdown).
    mutating func removeAll() -> [Pending] {
        let all = Array(pending.values)
        pending.removeAll()
        return all
    }
}

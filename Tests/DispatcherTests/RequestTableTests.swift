@testable import SNMPDispatcher
import Testing

/// The request table as the pure state machine it is (RFC 3412 §4.1.1's sendPduHandle cache): no event
/// loop, no clock, no socket; strings stand in for waiters and timers.
@Suite struct RequestTableTests {
    typealias Table = RequestTable<String, String, String, String>

    @Test func idsAreFreshPositiveAndSkipPendingOnes() {
        var table = Table(firstID: Int32.max)
        let first = table.allocateID()
        #expect(first == Int32.max)
        table.insert(first, message: "m", destination: "a", retries: 0, waiter: "w")
        #expect(table.allocateID() == 1)
        var wrapped = Table(firstID: Int32.max)
        wrapped.insert(Int32.max, message: "m", destination: "a", retries: 0, waiter: "w")
        #expect(wrapped.allocateID() == 1)
        #expect(Table(firstID: -5).pending.isEmpty)
        var negative = Table(firstID: -5)
        #expect(negative.allocateID() == 1)
    }

    @Test func timeoutsResendThenFail() {
        var table = Table(firstID: 10)
        let id = table.allocateID()
        table.insert(id, message: "bytes", destination: "agent", retries: 2, waiter: "caller")
        table.setTimer(id, "t1")
        guard case .resend("bytes", "agent") = table.timedOut(id) else {
            Issue.record("first timeout should resend")
            return
        }
        #expect(table.pending[id]?.timer == nil)
        guard case .resend = table.timedOut(id) else {
            Issue.record("second timeout should resend")
            return
        }
        guard case .fail("caller", let sends) = table.timedOut(id) else {
            Issue.record("third timeout should fail")
            return
        }
        #expect(sends == 3)
        #expect(table.count == 0)
        guard case .none = table.timedOut(id) else {
            Issue.record("a stale timer does nothing")
            return
        }
    }

    @Test func aResponseCompletesOnceAndUnknownIDsAreNil() {
        var table = Table(firstID: 1)
        let id = table.allocateID()
        table.insert(id, message: "m", destination: "a", retries: 5, waiter: "w")
        table.setTimer(id, "timer")
        let done = table.complete(id)
        #expect(done?.waiter == "w")
        #expect(done?.timer == "timer")
        #expect(table.complete(id) == nil)
        #expect(table.complete(999) == nil)
        guard case .none = table.timedOut(id) else {
            Issue.record("answered request has no timeout")
            return
        }
    }

    @Test func negativeRetriesMeanOneSend() {
        var table = Table(firstID: 1)
        table.insert(1, message: "m", destination: "a", retries: -3, waiter: "w")
        guard case .fail(_, let sends) = table.timedOut(1) else {
            Issue.record("no retries")
            return
        }
        #expect(sends == 1)
    }

    @Test func removeAllEmptiesTheTable() {
        var table = Table(firstID: 1)
        for _ in 0..<3 {
            let id = table.allocateID()
            table.insert(id, message: "m", destination: "a", retries: 0, waiter: "w\(id)")
        }
        #expect(table.removeAll().count == 3)
        #expect(table.count == 0)
    }
}

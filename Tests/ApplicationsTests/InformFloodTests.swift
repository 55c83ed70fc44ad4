import Testing
import NIOCore
import SNMPApplications
import SNMPSMI

/// An inform receiver under a flood of distinct informs: every one is acknowledged and delivered, and the
/// duplicate cache stays bounded (10,000 live entries): past that it stops remembering instead of growing, so
/// a retransmission of an unremembered inform is delivered again — duplicates over memory, never unbounded state.
@Suite struct InformFloodTests {
    @Test func theDuplicateCacheIsBoundedUnderAFlood() throws {
        var intake = NotificationIntakeTests.publicOnly()
        let sender = try SocketAddress(ipAddress: "192.0.2.20", port: 40000)
        let start = NIODeadline.now()
        func inform(_ id: Int32, at offset: TimeAmount = .zero) -> NotificationIntake.Decision {
            intake.accept(NotificationIntakeTests.v2c(.informRequest, requestID: id), from: sender, now: start + offset)
        }
        var delivered = 0
        for id in Int32(0)..<25_000 {
            let decision = inform(id)
            #expect(decision.acknowledgement?.requestID == id)
            if decision.delivery != nil { delivered += 1 }
        }
        #expect(delivered == 25_000)
        // Remembered: the first 10,000; not remembered: the 15,000 that came after the cache was full.
        #expect(inform(5_000, at: .seconds(1)).delivery == nil)
        #expect(inform(20_000, at: .seconds(1)).delivery != nil)
        // Once the window has passed, the expired entries make room and new informs are remembered again.
        #expect(inform(30_000, at: .seconds(151)).delivery != nil)
        #expect(inform(30_000, at: .seconds(152)).delivery == nil)
    }
}

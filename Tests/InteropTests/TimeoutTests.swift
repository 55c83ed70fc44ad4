import Foundation
import Testing
import NIOCore
import SNMP

/// Requests to a port nobody answers on time out after the configured retries, leaving nothing pending.
@Suite struct TimeoutTests {
    @Test func timesOutAfterRetriesAndLeavesNoPendingState() async throws {
        let engine = try await SNMPEngine.start()
        // Port 9 (discard) on loopback: nothing listens, so every attempt goes unanswered.
        let target = try SNMPTarget(agent: "udp:127.0.0.1:9", security: .community(.v2c, "public"),
                                    timeout: .milliseconds(100), retries: 2)
        let clock = ContinuousClock()
        let started = clock.now
        await #expect(throws: SNMPError(.timeout)) {
            _ = try await engine.commandGenerator.send(
                PDU(type: .getRequest, requestID: 0, varBinds: [VarBind("1.3.6.1.2.1.1.1.0")]), to: target)
        }
        let elapsed = clock.now - started
        // Three attempts of 100 ms each: the retries really were waited for.
        #expect(elapsed >= .milliseconds(300))
        #expect(try await engine.dispatcher.pendingRequestCount().get() == 0)
        let statistics = try await engine.dispatcher.statistics().get()
        #expect(statistics.retransmissions == 2)
        #expect(statistics.timeouts == 1)
        #expect(statistics.outPackets == 3)
        await engine.shutdown()
    }
}

/// A request carrying an OID BER cannot encode (a malformed literal gives the empty OID) is refused before
/// anything is sent.
@Suite struct UnencodableOIDTests {
    @Test func malformedLiteralFailsTheRequestInsteadOfCrashing() async throws {
        let engine = try await SNMPEngine.start()
        let target = try SNMPTarget(agent: "udp:127.0.0.1:9", security: .community(.v2c, "public"),
                                    timeout: .milliseconds(100), retries: 0)
        let bad: ObjectIdentifier = "1.3.6..1"
        await #expect(throws: SNMPError(.invalidArgument)) {
            _ = try await engine.commandGenerator.send(PDU(type: .getRequest, requestID: 0, varBinds: [VarBind(bad)]), to: target)
        }
        #expect(try await engine.dispatcher.statistics().get().outPackets == 0)
        await engine.shutdown()
    }
}

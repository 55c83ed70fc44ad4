public import NIOCore
import NIOConcurrencyHelpers
import SNMPDispatcher
import SNMPMessageProcessing

/// Per-target timing and admission for a command generator: the round-trip estimate each target's
/// retransmission schedule comes from (``Retransmission/StateMachine``) and the cap on requests in flight
/// to it (``InFlightLimit/StateMachine``). The thin, locked handler around those two pure machines.
///
/// Targets are told apart by address; the state lives as long as the engine.
public final class TargetPacing: Sendable {
    private struct Entry {
        var timing = Retransmission.StateMachine()
        /// Created by the first request that names a limit for this address.
        var limit: InFlightLimit.StateMachine<UInt64>?
        var parked: [UInt64: CheckedContinuation<Bool, Never>] = [:]
        var cancelled: Set<UInt64> = []
    }

    private struct State {
        var entries: [SocketAddress: Entry] = [:]
        var nextToken: UInt64 = 0
    }

    private let state = NIOLockedValueBox(State())

    /// Creates empty state.
    public init() {}

    /// The timing state of the target at `address` (for diagnostics and tests).
    public func timing(of address: SocketAddress) -> Retransmission.StateMachine? {
        state.withLockedValue { $0.entries[address]?.timing }
    }

    /// Runs `body` once the target has a free slot (at most ``SNMPTarget/maximumInFlight`` at once; the
    /// first limit an address is used with stays, so requests already waiting are never dropped).
    func withSlot<Result>(for target: SNMPTarget,
                          _ body: () async throws(SNMPError) -> Result) async throws(SNMPError) -> Result {
        guard let limit = target.maximumInFlight else { return try await body() }
        try await acquire(target.address, limit: limit)
        do {
            let result = try await body()
            release(target.address)
            return result
        } catch {
            release(target.address)
            throw error
        }
    }

    /// Sends `outgoing` (built for `target`) through `dispatcher`'s `sendPDU` with the target's retransmission
    /// schedule as the attempts' waits, and learns from how long it took.
    func send(_ outgoing: OutgoingPDU, for target: SNMPTarget,
              through dispatcher: SNMPDispatcher) throws(DispatcherError) -> EventLoopFuture<IncomingMessage?> {
        let address = target.address
        var outgoing = outgoing
        outgoing.waits = state.withLockedValue { state in
            let timing = state.entries[address]?.timing ?? Retransmission.StateMachine()
            return timing.schedule(timeout: target.timeout, retries: target.retries, policy: target.retransmission)
        }.map(\.timeAmount)
        guard target.retransmission.adaptive else { return try dispatcher.sendPDU(outgoing, expectResponse: true) }
        let started = ContinuousClock.now
        let future = try dispatcher.sendPDU(outgoing, expectResponse: true)
        future.whenComplete { [self] result in
            let elapsed = ContinuousClock.now - started
            state.withLockedValue { state in
                var entry = state.entries[address] ?? Entry()
                switch result {
                case .success:
                    entry.timing.answered(after: elapsed)
                case .failure(let error as DispatcherError) where error.code == .timeout:
                    entry.timing.timedOut()
                case .failure:
                    break
                }
                state.entries[address] = entry
            }
        }
        return future
    }

    private func acquire(_ address: SocketAddress, limit: Int) async throws(SNMPError) {
        let token: UInt64? = state.withLockedValue { state in
            var entry = state.entries[address] ?? Entry()
            var machine = entry.limit ?? InFlightLimit.StateMachine(limit: limit)
            state.nextToken &+= 1
            let token = state.nextToken
            let action = machine.acquire(token)
            entry.limit = machine
            state.entries[address] = entry
            return action == .proceed ? nil : token
        }
        guard let token else { return }
        let admitted = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                let resumeNow: Bool? = state.withLockedValue { state in
                    // Released (or cancelled) between the check above and here: the slot is already ours.
                    if state.entries[address]?.cancelled.remove(token) != nil { return false }
                    guard state.entries[address]?.limit?.isWaiting(token) == true else { return true }
                    state.entries[address]?.parked[token] = continuation
                    return nil
                }
                if let resumeNow { continuation.resume(returning: resumeNow) }
            }
        } onCancel: {
            let continuation = state.withLockedValue { state -> CheckedContinuation<Bool, Never>? in
                guard state.entries[address]?.limit?.cancel(token) == true else { return nil }
                guard let parked = state.entries[address]?.parked.removeValue(forKey: token) else {
                    state.entries[address]?.cancelled.insert(token)   // not parked yet: it looks on arrival
                    return nil
                }
                return parked
            }
            continuation?.resume(returning: false)
        }
        guard admitted else { throw SNMPError(.shutdown, "cancelled while waiting for a request slot") }
    }

    private func release(_ address: SocketAddress) {
        let continuation = state.withLockedValue { state -> CheckedContinuation<Bool, Never>? in
            guard case .resume(let token) = state.entries[address]?.limit?.release() else { return nil }
            // A waiter whose continuation is not parked yet finds itself admitted when it looks.
            return state.entries[address]?.parked.removeValue(forKey: token)
        }
        continuation?.resume(returning: true)
    }
}

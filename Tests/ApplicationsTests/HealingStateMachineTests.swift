import Testing
import SNMPApplications
import SNMPSecurity
import SNMPSMI

/// The self-healing manager's decisions, without sockets: max-repetitions, retransmission timing,
/// in-flight admission, key-extension detection and the walk's loop guard.
@Suite struct MaxRepetitionsStateMachineTests {
    @Test func tooBigHalvesDownToGetNextThenFails() {
        var machine = MaxRepetitions.StateMachine(configured: 10)
        let r1 = machine.tooBig()
        #expect(r1 == .retry(repetitions: 5))
        let r2 = machine.tooBig()
        #expect(r2 == .retry(repetitions: 2))
        let r3 = machine.tooBig()
        #expect(r3 == .retry(repetitions: 1))
        let r4 = machine.tooBig()
        #expect(r4 == .retry(repetitions: 0))
        #expect(machine.usesGetNext)
        #expect(machine.tooBig() == .fail)     // a single object too big is the agent's real answer
        #expect(machine.reductions == 4)
    }

    @Test func timeoutShrinksOnlyLargeRequests() {
        var machine = MaxRepetitions.StateMachine(configured: 4)
        let r5 = machine.timedOut()
        #expect(r5 == .retry(repetitions: 2))
        let r6 = machine.timedOut()
        #expect(r6 == .retry(repetitions: 1))
        #expect(machine.timedOut() == .fail)   // one repetition timing out is a dead or slow agent, not size
        var getNext = MaxRepetitions.StateMachine(configured: 0)
        let r7 = getNext.timedOut()
        #expect(r7 == .fail)
    }

    @Test func growsBackBelowTheSmallestFailedSize() {
        var machine = MaxRepetitions.StateMachine(configured: 40, growAfter: 2)
        let first = machine.tooBig(), second = machine.tooBig()
        #expect(first == .retry(repetitions: 20) && second == .retry(repetitions: 10))
        #expect(machine.smallestFailed == 20)
        var sizes: [Int] = []
        for _ in 0..<10 {
            machine.answered(); machine.answered()
            sizes.append(machine.current)
        }
        // By a quarter, and never to 20 (until 16 answers in a row at 19 would allow one more try).
        #expect(sizes == [12, 15, 18, 19, 19, 19, 19, 19, 19, 19])
    }

    @Test func getNextByChoiceStaysGetNext() {
        var machine = MaxRepetitions.StateMachine(configured: 0, growAfter: 1)
        machine.answered()
        #expect(machine.current == 0)
        #expect(machine.usesGetNext)
    }

    @Test func growsFromGetNextBackToBulkAfterALongRun() {
        var machine = MaxRepetitions.StateMachine(configured: 8, growAfter: 1)
        _ = machine.timedOut(); _ = machine.tooBig(); _ = machine.tooBig(); _ = machine.tooBig()
        #expect(machine.current == 0)
        for _ in 1...7 { machine.answered() }
        #expect(machine.current == 0)          // 1 failed: stay at GETNEXT for a while
        machine.answered()
        #expect(machine.current == 1)          // then try again
        #expect(machine.smallestFailed == nil)
        machine.answered()
        #expect(machine.current == 2)
    }
}

@Suite struct RetransmissionStateMachineTests {
    @Test func netSNMPPolicyWaitsTheTimeoutEveryAttempt() {
        let timing = Retransmission.StateMachine()
        #expect(timing.schedule(timeout: .seconds(1), retries: 5, policy: .netSNMP) == Array(repeating: .seconds(1), count: 6))
    }

    @Test func backOffStaysWithinNetSNMPsBudget() {
        let timing = Retransmission.StateMachine()
        // 1 + 2 + 3 (cut) = 6 s = timeout × (retries + 1), in 3 attempts instead of 6.
        #expect(timing.schedule(timeout: .seconds(1), retries: 5, policy: .adaptive) == [.seconds(1), .seconds(2), .seconds(3)])
        #expect(timing.schedule(timeout: .seconds(1), retries: 0, policy: .adaptive) == [.seconds(1)])
    }

    @Test func estimateFollowsRFC6298() {
        var timing = Retransmission.StateMachine()
        #expect(timing.retransmissionTimeout == nil)
        timing.answered(after: .milliseconds(100))
        #expect(timing.smoothedRTT == .milliseconds(100))
        #expect(timing.rttVariation == .milliseconds(50))
        #expect(timing.retransmissionTimeout == .milliseconds(300))    // 100 + 4 × 50
        timing.answered(after: .milliseconds(100))
        #expect(timing.smoothedRTT == .milliseconds(100))
        #expect(timing.rttVariation == .microseconds(37_500))           // 3/4 × 50 + 1/4 × 0
    }

    @Test func fastTargetRetransmitsSoonSlowTargetWaitsLonger() {
        var fast = Retransmission.StateMachine()
        fast.answered(after: .milliseconds(1))
        // The estimate (3 ms) is raised to the 200 ms floor, then doubles; the last attempt waits out the budget.
        #expect(fast.schedule(timeout: .seconds(1), retries: 2, policy: .adaptive)
                == [.milliseconds(200), .milliseconds(400), .milliseconds(2_400)])
        var slow = Retransmission.StateMachine()
        slow.answered(after: .milliseconds(1_500))
        // 1.5 s + 4 × 0.75 s = 4.5 s, capped by the 3 s budget of timeout 1 s with 2 retries: one long wait.
        #expect(slow.schedule(timeout: .seconds(1), retries: 2, policy: .adaptive) == [.seconds(3)])
    }

    @Test func timeoutsBackOffTheNextRequestAndADeadTargetGetsOneAttempt() {
        var timing = Retransmission.StateMachine()
        timing.answered(after: .milliseconds(100))
        timing.timedOut()
        #expect(timing.retransmissionTimeout == .milliseconds(600))
        #expect(timing.schedule(timeout: .seconds(1), retries: 1, policy: .adaptive) == [.milliseconds(600), .milliseconds(1_400)])
        timing.timedOut()
        #expect(timing.schedule(timeout: .seconds(1), retries: 5, policy: .adaptive) == [.seconds(1)])
        #expect(timing.schedule(timeout: .seconds(1), retries: 5, policy: .netSNMP).count == 6)
        timing.answered(after: .milliseconds(100))
        #expect(timing.consecutiveTimeouts == 0)
        #expect(timing.schedule(timeout: .seconds(1), retries: 5, policy: .adaptive).count > 1)
    }
}

@Suite struct InFlightLimitStateMachineTests {
    @Test func queuesBeyondTheLimitAndHandsSlotsOverInOrder() {
        var limit = InFlightLimit.StateMachine<Int>(limit: 2)
        let r10 = limit.acquire(1)
        #expect(r10 == .proceed)
        let r11 = limit.acquire(2)
        #expect(r11 == .proceed)
        let r12 = limit.acquire(3)
        #expect(r12 == .wait)
        let r13 = limit.acquire(4)
        #expect(r13 == .wait)
        #expect(limit.waiting == 2)
        let r14 = limit.release()
        #expect(r14 == .resume(3))
        #expect(limit.inFlight == 2)
        let cancelled = limit.cancel(4)
        let cancelledAgain = limit.cancel(4)
        #expect(cancelled && !cancelledAgain)
        let r15 = limit.release()
        #expect(r15 == .none)
        let r16 = limit.release()
        #expect(r16 == .none)
        #expect(limit.inFlight == 0)
        let r17 = limit.acquire(5)
        #expect(r17 == .proceed)
    }

    @Test func aNewcomerDoesNotJumpTheQueue() {
        var limit = InFlightLimit.StateMachine<Int>(limit: 1)
        let r18 = limit.acquire(1)
        #expect(r18 == .proceed)
        let r19 = limit.acquire(2)
        #expect(r19 == .wait)
        #expect(limit.isWaiting(2))
        let r20 = limit.release()
        #expect(r20 == .resume(2))
        #expect(!limit.isWaiting(2))
        let r21 = limit.acquire(3)
        #expect(r21 == .wait)
    }
}

@Suite struct KeyExtensionStateMachineTests {
    @Test func triesTheOtherExtensionOnceAndRemembersIt() {
        var machine = KeyExtension.StateMachine(configured: .aes256Blumenthal)
        let r22 = machine.failed()
        #expect(r22 == .tryAlternate(.aes256Reeder))
        #expect(machine.current == .aes256Reeder)
        machine.succeeded()
        #expect(machine.state == .confirmed(.aes256Reeder))
        #expect(machine.failed() == .report)       // confirmed: later failures are real ones
    }

    @Test func bothFailingRestoresTheConfiguredOne() {
        var machine = KeyExtension.StateMachine(configured: .aes192Reeder)
        let r23 = machine.failed()
        #expect(r23 == .tryAlternate(.aes192Blumenthal))
        let r24 = machine.failed()
        #expect(r24 == .giveUp(restore: .aes192Reeder))
        #expect(machine.state == .undecided(.aes192Reeder))
        let r25 = machine.failed()
        #expect(r25 == .report)
    }

    @Test func protocolsWithoutAChoiceAreLeftAlone() {
        var machine = KeyExtension.StateMachine(configured: .aes128)
        let r26 = machine.failed()
        #expect(r26 == .report)
        #expect(KeyExtension.alternate(of: .des) == nil)
        var confirmedFirst = KeyExtension.StateMachine(configured: .aes256Blumenthal)
        confirmedFirst.succeeded()
        #expect(confirmedFirst.state == .confirmed(.aes256Blumenthal))
    }
}

@Suite struct WalkLoopGuardTests {
    @Test func uncheckedWalkStopsWhenAnOIDComesBack() {
        var machine = WalkStateMachine(root: "1.3.6", checkIncreasing: false)
        var out: [VarBind] = []
        let r27 = machine.receive([VarBind("1.3.6.1", 1), VarBind("1.3.6.3", 1)], into: &out)
        #expect(r27 == .next("1.3.6.3"))
        #expect(machine.receive([VarBind("1.3.6.2", 1)], into: &out) == .next("1.3.6.2"))      // -Cc accepts it once
        let r28 = machine.receive([VarBind("1.3.6.3", 1)], into: &out)
        #expect(r28 == .next("1.3.6.3"))
        #expect(machine.receive([VarBind("1.3.6.2", 1)], into: &out) == .loop("1.3.6.2"))     // the cycle again
        #expect(out.count == 4)
    }

    @Test func uncheckedWalkStopsOnAnExactRepeat() {
        var machine = WalkStateMachine(root: "1.3.6", checkIncreasing: false)
        var out: [VarBind] = []
        _ = machine.receive([VarBind("1.3.6.1", 1)], into: &out)
        let r29 = machine.receive([VarBind("1.3.6.1", 1)], into: &out)
        #expect(r29 == .loop("1.3.6.1"))
        #expect(out.count == 1)
    }
}

@Suite struct TableWalkStateMachineTests {
    static let a: ObjectIdentifier = "1.3.6.1.9.1.2"
    static let b: ObjectIdentifier = "1.3.6.1.9.1.3"

    @Test func bulkResponseIsSplitByColumnAndColumnsEndOnTheirOwn() {
        var machine = TableWalk.StateMachine(columns: [Self.a, Self.b])
        var warnings: [WalkWarning] = []
        #expect(machine.requestOIDs == [Self.a, Self.b])
        // Two repetitions of (a, b): a has rows 1 and 2, b has row 1 only (its second is already column 4).
        let cells = machine.receive([VarBind("1.3.6.1.9.1.2.1", 1), VarBind("1.3.6.1.9.1.3.1", 2),
                                     VarBind("1.3.6.1.9.1.2.2", 3), VarBind("1.3.6.1.9.1.4.1", 4)], warnings: &warnings)
        #expect(cells.map(\.column) == [0, 1, 0])
        #expect(machine.requestOIDs == ["1.3.6.1.9.1.2.2"])
        let end = machine.receive([VarBind("1.3.6.1.9.1.3.1", 2)], warnings: &warnings)
        #expect(end.isEmpty && machine.isFinished && warnings.isEmpty)
    }

    @Test func aColumnGoingBackwardsEndsWithAWarning() {
        var machine = TableWalk.StateMachine(columns: [Self.a])
        var warnings: [WalkWarning] = []
        _ = machine.receive([VarBind("1.3.6.1.9.1.2.5", 1)], warnings: &warnings)
        let cells = machine.receive([VarBind("1.3.6.1.9.1.2.5", 1)], warnings: &warnings)
        #expect(cells.isEmpty && machine.isFinished)
        #expect(warnings == [.notIncreasing(previous: "1.3.6.1.9.1.2.5", received: "1.3.6.1.9.1.2.5")])
    }

    @Test func exceptionsAndNoSuchNameEndColumns() {
        var machine = TableWalk.StateMachine(columns: [Self.a, Self.b])
        var warnings: [WalkWarning] = []
        _ = machine.receive([VarBind("1.3.6.1.9.1.2.1", .endOfMibView), VarBind("1.3.6.1.9.1.3.1", 1)], warnings: &warnings)
        #expect(machine.requestOIDs == ["1.3.6.1.9.1.3.1"])
        machine.columnEnded(atRequestIndex: 0)
        #expect(machine.isFinished)
        var empty = TableWalk.StateMachine(columns: [Self.a])
        #expect(empty.receive([], warnings: &warnings).isEmpty && empty.isFinished)
    }
}

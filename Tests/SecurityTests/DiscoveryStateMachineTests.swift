@testable import SNMPSecurity
import SNMPSMI
import Testing

@Suite struct DiscoveryStateMachineTests {
    static let engine = OctetString([0x80, 0x00, 0x1f, 0x88, 0x80, 0x01])
    static let unknownEngineIDs: ObjectIdentifier = [1, 3, 6, 1, 6, 3, 15, 1, 1, 4, 0]
    static let notInTimeWindows: ObjectIdentifier = [1, 3, 6, 1, 6, 3, 15, 1, 1, 2, 0]
    static let wrongDigests: ObjectIdentifier = [1, 3, 6, 1, 6, 3, 15, 1, 1, 5, 0]
    static let stamp = USMEngineTime(boots: 1, time: 4)

    @Test func discoveryThenRequestThenResponse() {
        var machine = USMDiscovery.StateMachine(knownEngineID: nil)
        #expect(machine.start() == .sendDiscovery)
        #expect(machine.reportReceived(counter: Self.unknownEngineIDs, engineID: Self.engine, engineTime: Self.stamp)
            == .sendRequest(engineID: Self.engine, learnedTime: Self.stamp))
        #expect(machine.responseReceived() == .deliverResponse)
        #expect(machine.state == .finished)
        #expect(machine.responseReceived() == .none)
    }

    @Test func timeSyncRetriesOnceThenFails() {
        var machine = USMDiscovery.StateMachine(knownEngineID: Self.engine)
        #expect(machine.start() == .sendRequest(engineID: Self.engine, learnedTime: nil))
        #expect(machine.reportReceived(counter: Self.notInTimeWindows, engineID: Self.engine, engineTime: Self.stamp)
            == .sendRequest(engineID: Self.engine, learnedTime: nil))
        let action = machine.reportReceived(counter: Self.notInTimeWindows, engineID: Self.engine, engineTime: Self.stamp)
        #expect(action == .fail(USMError(.notInTimeWindow)))
        #expect(machine.state == .failed)
    }

    @Test func otherReportsFailWithTheirTypedError() {
        var machine = USMDiscovery.StateMachine(knownEngineID: Self.engine)
        _ = machine.start()
        #expect(machine.reportReceived(counter: Self.wrongDigests, engineID: Self.engine, engineTime: Self.stamp)
            == .fail(USMError(.wrongDigest)))
        var discovering = USMDiscovery.StateMachine(knownEngineID: nil)
        _ = discovering.start()
        #expect(discovering.reportReceived(counter: [1, 3, 6, 1, 99], engineID: Self.engine, engineTime: Self.stamp)
            == .fail(USMError(.discoveryFailed)))
    }

    @Test func changedEngineIDIsLearnedOnce() {
        let other = OctetString([0x80, 0x00, 0x1f, 0x88, 0x80, 0x02])
        var machine = USMDiscovery.StateMachine(knownEngineID: Self.engine)
        _ = machine.start()
        #expect(machine.reportReceived(counter: Self.unknownEngineIDs, engineID: other, engineTime: Self.stamp)
            == .sendRequest(engineID: other, learnedTime: Self.stamp))
        #expect(machine.reportReceived(counter: Self.unknownEngineIDs, engineID: other, engineTime: Self.stamp)
            == .fail(USMError(.unknownEngineID)))
    }
}

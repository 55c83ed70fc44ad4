import Testing
import NIOCore
import SNMPApplications
import SNMPMessageProcessing
import SNMPSecurity
import SNMPSMI

@Suite("SNMPv1 answers (RFC 3584 §4.2.2.1, §4.4)")
struct V1Tests {
    // Source: RFC 3584 §4.4, the SNMPv2 -> SNMPv1 error-status table.
    static let mapping: [(ErrorStatus, ErrorStatus)] = [
        (.noError, .noError), (.tooBig, .tooBig), (.noSuchName, .noSuchName), (.badValue, .badValue),
        (.readOnly, .readOnly), (.genErr, .genErr),
        (.wrongValue, .badValue), (.wrongEncoding, .badValue), (.wrongType, .badValue), (.wrongLength, .badValue),
        (.inconsistentValue, .badValue),
        (.noAccess, .noSuchName), (.notWritable, .noSuchName), (.noCreation, .noSuchName),
        (.inconsistentName, .noSuchName), (.authorizationError, .noSuchName),
        (.resourceUnavailable, .genErr), (.commitFailed, .genErr), (.undoFailed, .genErr),
    ]

    @Test(arguments: mapping)
    func errorStatusMapping(_ v2: ErrorStatus, _ v1: ErrorStatus) {
        #expect(CommandResponder.v1ErrorStatus(v2) == v1)
    }

    @Test func getOfCounter64OrMissingIsNoSuchName() async throws {
        let fixture = try Fixture()
        let request = get([Fixture.sysDescr, Fixture.hcCounter])
        let response = try await fixture.response(request, version: .v1)
        #expect(response.errorStatus == .noSuchName)
        #expect(response.errorIndex == 2)
        #expect(response.varBinds == request.varBinds)
        let missing = try await fixture.response(get([Fixture.sysDescr, "1.3.6.1.2.1.99.0"]), version: .v1)
        #expect(missing.errorStatus == .noSuchName)
        #expect(missing.errorIndex == 2)
    }

    @Test func getNextSkipsCounter64AndEndsWithNoSuchName() async throws {
        let fixture = try Fixture()
        let response = try await fixture.response(getNext([Fixture.sysName]), version: .v1)
        #expect(response.errorStatus == .noError)
        #expect(response.varBinds.map(\.oid) == ["1.3.6.1.4.1.99999.2.1.2.1"])
        let end = try await fixture.response(getNext([Fixture.sysDescr, "1.3.6.1.4.1.99999.3.5"]), version: .v1)
        #expect(end.errorStatus == .noSuchName)
        #expect(end.errorIndex == 2)
    }

    @Test func setErrorsAreMapped() async throws {
        let fixture = try Fixture()
        let wrongType = try await fixture.response(set([VarBind(Fixture.sysContact, 1)]), version: .v1)
        #expect(wrongType.errorStatus == .badValue)
        let notWritable = try await fixture.response(set([VarBind(Fixture.sysDescr, "x")]), version: .v1)
        #expect(notWritable.errorStatus == .noSuchName)
        let commitFailed = try await fixture.response(set([VarBind("1.3.6.1.4.1.99999.3.1", 1)]), version: .v1)
        #expect(commitFailed.errorStatus == .genErr)
    }

    @Test func getBulkIsNotAnSNMPv1Operation() async throws {
        let fixture = try Fixture()
        let outcome = await fixture.run(.getBulk(requestID: 1, nonRepeaters: 0, maxRepetitions: 5, oids: ["1"]),
                                        version: .v1)
        #expect(outcome == .drop)
    }

    /// The agent's v1/v2c path up to the dispatcher: community table (RFC 3584 §5.2.1), request, response.
    /// The message itself is built by the dispatcher's returnResponsePDU (DispatcherTests).
    @Test func communityRequestIsAnswered() async throws {
        let fixture = try Fixture()
        let message = IncomingMessage(
            version: .v2c, securityModel: .v2c, securityName: "public", securityLevel: .noAuthNoPriv,
            pdu: .pdu(get([Fixture.sysDescr], id: 77)), maxSize: 1_472, matchingID: 77)
        let table = CommunityTable([CommunityEntry(community: "public", securityName: "public")])
        let entry = try #require(table.entry(for: message.securityName))
        let request = try #require(ResponderRequest(message: message, community: entry))
        guard case .response(let pdu) = await fixture.responder.process(request) else {
            Issue.record("no reply")
            return
        }
        #expect(pdu.requestID == 77)
        #expect(pdu.varBinds == [VarBind(Fixture.sysDescr, "swift-snmp test agent")])
        #expect(CommunityTable().entry(for: message.securityName) == nil)
    }
}

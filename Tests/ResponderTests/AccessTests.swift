import Testing
import SNMPApplications
import SNMPAccessControl
import SNMPSecurity
import SNMPSMI

@Suite("VACM in the responder (RFC 3413 §3.2)")
struct AccessTests {
    /// "viewer" reads system minus sysContact; "writer" reads everything but may only write sysName.
    static func vacm() throws -> VACMConfiguration {
        var vacm = VACMConfiguration()
        vacm.add(VACMGroup(securityModel: .usm, securityName: "viewer", groupName: "viewers"))
        vacm.add(VACMGroup(securityModel: .usm, securityName: "writer", groupName: "writers"))
        vacm.add(VACMAccess(groupName: "viewers", securityModel: .usm, securityLevel: .authNoPriv, readView: "system"))
        vacm.add(VACMAccess(groupName: "writers", securityModel: .usm, securityLevel: .authPriv,
                            readView: "all", writeView: "names"))
        vacm.add(try VACMView("system", families: [
            VACMViewTreeFamily(subtree: "1.3.6.1.2.1.1"),
            VACMViewTreeFamily(subtree: "1.3.6.1.2.1.1.4", type: .excluded),
        ]))
        try vacm.addIncludedView("all", subtrees: ["1"])
        try vacm.addIncludedView("names", subtrees: ["1.3.6.1.2.1.1.5"])
        return vacm
    }

    func run(_ fixture: Fixture, _ pdu: PDU, user: String, level: SecurityLevel = .authPriv,
             context: String = "") async -> ResponderOutcome {
        await fixture.responder.process(ResponderRequest(
            pdu: pdu, version: .v3, securityModel: .usm, securityName: user, securityLevel: level,
            contextName: context, maximumResponseSize: 1_400))
    }

    @Test func restrictedUserSeesOnlyItsView() async throws {
        let fixture = try Fixture(vacm: Self.vacm())
        guard case .response(let got) = await run(fixture, get([Fixture.sysDescr, Fixture.sysContact]), user: "viewer")
        else { throw FixtureError.noResponse }
        #expect(got.varBinds.map(\.value) == [.octetString("swift-snmp test agent"), .noSuchObject])

        var oid: ObjectIdentifier = "1"
        var seen: [ObjectIdentifier] = []
        while case .response(let response) = await run(fixture, getNext([oid]), user: "viewer"),
              let varBind = response.varBinds.first, varBind.value != .endOfMibView {
            seen.append(varBind.oid)
            oid = varBind.oid
            try #require(seen.count < 20)
        }
        #expect(seen == [Fixture.sysDescr, Fixture.sysName, Fixture.hcCounter])

        guard case .response(let bulk) = await run(
            fixture, .getBulk(requestID: 3, nonRepeaters: 0, maxRepetitions: 10, oids: ["1"]), user: "viewer")
        else { throw FixtureError.noResponse }
        #expect(bulk.varBinds.map(\.oid) == [Fixture.sysDescr, Fixture.sysName, Fixture.hcCounter, Fixture.hcCounter])
        #expect(bulk.varBinds.last?.value == .endOfMibView)
    }

    @Test func writeOutsideTheWriteViewIsNoAccess() async throws {
        let fixture = try Fixture(vacm: Self.vacm())
        guard case .response(let denied) = await run(
            fixture, set([VarBind(Fixture.sysName, "n"), VarBind(Fixture.sysContact, "c")]), user: "writer")
        else { throw FixtureError.noResponse }
        #expect(denied.errorStatus == .noAccess)
        #expect(denied.errorIndex == 2)
        #expect(await fixture.name.value == "agent-1")
        guard case .response(let allowed) = await run(fixture, set([VarBind(Fixture.sysName, "n")]), user: "writer")
        else { throw FixtureError.noResponse }
        #expect(allowed.errorStatus == .noError)
        #expect(await fixture.name.value == "n")
    }

    struct DeniedVector: Sendable, CustomStringConvertible {
        let name: String
        let user: String
        let level: SecurityLevel
        let isSet: Bool
        var description: String { name }
    }

    // Source: RFC 3413 §3.2 step 5: noSuchView, noAccessEntry and noGroupName are authorizationError.
    static let deniedVectors: [DeniedVector] = [
        DeniedVector(name: "no write view (noSuchView)", user: "viewer", level: .authPriv, isSet: true),
        DeniedVector(name: "level too low (noAccessEntry)", user: "viewer", level: .noAuthNoPriv, isSet: false),
        DeniedVector(name: "unknown user (noGroupName)", user: "nobody", level: .authPriv, isSet: false),
    ]

    @Test(arguments: deniedVectors)
    func authorizationErrors(_ vector: DeniedVector) async throws {
        let fixture = try Fixture(vacm: Self.vacm())
        let pdu = vector.isSet ? set([VarBind(Fixture.sysName, "x")]) : get([Fixture.sysDescr])
        guard case .response(let response) = await run(fixture, pdu, user: vector.user, level: vector.level)
        else { throw FixtureError.noResponse }
        #expect(response.errorStatus == .authorizationError)
        #expect(response.errorIndex == 0)   // the request is refused as a whole, as snmpd does
        #expect(response.varBinds == pdu.varBinds)
        #expect(fixture.responder.statistics.authorizationErrors == 1)
    }

    @Test func unknownContextIsCountedAndReported() async throws {
        let fixture = try Fixture(vacm: Self.vacm())
        #expect(await run(fixture, get([Fixture.sysDescr]), user: "viewer", context: "other") == .unknownContext(counter: 1))
        #expect(await run(fixture, get([Fixture.sysDescr]), user: "viewer", context: "other") == .unknownContext(counter: 2))
        // A community request for an unknown context gets no answer at all.
        let v2c = await fixture.responder.process(ResponderRequest(
            pdu: get([Fixture.sysDescr]), version: .v2c, securityModel: .v2c, securityName: "public",
            securityLevel: .noAuthNoPriv, contextName: "other", maximumResponseSize: 1_400))
        #expect(v2c == .drop)
        #expect(fixture.responder.statistics.unknownContexts == 3)
    }

    @Test func readOnlyCommunityCannotSet() async throws {
        let fixture = try Fixture()
        let response = try await fixture.response(set([VarBind(Fixture.sysName, "x")]), community: "public")
        #expect(response.errorStatus == .authorizationError)
        #expect(await fixture.name.value == "agent-1")
    }
}

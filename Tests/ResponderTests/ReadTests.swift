import Testing
import SNMPApplications
import SNMPSMI

@Suite("Get, GetNext, GetBulk (RFC 3416 §4.2.1–4.2.3)")
struct ReadTests {
    @Test func getAcrossScalarsTablesAndHandlers() async throws {
        let fixture = try Fixture()
        let response = try await fixture.response(get([
            Fixture.sysDescr, "1.3.6.1.2.1.1.1.1", "1.3.6.1.2.1.99.0", "1.3.6.1.4.1.99999.2.1.2.2",
            "1.3.6.1.4.1.99999.2.1.2.9", "1.3.6.1.4.1.99999.2.1.1.1", "1.3.6.1.4.1.99999.3.5",
        ]))
        #expect(response.type == .response)
        #expect(response.requestID == 1)
        #expect(response.errorStatus == .noError)
        #expect(response.varBinds.map(\.value) == [
            .octetString("swift-snmp test agent"), .noSuchInstance, .noSuchObject, .octetString("two"),
            .noSuchInstance, .noSuchObject, .integer(50),
        ])
    }

    @Test func getNextVisitsEveryInstanceInOrder() async throws {
        let fixture = try Fixture()
        var oid: ObjectIdentifier = "1.3"
        var seen: [ObjectIdentifier] = []
        while true {
            let response = try await fixture.response(getNext([oid]))
            let varBind = try #require(response.varBinds.first)
            if varBind.value == .endOfMibView {
                #expect(varBind.oid == oid)
                break
            }
            #expect(oid < varBind.oid)
            seen.append(varBind.oid)
            oid = varBind.oid
            try #require(seen.count <= Fixture.walk.count)
        }
        #expect(seen == Fixture.walk)
    }

    @Test func getNextFromAnObjectOrAColumnWithoutIndex() async throws {
        let fixture = try Fixture()
        let response = try await fixture.response(getNext([
            "1.3.6.1.2.1.1.1", "1.3.6.1.4.1.99999.2.1", "1.3.6.1.4.1.99999.2.1.3", "1.3.6.1.4.1.99999.3.2",
        ]))
        #expect(response.varBinds.map(\.oid) == [
            Fixture.sysDescr, "1.3.6.1.4.1.99999.2.1.2.1", "1.3.6.1.4.1.99999.2.1.3.1", "1.3.6.1.4.1.99999.3.5",
        ])
    }

    @Test func getBulkWalkMatchesGetNextWalk() async throws {
        let fixture = try Fixture()
        var oid: ObjectIdentifier = "1.3"
        var seen: [ObjectIdentifier] = []
        outer: while true {
            let response = try await fixture.response(.getBulk(requestID: 9, nonRepeaters: 0, maxRepetitions: 4,
                                                               oids: [oid]))
            #expect(response.varBinds.count <= 4)
            for varBind in response.varBinds {
                if varBind.value == .endOfMibView { break outer }
                seen.append(varBind.oid)
                oid = varBind.oid
            }
            try #require(seen.count <= Fixture.walk.count)
        }
        #expect(seen == Fixture.walk)
    }

    @Test func getBulkNonRepeatersAndStopAtEndOfMibView() async throws {
        let fixture = try Fixture()
        let response = try await fixture.response(.getBulk(
            requestID: 4, nonRepeaters: 1, maxRepetitions: 10,
            oids: [Fixture.sysDescr, "1.3.6.1.4.1.99999.3.1", "1.3.6.1.4.1.99999.2.1.3.2"]))
        let expected: [VarBind] = [
            VarBind(Fixture.sysContact, .octetString("ops@example.com")),
            // Round 1.
            VarBind("1.3.6.1.4.1.99999.3.2", 20), VarBind("1.3.6.1.4.1.99999.2.1.4.1", .integer(1)),
            // Round 2.
            VarBind("1.3.6.1.4.1.99999.3.5", 50), VarBind("1.3.6.1.4.1.99999.2.1.4.2", .integer(1)),
            // Round 3: the first repeater ends; the second goes on into the handler's subtree.
            VarBind("1.3.6.1.4.1.99999.3.5", .endOfMibView), VarBind("1.3.6.1.4.1.99999.3.1", 10),
            VarBind("1.3.6.1.4.1.99999.3.5", .endOfMibView), VarBind("1.3.6.1.4.1.99999.3.2", 20),
            VarBind("1.3.6.1.4.1.99999.3.5", .endOfMibView), VarBind("1.3.6.1.4.1.99999.3.5", 50),
            // Both at the end: this round is the last.
            VarBind("1.3.6.1.4.1.99999.3.5", .endOfMibView), VarBind("1.3.6.1.4.1.99999.3.5", .endOfMibView),
        ]
        #expect(response.varBinds == expected)
    }

    @Test func getBulkDropsTrailingVarBindsInsteadOfTooBig() async throws {
        let fixture = try Fixture()
        let limit = 120
        let response = try await fixture.response(
            .getBulk(requestID: 5, nonRepeaters: 0, maxRepetitions: 50, oids: ["1.3"]), limit: limit)
        #expect(response.errorStatus == .noError)
        #expect(!response.varBinds.isEmpty)
        #expect(response.varBinds.count < Fixture.walk.count)
        #expect(response.varBinds.map(\.oid) == Array(Fixture.walk.prefix(response.varBinds.count)))
        var bytes = ByteBufferBox()
        #expect(bytes.size(of: response) <= limit)
        // One more varbind would not have fitted.
        let next = try await fixture.response(get([Fixture.walk[response.varBinds.count]]))
        var longer = response
        longer.varBinds.append(contentsOf: next.varBinds)
        #expect(bytes.size(of: longer) > limit)
    }

    @Test func tooBigGetAnswersWithNoVarBinds() async throws {
        let fixture = try Fixture()
        let response = try await fixture.response(get(Array(repeating: Fixture.sysDescr, count: 10)), limit: 200)
        #expect(response.errorStatus == .tooBig)
        #expect(response.errorIndex == 0)
        #expect(response.varBinds.isEmpty)
        #expect(fixture.responder.statistics.tooBigs == 1)
    }

    @Test func nothingFitsIsASilentDrop() async throws {
        let fixture = try Fixture()
        let outcome = await fixture.run(get([Fixture.sysDescr]), limit: 10)
        #expect(outcome == .drop)
        #expect(fixture.responder.statistics.silentDrops == 1)
    }

    @Test func reportAndNotificationPDUsAreNotForTheResponder() async throws {
        let fixture = try Fixture()
        let outcome = await fixture.run(PDU(type: .trapV2, requestID: 1, varBinds: []))
        #expect(outcome == .drop)
    }
}

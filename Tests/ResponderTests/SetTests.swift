import Testing
import SNMPApplications
import SNMPSMI

@Suite("Set (RFC 3416 §4.2.5) and RowStatus (RFC 2579)")
struct SetTests {
    @Test func setTwoScalars() async throws {
        let fixture = try Fixture()
        let request = set([VarBind(Fixture.sysContact, "noc@example.com"), VarBind(Fixture.sysName, "agent-2")])
        let response = try await fixture.response(request)
        #expect(response.errorStatus == .noError)
        #expect(response.varBinds == request.varBinds)
        #expect(await fixture.contact.value == "noc@example.com")
        #expect(await fixture.name.value == "agent-2")
    }

    @Test func failedCommitUndoesTheFirstVarBind() async throws {
        let fixture = try Fixture()
        let request = set([VarBind(Fixture.sysContact, "noc@example.com"), VarBind("1.3.6.1.4.1.99999.3.2", 7)])
        let response = try await fixture.response(request)
        #expect(response.errorStatus == .commitFailed)
        #expect(response.errorIndex == 2)
        #expect(response.varBinds == request.varBinds)
        #expect(await fixture.contact.value == "ops@example.com")
        // Set once by the commit, once more by the undo.
        #expect(await fixture.contact.sets == 2)
        #expect(await fixture.handler.log.undos == 1)
        #expect(await fixture.handler.log.cleanups == 1)
    }

    @Test func failedTestCommitsNothing() async throws {
        let fixture = try Fixture()
        let response = try await fixture.response(set([
            VarBind(Fixture.sysContact, "noc@example.com"), VarBind("1.3.6.1.4.1.99999.3.2", "not an integer"),
        ]))
        #expect(response.errorStatus == .wrongType)
        #expect(response.errorIndex == 2)
        #expect(await fixture.contact.sets == 0)
        #expect(await fixture.handler.log.commits == 0)
    }

    struct ErrorVector: Sendable, CustomStringConvertible {
        let varBind: VarBind
        let status: ErrorStatus
        var description: String { "\(varBind) -> \(status)" }
    }

    // Source: RFC 3416 §4.2.5 steps 2–10, RFC 2579 RowStatus DESCRIPTION.
    static let errorVectors: [ErrorVector] = [
        ErrorVector(varBind: VarBind(Fixture.sysDescr, "x"), status: .notWritable),
        ErrorVector(varBind: VarBind("1.3.6.1.2.1.99.0", 1), status: .notWritable),
        ErrorVector(varBind: VarBind(Fixture.sysContact, 5), status: .wrongType),
        ErrorVector(varBind: VarBind(Fixture.sysContact, .octetString(OctetString([UInt8](repeating: 65, count: 40)))),
                    status: .wrongLength),
        ErrorVector(varBind: VarBind("1.3.6.1.2.1.1.4.1", "x"), status: .noCreation),
        ErrorVector(varBind: VarBind(Fixture.sysName, .counter32(1)), status: .wrongType),
        ErrorVector(varBind: VarBind("1.3.6.1.4.1.99999.2.1.3.1", 101), status: .wrongValue),
        ErrorVector(varBind: VarBind("1.3.6.1.4.1.99999.2.1.1.1", 1), status: .notWritable),
        ErrorVector(varBind: VarBind("1.3.6.1.4.1.99999.2.1.9.1", 1), status: .notWritable),
        ErrorVector(varBind: VarBind("1.3.6.1.4.1.99999.2.1.2", "x"), status: .noCreation),
        ErrorVector(varBind: VarBind("1.3.6.1.4.1.99999.2.1.2.7", "seven"), status: .inconsistentName),
        ErrorVector(varBind: VarBind("1.3.6.1.4.1.99999.2.1.4.1", 4), status: .inconsistentValue),
        ErrorVector(varBind: VarBind("1.3.6.1.4.1.99999.2.1.4.7", 1), status: .inconsistentValue),
        ErrorVector(varBind: VarBind("1.3.6.1.4.1.99999.2.1.4.7", 3), status: .wrongValue),
        ErrorVector(varBind: VarBind("1.3.6.1.4.1.99999.2.1.4.7", 7), status: .wrongValue),
        // createAndGo without the required name column.
        ErrorVector(varBind: VarBind("1.3.6.1.4.1.99999.2.1.4.7", 4), status: .inconsistentValue),
    ]

    @Test(arguments: errorVectors)
    func setErrors(_ vector: ErrorVector) async throws {
        let fixture = try Fixture()
        let response = try await fixture.response(set([vector.varBind]))
        #expect(response.errorStatus == vector.status)
        #expect(response.errorIndex == 1)
        #expect(response.varBinds == [vector.varBind])
    }

    @Test func createAndGoThenDestroy() async throws {
        let fixture = try Fixture()
        let created = try await fixture.response(set([
            VarBind("1.3.6.1.4.1.99999.2.1.4.7", 4), VarBind("1.3.6.1.4.1.99999.2.1.2.7", "seven"),
        ]))
        #expect(created.errorStatus == .noError)
        #expect(fixture.table.row([7]) == [2: "seven", 3: 0, 4: 1])
        let read = try await fixture.response(get(["1.3.6.1.4.1.99999.2.1.2.7", "1.3.6.1.4.1.99999.2.1.4.7"]))
        #expect(read.varBinds.map(\.value) == [.octetString("seven"), .integer(1)])
        let destroyed = try await fixture.response(set([VarBind("1.3.6.1.4.1.99999.2.1.4.7", 6)]))
        #expect(destroyed.errorStatus == .noError)
        #expect(fixture.table.row([7]) == nil)
        #expect(fixture.table.indexes == [[1], [2]])
    }

    @Test func createAndWaitIsNotReadyUntilComplete() async throws {
        let fixture = try Fixture()
        let status: ObjectIdentifier = "1.3.6.1.4.1.99999.2.1.4.8"
        #expect(try await fixture.response(set([VarBind(status, 5)])).errorStatus == .noError)
        #expect(fixture.table.row([8])?[4] == .integer(RowStatus.notReady.rawValue))
        let early = try await fixture.response(set([VarBind(status, 1)]))
        #expect(early.errorStatus == .inconsistentValue)
        let activated = try await fixture.response(set([VarBind("1.3.6.1.4.1.99999.2.1.2.8", "eight"),
                                                        VarBind(status, 1)]))
        #expect(activated.errorStatus == .noError)
        #expect(fixture.table.row([8]) == [2: "eight", 3: 0, 4: 1])
    }

    @Test func createUndoneWhenALaterCommitFails() async throws {
        let fixture = try Fixture()
        let response = try await fixture.response(set([
            VarBind("1.3.6.1.4.1.99999.2.1.4.9", 4), VarBind("1.3.6.1.4.1.99999.2.1.2.9", "nine"),
            VarBind("1.3.6.1.4.1.99999.3.1", 1),
        ]))
        #expect(response.errorStatus == .commitFailed)
        #expect(response.errorIndex == 3)
        #expect(fixture.table.row([9]) == nil)
    }

    @Test func destroyUndoneWhenALaterCommitFails() async throws {
        let fixture = try Fixture()
        let before = fixture.table.row([1])
        let response = try await fixture.response(set([
            VarBind("1.3.6.1.4.1.99999.2.1.4.1", 6), VarBind("1.3.6.1.4.1.99999.3.1", 1),
        ]))
        #expect(response.errorStatus == .commitFailed)
        #expect(fixture.table.row([1]) == before)
    }
}

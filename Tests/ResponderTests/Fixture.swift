import SNMPApplications
import SNMPAccessControl
import SNMPSecurity
import SNMPSMI

/// A mutable cell for scalar closures.
actor Cell {
    var value: SNMPValue
    private(set) var sets = 0
    init(_ value: SNMPValue) { self.value = value }
    func set(_ new: SNMPValue) { value = new; sets += 1 }
}

/// A subtree handler over a fixed list of instances; commits fail when asked to, and it records undo
/// and cleanup calls so tests can see the phases.
actor HandlerLog {
    var undos = 0
    var cleanups = 0
    var commits = 0
    func undo() { undos += 1 }
    func cleanup() { cleanups += 1 }
    func commit() { commits += 1 }
}

struct ListHandler: MIBSubtreeHandler {
    let root: ObjectIdentifier
    let values: [(UInt32, SNMPValue)]
    let log = HandlerLog()

    func get(_ oid: ObjectIdentifier) async throws -> SNMPValue {
        guard oid.count == root.count + 1, let value = values.first(where: { $0.0 == oid.arcs.last })?.1 else {
            return .noSuchInstance
        }
        return value
    }

    func next(after oid: ObjectIdentifier) async throws -> VarBind? {
        for (arc, value) in values {
            let instance = root.appending(arc)
            if oid < instance { return VarBind(instance, value) }
        }
        return nil
    }

    func testSet(_ varBind: VarBind, index: Int, request: MIBSetRequest) async throws {
        guard case .integer = varBind.value else { throw SNMPError.status(.wrongType) }
    }

    func commitSet(_ varBind: VarBind, index: Int, request: MIBSetRequest) async throws {
        await log.commit()
        throw SNMPError.status(.commitFailed, "the hardware said no")
    }

    func undoSet(_ varBind: VarBind, index: Int, request: MIBSetRequest) async throws { await log.undo() }
    func cleanupSet(_ varBind: VarBind, index: Int, request: MIBSetRequest) async { await log.cleanup() }
}

struct Fixture {
    static let sysDescr: ObjectIdentifier = "1.3.6.1.2.1.1.1.0"
    static let sysContact: ObjectIdentifier = "1.3.6.1.2.1.1.4.0"
    static let sysName: ObjectIdentifier = "1.3.6.1.2.1.1.5.0"
    static let hcCounter: ObjectIdentifier = "1.3.6.1.2.1.1.8.0"
    static let entry: ObjectIdentifier = "1.3.6.1.4.1.99999.2.1"
    static let handlerRoot: ObjectIdentifier = "1.3.6.1.4.1.99999.3"

    let contact = Cell("ops@example.com")
    let name = Cell("agent-1")
    let table = MIBTableStore()
    let handler = ListHandler(root: Fixture.handlerRoot, values: [(1, 10), (2, 20), (5, 50)])
    let responder: CommandResponder

    /// Every readable instance of the MIB, in OID order.
    static let walk: [ObjectIdentifier] = [
        sysDescr, sysContact, sysName, hcCounter,
        "1.3.6.1.4.1.99999.2.1.2.1", "1.3.6.1.4.1.99999.2.1.2.2",
        "1.3.6.1.4.1.99999.2.1.3.1", "1.3.6.1.4.1.99999.2.1.3.2",
        "1.3.6.1.4.1.99999.2.1.4.1", "1.3.6.1.4.1.99999.2.1.4.2",
        "1.3.6.1.4.1.99999.3.1", "1.3.6.1.4.1.99999.3.2", "1.3.6.1.4.1.99999.3.5",
    ]

    init(vacm: VACMConfiguration? = nil) throws {
        var mib = ManagedObjectTree()
        try mib.register(scalar: "1.3.6.1.2.1.1.1", get: { .octetString("swift-snmp test agent") })
        let contact = self.contact, name = self.name
        try mib.register(scalar: "1.3.6.1.2.1.1.4", access: .readWrite, syntax: .octetString(size: 0...32),
                         get: { await contact.value }, set: { await contact.set($0) })
        try mib.register(scalar: "1.3.6.1.2.1.1.5", access: .readWrite,
                         get: { await name.value }, set: { await name.set($0) })
        try mib.register(scalar: "1.3.6.1.2.1.1.8", get: { .counter64(1 << 40) })
        table.setRow([1], values: [2: "one", 3: 1, 4: .integer(RowStatus.active.rawValue)])
        table.setRow([2], values: [2: "two", 3: 2, 4: .integer(RowStatus.active.rawValue)])
        try mib.register(table: Fixture.entry, columns: [
            MIBColumn(1, access: .notAccessible, syntax: .integer()),
            MIBColumn(2, access: .readCreate, syntax: .octetString(size: 1...16), isRequired: true),
            MIBColumn(3, access: .readCreate, syntax: .integer(0...100), defaultValue: 0),
            .rowStatus(4),
        ], rows: table)
        try mib.register(subtree: Fixture.handlerRoot, handler: handler)
        var configuration = try VACMConfiguration.readWriteCommunity("private", view: "all")
        configuration.merge(try .readOnlyCommunity("public", view: "all"))
        self.responder = CommandResponder(mib: mib, vacm: vacm ?? configuration)
    }

    func run(_ pdu: PDU, version: SNMPVersion = .v2c, community: String = "private",
             limit: Int = 65_000) async -> ResponderOutcome {
        await responder.process(ResponderRequest(
            pdu: pdu, version: version, securityModel: version == .v1 ? .v1 : .v2c, securityName: community,
            securityLevel: .noAuthNoPriv, maximumResponseSize: limit))
    }

    func response(_ pdu: PDU, version: SNMPVersion = .v2c, community: String = "private",
                  limit: Int = 65_000) async throws -> PDU {
        guard case .response(let response) = await run(pdu, version: version, community: community, limit: limit)
        else { throw FixtureError.noResponse }
        return response
    }
}

enum FixtureError: Error { case noResponse }

func get(_ oids: [ObjectIdentifier], id: Int32 = 1) -> PDU {
    PDU(type: .getRequest, requestID: id, varBinds: oids.map { VarBind($0) })
}

func getNext(_ oids: [ObjectIdentifier], id: Int32 = 2) -> PDU {
    PDU(type: .getNextRequest, requestID: id, varBinds: oids.map { VarBind($0) })
}

func set(_ varBinds: [VarBind], id: Int32 = 3) -> PDU {
    PDU(type: .setRequest, requestID: id, varBinds: varBinds)
}

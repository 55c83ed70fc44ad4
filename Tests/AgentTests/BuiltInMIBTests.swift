import Foundation
import NIOCore
import Testing
import SNMPAgent
import SNMPApplications
import SNMPAccessControl
import SNMPDispatcher
import SNMPSecurity
import SNMPSMI

@Suite("Built-in MIBs")
struct BuiltInMIBTests {
    static let engineID = OctetString([0x80, 0x00, 0x7E, 0xD9, 0x04, 0x61, 0x62, 0x63])

    /// A fake Linux: /proc/net/dev in the kernel's layout and two /sys/class/net entries.
    static func fakeLinux() throws -> (LinuxInterfaces, String) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("agent-if-\(UUID().uuidString)").path
        let sys = root + "/sys"
        let files: [String: String] = [
            "/proc-net-dev": """
                Inter-|   Receive                                                |  Transmit
                 face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
                    lo: 5000000000   40    0    0    0     0          0         0 5000000000   40    0    0    0     0       0          0
                  eth0: 123456 789 1 2 0 0 0 9 654321 987 3 4 0 0 0 0

                """,
            "/sys/lo/ifindex": "1\n", "/sys/lo/mtu": "65536\n", "/sys/lo/address": "00:00:00:00:00:00\n",
            "/sys/lo/operstate": "unknown\n", "/sys/lo/flags": "0x49\n", "/sys/lo/type": "772\n",
            "/sys/eth0/ifindex": "2\n", "/sys/eth0/mtu": "1500\n", "/sys/eth0/address": "02:fc:00:00:00:01\n",
            "/sys/eth0/operstate": "down\n", "/sys/eth0/flags": "0x1003\n", "/sys/eth0/type": "1\n",
            "/sys/eth0/speed": "10000\n",
        ]
        for (name, text) in files {
            let path = root + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return (LinuxInterfaces(procNetDev: root + "/proc-net-dev", sysClassNet: sys), root)
    }

    static func makeResponder(interfaces: LinuxInterfaces? = nil) throws -> (CommandResponder, AgentStore) {
        let store = AgentStore(AgentConfiguration().system)
        var dispatcherStatistics = DispatcherStatistics()
        dispatcherStatistics.inPackets = 17
        dispatcherStatistics.inBadVersions = 3
        dispatcherStatistics.inASNParseErrors = 5
        dispatcherStatistics.unknownPDUHandlers = 2
        let frozen = dispatcherStatistics
        var usm = USMStatistics()
        usm.wrongDigests = 9
        let frozenUSM = usm
        let alice = USMUser(userName: "alice", auth: .hmacSHA256, authSecret: .passphrase("authpass1"),
                            priv: .aes128, privSecret: .passphrase("privpass1"))
        let sources = BuiltInSources(
            startTime: .now() - .seconds(3), engine: EngineState(engineID: engineID, engineBoots: 7),
            store: store, dispatcherStatistics: { frozen }, usmStatistics: { frozenUSM },
            usmUsers: { [USMUserTableEntry(engineID: engineID, user: alice)] }, interfaces: interfaces)
        var mib = ManagedObjectTree()
        try BuiltInMIB.register(into: &mib, sources: sources)
        var configuration = AgentConfiguration()
        configuration.communities = [AgentCommunity("public"), AgentCommunity("private", access: .readWrite)]
        let vacm = try configuration.accessControl().vacm
        return (CommandResponder(mib: mib, vacm: vacm), store)
    }

    static func request(_ type: PDUType, _ varBinds: [VarBind], community: String = "public",
                        version: SNMPVersion = .v2c) -> ResponderRequest {
        ResponderRequest(pdu: PDU(type: type, requestID: 1, varBinds: varBinds), version: version,
                         securityModel: version == .v1 ? .v1 : .v2c, securityName: community,
                         securityLevel: .noAuthNoPriv, maximumResponseSize: 65_000)
    }

    static func response(_ responder: CommandResponder, _ request: ResponderRequest) async throws -> PDU {
        guard case .response(let pdu) = await responder.process(request) else {
            throw FixtureError(description: "no response")
        }
        return pdu
    }

    static func values(_ responder: CommandResponder, _ oids: [ObjectIdentifier]) async throws -> [SNMPValue] {
        try await response(responder, request(.getRequest, oids.map { VarBind($0) })).varBinds.map(\.value)
    }

    @Test func systemGroupValues() async throws {
        let (responder, _) = try Self.makeResponder()
        let values = try await Self.values(responder, [
            "1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.2.0", "1.3.6.1.2.1.1.7.0", "1.3.6.1.2.1.1.8.0",
            "1.3.6.1.2.1.1.9.1.2.1", "1.3.6.1.2.1.1.9.1.1.1",
        ])
        // snmpd's default sysDescr: uname's sysname, nodename, release, version and machine.
        #expect(values[0] == .octetString(OctetString(AgentConfiguration().system.sysDescr)))
        #expect(values[1] == .objectIdentifier("1.3.6.1.4.1.32473.1"))
        #expect(values[2] == .integer(72))
        #expect(values[3] == .timeTicks(0))
        #expect(values[4] == .objectIdentifier("1.3.6.1.6.3.1"))
        #expect(values[5] == .noSuchObject, "sysORIndex is not-accessible")
        guard case .timeTicks(let upTime) = try await Self.values(responder, ["1.3.6.1.2.1.1.3.0"])[0] else {
            Issue.record("sysUpTime is TimeTicks")
            return
        }
        #expect((300..<1_000).contains(upTime), "started three seconds ago")
    }

    @Test func sysContactSetSticksAndAFailingSecondVarBindLeavesTheFirstUnchanged() async throws {
        let (responder, store) = try Self.makeResponder()
        let set = Self.request(.setRequest, [VarBind("1.3.6.1.2.1.1.4.0", .octetString("noc@example.net"))],
                               community: "private")
        #expect(try await Self.response(responder, set).errorStatus == .noError)
        #expect(store.current.sysContact == "noc@example.net")
        #expect(try await Self.values(responder, ["1.3.6.1.2.1.1.4.0"]) == [.octetString("noc@example.net")])

        let failing = Self.request(.setRequest, [
            VarBind("1.3.6.1.2.1.1.5.0", .octetString("new-name")),
            VarBind("1.3.6.1.2.1.1.1.0", .octetString("sysDescr is read-only")),
        ], community: "private")
        let answer = try await Self.response(responder, failing)
        #expect(answer.errorStatus == .notWritable)
        #expect(answer.errorIndex == 2)
        #expect(store.current.sysName == AgentConfiguration().system.sysName, "the host name, unchanged")

        let wrongType = Self.request(.setRequest, [VarBind("1.3.6.1.2.1.1.6.0", .integer(1))], community: "private")
        #expect(try await Self.response(responder, wrongType).errorStatus == .wrongType)
    }

    @Test func readOnlyCommunitySetIsNoAccessAndNoSuchNameInV1() async throws {
        let (responder, store) = try Self.makeResponder()
        let varBinds = [VarBind("1.3.6.1.2.1.1.4.0", .octetString("x"))]
        #expect(try await Self.response(responder, Self.request(.setRequest, varBinds)).errorStatus == .noAccess)
        let v1 = try await Self.response(responder, Self.request(.setRequest, varBinds, version: .v1))
        #expect(v1.errorStatus == .noSuchName)
        #expect(v1.errorIndex == 1)
        #expect(store.current.sysContact == "root", "snmpd's default, unchanged")
    }

    @Test func snmpGroupAndEnableAuthenTraps() async throws {
        let (responder, store) = try Self.makeResponder()
        store.count { $0.inBadCommunityNames = 4 }
        let values = try await Self.values(responder, [
            "1.3.6.1.2.1.11.1.0", "1.3.6.1.2.1.11.3.0", "1.3.6.1.2.1.11.4.0", "1.3.6.1.2.1.11.6.0",
            "1.3.6.1.2.1.11.30.0", "1.3.6.1.2.1.11.31.0", "1.3.6.1.2.1.11.32.0", "1.3.6.1.2.1.11.2.0",
        ])
        #expect(values == [.counter32(17), .counter32(3), .counter32(4), .counter32(5), .integer(2),
                           .counter32(0), .counter32(0), .noSuchObject])
        let enable = Self.request(.setRequest, [VarBind("1.3.6.1.2.1.11.30.0", .integer(1))], community: "private")
        #expect(try await Self.response(responder, enable).errorStatus == .noError)
        #expect(store.current.enableAuthenTraps)
        let bad = Self.request(.setRequest, [VarBind("1.3.6.1.2.1.11.30.0", .integer(3))], community: "private")
        #expect(try await Self.response(responder, bad).errorStatus == .wrongValue)
    }

    @Test func engineMPDAndUSMGroups() async throws {
        let (responder, _) = try Self.makeResponder()
        let values = try await Self.values(responder, [
            "1.3.6.1.6.3.10.2.1.1.0", "1.3.6.1.6.3.10.2.1.2.0", "1.3.6.1.6.3.10.2.1.4.0",
            "1.3.6.1.6.3.11.2.1.3.0", "1.3.6.1.6.3.15.1.1.5.0",
        ])
        #expect(values == [.octetString(Self.engineID), .integer(7), .integer(65_507), .counter32(2), .counter32(9)])
        guard case .integer(let time) = try await Self.values(responder, ["1.3.6.1.6.3.10.2.1.3.0"])[0] else {
            Issue.record("snmpEngineTime is INTEGER")
            return
        }
        #expect((3...10).contains(time))

        // usmUserTable: INDEX { usmUserEngineID, usmUserName }, each length-prefixed.
        let index: [UInt32] = [8, 0x80, 0x00, 0x7E, 0xD9, 0x04, 0x61, 0x62, 0x63, 5, 97, 108, 105, 99, 101]
        let entry: ObjectIdentifier = "1.3.6.1.6.3.15.1.2.2.1"
        let user = try await Self.values(responder, [
            entry.appending(3).appending(index), entry.appending(5).appending(index),
            entry.appending(8).appending(index), entry.appending(6).appending(index),
        ])
        #expect(user == [.octetString("alice"), .objectIdentifier(USMAuthProtocol.hmacSHA256.rawValue),
                         .objectIdentifier(USMPrivProtocol.aes128.rawValue), .octetString("")])
    }

    @Test func interfacesFromLinuxFiles() async throws {
        let (interfaces, root) = try Self.fakeLinux()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (responder, _) = try Self.makeResponder(interfaces: interfaces)
        let values = try await Self.values(responder, [
            "1.3.6.1.2.1.2.1.0",
            "1.3.6.1.2.1.2.2.1.2.2", "1.3.6.1.2.1.2.2.1.3.1", "1.3.6.1.2.1.2.2.1.3.2", "1.3.6.1.2.1.2.2.1.4.2",
            "1.3.6.1.2.1.2.2.1.5.2", "1.3.6.1.2.1.2.2.1.6.2", "1.3.6.1.2.1.2.2.1.7.2", "1.3.6.1.2.1.2.2.1.8.2",
            "1.3.6.1.2.1.2.2.1.8.1", "1.3.6.1.2.1.2.2.1.10.2", "1.3.6.1.2.1.2.2.1.11.2", "1.3.6.1.2.1.2.2.1.16.1",
            "1.3.6.1.2.1.31.1.1.1.1.1", "1.3.6.1.2.1.31.1.1.1.6.1", "1.3.6.1.2.1.31.1.1.1.15.2",
            "1.3.6.1.2.1.2.2.1.2.3",
        ])
        #expect(values == [
            .integer(2),
            .octetString("eth0"), .integer(24), .integer(6), .integer(1500),
            .gauge32(4_294_967_295), .octetString(OctetString([0x02, 0xFC, 0, 0, 0, 1])), .integer(1), .integer(2),
            .integer(1), .counter32(123_456), .counter32(780), .counter32(UInt32(truncatingIfNeeded: 5_000_000_000)),
            .octetString("lo"), .counter64(5_000_000_000), .gauge32(10_000),
            .noSuchInstance,
        ])
    }

    /// What snmpd serves that the kernel's files do not say directly (observed from snmpd 5.9 on Linux).
    @Test func interfacesMappedAsSnmpdMapsThem() async throws {
        let (interfaces, root) = try Self.fakeLinux()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (responder, _) = try Self.makeResponder(interfaces: interfaces)
        let values = try await Self.values(responder, [
            "1.3.6.1.2.1.2.2.1.6.1",         // lo ifPhysAddress: all zeros -> empty
            "1.3.6.1.2.1.2.2.1.5.1",         // lo ifSpeed: snmpd's 10 Mb/s guess
            "1.3.6.1.2.1.31.1.1.1.15.1",     // lo ifHighSpeed
            "1.3.6.1.2.1.2.2.1.8.1",         // lo ifOperStatus: up from IFF_RUNNING, though operstate is unknown
            "1.3.6.1.2.1.2.2.1.12.2",        // eth0 ifInNUcastPkts: multicast
            "1.3.6.1.2.1.2.2.1.11.2",        // eth0 ifInUcastPkts: packets - multicast
            "1.3.6.1.2.1.2.2.1.21.2", "1.3.6.1.2.1.2.2.1.22.2",
            "1.3.6.1.2.1.31.1.1.1.14.2",     // ifLinkUpDownTrapEnable: not served, as snmpd
            "1.3.6.1.2.1.31.1.1.1.17.1", "1.3.6.1.2.1.31.1.1.1.17.2",
            "1.3.6.1.2.1.2.2.1.9.2",
        ])
        #expect(values == [
            .octetString(OctetString([UInt8]())), .gauge32(10_000_000), .gauge32(10), .integer(1),
            .counter32(9), .counter32(780), .gauge32(0), .objectIdentifier([0, 0]), .noSuchObject,
            .integer(2), .integer(1), .timeTicks(0),
        ])
    }

    @Test func procNetDevParsing() {
        let parsed = LinuxInterfaces.parseProcNetDev("""
            Inter-|   Receive
             face |bytes
              eth1:1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16
            garbage line
              short: 1 2 3
            """)
        #expect(parsed.keys.sorted() == ["eth1"])
        #expect(parsed["eth1"]?.rxMulticast == 8)
        #expect(parsed["eth1"]?.txDrops == 12)
    }

    @Test func snapshotRowsWalkInIndexOrder() async throws {
        let rows = SnapshotTableRows { [
            MIBTableRow(index: [1], values: [2: .integer(10)]),
            MIBTableRow(index: [1, 5], values: [2: .integer(15)]),
            MIBTableRow(index: [3], values: [2: .integer(30)]),
        ] }
        #expect(try await rows.index(after: nil) == [1])
        #expect(try await rows.index(after: [1]) == [1, 5])
        #expect(try await rows.index(after: [2]) == [3])
        #expect(try await rows.index(after: [3]) == nil)
        #expect(try await rows.value(column: 2, index: [1, 5]) == .integer(15))
        #expect(try await rows.value(column: 2, index: [2]) == nil)
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
}

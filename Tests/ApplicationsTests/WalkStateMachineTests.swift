import Testing
import SNMPApplications
import SNMPSMI

/// The walk logic Net-SNMP's snmpwalk/snmpbulkwalk follow, without sockets.
@Suite struct WalkStateMachineTests {
    @Test func continuesInsideTheSubtreeAndStopsWhenLeavingIt() {
        var machine = WalkStateMachine(root: "1.3.6.1.2.1.1")
        var out: [VarBind] = []
        #expect(machine.receive([VarBind("1.3.6.1.2.1.1.1.0", "a"), VarBind("1.3.6.1.2.1.1.2.0", .null)], into: &out)
                == .next("1.3.6.1.2.1.1.2.0"))
        #expect(machine.receive([VarBind("1.3.6.1.2.1.1.3.0", .timeTicks(1)), VarBind("1.3.6.1.2.1.2.1.0", 5)], into: &out)
                == .endOfSubtree)
        #expect(out.map(\.oid) == ["1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.2.0", "1.3.6.1.2.1.1.3.0"])
        #expect(machine.emitted == 3)
    }

    @Test func endOfMibViewIsEmittedThenEnds() {
        var machine = WalkStateMachine(root: "1.3.6")
        var out: [VarBind] = []
        #expect(machine.receive([VarBind("1.3.6.1", 1), VarBind("1.3.6.1", .endOfMibView)], into: &out) == .endOfMibView)
        #expect(out.count == 2)
    }

    @Test func nonIncreasingOIDEndsWithBothOIDsUnlessUnchecked() {
        var checked = WalkStateMachine(root: "1.3.6")
        var out: [VarBind] = []
        _ = checked.receive([VarBind("1.3.6.1.5", 1)], into: &out)
        #expect(checked.receive([VarBind("1.3.6.1.5", 1)], into: &out) == .notIncreasing(previous: "1.3.6.1.5", received: "1.3.6.1.5"))
        #expect(out.count == 2)   // Net-SNMP prints the offending varbind before the error

        var unchecked = WalkStateMachine(root: "1.3.6", checkIncreasing: false)
        _ = unchecked.receive([VarBind("1.3.6.1.5", 1)], into: &out)
        #expect(unchecked.receive([VarBind("1.3.6.1.4", 1)], into: &out) == .next("1.3.6.1.4"))
    }

    @Test func emptyResponseEndsTheWalk() {
        var machine = WalkStateMachine(root: "1.3.6")
        var out: [VarBind] = []
        #expect(machine.receive([], into: &out) == .endOfSubtree)
        #expect(machine.cursor == "1.3.6")
    }

    @Test func rootItselfCountsAsInsideTheSubtree() {
        // snmpwalk of an instance: GETNEXT from the root returns the next object, outside: nothing emitted.
        var machine = WalkStateMachine(root: "1.3.6.1.2.1.1.1.0")
        var out: [VarBind] = []
        #expect(machine.receive([VarBind("1.3.6.1.2.1.1.2.0", .null)], into: &out) == .endOfSubtree)
        #expect(out.isEmpty)
    }
}

import Foundation
import SNMPSMI
import Testing

@testable import SNMPMIB

/// Broken MIB files must give positioned errors, never crash or hang, and never stop other modules loading.
@Suite struct BadInputTests {
    @Test func truncatedModuleReportsPosition() throws {
        let text = """
            TRUNC-MIB DEFINITIONS ::= BEGIN
            IMPORTS OBJECT-TYPE, enterprises FROM SNMPv2-SMI;
            trunc OBJECT IDENTIFIER ::= { enterprises 9 }
            truncObject OBJECT-TYPE
                SYNTAX INTEGER
            """
        let (modules, errors) = MIBParser.parse(bytes: Array(text.utf8), file: "TRUNC-MIB")
        #expect(modules.first?.definitions.map(\.name) == ["trunc"])
        let first = try #require(errors.first)
        #expect(first.code == .syntax)
        #expect(first.file == "TRUNC-MIB")
        #expect(first.line == 5 && first.column == 19)
        #expect(first.description.hasPrefix("TRUNC-MIB:5:19: syntax error"))
    }

    @Test func unterminatedStringIsAnInvalidCharacter() throws {
        let text = "S-MIB DEFINITIONS ::= BEGIN\nx OBJECT-IDENTITY STATUS current DESCRIPTION \"never ends\n"
        let (_, errors) = MIBParser.parse(bytes: Array(text.utf8), file: "S-MIB")
        let first = try #require(errors.first)
        #expect(first.code == .invalidCharacter)
        #expect(first.reason == "unterminated string")
        #expect(first.line == 2 && first.column == 46)
    }

    /// Deterministic noise (a 64-bit LCG), so a failure reproduces.
    static func noise(count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func garbageNeverCrashes(seed: UInt64) {
        let garbage = Self.noise(count: 4096, seed: seed)
        let (_, errors) = MIBParser.parse(bytes: garbage, file: "GARBAGE")
        #expect(!errors.isEmpty)
        // The same garbage after a valid header: errors inside the body, each with a position.
        let framed = Array("G-MIB DEFINITIONS ::= BEGIN\n".utf8) + garbage
        let (modules, bodyErrors) = MIBParser.parse(bytes: framed, file: "G-MIB")
        #expect(modules.count <= 1)
        #expect(!bodyErrors.isEmpty)
        #expect(bodyErrors.allSatisfy { $0.line >= 1 && $0.column >= 1 && $0.file == "G-MIB" })
    }

    @Test func circularImportsAreReportedAndBothModulesLoad() throws {
        let directory = try TemporaryMIBDirectory(files: [
            "SNMPv2-SMI": miniSMI,
            "A-MIB": """
                A-MIB DEFINITIONS ::= BEGIN
                IMPORTS enterprises FROM SNMPv2-SMI
                        bRoot FROM B-MIB;
                aRoot OBJECT IDENTIFIER ::= { enterprises 1 }
                aChild OBJECT IDENTIFIER ::= { bRoot 5 }
                END
                """,
            "B-MIB": """
                B-MIB DEFINITIONS ::= BEGIN
                IMPORTS aRoot FROM A-MIB;
                bRoot OBJECT IDENTIFIER ::= { aRoot 2 }
                END
                """,
        ])
        let store = MIBStore(searchPath: [directory.path], cacheDirectory: nil)
        try store.load("A-MIB")
        let circular = try #require(store.errors.first { $0.code == .circularImport })
        #expect(circular.file?.hasSuffix("B-MIB") == true)
        #expect(circular.line == 2 && circular.column == 20)
        #expect(circular.reason.contains("A-MIB -> B-MIB -> A-MIB"))
        #expect(try store.tree.oid(for: "A-MIB::aChild") == ObjectIdentifier([1, 3, 6, 1, 4, 1, 1, 2, 5]))
    }

    @Test func unknownImportIsReportedAtItsFromClause() throws {
        let directory = try TemporaryMIBDirectory(files: [
            "SNMPv2-SMI": miniSMI,
            "C-MIB": """
                C-MIB DEFINITIONS ::= BEGIN
                IMPORTS enterprises FROM SNMPv2-SMI
                        nothing FROM NOPE-MIB;
                cRoot OBJECT IDENTIFIER ::= { enterprises 3 }
                END
                """,
        ])
        let store = MIBStore(searchPath: [directory.path], cacheDirectory: nil)
        try store.load("C-MIB")
        let unknown = try #require(store.errors.first { $0.code == .unknownImport })
        #expect(unknown.line == 3 && unknown.column == 22)
        #expect(unknown.reason.contains("NOPE-MIB"))
        #expect(try store.tree.oid(for: "C-MIB::cRoot") == ObjectIdentifier([1, 3, 6, 1, 4, 1, 3]))
        #expect(throws: MIBError(.moduleNotFound, "")) { try store.load("NOPE-MIB") }
    }

    @Test func oneBrokenModuleDoesNotStopTheOthers() throws {
        let directory = try TemporaryMIBDirectory(files: [
            "SNMPv2-SMI": miniSMI,
            "GOOD-MIB": "GOOD-MIB DEFINITIONS ::= BEGIN\ngood OBJECT IDENTIFIER ::= { enterprises 7 }\nEND\n",
            "BAD-MIB": "BAD-MIB DEFINITIONS ::= BEGIN\nbad OBJECT IDENTIFIER ::= { enterprises \u{1}\u{2} }\nEND\n",
        ])
        try directory.write("NOISE.bin", bytes: Self.noise(count: 2000, seed: 42))
        let store = MIBStore(searchPath: [directory.path], cacheDirectory: nil)
        let errors = store.loadAll()
        #expect(errors.contains { $0.code == .invalidCharacter && $0.line == 2 && $0.file?.hasSuffix("BAD-MIB") == true })
        #expect(try store.tree.oid(for: "good") == ObjectIdentifier([1, 3, 6, 1, 4, 1, 7]))
        #expect(store.tree.module(named: "BAD-MIB") != nil)
    }

    @Test func unresolvedParentIsReported() throws {
        let directory = try TemporaryMIBDirectory(files: [
            "D-MIB": "D-MIB DEFINITIONS ::= BEGIN\norphan OBJECT IDENTIFIER ::= { nowhere 1 }\nEND\n"
        ])
        let store = MIBStore(searchPath: [directory.path], cacheDirectory: nil)
        try store.load("D-MIB")
        let error = try #require(store.errors.first)
        #expect(error.code == .unresolvedName)
        #expect(error.line == 2 && error.column == 1)
        #expect(store.tree.node(named: "orphan") == nil)
    }
}

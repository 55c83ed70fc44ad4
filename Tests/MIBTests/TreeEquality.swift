import Testing

@testable import SNMPMIB

/// Field-by-field comparison of two trees, for tests that load the same MIBs two ways (parsed and from
/// the compiled cache). `MIBError ==` compares codes only, so errors are compared by their full text.
enum TreeEquality {
    static func expectEqual(_ actual: MIBTree, _ expected: MIBTree, sourceLocation: SourceLocation = #_sourceLocation) {
        let a = actual.storage
        let e = expected.storage
        #expect(a.nodes.count == e.nodes.count, sourceLocation: sourceLocation)
        // MIBNode's == covers every field: name, module, OID, kind, syntax (TC, enums, BITS, ranges, sizes,
        // hint, row type), access, status, index, augments, units, description, reference, DEFVAL, objects.
        for (x, y) in zip(a.nodes, e.nodes) where x != y {
            Issue.record("node \(y.module)::\(y.name) differs: \(x) vs \(y)", sourceLocation: sourceLocation)
            return
        }
        #expect(a.modules == e.modules, sourceLocation: sourceLocation)
        #expect(a.moduleIndex == e.moduleIndex, sourceLocation: sourceLocation)
        #expect(a.types == e.types, sourceLocation: sourceLocation)
        #expect(a.firstWithLabel == e.firstWithLabel, sourceLocation: sourceLocation)
        #expect(a.nextWithLabel == e.nextWithLabel, sourceLocation: sourceLocation)
        #expect(a.entries == e.entries, sourceLocation: sourceLocation)
    }

    static func text(_ errors: [MIBError]) -> [String] {
        errors.map { "\($0.code)|\($0.reason)|\($0.file ?? "-")|\($0.module ?? "-")|\($0.line)|\($0.column)" }
    }
}

import Foundation
import SNMPSMI
import Testing

@testable import SNMPMIB

@Suite
struct CorpusTests {
    static let store: MIBStore = {
        let store = MIBStore(searchPath: [Corpus.directory], cacheDirectory: nil)
        store.loadAll()
        return store
    }()

    /// Objects the snmptranslate comparison covers: OBJECT-TYPE, NOTIFICATION-TYPE and OBJECT-IDENTITY.
    static var comparedNodes: [MIBNode] {
        store.tree.nodes.filter {
            [.scalar, .table, .row, .column, .notification, .objectIdentity].contains($0.kind)
        }
    }

    @Test func everyModuleParsesWithoutErrors() throws {
        for name in Corpus.files {
            let bytes = try [UInt8](Foundation.Data(contentsOf: URL(fileURLWithPath: Corpus.directory + "/" + name)))
            let (modules, errors) = MIBParser.parse(bytes: bytes, file: name)
            #expect(errors.isEmpty, "\(name): \(errors)")
            #expect(modules.map(\.name) == [name])
        }
    }

    @Test func loadAllLinksWithoutErrors() {
        #expect(Self.store.errors.isEmpty, "\(Self.store.errors)")
        #expect(Self.store.tree.modules.count == Corpus.files.count)
        #expect(Self.comparedNodes.count > 1000)
    }

    @Test(.enabled(if: Corpus.canCompare, Corpus.installHint))
    func namesToOIDsMatchSnmptranslate() throws {
        let nodes = Self.comparedNodes
        let expected = try Corpus.translate(nodes.map { "\($0.module)::\($0.name)" }, options: ["-On"])
        try #require(expected.count == nodes.count)
        for (node, line) in zip(nodes, expected) {
            let oid = try Self.store.tree.oid(for: "\(node.module)::\(node.name)")
            #expect(oid.dottedWithLeadingDot == line, "\(node.module)::\(node.name)")
        }
    }

    @Test(.enabled(if: Corpus.canCompare, Corpus.installHint))
    func oidsToNamesMatchSnmptranslate() throws {
        // Net-SNMP checks an instance index against the INDEX objects' ranges, so only scalars get one (.0).
        let oids = Self.comparedNodes.map { $0.kind == .scalar ? $0.oid.appending(0) : $0.oid }
        let expected = try Corpus.translate(oids.map(\.dottedWithLeadingDot), options: [])
        try #require(expected.count == oids.count)
        var mismatches: [String] = []
        for (oid, line) in zip(oids, expected) where Self.store.tree.qualifiedName(for: oid) != line {
            mismatches.append("\(oid): \(Self.store.tree.qualifiedName(for: oid)) != \(line)")
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches: \(mismatches.prefix(20))")
    }

    @Test(.enabled(if: Corpus.canCompare, Corpus.installHint))
    func fullLabelPathsMatchSnmptranslate() throws {
        let oids = Self.comparedNodes.map { $0.kind == .scalar ? $0.oid.appending(0) : $0.oid }
        let expected = try Corpus.translate(oids.map(\.dottedWithLeadingDot), options: ["-Of"])
        try #require(expected.count == oids.count)
        var mismatches: [String] = []
        for (oid, line) in zip(oids, expected) where Self.store.tree.fullLabelPath(for: oid) != line {
            mismatches.append("\(Self.store.tree.fullLabelPath(for: oid)) != \(line)")
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches: \(mismatches.prefix(20))")
    }

    @Test(.enabled(if: Corpus.canCompare, Corpus.installHint))
    func randomAccessLabelsMatchSnmptranslate() throws {
        var seen = Set<String>()
        let labels = Self.comparedNodes.map(\.name).filter { seen.insert($0).inserted }
        let expected = try Corpus.translate(labels, options: ["-IR", "-On"])
        try #require(expected.count == labels.count)
        var mismatches: [String] = []
        for (label, line) in zip(labels, expected) {
            let oid = try Self.store.tree.oid(for: label)
            if oid.dottedWithLeadingDot != line { mismatches.append("\(label): \(oid) != \(line)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches: \(mismatches.prefix(20))")
    }
}

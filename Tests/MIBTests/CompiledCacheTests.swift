import Foundation
import Testing

@testable import SNMPMIB

/// The compiled-tree cache: a second store over the same files reads one cache file instead of parsing,
/// and ends up with exactly the state a parse gives; any change or damage sends it back to the files.
@Suite struct CompiledCacheTests {
    static let extraMIB = """
        EXTRA-MIB DEFINITIONS ::= BEGIN
        IMPORTS enterprises, Integer32 FROM SNMPv2-SMI;
        extra OBJECT IDENTIFIER ::= { enterprises 7 }
        extraValue OBJECT-TYPE SYNTAX Integer32 MAX-ACCESS read-only STATUS current
            DESCRIPTION "A value." ::= { extra 1 }
        END
        """

    static func smallDirectory() throws -> TemporaryMIBDirectory {
        try TemporaryMIBDirectory(files: [
            "SNMPv2-SMI": miniSMI, "vendor.my": StoreTests.vendorMIB, "EXTRA-MIB": extraMIB,
        ])
    }

    static func cacheFiles(_ cache: TemporaryMIBDirectory) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cache.path)) ?? []).filter { $0.hasPrefix("mib-tree-") }
    }

    /// Whether the store's state came from a cache file (nothing parsed) rather than from the MIB files.
    static func isFromCache(_ store: MIBStore) -> Bool {
        store.loadState.withLockedValue { !$0.hasParsedModules }
    }

    static func expectSameState(_ actual: MIBStore, _ expected: MIBStore, sourceLocation: SourceLocation = #_sourceLocation) {
        TreeEquality.expectEqual(actual.tree, expected.tree, sourceLocation: sourceLocation)
        #expect(TreeEquality.text(actual.errors) == TreeEquality.text(expected.errors), sourceLocation: sourceLocation)
        #expect(actual.availableModules() == expected.availableModules(), sourceLocation: sourceLocation)
    }

    @Test
    func wholeCorpusFromCacheEqualsParsed() throws {
        let cache = try TemporaryMIBDirectory(files: [:])
        let parsed = MIBStore(searchPath: [Corpus.directory], cacheDirectory: nil)
        let parsedErrors = parsed.loadAll()
        let cold = MIBStore(searchPath: [Corpus.directory], cacheDirectory: cache.path)
        let coldErrors = cold.loadAll()
        #expect(!Self.isFromCache(cold))
        #expect(Self.cacheFiles(cache).count == 1)
        let warm = MIBStore(searchPath: [Corpus.directory], cacheDirectory: cache.path)
        let warmErrors = warm.loadAll()
        #expect(Self.isFromCache(warm))
        #expect(warm.tree.nodes.count > 1000)
        Self.expectSameState(cold, parsed)
        Self.expectSameState(warm, parsed)
        #expect(TreeEquality.text(coldErrors) == TreeEquality.text(parsedErrors))
        #expect(TreeEquality.text(warmErrors) == TreeEquality.text(parsedErrors))
        #expect(try warm.tree.oid(for: "IF-MIB::ifDescr.3").description == "1.3.6.1.2.1.2.2.1.2.3")
    }

    /// Net-SNMP's default module list, then a module asked for later (as `MODULE::name` arguments do): the
    /// second load relinks, so a store restored from the cache first parses its history again.
    @Test
    func laterLoadsAfterACacheHitMatchTheParsedStore() throws {
        let cache = try TemporaryMIBDirectory(files: [:])
        let first = ["SNMPv2-MIB", "IF-MIB", "NO-SUCH-MIB"]
        let parsed = MIBStore(searchPath: [Corpus.directory], cacheDirectory: nil)
        let parsedErrors = (parsed.load(modules: first), parsed.load(modules: ["HOST-RESOURCES-MIB"]))
        _ = MIBStore(searchPath: [Corpus.directory], cacheDirectory: cache.path).load(modules: first)

        let warm = MIBStore(searchPath: [Corpus.directory], cacheDirectory: cache.path)
        let firstErrors = warm.load(modules: first)
        #expect(Self.isFromCache(warm))
        #expect(TreeEquality.text(firstErrors) == TreeEquality.text(parsedErrors.0))
        // Already loaded or known missing: answered from the restored state, nothing parsed.
        #expect(throws: MIBError(.moduleNotFound, "")) { try warm.load("NO-SUCH-MIB") }
        #expect(try warm.load("IF-MIB").name == "IF-MIB")
        #expect(Self.isFromCache(warm))
        let secondErrors = warm.load(modules: ["HOST-RESOURCES-MIB"])
        #expect(!Self.isFromCache(warm))
        #expect(TreeEquality.text(secondErrors) == TreeEquality.text(parsedErrors.1))
        let check = MIBStore(searchPath: [Corpus.directory], cacheDirectory: nil)
        check.load(modules: first)
        _ = try? check.load("NO-SUCH-MIB")
        _ = try? check.load("IF-MIB")
        check.load(modules: ["HOST-RESOURCES-MIB"])
        Self.expectSameState(warm, check)

        // The longer history was cached too: a third store gets all of it from the cache.
        let third = MIBStore(searchPath: [Corpus.directory], cacheDirectory: cache.path)
        third.load(modules: first)
        _ = try? third.load("NO-SUCH-MIB")
        _ = try? third.load("IF-MIB")
        third.load(modules: ["HOST-RESOURCES-MIB"])
        #expect(Self.isFromCache(third))
        Self.expectSameState(third, check)
    }

    @Test func changedAddedOrRemovedFilesInvalidate() throws {
        let mibs = try Self.smallDirectory()
        let cache = try TemporaryMIBDirectory(files: [:])
        #expect(MIBStore(searchPath: [mibs.path], cacheDirectory: cache.path).loadAll().isEmpty)
        let warm = MIBStore(searchPath: [mibs.path], cacheDirectory: cache.path)
        warm.loadAll()
        #expect(Self.isFromCache(warm))

        // Same size, new content: the modification time (and inode) tell.
        try mibs.write("EXTRA-MIB", Self.extraMIB.replacingOccurrences(of: "{ extra 1 }", with: "{ extra 2 }"))
        let changed = MIBStore(searchPath: [mibs.path], cacheDirectory: cache.path)
        changed.loadAll()
        #expect(!Self.isFromCache(changed))
        #expect(try changed.tree.oid(for: "EXTRA-MIB::extraValue").description == "1.3.6.1.4.1.7.2")
        // The stale file was replaced, not kept beside the new one.
        #expect(Self.cacheFiles(cache).count == 1)

        try mibs.write("NEW-MIB", "NEW-MIB DEFINITIONS ::= BEGIN\nnewRoot OBJECT IDENTIFIER ::= { enterprises 8 }\nEND\n")
        let added = MIBStore(searchPath: [mibs.path], cacheDirectory: cache.path)
        added.loadAll()
        #expect(!Self.isFromCache(added))
        #expect(added.tree.node(named: "newRoot") != nil)

        try FileManager.default.removeItem(atPath: mibs.path + "/NEW-MIB")
        let removed = MIBStore(searchPath: [mibs.path], cacheDirectory: cache.path)
        removed.loadAll()
        #expect(!Self.isFromCache(removed))
        #expect(removed.tree.node(named: "newRoot") == nil)
    }

    @Test func differentRequestsUseDifferentCacheFiles() throws {
        let mibs = try Self.smallDirectory()
        let cache = try TemporaryMIBDirectory(files: [:])
        try MIBStore(searchPath: [mibs.path], cacheDirectory: cache.path).load("EXTRA-MIB")
        MIBStore(searchPath: [mibs.path], cacheDirectory: cache.path).loadAll()
        #expect(Self.cacheFiles(cache).count == 2)
        let one = MIBStore(searchPath: [mibs.path], cacheDirectory: cache.path)
        try one.load("EXTRA-MIB")
        #expect(Self.isFromCache(one))
        #expect(one.tree.module(named: "VENDOR_X-MIB") == nil)
    }

    @Test func oldCompiledTreesAreRemovedBeyondTheLimit() throws {
        let mibs = try Self.smallDirectory()
        let cache = try TemporaryMIBDirectory(files: [:])
        // Each request history has its own file; asking for more than the limit evicts the oldest.
        for round in 0..<(CompiledTreeCache.maximumFiles + 3) {
            let store = MIBStore(searchPath: [mibs.path], cacheDirectory: cache.path)
            store.load(modules: Array(repeating: "EXTRA-MIB", count: round + 1))
        }
        #expect(Self.cacheFiles(cache).count == CompiledTreeCache.maximumFiles)
        let newest = MIBStore(searchPath: [mibs.path], cacheDirectory: cache.path)
        newest.load(modules: Array(repeating: "EXTRA-MIB", count: CompiledTreeCache.maximumFiles + 3))
        #expect(Self.isFromCache(newest))
    }

    /// Every way a cache file can be bad: the store ignores it, parses, and rewrites a good one.
    @Test(arguments: ["empty", "truncated", "garbage", "flipped byte", "wrong version", "other key", "trailing bytes"])
    func damagedCacheFilesAreIgnored(damage: String) throws {
        let mibs = try Self.smallDirectory()
        let cache = try TemporaryMIBDirectory(files: [:])
        let reference = MIBStore(searchPath: [mibs.path], cacheDirectory: cache.path)
        reference.loadAll()
        let name = try #require(Self.cacheFiles(cache).first)
        let path = cache.path + "/" + name
        let good = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var bad = good
        switch damage {
        case "empty": bad = []
        case "truncated": bad = Array(good.prefix(good.count / 2))
        case "garbage": bad = (0..<good.count).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
        case "flipped byte": bad[good.count - 3] ^= 0x40
        case "wrong version": bad[8] &+= 1
        case "other key": bad = CompiledCacheFormat.encode(try Self.decode(good), key: [1, 2, 3])
        default: bad += [0]
        }
        try cache.write(name, bytes: bad)
        let store = MIBStore(searchPath: [mibs.path], cacheDirectory: cache.path)
        store.loadAll()
        #expect(!Self.isFromCache(store))
        Self.expectSameState(store, reference)
        // The bad file was replaced by a good one.
        let again = MIBStore(searchPath: [mibs.path], cacheDirectory: cache.path)
        again.loadAll()
        #expect(Self.isFromCache(again))
        Self.expectSameState(again, reference)
    }

    static func key(for directory: String) -> [UInt8] {
        CompiledCacheFormat.key(fingerprint: SourceFingerprint(searchPath: [directory]), requests: [.all])
    }

    static func decode(_ bytes: [UInt8]) throws -> CompiledLoad {
        guard bytes.count > CompiledCacheFormat.headerSize else { throw CompiledCacheError(.truncated) }
        // Read the key back from the file itself, so decoding does not depend on the test's directory.
        let key = try bytes.withUnsafeBytes { buffer in
            var reader = CacheByteReader(buffer, offset: CompiledCacheFormat.headerSize)
            return Array(try reader.blob())
        }
        return try CompiledCacheFormat.decode(bytes, key: key)
    }

    /// Every prefix of a real file, and every single-byte change with the checksum fixed up so the
    /// structural checks (not the checksum) must catch it: decoding throws or succeeds, never traps.
    @Test func decoderSurvivesEveryTruncationAndByteChange() throws {
        let mibs = try Self.smallDirectory()
        let store = MIBStore(searchPath: [mibs.path], cacheDirectory: nil)
        store.loadAll()
        let tree = store.tree
        let load = CompiledLoad(
            index: ModuleFileIndex.build(directories: [mibs.path], cacheDirectory: nil), failed: [:],
            loadErrors: store.errors, linkErrors: [], tree: tree)
        let key = Self.key(for: mibs.path)
        let good = CompiledCacheFormat.encode(load, key: key)
        let decoded = try CompiledCacheFormat.decode(good, key: key)
        TreeEquality.expectEqual(decoded.tree, tree)

        for length in 0..<good.count {
            #expect(throws: CompiledCacheError.self) { try CompiledCacheFormat.decode(Array(good.prefix(length)), key: key) }
        }
        var survived = 0
        for offset in CompiledCacheFormat.headerSize..<good.count {
            for mask: UInt8 in [0x01, 0x80, 0xFF] {
                var bad = good
                bad[offset] ^= mask
                let checksum = bad.withUnsafeBytes {
                    CacheChecksum.compute(UnsafeRawBufferPointer(rebasing: $0[CompiledCacheFormat.headerSize...]))
                }
                for i in 0..<8 { bad[12 + i] = UInt8(truncatingIfNeeded: checksum >> UInt64(i * 8)) }
                if (try? CompiledCacheFormat.decode(bad, key: key)) != nil { survived += 1 }
            }
        }
        // Many changes land in string bytes or numbers and still decode; structural ones must not crash.
        #expect(survived < (good.count - CompiledCacheFormat.headerSize) * 3)
    }

    @Test func concurrentStoresShareOneCacheDirectory() async throws {
        let mibs = try Self.smallDirectory()
        let cache = try TemporaryMIBDirectory(files: [:])
        let reference = MIBStore(searchPath: [mibs.path], cacheDirectory: nil)
        reference.loadAll()
        let expected = reference.tree.nodes
        let path = mibs.path
        let cachePath = cache.path
        // Cold writers and warm readers at once: each must see a complete file or none.
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    let store = MIBStore(searchPath: [path], cacheDirectory: cachePath)
                    store.loadAll()
                    return store.tree.nodes == expected && store.errors.isEmpty
                }
            }
            var all: [Bool] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 16 && results.allSatisfy { $0 })
        let leftovers = ((try? FileManager.default.contentsOfDirectory(atPath: cache.path)) ?? []).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func enumCodesRoundTrip() {
        for (code, kind) in MIBNodeKind.byCacheCode.enumerated() { #expect(Int(kind.cacheCode) == code) }
        for (code, type) in MIBBaseType.byCacheCode.enumerated() { #expect(Int(type.cacheCode) == code) }
        for code in UInt8(0)...UInt8.max {
            if let decoded = MIBError.Code(cacheCode: code) { #expect(decoded.cacheCode == code) }
        }
    }

    @Test(arguments: [Int64.min, -1, 0, 1, 127, 128, 300, Int64.max])
    func varintsRoundTrip(value: Int64) throws {
        var writer = CacheByteWriter()
        writer.signed(value)
        writer.varint(UInt64(bitPattern: value))
        let bytes = writer.bytes
        let decoded = try bytes.withUnsafeBytes { (buffer) throws -> (Int64, UInt64, Bool) in
            var reader = CacheByteReader(buffer)
            return (try reader.signed(), try reader.varint(), reader.isAtEnd)
        }
        #expect(decoded.0 == value && decoded.1 == UInt64(bitPattern: value) && decoded.2)
    }
}

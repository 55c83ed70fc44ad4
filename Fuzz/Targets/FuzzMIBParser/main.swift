// libFuzzer target: the MIB lexer and parser on arbitrary text, then resolution of what parsed into a tree
// (the whole path `MIBStore` takes for a file on disk). Broken modules must give positioned errors, never a trap.
import SNMPSMI
@testable import SNMPMIB

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: start, count: count))
    let (modules, errors) = MIBParser.parse(bytes: bytes, file: "FUZZ-MIB")
    for error in errors where error.line < 1 || error.column < 1 {
        fatalError("error without a position: \(error)")
    }
    let (tree, _) = MIBTreeBuilder(modules: modules.map { LoadedModule(parsed: $0, file: "FUZZ-MIB") }).build()
    // Every resolved node is found again at its OID.
    for node in tree.nodes where tree.node(at: node.oid) == nil {
        fatalError("node \(node.name) not found at \(node.oid)")
    }
    return 0
}

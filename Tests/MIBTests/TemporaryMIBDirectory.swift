import Foundation

/// A scratch directory of MIB files for one test, removed when the test is done with it.
final class TemporaryMIBDirectory {
    let path: String

    init(files: [String: String]) throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("mibtests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files { try write(name, text) }
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path + "/" + name))
    }

    func write(_ name: String, bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path + "/" + name))
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Small SNMPv2-SMI stand-in so store tests do not depend on the shared corpus.
let miniSMI = """
    SNMPv2-SMI DEFINITIONS ::= BEGIN
    org            OBJECT IDENTIFIER ::= { iso 3 }
    dod            OBJECT IDENTIFIER ::= { org 6 }
    internet       OBJECT IDENTIFIER ::= { dod 1 }
    private        OBJECT IDENTIFIER ::= { internet 4 }
    enterprises    OBJECT IDENTIFIER ::= { private 1 }
    OBJECT-TYPE MACRO ::= BEGIN
        TYPE NOTATION ::= "SYNTAX" Syntax
        VALUE NOTATION ::= value(VALUE ObjectName)
    END
    Integer32 ::= INTEGER (-2147483648..2147483647)
    END
    """

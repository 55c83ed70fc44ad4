import Foundation

/// A small MIB module of our own for the search-path scenarios: it names the playpen scalars that both the
/// examples' agent and the fixtures' snmpd serve.
enum ExampleMIB {
    static let text = """
        SWIFT-SNMP-EXAMPLE-MIB DEFINITIONS ::= BEGIN
        IMPORTS
            OBJECT-TYPE, Integer32 FROM SNMPv2-SMI
            netSnmpExperimental FROM NET-SNMP-MIB;

        examplePlaypen OBJECT IDENTIFIER ::= { netSnmpExperimental 1 }

        playpenInteger OBJECT-TYPE
            SYNTAX      Integer32
            MAX-ACCESS  read-write
            STATUS      current
            DESCRIPTION "The first playpen scalar (42 on the examples' agent and the fixtures' snmpd)."
            ::= { examplePlaypen 1 }
        END

        """

    /// A fresh folder under the system's temporary directory.
    static func temporaryFolder(_ label: String) throws -> String {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("swift-snmp-examples-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    /// Writes the module into a fresh folder and returns the folder.
    static func writeModule() throws -> String {
        let folder = try temporaryFolder("mibs")
        try text.write(toFile: folder + "/SWIFT-SNMP-EXAMPLE-MIB.txt", atomically: true, encoding: .utf8)
        return folder
    }
}

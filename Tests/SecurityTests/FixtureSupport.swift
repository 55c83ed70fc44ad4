import Foundation
import NIOCore
@testable import SNMPSecurity
import SNMPSMI

/// Reads the fixtures next to this file (copied from the project's shared Net-SNMP interop kit).
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Tab-separated rows of a fixture, without `#` comments and blank lines.
    static func rows(_ name: String) throws -> [[String]] {
        let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
            .map { $0.split(separator: "\t").map(String.init) }
    }
}

/// Parses hex with an optional `0x` prefix; `nil` on odd length or a non-hex digit.
func hexBytes(_ text: String) -> [UInt8]? {
    var digits = Substring(text)
    if digits.hasPrefix("0x") { digits = digits.dropFirst(2) }
    guard digits.count % 2 == 0 else { return nil }
    var bytes: [UInt8] = []
    var index = digits.startIndex
    while index < digits.endIndex {
        let next = digits.index(index, offsetBy: 2)
        guard let byte = UInt8(digits[index..<next], radix: 16) else { return nil }
        bytes.append(byte)
        index = next
    }
    return bytes
}

func hex(_ bytes: some Sequence<UInt8>) -> String {
    bytes.map { String(format: "%02x", $0) }.joined()
}

/// The Net-SNMP interop agent's engine ID and credentials (shared interop README).
enum InteropAgent {
    static let engineID = OctetString(hexBytes("80001f8880aabbccdd00000001") ?? [])
    static let authPassphrase = "authkey1234"
    static let privPassphrase = "privkey1234"

    static func user(_ name: String, auth: USMAuthProtocol, priv: USMPrivProtocol) -> USMUser {
        USMUser(userName: OctetString(name), auth: auth, authSecret: .passphrase(authPassphrase),
                priv: priv, privSecret: priv.isNone ? nil : .passphrase(privPassphrase))
    }
}

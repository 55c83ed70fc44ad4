public import SNMPSMI
import SNMPSecurity
import SNMPApplications

/// The engine identity an agent runs with: `snmpEngineID` and `snmpEngineBoots` (RFC 3411 §3.1.1.1,
/// RFC 3414 §2.2), persisted by ``EngineStateFile``.
public struct EngineState: Hashable, Sendable {
    /// `snmpEngineID`.
    public var engineID: OctetString
    /// `snmpEngineBoots`: how many times the engine has (re)started since its ID was set.
    public var engineBoots: Int32

    /// Creates a state.
    public init(engineID: OctetString, engineBoots: Int32) {
        self.engineID = engineID
        self.engineBoots = engineBoots
    }

    /// The IANA enterprise number reserved for documentation (RFC 5612), used in generated engine IDs
    /// unless the operator names their own.
    public static let defaultEnterprise: UInt32 = 32473

    /// The largest snmpEngineBoots (RFC 3414 §2.2.2): once reached it stays there.
    public static let maximumBoots: Int32 = 2_147_483_647

    /// A new engine ID in RFC 3411 §5 `SnmpEngineID` form: four octets with the enterprise number and the
    /// high bit set, format 5 (octets, administratively assigned), then eight random octets.
    public static func generateEngineID(enterprise: UInt32 = defaultEnterprise) -> OctetString {
        var generator = SystemRandomNumberGenerator()
        return generateEngineID(enterprise: enterprise, using: &generator)
    }

    /// ``generateEngineID(enterprise:)`` with a chosen random source (for tests).
    public static func generateEngineID(enterprise: UInt32,
                                        using generator: inout some RandomNumberGenerator) -> OctetString {
        // RFC 3411 §5: bit 0 of the first octet set means "the new format".
        let first = UInt32(0x8000_0000) | (enterprise & 0x7FFF_FFFF)
        var octets: [UInt8] = [UInt8(first >> 24), UInt8((first >> 16) & 0xFF), UInt8((first >> 8) & 0xFF),
                               UInt8(first & 0xFF), 5]
        for _ in 0..<8 { octets.append(UInt8.random(in: 0...255, using: &generator)) }
        return OctetString(octets)
    }

    /// Whether `engineID` has a length RFC 3411 §5 allows (5 to 32 octets).
    public static func isValidEngineID(_ engineID: OctetString) -> Bool {
        (5...32).contains(engineID.count)
    }

    /// Parses an engine ID written as hex (`80007ED905...`, optional `0x`, `:` or space separators).
    public static func engineID(hex text: some StringProtocol) -> OctetString? {
        guard let octets = USMUserDefinition.hex(String(text.filter { $0 != ":" && $0 != " " })) else { return nil }
        let engineID = OctetString(octets)
        return isValidEngineID(engineID) ? engineID : nil
    }

    /// The engine ID as uppercase hex, as the state file and logs write it.
    public var engineIDHex: String {
        engineID.bytes.map { byte in
            let text = String(byte, radix: 16, uppercase: true)
            return byte < 16 ? "0" + text : text
        }.joined()
    }
}

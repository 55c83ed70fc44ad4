/// The context-specific tag of a PDU (RFC 3416 §3, RFC 1157 §4.1.6).
///
/// A `rawValue` struct rather than an enum so that an unknown tag survives decoding (ARCHITECTURE.md, example 1).
public struct PDUType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The BER tag octet, `0xA0` to `0xA8`.
    public var rawValue: UInt8
    /// Creates a type from its tag octet.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// GetRequest-PDU.
    public static let getRequest = PDUType(rawValue: 0xA0)
    /// GetNextRequest-PDU.
    public static let getNextRequest = PDUType(rawValue: 0xA1)
    /// Response-PDU (GetResponse in SNMPv1).
    public static let response = PDUType(rawValue: 0xA2)
    /// SetRequest-PDU.
    public static let setRequest = PDUType(rawValue: 0xA3)
    /// SNMPv1 Trap-PDU (a different layout: see ``TrapV1PDU``).
    public static let trapV1 = PDUType(rawValue: 0xA4)
    /// GetBulkRequest-PDU.
    public static let getBulkRequest = PDUType(rawValue: 0xA5)
    /// InformRequest-PDU.
    public static let informRequest = PDUType(rawValue: 0xA6)
    /// SNMPv2-Trap-PDU.
    public static let trapV2 = PDUType(rawValue: 0xA7)
    /// Report-PDU.
    public static let report = PDUType(rawValue: 0xA8)

    /// RFC 3411 §2.8 classes: a confirmed-class PDU expects a response.
    public var isConfirmedClass: Bool {
        self == .getRequest || self == .getNextRequest || self == .setRequest
            || self == .getBulkRequest || self == .informRequest
    }

    /// RFC 3411 §2.8: Response and Report PDUs.
    public var isResponseClass: Bool { self == .response || self == .report }

    /// RFC 3411 §2.8: Get, GetNext, GetBulk, Set.
    public var isReadOrWriteClass: Bool {
        self == .getRequest || self == .getNextRequest || self == .setRequest || self == .getBulkRequest
    }

    /// RFC 3411 §2.8: Trap-PDU, SNMPv2-Trap-PDU and InformRequest.
    public var isNotificationClass: Bool {
        self == .trapV1 || self == .trapV2 || self == .informRequest
    }

    public var description: String {
        switch self {
        case .getRequest: return "GetRequest"
        case .getNextRequest: return "GetNextRequest"
        case .response: return "Response"
        case .setRequest: return "SetRequest"
        case .trapV1: return "Trap"
        case .getBulkRequest: return "GetBulkRequest"
        case .informRequest: return "InformRequest"
        case .trapV2: return "SNMPv2-Trap"
        case .report: return "Report"
        default: return "PDU(0x\(String(rawValue, radix: 16)))"
        }
    }
}

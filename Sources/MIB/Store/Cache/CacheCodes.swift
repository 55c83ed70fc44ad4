/// Stable numbers for the enums a compiled cache stores. The switches are exhaustive, so a new case
/// cannot be added without giving it a number; the decoding tables list the cases in number order.
extension MIBNodeKind {
    var cacheCode: UInt8 {
        switch self {
        case .moduleIdentity: return 0
        case .objectIdentity: return 1
        case .objectIdentifier: return 2
        case .scalar: return 3
        case .table: return 4
        case .row: return 5
        case .column: return 6
        case .notification: return 7
        case .trap: return 8
        case .objectGroup: return 9
        case .notificationGroup: return 10
        case .moduleCompliance: return 11
        case .agentCapabilities: return 12
        case .implicit: return 13
        }
    }

    static let byCacheCode: [MIBNodeKind] = [
        .moduleIdentity, .objectIdentity, .objectIdentifier, .scalar, .table, .row, .column, .notification, .trap,
        .objectGroup, .notificationGroup, .moduleCompliance, .agentCapabilities, .implicit,
    ]
}

extension MIBBaseType {
    var cacheCode: UInt8 {
        switch self {
        case .integer: return 0
        case .integer32: return 1
        case .unsigned32: return 2
        case .gauge32: return 3
        case .counter32: return 4
        case .counter64: return 5
        case .timeTicks: return 6
        case .ipAddress: return 7
        case .networkAddress: return 8
        case .nsapAddress: return 9
        case .uInteger32: return 10
        case .opaque: return 11
        case .octetString: return 12
        case .objectIdentifier: return 13
        case .bits: return 14
        case .null: return 15
        case .sequence: return 16
        case .sequenceOf: return 17
        case .choice: return 18
        case .unknown: return 19
        }
    }

    static let byCacheCode: [MIBBaseType] = [
        .integer, .integer32, .unsigned32, .gauge32, .counter32, .counter64, .timeTicks, .ipAddress, .networkAddress,
        .nsapAddress, .uInteger32, .opaque, .octetString, .objectIdentifier, .bits, .null, .sequence, .sequenceOf,
        .choice, .unknown,
    ]
}

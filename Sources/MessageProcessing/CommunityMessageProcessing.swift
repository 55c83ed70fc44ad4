public import NIOCore
public import SNMPSMI
import SNMPSecurity

/// The SNMPv1 (RFC 1157) and SNMPv2c (RFC 1901) message processing models, with the community-based
/// security model of RFC 3584 folded in: the community travels in the message itself.
public enum CommunityMessageProcessing {
    /// The largest UDP payload (RFC 3417 §3.2: an SNMP entity must accept 484 octets; IPv4 UDP carries 65,507).
    public static let maximumUDPMessageSize = 65_507

    /// Appends the message for `pdu` to `buffer` (RFC 3412 §4.1.1 `prepareOutgoingMessage`).
    ///
    /// Throws when the PDU cannot travel in `version`: GetBulk, Inform, SNMPv2-Trap and Report need v2c,
    /// the Trap-PDU needs v1 (RFC 3584 §4.2).
    public static func prepareOutgoingMessage(
        version: SNMPVersion, community: OctetString, pdu: MessagePDU, into buffer: inout ByteBuffer
    ) throws(MessageProcessingError) {
        try checkPDU(pdu.type, allowedIn: version)
        CommunityMessage(version: version, community: community, pdu: pdu).serialize(into: &buffer)
    }

    /// Decodes a v1 or v2c message (RFC 3412 §4.2.1 `prepareDataElements`).
    ///
    /// The caller has already peeked the version; community authentication (the community table) is the
    /// receiving application's business, as RFC 3584 §5.2.1 leaves it to the local configuration.
    public static func prepareDataElements(_ bytes: ByteBuffer) throws(MessageProcessingError) -> IncomingMessage {
        let message: CommunityMessage
        do {
            message = try CommunityMessage(berEncoded: bytes)
        } catch {
            throw MessageProcessingError(.parseError, underlying: error)
        }
        guard message.version == .v1 || message.version == .v2c else {
            throw MessageProcessingError(.badVersion, "version \(message.version.rawValue)")
        }
        try checkPDU(message.pdu.type, allowedIn: message.version)
        let matchingID: Int32
        switch message.pdu {
        case .pdu(let pdu): matchingID = pdu.requestID
        case .trapV1: matchingID = 0
        }
        return IncomingMessage(
            version: message.version,
            securityModel: message.version == .v1 ? .v1 : .v2c,
            securityName: message.community,
            securityLevel: .noAuthNoPriv,
            pdu: message.pdu,
            maxSize: maximumUDPMessageSize,
            matchingID: matchingID)
    }

    /// RFC 3584 §4.2: which PDUs each community-based version carries.
    static func checkPDU(_ type: PDUType, allowedIn version: SNMPVersion) throws(MessageProcessingError) {
        switch version {
        case .v1:
            guard type == .getRequest || type == .getNextRequest || type == .setRequest
                || type == .response || type == .trapV1 else {
                throw MessageProcessingError(.unsupportedPDU, "\(type) in SNMPv1")
            }
        case .v2c:
            guard type != .trapV1 && type.rawValue <= PDUType.report.rawValue else {
                throw MessageProcessingError(.unsupportedPDU, "\(type) in SNMPv2c")
            }
        default:
            throw MessageProcessingError(.badVersion, "version \(version.rawValue)")
        }
    }
}

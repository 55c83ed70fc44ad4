public import NIOCore
public import SNMPMessageProcessing
public import SNMPSMI

extension SNMPDispatcher {
    /// What an application gets with each unsolicited PDU to answer it through the socket it arrived on
    /// (RFC 3412 §4.1.2 `returnResponsePdu`).
    public struct Replier: Sendable {
        let channel: any Channel
        let dispatcher: SNMPDispatcher

        /// The local address of the socket the message arrived on (a wildcard address when it was bound to one).
        public var localAddress: SocketAddress? { channel.localAddress }

        /// RFC 3412 §4.1.2 `returnResponsePdu`: answers `message` with `pdu` through the message processing
        /// model of the message's own version and in its own security: the same community for v1/v2c, the
        /// same user, level and msgID for v3, with `contextEngineID` and `contextName` (by default the
        /// request's). Returns `false` when the model could not build the answer (e.g. a PDU the version
        /// cannot carry).
        @discardableResult
        public func returnResponsePDU(to message: IncomingMessage, from source: SocketAddress, pdu: PDU,
                                      contextEngineID: OctetString? = nil,
                                      contextName: OctetString? = nil) -> Bool {
            let bytes: ByteBuffer
            switch message.version {
            case .v1, .v2c:
                var encoded = ByteBuffer()
                do {
                    try CommunityMessageProcessing.prepareOutgoingMessage(
                        version: message.version, community: message.securityName, pdu: .pdu(pdu), into: &encoded)
                } catch {
                    return false
                }
                bytes = encoded
            default:
                guard let v3 = dispatcher.v3, let details = message.v3,
                      let encoded = try? v3.prepareResponse(to: details,
                                                            contextEngineID: contextEngineID ?? message.contextEngineID,
                                                            contextName: contextName ?? message.contextName, pdu: pdu)
                else {
                    return false
                }
                bytes = encoded
            }
            if dispatcher.eventLoop.inEventLoop {
                dispatcher.write(bytes, to: source, on: channel)
            } else {
                dispatcher.eventLoop.execute { [dispatcher, channel] in dispatcher.write(bytes, to: source, on: channel) }
            }
            return true
        }
    }
}

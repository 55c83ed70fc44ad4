public import NIOCore

/// The SNMPv1 Trap-PDU (RFC 1157 §4.1.6).
///
/// ```asn1
/// Trap-PDU ::= [4] IMPLICIT SEQUENCE { enterprise OBJECT IDENTIFIER, agent-addr NetworkAddress,
///     generic-trap INTEGER { coldStart(0), warmStart(1), linkDown(2), linkUp(3),
///                            authenticationFailure(4), egpNeighborLoss(5), enterpriseSpecific(6) },
///     specific-trap INTEGER, time-stamp TimeTicks, variable-bindings VarBindList }
/// ```
public struct TrapV1PDU: Hashable, Sendable {
    /// The generic-trap field.
    public struct GenericTrap: RawRepresentable, Hashable, Sendable {
        /// The wire value.
        public var rawValue: Int32
        /// Creates a generic trap code.
        public init(rawValue: Int32) { self.rawValue = rawValue }
        /// The sender reinitialised and its configuration may have changed (0).
        public static let coldStart = GenericTrap(rawValue: 0)
        /// The sender reinitialised without changing its configuration (1).
        public static let warmStart = GenericTrap(rawValue: 1)
        /// A communication link failed; the varbinds name the interface (2).
        public static let linkDown = GenericTrap(rawValue: 2)
        /// A communication link came up; the varbinds name the interface (3).
        public static let linkUp = GenericTrap(rawValue: 3)
        /// A message failed authentication, e.g. a wrong community (4).
        public static let authenticationFailure = GenericTrap(rawValue: 4)
        /// An EGP neighbour was lost (5; RFC 1213).
        public static let egpNeighborLoss = GenericTrap(rawValue: 5)
        /// An enterprise's own trap: `enterprise` and `specificTrap` say which (6).
        public static let enterpriseSpecific = GenericTrap(rawValue: 6)
    }

    /// The sender's sysObjectID, or the enterprise the specific trap belongs to.
    public var enterprise: ObjectIdentifier
    /// The sending agent's address.
    public var agentAddress: IPv4Address
    /// Which standard trap this is, or `enterpriseSpecific`.
    public var genericTrap: GenericTrap
    /// The enterprise-specific code.
    public var specificTrap: Int32
    /// sysUpTime at the time of the event.
    public var timeStamp: UInt32
    /// Extra variable bindings.
    public var varBinds: [VarBind]

    /// Creates a trap.
    public init(enterprise: ObjectIdentifier, agentAddress: IPv4Address, genericTrap: GenericTrap,
                specificTrap: Int32, timeStamp: UInt32, varBinds: [VarBind] = []) {
        self.enterprise = enterprise
        self.agentAddress = agentAddress
        self.genericTrap = genericTrap
        self.specificTrap = specificTrap
        self.timeStamp = timeStamp
        self.varBinds = varBinds
    }

    /// Decodes a Trap-PDU TLV (tag 0xA4) from the front of `buffer`.
    public init(berEncoded buffer: inout ByteBuffer) throws(BERError) {
        var contents = try buffer.readBERConstructed(tag: PDUType.trapV1.rawValue)
        self.enterprise = try contents.readBERObjectIdentifier()
        // NetworkAddress ::= CHOICE { internet IpAddress }
        let address = try contents.readBEROctetString(tag: BERTag.ipAddress)
        guard address.count == 4, let raw = address.buffer.getInteger(at: address.buffer.readerIndex, as: UInt32.self) else {
            throw BERError(.invalidValue, "agent-addr of \(address.count) octets")
        }
        self.agentAddress = IPv4Address(rawValue: raw)
        self.genericTrap = GenericTrap(rawValue: try contents.readBERInt32())
        self.specificTrap = try contents.readBERInt32()
        let ticksLength = try contents.readBERHeader(expecting: BERTag.timeTicks)
        self.timeStamp = UInt32(truncatingIfNeeded: try contents.readBERUnsignedContents(length: ticksLength, bits: 32))
        self.varBinds = try contents.readBERVarBindList()
        guard contents.readableBytes == 0 else { throw BERError(.trailingBytes, "after Trap-PDU") }
    }

    /// Appends the Trap-PDU's BER encoding to `buffer`.
    public func serialize(into buffer: inout ByteBuffer) {
        buffer.writeBERConstructed(tag: PDUType.trapV1.rawValue) { buffer in
            buffer.writeBERObjectIdentifier(enterprise)
            buffer.writeBERValue(.ipAddress(agentAddress))
            buffer.writeBERInteger(Int64(genericTrap.rawValue))
            buffer.writeBERInteger(Int64(specificTrap))
            buffer.writeBERUnsigned(UInt64(timeStamp), tag: BERTag.timeTicks)
            buffer.writeBERVarBindList(varBinds)
        }
    }
}

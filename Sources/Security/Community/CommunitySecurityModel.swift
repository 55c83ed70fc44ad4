public import SNMPSMI

/// The community-based security model of SNMPv1 and SNMPv2c (RFC 3584 §5).
///
/// The community string travels in clear text; it only names the access the sender asks for.
/// On the receiving side, a community maps to a security name through the community table
/// (``CommunityEntry``), and access control (VACM) decides what that name may see.
public struct CommunityEntry: Hashable, Sendable {
    /// The community string as sent on the wire.
    public var community: OctetString
    /// The security name requests with this community act as (RFC 3584 `snmpCommunitySecurityName`).
    public var securityName: String
    /// The context they address (RFC 3584 `snmpCommunityContextName`), usually empty.
    public var contextName: String

    /// Creates an entry.
    public init(community: OctetString, securityName: String, contextName: String = "") {
        self.community = community
        self.securityName = securityName
        self.contextName = contextName
    }
}

/// Maps communities to security names (RFC 3584 §5.2.1, `snmpCommunityTable`).
public struct CommunityTable: Sendable {
    private var entries: [OctetString: CommunityEntry]

    /// Creates a table.
    public init(_ entries: [CommunityEntry] = []) {
        self.entries = Dictionary(entries.map { ($0.community, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Adds or replaces the entry for its community.
    public mutating func add(_ entry: CommunityEntry) {
        entries[entry.community] = entry
    }

    /// The entry for `community`, or `nil` — which the caller counts as snmpInBadCommunityNames.
    public func entry(for community: OctetString) -> CommunityEntry? {
        entries[community]
    }
}

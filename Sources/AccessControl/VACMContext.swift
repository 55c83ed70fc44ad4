public import SNMPSMI

/// A row of `vacmContextTable` (RFC 3415 §2.2): a context this engine serves.
///
/// The default context is the empty name; v1/v2c requests use the context of their community entry.
public struct VACMContext: Hashable, Sendable {
    /// The context name (`vacmContextName`, 0..32 octets).
    public var name: String

    /// Creates a context.
    public init(_ name: String) {
        self.name = name
    }

    /// The default context, `""`.
    public static let `default` = VACMContext("")
}

/// A row of `vacmSecurityToGroupTable` (RFC 3415 §2.3): a principal's group.
public struct VACMGroup: Hashable, Sendable {
    /// The security model the principal authenticates with (never `.any` here).
    public var securityModel: SecurityModelID
    /// The security name: the user for USM, the community's security name for v1/v2c.
    public var securityName: String
    /// The group whose access entries apply.
    public var groupName: String

    /// Creates a mapping.
    public init(securityModel: SecurityModelID, securityName: String, groupName: String) {
        self.securityModel = securityModel
        self.securityName = securityName
        self.groupName = groupName
    }
}

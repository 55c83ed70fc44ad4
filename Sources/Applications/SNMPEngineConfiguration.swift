public import SNMPSMI
public import SNMPSecurity

extension SNMPEngine {
    /// The local configuration of an engine (RFC 3411 §3.1.1): its identity and its SNMPv3 users.
    ///
    /// ```swift
    /// var configuration = SNMPEngine.Configuration()
    /// configuration.users = [USMUser(userName: "admin", auth: .hmacSHA256, authSecret: .passphrase("..."),
    ///                                priv: .aes128, privSecret: .passphrase("..."))]
    /// let engine = try await SNMPEngine.start(configuration: configuration)
    /// ```
    public struct Configuration: Sendable {
        /// snmpEngineID; `nil` generates a random one (RFC 3411 §5 format 5, octets).
        public var engineID: OctetString?
        /// snmpEngineBoots: persist it and increase it on every start of an authoritative engine.
        public var engineBoots: Int32 = 1
        /// Local USM users, valid with any remote engine (localized per engine on first use).
        public var users: [USMUser] = []
        /// Users valid only with one remote engine (snmptrapd's `createUser -e ENGINEID`).
        public var engineUsers: [(engineID: OctetString, user: USMUser)] = []
        /// msgMaxSize this engine advertises.
        public var maxMessageSize: Int32 = 65_507

        /// The defaults: a random engine ID, boots 1, no users.
        public init() {}
    }

    /// A random engine ID in RFC 3411 format 5 (administratively assigned octets): the enterprise field is
    /// 0 with the high bit set, then format 5, then eight random octets.
    public static func randomEngineID() -> OctetString {
        var generator = SystemRandomNumberGenerator()
        let random = (0..<8).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return OctetString([0x80, 0x00, 0x00, 0x00, 0x05] + random)
    }
}

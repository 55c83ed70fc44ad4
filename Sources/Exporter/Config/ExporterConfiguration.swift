public import SNMP

/// An snmp_exporter configuration (`snmp.yml`): the credentials (`auths`) and what to walk and how to
/// turn it into samples (`modules`).
///
/// Both of snmp_exporter's layouts load into this one model: the current one (top-level `auths:` and
/// `modules:`, since 0.23) and the earlier one where each top-level key is a module carrying its own
/// `version` and `auth` (that auth becomes the module's ``ModuleConfiguration/legacyAuth``).
///
/// ```swift
/// let configuration = try ExporterConfiguration.load(files: ["snmp.yml"])
/// let module = configuration.modules["if_mib"]
/// ```
public struct ExporterConfiguration: Sendable {
    /// Credentials by name, chosen with the `auth` URL parameter.
    public var auths: [String: AuthConfiguration]
    /// Modules by name, chosen with the `module` URL parameter.
    public var modules: [String: ModuleConfiguration]

    /// Creates a configuration.
    public init(auths: [String: AuthConfiguration] = [:], modules: [String: ModuleConfiguration] = [:]) {
        self.auths = auths
        self.modules = modules
    }
}

/// How to reach an agent: SNMP version and credentials (snmp_exporter's `auths` entry).
public struct AuthConfiguration: Sendable, Hashable {
    /// SNMP version: 1, 2 (SNMPv2c) or 3 (default 2).
    public var version: Int = 2
    /// The community for SNMPv1/v2c (default `public`).
    public var community: String = "public"
    /// `noAuthNoPriv`, `authNoPriv` or `authPriv` (default `noAuthNoPriv`).
    public var securityLevel: String = "noAuthNoPriv"
    /// The SNMPv3 user name.
    public var username: String = ""
    /// The SNMPv3 authentication passphrase.
    public var password: String = ""
    /// `MD5`, `SHA`, `SHA224`, `SHA256`, `SHA384` or `SHA512` (default `MD5`).
    public var authProtocol: String = "MD5"
    /// `DES`, `AES`, `AES192`, `AES192C`, `AES256` or `AES256C` (default `DES`).
    public var privProtocol: String = "DES"
    /// The SNMPv3 privacy passphrase.
    public var privPassword: String = ""
    /// The SNMPv3 context name.
    public var contextName: String = ""

    /// The defaults (SNMPv2c, community `public`).
    public init() {}
}

/// Timing and walking settings of a module (snmp_exporter's `WalkParams`).
public struct WalkParameters: Sendable, Hashable {
    /// GETBULK max-repetitions, also the number of OIDs per GET (default 25).
    public var maxRepetitions: Int = 25
    /// Retransmissions per request (default 3).
    public var retries: Int = 3
    /// Time to wait for each attempt (default 5 s).
    public var timeout: Duration = .seconds(5)
    /// Accepted for compatibility: every request already goes through the engine's one unconnected socket.
    public var useUnconnectedUDPSocket: Bool = false
    /// Whether a walk keeps going when the agent returns an OID not after the previous one.
    public var allowNonIncreasingOIDs: Bool = false

    /// The defaults.
    public init() {}
}

/// What to fetch from an agent and how to turn it into samples.
public struct ModuleConfiguration: Sendable {
    /// Subtrees to walk (dotted OIDs).
    public var walk: [ObjectIdentifier] = []
    /// Objects to GET (dotted OIDs).
    public var get: [ObjectIdentifier] = []
    /// The metrics; a fetched OID belongs to the metric whose OID is its shortest configured prefix, as
    /// snmp_exporter's metric tree matches them.
    public var metrics: [MetricConfiguration] = []
    /// Timing and walking settings.
    public var walkParameters = WalkParameters()
    /// Filters that restrict which rows of some tables are fetched.
    public var filters: [DynamicFilter] = []
    /// The module's own credentials in the pre-0.23 layout; used when a request names no `auth`.
    public var legacyAuth: AuthConfiguration?

    /// An empty module.
    public init() {}
}

/// One filter (`filters:` in a module): walk `oid`, keep the indexes whose value matches one of `values`,
/// and fetch only those rows of each `targets` table.
public struct DynamicFilter: Sendable {
    /// The column whose values decide.
    public var oid: ObjectIdentifier
    /// The tables (column OIDs) restricted to the matching indexes.
    public var targets: [ObjectIdentifier]
    /// Regular expressions; a row matches when its value matches any of them (unanchored).
    public var values: [ExtractPattern]
}

/// One metric of a module.
public struct MetricConfiguration: Sendable {
    /// The metric name.
    public var name: String
    /// The object (column or scalar) the samples come from.
    public var oid: ObjectIdentifier
    /// How the value is converted: `counter`, `gauge`, `Float`, `DisplayString`, `EnumAsInfo`, ….
    public var type: String
    /// The HELP text.
    public var help: String = ""
    /// How the OID suffix decodes into labels.
    public var indexes: [IndexConfiguration] = []
    /// Labels looked up in other columns of the same row.
    public var lookups: [LookupConfiguration] = []
    /// Metrics extracted from the string value, by name suffix, each with its patterns in order.
    public var regexExtracts: [(suffix: String, extracts: [RegexExtract])] = []
    /// Names of integer values (EnumAsInfo, EnumAsStateSet) or of bit positions (Bits).
    public var enumValues: [Int: String] = [:]
    /// Added to the value after `scale`.
    public var offset: Double = 0
    /// Multiplies the value when not zero.
    public var scale: Double = 0
    /// A DISPLAY-HINT for OctetString values.
    public var displayHint: String = ""
    /// The strptime-style pattern for `ParseDateAndTime`.
    public var dateTimePattern: String = ""
}

/// One index component of a metric's OID suffix.
public struct IndexConfiguration: Sendable {
    /// The label it becomes.
    public var labelName: String
    /// How it is encoded: `gauge`, `Integer32`, `DisplayString`, `OctetString`, `PhysAddress48`, `InetAddress`, ….
    public var type: String
    /// Length of a fixed-size string index (0: length-prefixed).
    public var fixedSize: Int = 0
    /// Whether a string index is IMPLIED (runs to the end of the OID).
    public var implied: Bool = false
    /// Names for an `EnumAsInfo` index.
    public var enumValues: [Int: String] = [:]
}

/// A label looked up in another column of the same row.
public struct LookupConfiguration: Sendable {
    /// The index labels that form the row's index, in order; empty removes `labelName`.
    public var labels: [String]
    /// The label to set.
    public var labelName: String
    /// The column to read.
    public var oid: ObjectIdentifier?
    /// How the column's value is rendered.
    public var type: String = ""
    /// A DISPLAY-HINT for OctetString values.
    public var displayHint: String = ""
    /// Names for an `EnumAsInfo` lookup.
    public var enumValues: [Int: String] = [:]
}

/// One `regex_extracts` pattern: when `regex` matches the whole string value, `value` (with `$1`, `${name}`)
/// is parsed as the sample's value.
public struct RegexExtract: Sendable {
    /// The anchored pattern.
    public var regex: ExtractPattern
    /// The template of the value (default `$1`).
    public var value: String = "$1"
}

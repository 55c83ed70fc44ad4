import Foundation
import SNMP
import Yams

extension ExporterConfiguration {
    /// Loads and merges configuration files in order (a later file's auths and modules replace earlier ones
    /// of the same name), as `--config.file` given several times does.
    ///
    /// - Parameter expandEnvironment: replace `${VAR}` in auth usernames and passwords from the environment
    ///   (`--config.expand-environment-variables`).
    /// - Throws: ``ConfigurationError`` naming the file, line, column and key.
    public static func load(files: [String], expandEnvironment: Bool = false,
                            environment: [String: String]? = nil)
        throws(ConfigurationError) -> ExporterConfiguration {
        var merged = ExporterConfiguration()
        for file in files {
            let text: String
            do {
                text = try String(contentsOfFile: file, encoding: .utf8)
            } catch {
                throw ConfigurationError(file: file, message: "cannot read: \(error.localizedDescription)")
            }
            let parsed = try parse(yaml: text, file: file)
            merged.auths.merge(parsed.auths) { _, new in new }
            merged.modules.merge(parsed.modules) { _, new in new }
        }
        if expandEnvironment {
            let environment = environment ?? ProcessInfo.processInfo.environment
            for (name, auth) in merged.auths {
                var expanded = auth
                let path = "auths.\(name)"
                expanded.username = try expand(auth.username, environment, key: path + ".username", file: files)
                expanded.password = try expand(auth.password, environment, key: path + ".password", file: files)
                expanded.privPassword = try expand(auth.privPassword, environment, key: path + ".priv_password",
                                                   file: files)
                merged.auths[name] = expanded
            }
        }
        return merged
    }

    /// Parses one snmp.yml text, in either layout.
    public static func parse(yaml text: String, file: String = "snmp.yml") throws(ConfigurationError) -> ExporterConfiguration {
        guard let value = try composeRoot(text, file: file) else { return ExporterConfiguration() }
        let pairs = try value.mapping()
        let keys = Set(pairs.map(\.key))
        if keys.isEmpty || !keys.isDisjoint(with: ["auths", "modules"]) {
            return try parseCurrent(value)
        }
        return try parseLegacy(pairs)
    }

    /// The YAML document's root node, or `nil` for an empty document.
    static func composeRoot(_ text: String, file: String) throws(ConfigurationError) -> YAMLValue? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw yamlSyntaxError(error, file: file)
        } catch {
            throw ConfigurationError(file: file, message: "\(error)")
        }
        return root.map { YAMLValue(node: $0, file: file, path: "") }
    }

    /// The current layout: `auths:` and `modules:` (0.23 and later).
    private static func parseCurrent(_ value: YAMLValue) throws(ConfigurationError) -> ExporterConfiguration {
        let fields = try value.fields(["auths", "modules", "version"])
        var configuration = ExporterConfiguration()
        for (name, auth) in try fields["auths"]?.mapping() ?? [] {
            configuration.auths[name] = try parseAuth(auth, extraFields: ["version"])
        }
        for (name, module) in try fields["modules"]?.mapping() ?? [] {
            configuration.modules[name] = try parseModule(module, legacy: false)
        }
        return configuration
    }

    /// The earlier layout: each top-level key is a module with its own `version` and `auth`.
    private static func parseLegacy(_ pairs: [(key: String, value: YAMLValue)]) throws(ConfigurationError) -> ExporterConfiguration {
        var configuration = ExporterConfiguration()
        for (name, module) in pairs {
            configuration.modules[name] = try parseModule(module, legacy: true)
        }
        return configuration
    }

    private static let moduleFields: Set<String> = [
        "walk", "get", "metrics", "max_repetitions", "retries", "timeout", "use_unconnected_udp_socket",
        "allow_nonincreasing_oids", "filters",
    ]

    private static func parseModule(_ value: YAMLValue, legacy: Bool) throws(ConfigurationError) -> ModuleConfiguration {
        let fields = try value.fields(legacy ? moduleFields.union(["version", "auth"]) : moduleFields)
        var module = ModuleConfiguration()
        for item in try fields["walk"]?.sequence() ?? [] { module.walk.append(try item.oid()) }
        for item in try fields["get"]?.sequence() ?? [] { module.get.append(try item.oid()) }
        for item in try fields["metrics"]?.sequence() ?? [] { module.metrics.append(try parseMetric(item)) }
        var walk = WalkParameters()
        if let field = fields["max_repetitions"] {
            walk.maxRepetitions = try field.int()
            guard (0...Int(Int32.max)).contains(walk.maxRepetitions) else { throw field.error("must be 0 or more") }
            if walk.maxRepetitions == 0 { walk.maxRepetitions = 25 }  // yaml omitempty: 0 keeps the default
        }
        if let field = fields["retries"] {
            walk.retries = try field.int()
            guard (0...100).contains(walk.retries) else { throw field.error("must be 0...100") }
        }
        if let field = fields["timeout"] {
            let timeout = try field.duration()
            guard timeout >= .zero else { throw field.error("must not be negative") }
            if timeout > .zero { walk.timeout = timeout }
        }
        if let field = fields["use_unconnected_udp_socket"] { walk.useUnconnectedUDPSocket = try field.bool() }
        if let field = fields["allow_nonincreasing_oids"] { walk.allowNonIncreasingOIDs = try field.bool() }
        module.walkParameters = walk
        for item in try fields["filters"]?.sequence() ?? [] { module.filters.append(try parseFilter(item)) }
        if legacy {
            var auth = AuthConfiguration()
            if let authValue = fields["auth"] { auth = try parseAuth(authValue, extraFields: []) }
            if let version = fields["version"] { auth.version = try version.int() }
            try validate(auth, at: fields["version"] ?? fields["auth"] ?? value)
            module.legacyAuth = auth
        }
        return module
    }

    static func parseAuth(_ value: YAMLValue, extraFields: Set<String>) throws(ConfigurationError) -> AuthConfiguration {
        let fields = try value.fields(extraFields.union([
            "community", "security_level", "username", "password", "auth_protocol", "priv_protocol",
            "priv_password", "context_name",
        ]))
        var auth = AuthConfiguration()
        // yaml omitempty: an empty string keeps the default, as snmp_exporter's decoder does.
        func text(_ key: String, _ into: inout String) throws(ConfigurationError) {
            if let field = fields[key] {
                let string = try field.string()
                if !string.isEmpty { into = string }
            }
        }
        try text("community", &auth.community)
        try text("security_level", &auth.securityLevel)
        try text("username", &auth.username)
        try text("password", &auth.password)
        try text("auth_protocol", &auth.authProtocol)
        try text("priv_protocol", &auth.privProtocol)
        try text("priv_password", &auth.privPassword)
        try text("context_name", &auth.contextName)
        if let version = fields["version"] {
            let number = try version.int()
            if number != 0 { auth.version = number }
        }
        if extraFields.contains("version") { try validate(auth, at: fields["version"] ?? value) }
        return auth
    }

    /// snmp_exporter's checks of an auth, with its messages.
    private static func validate(_ auth: AuthConfiguration, at value: YAMLValue) throws(ConfigurationError) {
        guard (1...3).contains(auth.version) else {
            throw value.error("SNMP version must be 1, 2 or 3. Got: \(auth.version)")
        }
        guard auth.version == 3 else { return }
        let level = auth.securityLevel
        guard ["authPriv", "authNoPriv", "noAuthNoPriv"].contains(level) else {
            throw value.error("security level must be one of authPriv, authNoPriv or noAuthNoPriv")
        }
        if level == "authPriv" {
            guard !auth.privPassword.isEmpty else {
                throw value.error("priv password is missing, required for SNMPv3 with priv")
            }
            guard AuthSettings.privProtocols[auth.privProtocol] != nil else {
                throw value.error("priv protocol must be DES or AES")
            }
        }
        if level != "noAuthNoPriv" {
            guard !auth.password.isEmpty else {
                throw value.error("auth password is missing, required for SNMPv3 with auth")
            }
            guard AuthSettings.authProtocols[auth.authProtocol] != nil else {
                throw value.error("auth protocol must be SHA or MD5")
            }
        }
        guard !auth.username.isEmpty else { throw value.error("auth username is missing, required for SNMPv3") }
    }

    private static func expand(_ text: String, _ environment: [String: String], key: String,
                               file: [String]) throws(ConfigurationError) -> String {
        var result = ""
        var rest = Substring(text)
        while let dollar = rest.firstIndex(of: "$") {
            result += rest[..<dollar]
            rest = rest[rest.index(after: dollar)...]
            let name: Substring
            if rest.first == "{", let close = rest.firstIndex(of: "}") {
                name = rest[rest.index(after: rest.startIndex)..<close]
                rest = rest[rest.index(after: close)...]
            } else {
                name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                rest = rest.dropFirst(name.count)
            }
            guard let value = environment[String(name)] else {
                throw ConfigurationError(file: file.joined(separator: ","), key: key,
                                         message: "\(name) environment variable not found")
            }
            result += value
        }
        return result + rest
    }

    private static func yamlSyntaxError(_ error: YamlError, file: String) -> ConfigurationError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let message = context.map { "\($0.text): \(problem)" } ?? problem
            return ConfigurationError(file: file, line: mark.line, column: mark.column, message: "YAML: \(message)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ConfigurationError(file: file, line: context.mark.line, column: context.mark.column,
                                      message: "duplicated keys \(duplicates.joined(separator: ", "))")
        default:
            return ConfigurationError(file: file, message: "YAML: \(error)")
        }
    }
}

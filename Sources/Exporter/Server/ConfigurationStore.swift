import NIOConcurrencyHelpers

/// The configuration in use, swapped whole on a successful reload; a failed reload keeps the old one.
public final class ConfigurationStore: Sendable {
    /// The configuration files, read in order.
    public let files: [String]
    /// Whether `${VAR}` in auth credentials is expanded.
    public let expandEnvironment: Bool
    private let state: NIOLockedValueBox<Loaded>

    struct Loaded: Sendable {
        var configuration: ExporterConfiguration
        var modules: [String: CompiledModule]
    }

    /// Loads the files once; throws when they are not a valid configuration.
    public init(files: [String], expandEnvironment: Bool = false) throws(ConfigurationError) {
        self.files = files
        self.expandEnvironment = expandEnvironment
        state = NIOLockedValueBox(try Self.load(files, expandEnvironment))
    }

    /// Uses an in-memory configuration (reload re-reads `files`, none here).
    public init(configuration: ExporterConfiguration) {
        files = []
        expandEnvironment = false
        state = NIOLockedValueBox(Self.compile(configuration))
    }

    /// The configuration in use.
    public var configuration: ExporterConfiguration { state.withLockedValue { $0.configuration } }

    var loaded: Loaded { state.withLockedValue { $0 } }

    /// Re-reads the files; on error the running configuration stays and the error is thrown.
    public func reload() throws(ConfigurationError) {
        let fresh = try Self.load(files, expandEnvironment)
        state.withLockedValue { $0 = fresh }
    }

    private static func load(_ files: [String], _ expand: Bool) throws(ConfigurationError) -> Loaded {
        compile(try ExporterConfiguration.load(files: files, expandEnvironment: expand))
    }

    private static func compile(_ configuration: ExporterConfiguration) -> Loaded {
        var modules: [String: CompiledModule] = [:]
        for (name, module) in configuration.modules {
            modules[name] = CompiledModule(name: name, configuration: module)
        }
        return Loaded(configuration: configuration, modules: modules)
    }
}

/// Key material for one of a USM user's keys, in any of the forms Net-SNMP accepts:
/// a passphrase (`-A`/`-X`), a master key Ku (`-3m`/`-3M`), or a key already localized to the
/// authoritative engine, Kul (`-3k`/`-3K`).
///
/// The value never prints or mirrors its contents, so it cannot leak through logging or `dump`.
///
/// ```swift
/// let auth = USMSecret.passphrase("maplesyrup")
/// let priv = USMSecret.localizedKey([0x52, 0x6f, 0x5e, 0xed, ...])
/// auth.description   // "USMSecret(passphrase, redacted)"
/// ```
public struct USMSecret: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Which form the secret has.
    public enum Form: Hashable, Sendable {
        /// A passphrase, turned into Ku by RFC 3414 A.2's password-to-key.
        case passphrase
        /// A master key Ku, localized per engine (RFC 3414 §2.6).
        case masterKey
        /// A localized key Kul for one engine, used as given (extended if a cipher needs more octets).
        case localizedKey
    }

    /// Which form the secret has.
    public let form: Form
    let bytes: [UInt8]

    private init(form: Form, bytes: [UInt8]) {
        self.form = form
        self.bytes = bytes
    }

    /// A passphrase; its UTF-8 octets are what RFC 3414 A.2 hashes.
    public static func passphrase(_ text: String) -> USMSecret { USMSecret(form: .passphrase, bytes: Array(text.utf8)) }
    /// A passphrase given as raw octets.
    public static func passphrase(bytes: [UInt8]) -> USMSecret { USMSecret(form: .passphrase, bytes: bytes) }
    /// A master key Ku (the digest-length output of password-to-key).
    public static func masterKey(_ bytes: [UInt8]) -> USMSecret { USMSecret(form: .masterKey, bytes: bytes) }
    /// A localized key Kul.
    public static func localizedKey(_ bytes: [UInt8]) -> USMSecret { USMSecret(form: .localizedKey, bytes: bytes) }

    /// `USMSecret(passphrase, redacted)` — never the contents.
    public var description: String { "USMSecret(\(form), redacted)" }
    /// Same as ``description``.
    public var debugDescription: String { description }
    /// An empty mirror, so `dump` and debuggers' summaries show nothing secret.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

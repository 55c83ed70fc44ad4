/// Net-SNMP's `-O` output options, with the defaults its tools start from.
///
/// Letters that select a style (`n f s S u` for names, `a x` for strings) are last-one-wins; the
/// others are toggles that flip each time they appear, exactly as `snmp_out_options` in Net-SNMP's
/// `snmplib/mib.c` treats them (`-Oqq` is the same as no `-Oq`).
///
/// ```swift
/// var options = OutputOptions()
/// try options.apply("qn")          // -Oqn
/// options.quickPrint               // true
/// options.oidFormat                // .numeric
/// ```
public struct OutputOptions: Hashable, Sendable {
    /// How object names (and OBJECT IDENTIFIER values) are printed.
    public enum OIDFormat: Hashable, Sendable {
        /// `MODULE::label.index` (the default, `-OS`).
        case module
        /// `label.index` (`-Os`).
        case suffix
        /// `.iso.org.dod....label.index` (`-Of`).
        case full
        /// `.1.3.6...` (`-On`).
        case numeric
        /// The full form with `.iso.org.dod.internet.mgmt.mib-2.` and similar prefixes removed (`-Ou`).
        case ucd
    }

    /// How OCTET STRING values without a DISPLAY-HINT are printed.
    public enum StringFormat: Hashable, Sendable {
        /// Text when every byte is printable or white space, hex otherwise (the default).
        case guess
        /// Always text, non-printable bytes as `.` (`-Oa`).
        case ascii
        /// Always hex (`-Ox`).
        case hex
    }

    /// Object name style (`-On`, `-Of`, `-Os`, `-OS`, `-Ou`).
    public var oidFormat: OIDFormat = .module
    /// OCTET STRING style (`-Oa`, `-Ox`).
    public var stringFormat: StringFormat = .guess
    /// `-Oq`: no type prefixes, a space instead of ` = `, enum labels only.
    public var quickPrint = false
    /// `-OQ`: like `-Oq` but keeps ` = `; also suppresses the "Wrong Type" prefix.
    /// Net-SNMP only ever sets it (a second `Q` toggles `quickPrint` back, not this).
    public var quickEquals = false
    /// `-Ov`: print the value only.
    public var bareValue = false
    /// `-Oe`: print enumerations and BITS numerically.
    public var numericEnums = false
    /// `-Ot`: print TimeTicks as a plain number.
    public var numericTimeTicks = false
    /// `-Ob`: leave table indexes numeric (applied by the MIB's name resolver).
    public var dontBreakdownOIDs = false
    /// `-OX`: bracketed, typed table indexes (applied by the MIB's name resolver).
    public var extendedIndex = false
    /// `-OE`: escape quotes in string indexes (applied by the MIB's name resolver).
    public var escapeQuotes = false
    /// `-OT`: add the printable text after every line of hex.
    public var printHexText = false
    /// `-OU`: do not print UNITS.
    public var dontPrintUnits = false
    /// `-O0`: pad single hex digits of `x` DISPLAY-HINTs to two.
    public var twoDigitHex = false
    /// `-Op PRECISION`: text inserted after the `%` of the `%f` used for Opaque floats.
    public var floatPrecision: String?
    /// Bytes per line of hex output (`hexOutputLength` in snmp.conf); 0 or less means no wrapping.
    public var hexOutputLength = 16
    /// `false` with `-Ih`: ignore DISPLAY-HINTs (an input option, but it only changes output).
    public var useDisplayHints = true

    /// The defaults of Net-SNMP's command-line tools.
    public init() {}

    /// Applies the letters that follow `-O`, in order.
    ///
    /// `p` takes the rest of `letters` as the precision, or `followingArgument` when nothing
    /// follows it (Net-SNMP's `-Op .2` and `-Op.2`); the return value says whether
    /// `followingArgument` was consumed.
    ///
    /// - Throws: ``RenderingError`` with `Unknown output option passed to -O: X.` for an unknown letter.
    @discardableResult
    public mutating func apply(_ letters: String, followingArgument: String? = nil) throws -> Bool {
        var index = letters.unicodeScalars.startIndex
        let scalars = letters.unicodeScalars
        while index < scalars.endIndex {
            let letter = scalars[index]
            index = scalars.index(after: index)
            switch letter {
            case "0": twoDigitHex.toggle()
            case "a": stringFormat = .ascii
            case "b": dontBreakdownOIDs.toggle()
            case "e": numericEnums.toggle()
            case "E": escapeQuotes.toggle()
            case "f": oidFormat = .full
            case "n": oidFormat = .numeric
            case "p":
                // -Op is standalone: the rest of the word (or the next argument) is the precision.
                if index < scalars.endIndex {
                    floatPrecision = String(scalars[index...])
                    return false
                }
                floatPrecision = followingArgument
                return followingArgument != nil
            case "q": quickPrint.toggle()
            case "Q":
                quickEquals = true
                quickPrint.toggle()
            case "s": oidFormat = .suffix
            case "S": oidFormat = .module
            case "t": numericTimeTicks.toggle()
            case "T": printHexText.toggle()
            case "u": oidFormat = .ucd
            case "U": dontPrintUnits.toggle()
            case "v": bareValue.toggle()
            case "x": stringFormat = .hex
            case "X": extendedIndex.toggle()
            default:
                throw RenderingError(.unknownOutputOption,
                                     message: "Unknown output option passed to -O: \(Character(letter)).")
            }
        }
        return false
    }
}

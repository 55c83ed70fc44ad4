public import SNMPSMI

/// The error texts Net-SNMP's tools print on stderr, as pure functions (NETSNMP-OUTPUT.md §4, §5).
public enum NetSNMPErrorText {
    /// `snmp_errstring`: the `Reason:` text for an error-status (`Unknown Error` outside 0–18).
    public static func reasonText(for status: ErrorStatus) -> String {
        let raw = status.rawValue
        guard raw >= 0, Int(raw) < reasons.count else { return "Unknown Error" }
        return reasons[Int(raw)]
    }

    private static let reasons: [String] = [
        "(noError) No Error",
        "(tooBig) Response message would have been too large.",
        "(noSuchName) There is no such variable name in this MIB.",
        "(badValue) The value given has the wrong type or length.",
        "(readOnly) The two parties used do not have access to use the specified SNMP PDU.",
        "(genError) A general failure occured",
        "noAccess",
        "wrongType (The set datatype does not match the data type the agent expects)",
        "wrongLength (The set value has an illegal length from what the agent expects)",
        "wrongEncoding",
        "wrongValue (The set value is illegal or unsupported in some way)",
        "noCreation (That table does not support row creation or that object can not ever be created)",
        "inconsistentValue (The set value is illegal or unsupported in some way)",
        "resourceUnavailable (This is likely a out-of-memory failure within the agent)",
        "commitFailed",
        "undoFailed",
        "authorizationError (access denied to that object)",
        "notWritable (That object does not support modification)",
        "inconsistentName (That object can not currently be created)",
    ]

    /// `Timeout: No Response from PEER` plus a line feed; `trailingPeriod` for snmpget and
    /// snmpgetnext only. `peer` is the agent argument exactly as the user typed it.
    public static func timeout(peer: String, trailingPeriod: Bool) -> String {
        "Timeout: No Response from " + peer + (trailingPeriod ? ".\n" : "\n")
    }

    /// The stderr block for an error-status in a response.
    ///
    /// `Error in packet` (snmpget) or `Error in packet.` (the other tools, `trailingPeriod`), the
    /// `Reason:` line, and when the error-index is not 0 `Failed object: ` followed by the name of
    /// the indexed varbind and the blank line Net-SNMP's OID printer leaves (just a line feed when
    /// the index points past the varbinds: pass `failedObjectName: nil`).
    public static func errorInPacket(status: ErrorStatus, errorIndex: Int, failedObjectName: String?,
                                     trailingPeriod: Bool) -> String {
        var text = trailingPeriod ? "Error in packet.\n" : "Error in packet\n"
        text += "Reason: " + reasonText(for: status) + "\n"
        if errorIndex != 0 {
            text += "Failed object: "
            if let failedObjectName { text += failedObjectName + "\n" }
            text += "\n"
        }
        return text
    }

    /// snmpwalk's stderr block when the agent answers with an OID that does not increase:
    /// `Error: OID not increasing: PREVIOUS\n >= RECEIVED\n\n` (names in the current `-O` style).
    public static func oidNotIncreasing(previous: String, received: String) -> String {
        "Error: OID not increasing: " + previous + "\n >= " + received + "\n\n"
    }
}

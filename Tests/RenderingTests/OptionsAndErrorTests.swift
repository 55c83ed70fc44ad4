import SNMPMIB
import SNMPSMI
import Testing

@Test("-O letters: toggles flip, styles are last-one-wins")
func optionParsing() throws {
    var options = OutputOptions()
    try options.apply("qnT")
    #expect(options.quickPrint && options.printHexText && options.oidFormat == .numeric)
    try options.apply("qTf")
    #expect(!options.quickPrint && !options.printHexText && options.oidFormat == .full)
    try options.apply("QQ")
    #expect(options.quickEquals && !options.quickPrint)
    try options.apply("xa0eEbXUvt")
    #expect(options.stringFormat == .ascii && options.twoDigitHex && options.numericEnums && options.escapeQuotes)
    #expect(options.dontBreakdownOIDs && options.extendedIndex && options.dontPrintUnits && options.bareValue)
    #expect(options.numericTimeTicks)
    try options.apply("sSu")
    #expect(options.oidFormat == .ucd)
}

@Test("-Op takes the rest of the word or the next argument")
func precisionOption() throws {
    var options = OutputOptions()
    #expect(try options.apply("qp.2") == false)
    #expect(options.floatPrecision == ".2" && options.quickPrint)
    #expect(try options.apply("p", followingArgument: "10.3") == true)
    #expect(options.floatPrecision == "10.3")
    // Letters after p belong to the precision, not to -O.
    #expect(try options.apply("pqz") == false)
    #expect(options.floatPrecision == "qz" && options.quickPrint)
}

@Test("Unknown -O letter: Net-SNMP's message (snmp_parse_args.c)")
func unknownOption() {
    var options = OutputOptions()
    #expect {
        try options.apply("qZ")
    } throws: { error in
        guard let error = error as? RenderingError else { return false }
        return error.code == .unknownOutputOption && error.message == "Unknown output option passed to -O: Z."
    }
}

@Test("Reason strings (NETSNMP-OUTPUT.md §4.2, snmp_client.c snmp_errstring)", arguments: [
    (Int32(0), "(noError) No Error"),
    (1, "(tooBig) Response message would have been too large."),
    (2, "(noSuchName) There is no such variable name in this MIB."),
    (3, "(badValue) The value given has the wrong type or length."),
    (4, "(readOnly) The two parties used do not have access to use the specified SNMP PDU."),
    (5, "(genError) A general failure occured"),
    (6, "noAccess"),
    (7, "wrongType (The set datatype does not match the data type the agent expects)"),
    (8, "wrongLength (The set value has an illegal length from what the agent expects)"),
    (9, "wrongEncoding"),
    (10, "wrongValue (The set value is illegal or unsupported in some way)"),
    (11, "noCreation (That table does not support row creation or that object can not ever be created)"),
    (12, "inconsistentValue (The set value is illegal or unsupported in some way)"),
    (13, "resourceUnavailable (This is likely a out-of-memory failure within the agent)"),
    (14, "commitFailed"),
    (15, "undoFailed"),
    (16, "authorizationError (access denied to that object)"),
    (17, "notWritable (That object does not support modification)"),
    (18, "inconsistentName (That object can not currently be created)"),
    (19, "Unknown Error"),
    (-1, "Unknown Error"),
])
func reasons(status: Int32, text: String) {
    #expect(NetSNMPErrorText.reasonText(for: ErrorStatus(rawValue: status)) == text)
}

@Test("Timeout, Error in packet and OID-not-increasing texts (NETSNMP-OUTPUT.md §4.1, §4.2, §5)")
func errorTexts() {
    #expect(NetSNMPErrorText.timeout(peer: "udp:127.0.0.1:9", trailingPeriod: true)
            == "Timeout: No Response from udp:127.0.0.1:9.\n")
    #expect(NetSNMPErrorText.timeout(peer: "udp:127.0.0.1:9", trailingPeriod: false)
            == "Timeout: No Response from udp:127.0.0.1:9\n")
    #expect(NetSNMPErrorText.errorInPacket(status: .noSuchName, errorIndex: 2,
                                           failedObjectName: "iso.3.6.1.2.1.1.99.0", trailingPeriod: false)
            == "Error in packet\nReason: (noSuchName) There is no such variable name in this MIB.\n"
            + "Failed object: iso.3.6.1.2.1.1.99.0\n\n")
    #expect(NetSNMPErrorText.errorInPacket(status: .authorizationError, errorIndex: 0,
                                           failedObjectName: nil, trailingPeriod: true)
            == "Error in packet.\nReason: authorizationError (access denied to that object)\n")
    #expect(NetSNMPErrorText.errorInPacket(status: .genErr, errorIndex: 9, failedObjectName: nil,
                                           trailingPeriod: true)
            == "Error in packet.\nReason: (genError) A general failure occured\nFailed object: \n")
    #expect(NetSNMPErrorText.oidNotIncreasing(previous: "iso.3.6.1.2.1.1.1.0", received: "iso.3.6.1.2.1.1.1.0")
            == "Error: OID not increasing: iso.3.6.1.2.1.1.1.0\n >= iso.3.6.1.2.1.1.1.0\n\n")
}

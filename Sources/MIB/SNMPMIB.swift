/// The MIB subsystem: SMIv1/SMIv2 module parsing, the module store, name <-> OID resolution,
/// DISPLAY-HINT and INDEX handling, and Net-SNMP-compatible rendering of values.
public enum SNMPMIB {}

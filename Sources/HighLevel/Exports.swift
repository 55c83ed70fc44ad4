// `import SNMP` gives a script everything it needs: the high-level client plus the SMI value types
// (ARCHITECTURE.md: SNMP re-exports what a script needs and adds nothing the native API cannot do).
@_exported public import SNMPSMI
@_exported public import SNMPSecurity
@_exported public import SNMPApplications
@_exported public import SNMPAgent
@_exported public import SNMPMIB
@_exported public import SNMPDispatcher

import SNMP

// Placeholder entry until the command table lands (this commit only wires the build).
print("snmp")

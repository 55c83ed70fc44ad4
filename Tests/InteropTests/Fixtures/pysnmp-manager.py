#!/usr/bin/env python3
"""pysnmp 7 as a second command generator against our agent (swift-snmp interop tests).

Usage: pysnmp-manager.py PORT v2c COMMUNITY
       pysnmp-manager.py PORT v3 USER AUTHPASS PRIVPASS      (HMAC-SHA-256 + AES-128, authPriv)

Runs, against udp 127.0.0.1:PORT: a GET of sysDescr.0 and sysObjectID.0, a GETNEXT from system, a SET of
sysContact.0 read back, and a GETBULK walk of the system group; prints one line per result as
`OP OID = VALUE` (pysnmp's prettyPrint) and exits 1 on any error indication or error status.
"""
import asyncio
import sys

from pysnmp.hlapi.v3arch.asyncio import (
    CommunityData, ContextData, ObjectIdentity, ObjectType, OctetString, SnmpEngine, UdpTransportTarget,
    UsmUserData, bulk_walk_cmd, get_cmd, next_cmd, set_cmd, usmAesCfb128Protocol, usmHMAC192SHA256AuthProtocol,
)


def fail(what, indication, status, index):
    print(f"ERROR {what}: {indication or status.prettyPrint()} at {index}", file=sys.stderr)
    sys.exit(1)


async def main():
    port = int(sys.argv[1])
    if sys.argv[2] == "v2c":
        auth = CommunityData(sys.argv[3], mpModel=1)
    else:
        auth = UsmUserData(sys.argv[3], sys.argv[4], sys.argv[5],
                           authProtocol=usmHMAC192SHA256AuthProtocol, privProtocol=usmAesCfb128Protocol)
    engine = SnmpEngine()
    target = await UdpTransportTarget.create(("127.0.0.1", port), timeout=2, retries=1)
    context = ContextData()

    ind, status, index, binds = await get_cmd(engine, auth, target, context,
                                              ObjectType(ObjectIdentity("1.3.6.1.2.1.1.1.0")),
                                              ObjectType(ObjectIdentity("1.3.6.1.2.1.1.2.0")))
    if ind or status:
        fail("get", ind, status, index)
    for name, value in binds:
        print(f"GET {name.prettyPrint()} = {value.prettyPrint()}")

    ind, status, index, binds = await next_cmd(engine, auth, target, context,
                                               ObjectType(ObjectIdentity("1.3.6.1.2.1.1")))
    if ind or status:
        fail("getnext", ind, status, index)
    for name, value in binds:
        print(f"NEXT {name.prettyPrint()} = {value.prettyPrint()}")

    ind, status, index, binds = await set_cmd(engine, auth, target, context,
                                              ObjectType(ObjectIdentity("1.3.6.1.2.1.1.4.0"), OctetString("pysnmp was here")))
    if ind or status:
        fail("set", ind, status, index)
    for name, value in binds:
        print(f"SET {name.prettyPrint()} = {value.prettyPrint()}")

    async for ind, status, index, binds in bulk_walk_cmd(engine, auth, target, context, 0, 10,
                                                         ObjectType(ObjectIdentity("1.3.6.1.2.1.1")),
                                                         lexicographicMode=False):
        if ind or status:
            fail("bulkwalk", ind, status, index)
        for name, value in binds:
            print(f"WALK {name.prettyPrint()} = {value.prettyPrint()}")
    engine.close_dispatcher()


asyncio.run(main())

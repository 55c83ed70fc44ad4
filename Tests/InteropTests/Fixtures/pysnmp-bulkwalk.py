#!/usr/bin/env python3
"""pysnmp 7's bulk_walk_cmd against a (misbehaving) agent, for side-by-side comparisons in the tests.

Usage: pysnmp-bulkwalk.py PORT ROOT MAXREP TIMEOUT RETRIES v2c COMMUNITY
       pysnmp-bulkwalk.py PORT ROOT MAXREP TIMEOUT RETRIES v3 USER AUTHPASS PRIVPASS   (HMAC-SHA-1 + AES-256,
                                                                                  Blumenthal key extension)

Walks ROOT (staying inside it) and prints one `VB OID` line per varbind, then `END ok` or
`END error: <indication or error-status>`. Exits 0 either way: the outcome is data for the caller.
"""
import asyncio
import sys

from pysnmp.hlapi.v3arch.asyncio import (
    CommunityData, ContextData, ObjectIdentity, ObjectType, SnmpEngine, UdpTransportTarget, UsmUserData,
    bulk_walk_cmd, usmAesBlumenthalCfb256Protocol, usmHMACSHAAuthProtocol,
)


async def main():
    port, root, maxrep = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    timeout, retries = float(sys.argv[4]), int(sys.argv[5])
    if sys.argv[6] == "v2c":
        auth = CommunityData(sys.argv[7], mpModel=1)
    else:
        auth = UsmUserData(sys.argv[7], sys.argv[8], sys.argv[9],
                           authProtocol=usmHMACSHAAuthProtocol, privProtocol=usmAesBlumenthalCfb256Protocol)
    engine = SnmpEngine()
    target = await UdpTransportTarget.create(("127.0.0.1", port), timeout=timeout, retries=retries)
    outcome = "ok"
    async for ind, status, index, binds in bulk_walk_cmd(engine, auth, target, ContextData(), 0, maxrep,
                                                         ObjectType(ObjectIdentity(root)), lexicographicMode=False):
        if ind or status:
            outcome = f"error: {ind or status.prettyPrint()}"
            break
        for name, _ in binds:
            print(f"VB {name.prettyPrint()}")
    print(f"END {outcome}")
    engine.close_dispatcher()


asyncio.run(main())

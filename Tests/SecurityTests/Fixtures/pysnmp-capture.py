#!/usr/bin/env python3
"""Captures, once, the golden SNMPv3 messages in pysnmp-v3-packets.tsv with pysnmp 7's own code (loopback only).

How to rerun (from the package root; needs pysnmp 7, as installed by .ci/run):

    python3 Tests/SecurityTests/Fixtures/pysnmp-capture.py > Tests/SecurityTests/Fixtures/pysnmp-v3-packets.tsv

It starts the interop command responder Tests/InteropTests/Fixtures/pysnmp-agent.py --port auto (engine ID
0x80001f8880aabbccdd000000e1, users usr-<auth>-<priv>, passphrases authkey1234 / privkey1234), puts a
UDP relay on 127.0.0.1 in front of it, and for each (auth, priv) pair below sends one GET of sysDescr.0 at
authPriv with a fresh pysnmp manager engine through the relay. The relay records every datagram in both
directions, so each exchange is exactly what pysnmp put on the wire: the manager's discovery request, the
agent's usmStatsUnknownEngineIDs Report, the manager's authPriv GetRequest and the agent's authPriv Response.
Nothing here binds or sends to anything but 127.0.0.1. Rerunning gives different bytes (random msgIDs,
request IDs and salts, the agent's clock), all equally valid; the tests only rely on the fixed identities.
"""
import asyncio
import os
import signal
import subprocess
import sys

from pysnmp.hlapi.v3arch.asyncio import (
    ContextData, ObjectIdentity, ObjectType, SnmpEngine, UdpTransportTarget, UsmUserData, get_cmd,
)
from pyasn1.codec.ber import decoder
from pysnmp.entity import config
from pysnmp.proto.mpmod.rfc3412 import SNMPv3Message
from pysnmp.proto.secmod.rfc3414.service import UsmSecurityParameters

HERE = os.path.dirname(os.path.abspath(__file__))
AGENT = os.path.join(HERE, "..", "..", "InteropTests", "Fixtures", "pysnmp-agent.py")
AUTH_PASSPHRASE = "authkey1234"
PRIV_PASSPHRASE = "privkey1234"
SYS_DESCR = "1.3.6.1.2.1.1.1.0"

AUTH = {
    "md5": config.USM_AUTH_HMAC96_MD5,
    "sha": config.USM_AUTH_HMAC96_SHA,
    "sha224": config.USM_AUTH_HMAC128_SHA224,
    "sha256": config.USM_AUTH_HMAC192_SHA256,
    "sha512": config.USM_AUTH_HMAC384_SHA512,
}
PRIV = {
    "3des": config.USM_PRIV_CBC168_3DES,                   # usm3DESEDEPrivProtocol (Reeder draft)
    "aes192": config.USM_PRIV_CFB192_AES_BLUMENTHAL,      # usmAesBlumenthalCfb192Protocol
    "aes256": config.USM_PRIV_CFB256_AES_BLUMENTHAL,      # usmAesBlumenthalCfb256Protocol
    "aes192c": config.USM_PRIV_CFB192_AES,                # usmAesCfb192Protocol (Cisco/Reeder key extension)
    "aes256c": config.USM_PRIV_CFB256_AES,                # usmAesCfb256Protocol (Cisco/Reeder key extension)
}
# MD5 (16 octets) and SHA-1 (20) digests are shorter than every key here and SHA-224 (28) is shorter than a
# 32-octet key, so these pairs exercise the key extensions; SHA-256/512 ones need none.
PAIRS = [
    ("md5", "3des"), ("sha", "3des"), ("sha256", "3des"),
    ("md5", "aes192"), ("sha", "aes192"), ("sha256", "aes192"),
    ("md5", "aes256"), ("sha224", "aes256"), ("sha512", "aes256"),
    ("md5", "aes192c"), ("sha", "aes192c"), ("sha256", "aes192c"),
    ("md5", "aes256c"), ("sha224", "aes256c"), ("sha512", "aes256c"),
]
LABELS = ["discovery-request", "discovery-response", "authPriv-request", "authPriv-response"]


class Relay(asyncio.DatagramProtocol):
    """Forwards manager datagrams to the agent and the agent's back, recording both directions in order."""

    def __init__(self, agent_port):
        self.agent = ("127.0.0.1", agent_port)
        self.manager = None
        self.upstream = None
        self.packets = []

    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        if addr == self.agent:
            self.packets.append(data)
            if self.manager is not None:
                self.transport.sendto(data, self.manager)
        else:
            self.manager = addr
            self.packets.append(data)
            self.transport.sendto(data, self.agent)


async def capture(relay, relay_port, auth, priv):
    relay.packets = []
    user = UsmUserData("usr-%s-%s" % (auth, priv), AUTH_PASSPHRASE, PRIV_PASSPHRASE,
                       authProtocol=AUTH[auth], privProtocol=PRIV[priv])
    engine = SnmpEngine()  # fresh, so that it discovers the agent's engine ID again
    target = await UdpTransportTarget.create(("127.0.0.1", relay_port), timeout=2, retries=0)
    indication, status, index, binds = await get_cmd(engine, user, target, ContextData(),
                                                     ObjectType(ObjectIdentity(SYS_DESCR)))
    engine.close_dispatcher()
    if indication or status:
        raise SystemExit("%s-%s: %s" % (auth, priv, indication or status.prettyPrint()))
    if len(relay.packets) != len(LABELS):
        raise SystemExit("%s-%s: %d datagrams, expected %d" % (auth, priv, len(relay.packets), len(LABELS)))
    return list(relay.packets)


def engine_boots(datagram):
    """msgAuthoritativeEngineBoots of a captured message, read with pysnmp's own decoder."""
    message, _ = decoder.decode(datagram, asn1Spec=SNMPv3Message())
    parameters, _ = decoder.decode(bytes(message["msgSecurityParameters"]), asn1Spec=UsmSecurityParameters())
    return int(parameters["msgAuthoritativeEngineBoots"])


async def main():
    agent = subprocess.Popen([sys.executable, AGENT, "--port", "auto"], stdout=subprocess.PIPE, text=True)
    try:
        _, agent_port = agent.stdout.readline().split()
        loop = asyncio.get_running_loop()
        # One socket for both directions: the agent answers whoever sent, so it answers the relay.
        transport, relay = await loop.create_datagram_endpoint(lambda: Relay(int(agent_port)),
                                                               local_addr=("127.0.0.1", 0))
        relay_port = transport.get_extra_info("sockname")[1]
        rows = []
        for auth, priv in PAIRS:
            packets = await capture(relay, relay_port, auth, priv)
            rows += ["%s-%s\t%s\t%s" % (auth, priv, label, data.hex()) for label, data in zip(LABELS, packets)]
        boots = engine_boots(packets[1])
        import pysnmp
        print("# Golden SNMPv3 packets captured ONCE from pysnmp %s (manager and agent), Python %s."
              % (pysnmp.__version__, sys.version.split()[0]))
        print("# How: pysnmp-capture.py next to this file (its docstring says how to rerun it): the interop agent")
        print("# Tests/InteropTests/Fixtures/pysnmp-agent.py (engine ID 0x80001f8880aabbccdd000000e1, auth passphrase")
        print("# authkey1234, priv passphrase privkey1234, users usr-<auth>-<priv>), a pysnmp manager sending a GET of")
        print("# sysDescr.0 at authPriv, and a loopback UDP relay between them recording every datagram.")
        print("# The agent's snmpEngineBoots was %d (pysnmp keeps it in its temp directory and adds 1 per start)." % boots)
        print("# priv 3des = usm3DESEDEPrivProtocol, aes192/aes256 = usmAesBlumenthalCfb192/256Protocol,")
        print("# aes192c/aes256c = usmAesCfb192/256Protocol (Cisco/Reeder key extension).")
        print("#name\tpacket\thex")
        print("\n".join(rows))
        transport.close()
    finally:
        agent.send_signal(signal.SIGTERM)
        agent.wait(timeout=10)


if __name__ == "__main__":
    asyncio.run(main())

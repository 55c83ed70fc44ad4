#!/usr/bin/env python3
"""A pysnmp 7 command responder for swift-snmp's interop tests (loopback only).

usage: pysnmp-agent.py [--port N|auto]

Listens on udp 127.0.0.1:PORT (default: auto, a free port picked by the kernel) and prints one line
`PID PORT` on stdout once it is ready; runs until SIGTERM or SIGINT. Never binds anything but 127.0.0.1.

Identities (all fixed, test-only):
  engine ID        0x80001f8880aabbccdd000000e1 (snmpEngineBoots 1)
  communities      public (read-only), private (read-write), v1 and v2c
  v3 users         usr-<auth>-<priv> for auth in md5 sha sha224 sha256 sha384 sha512 and priv in
                   none des 3des aes128 aes192 aes256 aes192c aes256c, plus usr-none-none; passphrases
                   authkey1234 / privkey1234; each user read-write at its own security level only.
                   aes192/aes256 are pysnmp's usmAesBlumenthalCfb192/256Protocol (Net-SNMP AES-192/AES-256),
                   aes192c/aes256c are pysnmp's usmAesCfb192/256Protocol (Reeder key extension, Net-SNMP
                   AES-192-C/AES-256-C).

View (everything a walk of .1 returns):
  system group .1.3.6.1.2.1.1 (pysnmp's, with fixed sysDescr/sysContact/sysName/sysLocation), and
  .1.3.6.1.4.1.8072.9999 (netSnmpPlaypen), laid out like the Net-SNMP fixture's typed test scalars:
    .1.1.0 INTEGER 42 (rw)            .1.2.0 OCTET STRING "hello world" (rw)   .1.3.0 Counter32 123456
    .1.4.0 Gauge32 4294967295 (rw)    .1.5.0 TimeTicks 100                     .1.6.0 OID .1.3.6.1.4.1.8072.3.2.10 (rw)
    .1.7.0 Counter64 18446744073709551615   .1.8.0 IpAddress 192.0.2.1         .1.9.0 OCTET STRING 00 01 fe ff
  and a table .2.1 (entry) with columns .2 name (OCTET STRING "row-N") and .3 Counter64 (N * 1000000000000),
  rows 1..5. Only the scalars marked rw accept SET; everything else answers notWritable.

pysnmp 7.1 quirks seen here (the tests do not rely on them): a SET through the read-only community `public`
succeeds (its VACM write check treats notInView as "allowed"); an authPriv request for a user without privacy
is dropped without a usmStatsUnsupportedSecLevels Report; a GETBULK response is filled up to max-repetitions
with endOfMibView; DES/3DES plaintext is padded by a whole block when already block-aligned.
"""
import argparse
import os
import signal
import socket
import sys

from pysnmp.carrier.asyncio.dgram import udp
from pysnmp.entity import config, engine
from pysnmp.entity.rfc3413 import cmdrsp, context
from pysnmp.proto.api import v2c

ENGINE_ID = "80001f8880aabbccdd000000e1"
AUTH_PASSPHRASE = "authkey1234"
PRIV_PASSPHRASE = "privkey1234"
PLAYPEN = (1, 3, 6, 1, 4, 1, 8072, 9999)
SYSTEM = (1, 3, 6, 1, 2, 1, 1)

AUTH = {
    "md5": config.USM_AUTH_HMAC96_MD5,
    "sha": config.USM_AUTH_HMAC96_SHA,
    "sha224": config.USM_AUTH_HMAC128_SHA224,
    "sha256": config.USM_AUTH_HMAC192_SHA256,
    "sha384": config.USM_AUTH_HMAC256_SHA384,
    "sha512": config.USM_AUTH_HMAC384_SHA512,
}
PRIV = {
    "des": config.USM_PRIV_CBC56_DES,
    "3des": config.USM_PRIV_CBC168_3DES,
    "aes128": config.USM_PRIV_CFB128_AES,
    "aes192": config.USM_PRIV_CFB192_AES_BLUMENTHAL,
    "aes256": config.USM_PRIV_CFB256_AES_BLUMENTHAL,
    "aes192c": config.USM_PRIV_CFB192_AES,
    "aes256c": config.USM_PRIV_CFB256_AES,
}
NO_AUTH_NO_PRIV, AUTH_NO_PRIV, AUTH_PRIV = 1, 2, 3


def bind_loopback(port):
    """A UDP socket bound to 127.0.0.1:port (0: the kernel picks a free one)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", port))
    return sock


def configure_access(eng):
    """One read view and one write view for everyone; a group per security level and model."""
    for subtree in (SYSTEM, PLAYPEN):
        config.add_vacm_view(eng, "everything", "included", subtree, "")
    config.add_vacm_view(eng, "writable", "included", PLAYPEN + (1,), "")
    config.add_context(eng, "")
    # SNMPv3: a user is admitted at its own level or above (RFC 3415 §4: vacmAccessSecurityLevel is a minimum),
    # so a priv user asking at authNoPriv finds no access entry and gets authorizationError, as with Net-SNMP.
    for level in (NO_AUTH_NO_PRIV, AUTH_NO_PRIV, AUTH_PRIV):
        config.add_vacm_access(eng, "v3-level-%d" % level, "", 3, level, "exact", "everything", "writable", "")
    # Communities: the security name is the community index; model 1 = SNMPv1, 2 = SNMPv2c.
    config.add_v1_system(eng, "public-index", "public")
    config.add_v1_system(eng, "private-index", "private")
    for model in (1, 2):
        config.add_vacm_group(eng, "ro-community", model, "public-index")
        config.add_vacm_group(eng, "rw-community", model, "private-index")
        config.add_vacm_access(eng, "ro-community", "", model, NO_AUTH_NO_PRIV, "exact", "everything", "", "")
        config.add_vacm_access(eng, "rw-community", "", model, NO_AUTH_NO_PRIV, "exact", "everything", "writable", "")


def add_user(eng, auth, priv):
    name = "usr-%s-%s" % (auth, priv)
    if auth == "none":
        config.add_v3_user(eng, name)
        level = NO_AUTH_NO_PRIV
    elif priv == "none":
        config.add_v3_user(eng, name, AUTH[auth], AUTH_PASSPHRASE)
        level = AUTH_NO_PRIV
    else:
        config.add_v3_user(eng, name, AUTH[auth], AUTH_PASSPHRASE, PRIV[priv], PRIV_PASSPHRASE)
        level = AUTH_PRIV
    config.add_vacm_group(eng, "v3-level-%d" % level, 3, name)


def configure_users(eng):
    add_user(eng, "none", "none")
    for auth in AUTH:
        for priv in ["none"] + list(PRIV):
            add_user(eng, auth, priv)


def install_objects(snmp_context):
    """Fixed system values and the playpen scalars and table (see the module docstring)."""
    builder = snmp_context.get_mib_instrum().get_mib_builder()
    for symbol, value in (("sysDescr", "pysnmp interop test agent"), ("sysContact", "interop@example.invalid"),
                          ("sysName", "pysnmp-interop"), ("sysLocation", "loopback-test-lab")):
        (instance,) = builder.import_symbols("__SNMPv2-MIB", symbol)
        instance.syntax = instance.syntax.clone(value)

    (MibScalar, MibScalarInstance, MibTable, MibTableRow, MibTableColumn) = builder.import_symbols(
        "SNMPv2-SMI", "MibScalar", "MibScalarInstance", "MibTable", "MibTableRow", "MibTableColumn")
    symbols = {}
    scalars = [
        (1, v2c.Integer32(42), "read-write"),
        (2, v2c.OctetString("hello world"), "read-write"),
        (3, v2c.Counter32(123456), "read-only"),
        (4, v2c.Gauge32(4294967295), "read-write"),
        (5, v2c.TimeTicks(100), "read-only"),
        (6, v2c.ObjectIdentifier((1, 3, 6, 1, 4, 1, 8072, 3, 2, 10)), "read-write"),
        (7, v2c.Counter64(18446744073709551615), "read-only"),
        (8, v2c.IpAddress("192.0.2.1"), "read-only"),
        (9, v2c.OctetString(hexValue="0001feff"), "read-only"),
    ]
    for arc, value, access in scalars:
        oid = PLAYPEN + (1, arc)
        symbols["playScalar%d" % arc] = MibScalar(oid, value.clone()).setMaxAccess(access)
        symbols["playScalar%dInstance" % arc] = MibScalarInstance(oid, (0,), value)

    table, entry = PLAYPEN + (2,), PLAYPEN + (2, 1)
    symbols["playTable"] = MibTable(table)
    symbols["playEntry"] = MibTableRow(entry).setIndexNames((0, "__PLAYPEN-MIB", "playIndex"))
    symbols["playIndex"] = MibTableColumn(entry + (1,), v2c.Integer32()).setMaxAccess("not-accessible")
    symbols["playName"] = MibTableColumn(entry + (2,), v2c.OctetString()).setMaxAccess("read-only")
    symbols["playCount"] = MibTableColumn(entry + (3,), v2c.Counter64()).setMaxAccess("read-only")
    for row in range(1, 6):
        symbols["playName%d" % row] = MibScalarInstance(entry + (2,), (row,), v2c.OctetString("row-%d" % row))
        symbols["playCount%d" % row] = MibScalarInstance(entry + (3,), (row,), v2c.Counter64(row * 10**12))
    builder.export_symbols("__PLAYPEN-MIB", **symbols)


def main():
    ap = argparse.ArgumentParser(description="pysnmp command responder for interop tests (127.0.0.1 only)")
    ap.add_argument("--port", default="auto", help="UDP port on 127.0.0.1, or 'auto' for a free one")
    args = ap.parse_args()

    # A parent such as `swift test` may spawn us with SIGTERM blocked; we must still stop on it.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])

    sock = bind_loopback(0 if args.port == "auto" else int(args.port))
    port = sock.getsockname()[1]

    eng = engine.SnmpEngine(snmpEngineID=v2c.OctetString(hexValue=ENGINE_ID))
    config.add_transport(eng, udp.DOMAIN_NAME, udp.UdpTransport().open_server_mode(sock=sock))
    configure_access(eng)
    configure_users(eng)
    snmp_context = context.SnmpContext(eng)
    install_objects(snmp_context)
    cmdrsp.GetCommandResponder(eng, snmp_context)
    cmdrsp.NextCommandResponder(eng, snmp_context)
    cmdrsp.BulkCommandResponder(eng, snmp_context)
    cmdrsp.SetCommandResponder(eng, snmp_context)

    loop = eng.transport_dispatcher.loop
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, loop.stop)
    eng.transport_dispatcher.job_started(1)
    # The socket is bound already: requests sent from now on wait in its queue until the loop runs.
    print("%d %d" % (os.getpid(), port), flush=True)
    try:
        eng.open_dispatcher()
    finally:
        eng.close_dispatcher()


if __name__ == "__main__":
    sys.exit(main())

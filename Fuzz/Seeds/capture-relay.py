#!/usr/bin/env python3
"""A loopback UDP relay that records every datagram, for building fuzz seed corpora from real traffic.

Usage: capture-relay.py UPSTREAM_PORT OUT_DIR
Listens on a free 127.0.0.1 port (printed on stdout as one line), forwards each datagram to
127.0.0.1:UPSTREAM_PORT and the answers back to the client, and writes each datagram (both directions)
to OUT_DIR/<sha1 of the bytes>. Stops on SIGTERM or after 600 seconds.
"""
import hashlib
import os
import select
import socket
import sys
import time

upstream = ("127.0.0.1", int(sys.argv[1]))
out = sys.argv[2]
os.makedirs(out, exist_ok=True)
front = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
front.bind(("127.0.0.1", 0))
back = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
back.bind(("127.0.0.1", 0))
print(front.getsockname()[1], flush=True)


def record(data):
    with open(os.path.join(out, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)


client = None
deadline = time.monotonic() + 600
while time.monotonic() < deadline:
    ready, _, _ = select.select([front, back], [], [], 1.0)
    for sock in ready:
        data, address = sock.recvfrom(65535)
        record(data)
        if sock is front:
            client = address
            back.sendto(data, upstream)
        elif client is not None:
            front.sendto(data, client)

#!/usr/bin/env python3
"""Prints the Cookie header of a signed-in browser, for wrk to measure pages as that visitor.

    python3 bench/signin.py BASE_URL EMAIL PASSWORD            the owner, through /login
    python3 bench/signin.py BASE_URL EMAIL PASSWORD --reader LOG
        a new reader: the owner invites reader@bench.test with the role READER, the
        invitation mail is read from the app's log LOG (the app runs with
        QUARKUS_MAILER_MOCK=true, which logs mail instead of sending it), and the
        invitation is accepted like a browser would, which signs the reader in.
"""
import os
import re
import sys
import time
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from load import Client  # noqa: E402  (the same sign-in as the data loader)


def post_form(client, path, page, fields):
    """Sends a form of PAGE (read for its CSRF token) to PATH; answers the final URL."""
    with client.opener.open(client.base + page, timeout=30) as r:
        html = r.read().decode("utf-8", "replace")
    m = re.search(r'name="csrf-token" value="([^"]+)"', html)
    if not m:
        raise SystemExit("no CSRF field on " + page)
    data = urllib.parse.urlencode(dict(fields, **{"csrf-token": m.group(1)})).encode()
    with client.opener.open(urllib.request.Request(client.base + path, data=data, method="POST"),
                            timeout=30) as r:
        r.read()
        return r.geturl()


def reader(base, owner, log):
    email = "reader@bench.test"
    post_form(owner, "/admin/invitations", "/admin/accounts", {"email": email, "role": "READER"})
    link = None
    for _ in range(120):  # mail goes out within the delivery job's interval
        with open(log, encoding="utf-8", errors="replace") as f:
            m = re.search(r"(/invitations/[A-Za-z0-9_-]{16,})", f.read())
        if m:
            link = m.group(1)
            break
        time.sleep(0.5)
    if not link:
        raise SystemExit("no invitation mail in " + log)
    client = Client(base)
    post_form(client, link, link, {"displayName": "Bench Reader", "password": "Bench-Reader-Password-2026"})
    if not client.cookie("qp_session"):
        raise SystemExit("the invitation did not sign the reader in")
    return client


def main():
    if len(sys.argv) not in (4, 6):
        raise SystemExit(__doc__)
    base, email, password = sys.argv[1:4]
    client = Client(base)
    client.login(email, password)
    if len(sys.argv) == 6:
        client = reader(base, client, sys.argv[5])
    print("Cookie: " + "; ".join(f"{c.name}={c.value}" for c in client.jar))


if __name__ == "__main__":
    main()

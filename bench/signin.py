#!/usr/bin/env python3
"""Signs in through the /login form like a browser and prints the Cookie header that browser would
send afterwards (the session and CSRF cookies), for wrk to measure pages as a signed-in visitor.

    python3 bench/signin.py BASE_URL EMAIL PASSWORD
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from load import Client  # noqa: E402  (the same sign-in as the data loader)


def main():
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    base, email, password = sys.argv[1:]
    client = Client(base)
    client.login(email, password)
    print("Cookie: " + "; ".join(f"{c.name}={c.value}" for c in client.jar))


if __name__ == "__main__":
    main()

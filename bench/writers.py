#!/usr/bin/env python3
"""Comment writes from many signed-in readers at once, against a running Quillpress.

Usage: writers.py BASE_URL EMAIL PASSWORD SLUG APP_LOG [--writers 16] [--seconds 10]

The owner (EMAIL, PASSWORD) invites --writers readers; their invitation mails are read from APP_LOG (the
app runs with QUARKUS_MAILER_MOCK=true, which logs mail). The owner then sets the discussion rules so that
the site's own limits do not stop the measurement: no minimum time between one writer's comments, 1,000 an
hour each (the form's maximum), no minimum writing time, no approval needed; the guest limits do not apply to
signed-in writers. Every writer then posts comments to SLUG through the JSON API with its session cookie and
CSRF header, as fast as answers come, for --seconds; prints one Markdown row: accepted comments per second,
p50 and p99 latency, and the answers that were not 201.

Only the standard library; traffic only to BASE_URL (loopback in bench/run.sh).
"""

import argparse
import html.parser
import json
import os
import random
import re
import sys
import threading
import time
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from load import Client, paragraph  # noqa: E402
from signin import post_form  # noqa: E402


class FormFields(html.parser.HTMLParser):
    """The named inputs and text areas of a page, as a browser would send them."""

    def __init__(self):
        super().__init__()
        self.fields, self._area = {}, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "input" and a.get("name"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields[a["name"]] = a.get("value") or ""
        elif tag == "textarea" and a.get("name"):
            self._area = a["name"]
            self.fields[self._area] = ""

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._area = None

    def handle_data(self, data):
        if self._area:
            self.fields[self._area] += data


def unlimited_rules(owner):
    with owner.opener.open(owner.base + "/admin/discussion", timeout=30) as r:
        page = FormFields()
        page.feed(r.read().decode("utf-8", "replace"))
    fields = {k: v for k, v in page.fields.items() if k not in ("csrf-token", "requireApproval", "requirePriorApproval")}
    fields.update(floodSeconds="0", hourlyLimit="1000", minSecondsToWrite="0")
    post_form(owner, "/admin/discussion", "/admin/discussion", fields)


def invitation_links(log):
    with open(log, encoding="utf-8", errors="replace") as f:
        return list(dict.fromkeys(re.findall(r"(/invitations/[A-Za-z0-9_-]{16,})", f.read())))


def invite(base, owner, log, count):
    writers = []
    for i in range(count):
        before = len(invitation_links(log))
        post_form(owner, "/admin/invitations", "/admin/accounts", {"email": "writer%d@bench.test" % i, "role": "READER"})
        for _ in range(240):  # mail goes out within the delivery job's interval
            links = invitation_links(log)
            if len(links) > before:
                break
            time.sleep(0.25)
        else:
            raise SystemExit("no invitation mail for writer %d in %s" % (i, log))
        client = Client(base)
        post_form(client, links[-1], links[-1], {"displayName": "Bench Writer %d" % i,
                                                 "password": "Bench-Writer-Password-2026"})
        if not client.cookie("qp_session"):
            raise SystemExit("the invitation did not sign writer %d in" % i)
        writers.append(client)
    return writers


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100.0 * (len(ordered) - 1))))]


def main():
    ap = argparse.ArgumentParser()
    for name in ("base", "email", "password", "slug", "log"):
        ap.add_argument(name)
    ap.add_argument("--writers", type=int, default=16)
    ap.add_argument("--seconds", type=float, default=10)
    args = ap.parse_args()
    base = args.base.rstrip("/")

    owner = Client(base)
    owner.login(args.email, args.password)
    writers = invite(base, owner, args.log, args.writers)
    unlimited_rules(owner)
    print("%d writers signed in; posting for %.0f s" % (len(writers), args.seconds), file=sys.stderr)

    latencies, refused, lock = [], {}, threading.Lock()
    start = threading.Event()
    deadline = [0.0]

    def write(client, seed):
        rng = random.Random(seed)
        start.wait()
        while time.perf_counter() < deadline[0]:
            t0 = time.perf_counter()
            status, text = client.post_json("/api/v1/posts/%s/comments" % args.slug, {"body": paragraph(rng)})
            took = time.perf_counter() - t0
            with lock:
                if status == 201:
                    latencies.append(took)
                else:
                    refused.setdefault(status, text[:200])
                    refused[str(status) + "#"] = refused.get(str(status) + "#", 0) + 1

    threads = [threading.Thread(target=write, args=(c, i), daemon=True) for i, c in enumerate(writers)]
    for t in threads:
        t.start()
    began = time.perf_counter()
    deadline[0] = began + args.seconds
    start.set()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - began
    errors = sum(v for k, v in refused.items() if isinstance(k, str) and k.endswith("#"))
    for k, v in refused.items():
        if not (isinstance(k, str) and k.endswith("#")):
            print("answer %s, e.g.: %s" % (k, v), file=sys.stderr)
    if not latencies:
        raise SystemExit("no comment was accepted")
    print("| %d signed-in writers posting comments (API, %.0f s) | %.0f accepted/s | %.1fms p50, %.1fms p99, %d refused |"
          % (len(writers), args.seconds, len(latencies) / elapsed, percentile(latencies, 50) * 1000,
             percentile(latencies, 99) * 1000, errors))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Comment workloads for the benchmark, against a running Quillpress.

Usage: comments.py BASE_URL EMAIL PASSWORD SLUG [--thread 100] [--posts 200] [--bulk 1000]

1. Adds --thread approved comments to the post SLUG as the owner (staff are approved at once),
   threaded up to five levels deep, so the measured post page carries a real discussion.
2. Times --posts guest comments through POST /api/v1/posts/{slug}/comments, one after another,
   each from a different guest (flood control is per guest): prints requests/s and p50/p99.
3. Creates --bulk held guest comments, then times one bulk approval of all of them through
   POST /api/v1/moderation/comments/bulk.

Only the standard library; traffic only to BASE_URL (loopback in bench/run.sh).
"""

import argparse
import json
import os
import random
import sys
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from load import Client, paragraph  # noqa: E402  (the loader's session client and text generator)


def guest_post(base, slug, body, index):
    data = json.dumps({"body": body, "name": "Guest %d" % index,
                       "email": "guest%d-%d@bench.invalid" % (index, time.time_ns())}).encode()
    req = urllib.request.Request("%s/api/v1/posts/%s/comments" % (base, slug), data=data, method="POST",
                                 headers={"Content-Type": "application/json", "Accept": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, {}


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100.0 * (len(ordered) - 1))))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("base")
    ap.add_argument("email")
    ap.add_argument("password")
    ap.add_argument("slug")
    ap.add_argument("--thread", type=int, default=100)
    ap.add_argument("--posts", type=int, default=200)
    ap.add_argument("--bulk", type=int, default=1000)
    args = ap.parse_args()
    base = args.base.rstrip("/")
    rng = random.Random(7)

    owner = Client(base)
    owner.login(args.email, args.password)
    ids = []
    for i in range(args.thread):
        parent = None
        if ids and i % 4 != 0:
            parent = ids[-1] if rng.random() < 0.6 else rng.choice(ids)
        status, text = owner.post_json("/api/v1/posts/%s/comments" % args.slug,
                                       {"body": paragraph(rng), "parentId": parent})
        if status != 201:
            raise SystemExit("thread comment failed: HTTP %d %s" % (status, text[:200]))
        ids.append(json.loads(text)["id"])
    print("thread: %d approved comments on /posts/%s" % (len(ids), args.slug), file=sys.stderr)

    if args.posts == 0 and args.bulk == 0:
        return
    latencies = []
    started = time.perf_counter()
    for i in range(args.posts):
        t0 = time.perf_counter()
        status, _ = guest_post(base, args.slug, paragraph(rng), i)
        latencies.append(time.perf_counter() - t0)
        if status != 201:
            raise SystemExit("guest comment failed: HTTP %d" % status)
    elapsed = time.perf_counter() - started
    if args.posts:
        print("| posting a guest comment (API, sequential, %d) | %.0f | %.2fms p50, %.2fms p99 |"
              % (args.posts, args.posts / elapsed, percentile(latencies, 50) * 1000, percentile(latencies, 99) * 1000))

    if args.bulk == 0:
        return
    held = []
    for i in range(args.bulk):
        status, body = guest_post(base, args.slug, "held comment %d" % i, 100000 + i)
        if status != 201:
            raise SystemExit("held comment failed: HTTP %d" % status)
        held.append(body["id"])
    t0 = time.perf_counter()
    status, text = owner.post_json("/api/v1/moderation/comments/bulk", {"ids": held, "action": "approve"})
    took = time.perf_counter() - t0
    if status != 200:
        raise SystemExit("bulk approve failed: HTTP %d %s" % (status, text[:200]))
    print("| approving %d held comments in one bulk request | %.0f comments/s | %.0fms total |"
          % (len(held), len(held) / took, took * 1000))


if __name__ == "__main__":
    main()

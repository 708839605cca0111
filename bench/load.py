#!/usr/bin/env python3
"""Load a realistic data set into a running Quillpress through its JSON API.

Usage: load.py BASE_URL EMAIL PASSWORD [--posts N] [--threads N] [--seed N]

Signs in through the /login form (session cookie + CSRF token, the way a browser
does), then creates N published posts with POST /api/v1/posts in parallel. Each
post gets a few paragraphs of generated Markdown, 3 tags from a pool of 50 and
one of five categories. Prints the slug of one post
(the one the benchmark requests) on the last line of stdout.

Only the standard library is used, so this runs on any machine with python3.
"""

import argparse
import datetime
import http.cookiejar
import json
import random
import re
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

# The loader signs in as the owner (an admin), and an admin naming a category that
# does not exist yet creates it; an author doing the same gets a 400.
CATEGORIES = ["Essays", "Practice", "Research", "Tools", "Notes"]

# The word list the generated text is made of (written for this script).
WORDS = """
able account across action active actual adapt advice after again agree ahead allow almost
alone along already always amount anchor answer anyone apart apply april archive argue around
arrive article aside asleep autumn average avoid awake balance basket battery beacon become
before begin behind belong below beside better beyond bicycle blanket bottle branch bread
bridge bright broken budget build burden button cabin camera candle canvas carbon careful
carpet castle celery center chapter charge cherry circle classic clever climate closet cloud
coastal coffee collect colour comfort common compass concert copper corner cotton counter
county courage cousin cradle crayon credit cricket crystal curious current curtain custom
damage dancer danger daring decent decide deliver desert design detail device dinner direct
divide doctor dollar donkey double dragon drawer driver during eager early easily editor
effort eight either eleven empty engine enough entire equal escape evening event exact
expert fabric factor fairly family famous farmer father feather fellow fender figure filter
finger flavor flower follow forest format fossil fourth frozen future galaxy garden garlic
gather gentle ginger glacier global golden gravel growth guitar hammer handle harbor harvest
helmet hidden hollow honest horizon hunter island jacket jungle kettle kitchen ladder lantern
laptop lawyer leader lemon letter level library limit liquid little lizard locker lonely
magnet manner marble market meadow medal melody memory method middle minute mirror modest
moment monkey morning mother motion muffin museum narrow nation nature needle neither noble
normal notice number object ocean office orange orbit output oxygen paddle palace panel
pencil pepper period person pillow planet plastic pocket poetry police pretty profit public
puzzle rabbit random rapid reader record region remote repair rescue ribbon river rocket
saddle salmon sample season second secret select signal silver simple single sister sketch
socket soldier spirit spring square stable statue stereo stone street studio subject summer
sunset supply switch symbol system table talent target tennis theory ticket timber tomato
travel tunnel turtle twelve update useful valley velvet vessel victory village violin visual
volume walnut wander window winter wisdom wonder wooden yellow zebra
""".split()

TAG_POOL = sorted(random.Random(50).sample(WORDS, 50))


def sentence(rng, low=6, high=16):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    if rng.random() < 0.25:
        i = rng.randrange(len(words))
        words[i] = "**" + words[i] + "**"
    elif rng.random() < 0.2:
        i = rng.randrange(len(words))
        words[i] = "`" + words[i] + "`"
    return " ".join(words).capitalize() + rng.choice([".", ".", ".", "?", "!"])


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))


def markdown_body(rng):
    parts = [paragraph(rng), paragraph(rng)]
    parts.append("## " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 5))).capitalize())
    parts.append(paragraph(rng))
    if rng.random() < 0.5:
        parts.append("\n".join("- " + sentence(rng, 3, 8) for _ in range(rng.randint(3, 5))))
    else:
        parts.append("```\n" + "\n".join(
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 6))) for _ in range(rng.randint(2, 5)))
            + "\n```")
    parts.append(paragraph(rng) + " See [the " + rng.choice(WORDS) + " notes](https://example.org/"
                 + rng.choice(WORDS) + ").")
    if rng.random() < 0.5:
        parts.append("> " + sentence(rng))
    parts.append(paragraph(rng))
    return "\n\n".join(parts)


def make_post(index, count, seed, now):
    rng = random.Random(seed * 100003 + index)
    title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 7))).capitalize()
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") + "-" + str(index + 1)
    # spread over the last three years, oldest first, all in the past
    step = 3 * 365 * 24 * 60 // max(count, 1)
    published = now - datetime.timedelta(minutes=(count - index) * step - rng.randint(0, step // 2))
    post = {
        "title": title,
        "slug": slug,
        "body": markdown_body(rng),
        "excerpt": sentence(rng, 12, 24),
        "tags": rng.sample(TAG_POOL, 3),
        "status": "PUBLISHED",
        "publishAt": published.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "commentsOpen": True,
    }
    if CATEGORIES:
        post["category"] = CATEGORIES[index % len(CATEGORIES)]
    return post


class Client:
    """A signed-in session: cookies kept in a jar shared by the worker threads."""

    def __init__(self, base):
        self.base = base.rstrip("/")
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.lock = threading.Lock()

    def cookie(self, name):
        with self.lock:
            for c in self.jar:
                if c.name == name:
                    return c.value
        return None

    def login(self, email, password):
        with self.opener.open(self.base + "/login", timeout=30) as r:
            html = r.read().decode("utf-8", "replace")
        m = (re.search(r'<input[^>]*name="([^"]*csrf[^"]*)"[^>]*value="([^"]+)"', html)
             or re.search(r'<input[^>]*value="([^"]+)"[^>]*name="([^"]*csrf[^"]*)"', html))
        if not m:
            raise SystemExit("no CSRF field on /login")
        field, token = m.groups() if "csrf" in m.group(1) else (m.group(2), m.group(1))
        form = urllib.parse.urlencode({"email": email, "password": password, field: token}).encode()
        req = urllib.request.Request(self.base + "/login", data=form, method="POST")
        try:
            with self.opener.open(req, timeout=30) as r:
                r.read()
        except urllib.error.HTTPError as e:
            raise SystemExit("sign-in failed: HTTP %d" % e.code)
        if not self.cookie("csrf-token"):
            raise SystemExit("no csrf-token cookie after sign-in")

    def post_json(self, path, body):
        req = urllib.request.Request(self.base + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json",
                                              "Accept": "application/json",
                                              "X-CSRF-TOKEN": self.cookie("csrf-token")})
        try:
            with self.opener.open(req, timeout=60) as r:
                return r.status, r.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode("utf-8", "replace")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("base")
    ap.add_argument("email")
    ap.add_argument("password")
    ap.add_argument("--posts", type=int, default=1000)
    ap.add_argument("--threads", type=int, default=4)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    client = Client(args.base)
    client.login(args.email, args.password)
    now = datetime.datetime.now(datetime.timezone.utc).replace(second=0, microsecond=0)
    posts = [make_post(i, args.posts, args.seed, now) for i in range(args.posts)]

    started = time.monotonic()
    failures = []

    def create(post):
        status, text = client.post_json("/api/v1/posts", post)
        if status != 201:
            failures.append((post["slug"], status, text[:500]))

    with ThreadPoolExecutor(max_workers=args.threads) as pool:
        list(pool.map(create, posts))
    elapsed = time.monotonic() - started

    if failures:
        slug, status, text = failures[0]
        print("%d of %d posts failed; first: %s -> HTTP %d %s" % (len(failures), len(posts), slug, status, text),
              file=sys.stderr)
        sys.exit(1)
    print("created %d posts (%d tags in the pool, %d categories) in %.1f s"
          % (len(posts), len(TAG_POOL), len(CATEGORIES), elapsed), file=sys.stderr)
    # a post from the middle of the set: neither the newest nor the oldest
    print(posts[len(posts) // 2]["slug"])


if __name__ == "__main__":
    main()

#!/usr/bin/env bash
# WordPress's theme unit test data (issue 13): imports a WXR file into a fresh site and checks that what
# WordPress had comes across: posts and pages, every category assignment, comments on pages shown, tables and
# lists intact, and what the import report lists as not rendered.
#
#   bench/wp-theme-data.sh PATH-TO-WXR              build, import, check
#   bench/wp-theme-data.sh PATH-TO-WXR --no-build   use the jar already in target/quarkus-app/
#
# The file is not in this repository (and cannot be downloaded while tests run): take
# themeunittestdata.wordpress.xml from https://github.com/WordPress/theme-test-data. The import runs on the
# command line (import-wxr) into an embedded H2 database in a scratch directory; the site is then started on a
# free loopback port to read the pages as a reader sees them, and everything it started is stopped on exit.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 PATH-TO-WXR [--no-build]" >&2; exit 2; }
WXR=$(readlink -f "$1")
cd "$(dirname "$0")/.."
ROOT=$(pwd)
[ "${2:-}" = --no-build ] || ./mvnw -B -q package -DskipTests
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

SCRATCH=$(mktemp -d)
APP_PID=
cleanup() {
  [ -z "$APP_PID" ] || { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; }
  [ -n "${BENCH_KEEP:-}" ] && echo "kept $SCRATCH" >&2 || rm -rf "$SCRATCH"
}
trap cleanup EXIT
JAR="$ROOT/target/quarkus-app/quarkus-run.jar"

( cd "$SCRATCH" && java -jar "$JAR" import-wxr "$WXR" >"$SCRATCH/import.log" 2>&1 )
( cd "$SCRATCH" && java -jar "$JAR" export-wxr "$SCRATCH/export.xml" >"$SCRATCH/export.log" 2>&1 )

PORT=$(free_port)
( cd "$SCRATCH" && QUARKUS_HTTP_PORT=$PORT QUARKUS_HTTP_HOST=127.0.0.1 \
    exec java -jar "$JAR" >"$SCRATCH/app.log" 2>&1 ) &
APP_PID=$!
for _ in $(seq 1 480); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" && break; sleep 0.5; done

python3 - "$WXR" "$SCRATCH/export.xml" "$SCRATCH/import.log" "http://127.0.0.1:$PORT" <<'PY'
import re, sys, urllib.request, urllib.error, xml.etree.ElementTree as ET

source, export, log, base = sys.argv[1:5]
WP = "{http://wordpress.org/export/1.2/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"

def items(path):
    for item in ET.parse(path).getroot().iter("item"):
        yield item

def text(item, tag):
    found = item.find(tag)
    return (found.text or "") if found is not None else ""

def get(path):
    try:
        with urllib.request.urlopen(base + path, timeout=60) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, ""

kept = {}   # WordPress id -> (type, title, categories, content, approved comments)
for item in items(source):
    kind = text(item, WP + "post_type")
    if kind not in ("post", "page") or text(item, WP + "status") not in ("publish", "inherit"):
        continue
    if text(item, WP + "post_password"):
        continue
    cats = sorted(c.text or "" for c in item.findall("category") if c.get("domain") == "category")
    comments = [c for c in item.findall(WP + "comment") if text(c, WP + "comment_approved") == "1"]
    kept[text(item, WP + "post_id")] = (kind, text(item, "title"), cats, text(item, CONTENT), comments)

exported = {}
for item in items(export):
    kind = text(item, WP + "post_type")
    if kind in ("post", "page"):
        exported[(kind, text(item, "title"))] = (
            sorted(c.text or "" for c in item.findall("category") if c.get("domain") == "category"),
            text(item, "link"))

posts = [v for v in kept.values() if v[0] == "post"]
pages = [v for v in kept.values() if v[0] == "page"]
assignments = sum(len(v[2]) for v in posts)
kept_assignments = 0
missing = []
for kind, title, cats, _, _ in posts:
    here = exported.get((kind, title))
    if here is None:
        missing.append(title)
        continue
    kept_assignments += len(set(cats) & set(here[0]))

def path_of(kind, title):
    here = exported.get((kind, title))
    return None if here is None else re.sub(r"^https?://[^/]+", "", here[1])

def body_of(html):
    m = re.search(r'<div class="post-body[^"]*">(.*?)</div>\s*(?:<footer|<nav|<section|</article)', html, re.S)
    return m.group(1) if m else html

page_comments = page_comments_shown = 0
tables = tables_shown = lists = lists_shown = empty_items = 0
for kind, title, cats, content, comments in kept.values():
    path = path_of(kind, title)
    if path is None:
        continue
    status, html = get(path)
    if status != 200:
        print(f"  {kind} {title!r}: {path} answered {status}")
        continue
    body = body_of(html)
    tables += len(re.findall(r"<table\b", content, re.I))
    tables_shown += min(len(re.findall(r"<table\b", content, re.I)), len(re.findall(r"<table\b", body, re.I)))
    lists += len(re.findall(r"<(?:ul|ol)\b", content, re.I))
    lists_shown += min(len(re.findall(r"<(?:ul|ol)\b", content, re.I)), len(re.findall(r"<(?:ul|ol)\b", body, re.I)))
    empty_items += len(re.findall(r"<li[^>]*>\s*(?:<br\s*/?>\s*)?</li>", body, re.I))
    if kind == "page":
        for c in comments:
            page_comments += 1
            words = re.sub(r"<[^>]+>", " ", text(c, WP + "comment_content")).split()
            probe = " ".join(words[:4])
            page_comments_shown += 1 if probe and probe.replace("&", "&amp;") in html or probe in html else 0

report = open(log, encoding="utf-8", errors="replace").read()
not_rendered = re.search(r"Not rendered as on WordPress.*?\n((?:  .*\n)+)", report)
print(f"posts published in the file:          {len(posts)} ({len(posts) - len([t for k, t, *_ in posts if (k, t) not in exported])} here)")
print(f"pages published in the file:          {len(pages)} ({len([1 for k, t, *_ in pages if (k, t) in exported])} here)")
print(f"category assignments kept:            {kept_assignments} of {assignments}")
print(f"approved comments on pages shown:     {page_comments_shown} of {page_comments}")
print(f"tables shown (of those in the source):  {tables_shown} of {tables}")
print(f"lists shown (of those in the source):   {lists_shown} of {lists}; empty list items on pages: {empty_items}")
if missing:
    print("not found here:", ", ".join(missing[:10]))
print("not rendered, as the import report lists it:")
print(not_rendered.group(1) if not_rendered else "  (nothing)")
PY

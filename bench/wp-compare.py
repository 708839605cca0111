#!/usr/bin/env python3
"""Compares two Quillpress sites that should show the same blog (bench/wp-roundtrip.sh): their WXR exports item by
item (title, slug, status, dates, parent, categories in order, tags, excerpt, comments with their threads, body
with addresses and attachment ids made comparable) and every published post and page as a reader sees it (the
article and its comments, the site's address taken out). Prints each difference; exits 1 when there is any.

    wp-compare.py A-EXPORT.xml A-BASE-URL C-EXPORT.xml C-BASE-URL
"""
import difflib
import re
import sys
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET

WP = "{http://wordpress.org/export/1.2/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
EXCERPT = "{http://wordpress.org/export/1.2/excerpt/}encoded"
a_xml, a_base, c_xml, c_base = sys.argv[1:5]
differences = 0


def text(node, tag):
    found = node.find(tag)
    return (found.text or "") if found is not None else ""


def read(path):
    """Posts and pages by title; attachments by id (for galleries and wp-image-N)."""
    items, attachments = {}, {}
    for item in ET.parse(path).getroot().iter("item"):
        kind = text(item, WP + "post_type")
        if kind == "attachment":
            attachments[text(item, WP + "post_id")] = re.sub(r"^.*/", "", text(item, WP + "attachment_url"))
        elif kind in ("post", "page"):
            items[text(item, "title")] = item
    by_id = {text(i, WP + "post_id"): t for t, i in items.items()}
    return items, attachments, by_id


def comparable_body(body, attachments):
    # an attachment id becomes its file's name; a site's or WordPress's address of a file its name alone
    def name(m):
        return m.group(1) + ",".join(attachments.get(n.strip(), "?" + n.strip()) for n in m.group(2).split(","))
    body = re.sub(r'(\bids=")([\d,\s]+)', name, body)
    body = re.sub(r"(wp-image-|attachment_)(\d+)", name, body)
    body = re.sub(r'https?://[^"\s]*/(?:media|wp-content/uploads/[\d/]*)/([^"/\s]+)', r"FILE:\1", body)
    body = re.sub(r'(?<=["\s])/media/([^"/\s]+)', r"FILE:\1", body)
    # WordPress's file names for a downloaded file: the same name, maybe with a -N before the extension
    body = re.sub(r"FILE:([0-9a-f]{24}-\d+)(?:-\d+)?(\.\w+)", r"FILE:\1\2", body)
    # library files are named by their content's hash, and each site encodes the pictures it takes in again
    seen = {}
    body = re.sub(r"[0-9a-f]{24}", lambda m: seen.setdefault(m.group(0), f"FILE{len(seen) + 1}"), body)
    return body.replace("\r\n", "\n")


def report(what, a, c):
    global differences
    if a != c:
        differences += 1
        print(f"  DIFF {what}:")
        for line in difflib.unified_diff(str(a).splitlines(), str(c).splitlines(), "A", "C", lineterm="", n=1):
            print("    " + line)


a_items, a_att, a_ids = read(a_xml)
c_items, c_att, c_ids = read(c_xml)
print(f"A: {len(a_items)} posts and pages, {len(a_att)} attachments; C: {len(c_items)} and {len(c_att)}")
for title in sorted(set(a_items) | set(c_items)):
    a, c = a_items.get(title), c_items.get(title)
    if a is None or c is None:
        differences += 1
        print(f"  DIFF {title!r} only in {'C' if a is None else 'A'}")
        continue
    for field in ("post_type", "post_name", "status", "post_date", "post_date_gmt", "comment_status",
                  "menu_order", "is_sticky"):
        report(f"{title!r} {field}", text(a, WP + field), text(c, WP + field))
    report(f"{title!r} parent", a_ids.get(text(a, WP + "post_parent")), c_ids.get(text(c, WP + "post_parent")))
    report(f"{title!r} author", text(a, "{http://purl.org/dc/elements/1.1/}creator"),
           text(c, "{http://purl.org/dc/elements/1.1/}creator"))
    # the first category is the post's main one; tags have no order
    report(f"{title!r} categories (main first)",
           [x.get("nicename") for x in a.findall("category") if x.get("domain") == "category"],
           [x.get("nicename") for x in c.findall("category") if x.get("domain") == "category"])
    report(f"{title!r} tags", sorted(x.get("nicename") for x in a.findall("category") if x.get("domain") == "post_tag"),
           sorted(x.get("nicename") for x in c.findall("category") if x.get("domain") == "post_tag"))
    report(f"{title!r} excerpt", text(a, EXCERPT), text(c, EXCERPT))
    report(f"{title!r} body", comparable_body(text(a, CONTENT), a_att), comparable_body(text(c, CONTENT), c_att))

    def thread(item):
        comments = {text(k, WP + "comment_id"): k for k in item.findall(WP + "comment")}
        return [(text(k, WP + "comment_author"), text(k, WP + "comment_date_gmt"), text(k, WP + "comment_approved"),
                 text(k, WP + "comment_content"),
                 text(comments[text(k, WP + "comment_parent")], WP + "comment_content")
                 if text(k, WP + "comment_parent") in comments else None) for k in comments.values()]
    report(f"{title!r} comments", "\n".join(map(repr, thread(a))), "\n".join(map(repr, thread(c))))


def page(base, path):
    try:
        with urllib.request.urlopen(base + path, timeout=60) as response:
            html = response.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return f"HTTP {e.code}"
    main = re.search(r"<main\b.*?</main>", html, re.S)
    html = main.group(0) if main else html
    html = re.sub(r"<form\b.*?</form>", "", html, flags=re.S)
    html = html.replace(base, "SITE")
    # a library file is named by its content's hash, and each site encodes the pictures it takes in again:
    # files are numbered in the order the page shows them, and each must answer
    files, broken = {}, []
    for name in re.findall(r"/media/([0-9a-f]{24})-", html):
        if name not in files:
            files[name] = f"FILE{len(files) + 1}"
    for url in sorted(set(re.findall(r"/media/[0-9a-f]{24}-[\w.]+", html))):
        try:
            urllib.request.urlopen(urllib.request.Request(base + url, method="HEAD"), timeout=60).close()
        except urllib.error.HTTPError as e:
            broken.append(f"BROKEN {url} ({e.code})")
    html = re.sub(r"/media/([0-9a-f]{24})-", lambda m: f"/media/{files[m.group(1)]}-", html)
    # an image's wp-image-N class keeps the attachment's id, which each WordPress numbers its own way: not shown
    html = re.sub(r"\bwp-image-\d+", "wp-image-N", html)
    return "\n".join(broken + [re.sub(r">\s*<", ">\n<", html).strip()])


for title, a in sorted(a_items.items()):
    c = c_items.get(title)
    if c is None or text(a, WP + "status") != "publish":
        continue
    a_path = re.sub(r"^https?://[^/]+", "", text(a, "link"))
    c_path = re.sub(r"^https?://[^/]+", "", text(c, "link"))
    report(f"{title!r} address", a_path, c_path)
    report(f"{title!r} as a reader sees it ({a_path})", page(a_base, a_path), page(c_base, c_path))
for path in ("/", "/categories", "/tags"):
    report(f"page {path}", page(a_base, path), page(c_base, path))

print(f"{differences} differences")
sys.exit(1 if differences else 0)

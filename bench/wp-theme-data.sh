#!/usr/bin/env bash
# WordPress's theme unit test data (issue 13): imports a WXR file into a fresh site and checks that what
# WordPress had comes across: posts and pages, every category assignment, comments on pages shown, tables and
# lists intact, and what the import report lists as not rendered.
#
#   bench/wp-theme-data.sh PATH-TO-WXR [--no-build] [--uploads=DIR | --placeholder-uploads]
#
#   --no-build              use the jar already in target/quarkus-app/
#   --uploads=DIR           a copy of the blog's wp-content/uploads: its images come into the media library
#   --placeholder-uploads   no copy at hand: an uploads folder of placeholder images is drawn (PHP CLI with gd),
#                           one at the path of every upload address in the file
#
# The file is not in this repository (and cannot be downloaded while tests run): take
# themeunittestdata.wordpress.xml from https://github.com/WPTT/theme-test-data, or the importer's test files from
# https://github.com/WordPress/wordpress-importer (phpunit/data). The import runs on the
# command line (import-wxr) into an embedded H2 database in a scratch directory; the site is then started on a
# free loopback port to read the pages as a reader sees them, and everything it started is stopped on exit.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 PATH-TO-WXR [--no-build] [--uploads=DIR | --placeholder-uploads]" >&2; exit 2; }
WXR=$(readlink -f "$1")
BUILD=true
UPLOADS=
PLACEHOLDERS=false
for arg in "${@:2}"; do
  case "$arg" in
    --no-build) BUILD=false ;;
    --uploads=*) UPLOADS=$(readlink -f "${arg#--uploads=}") ;;
    --placeholder-uploads) PLACEHOLDERS=true ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done
cd "$(dirname "$0")/.."
ROOT=$(pwd)
! $BUILD || ./mvnw -B -q package -DskipTests
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

SCRATCH=$(mktemp -d)
APP_PID=
cleanup() {
  [ -z "$APP_PID" ] || { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; }
  [ -n "${BENCH_KEEP:-}" ] && echo "kept $SCRATCH" >&2 || rm -rf "$SCRATCH"
}
trap cleanup EXIT
JAR="$ROOT/target/quarkus-app/quarkus-run.jar"

if $PLACEHOLDERS; then
  UPLOADS="$SCRATCH/uploads"
  # one image at the path of every upload address (wp-content/uploads or a files.wordpress.com host), a resized
  # copy's at its original's: PHP's gd draws it, in the format its name says
  php -r '
    preg_match_all("~(?:/wp-content/uploads/|\.files\.wordpress\.com/)([^\s\"\x27()<>?#\[\]]+\.(jpe?g|png|gif))~i",
        file_get_contents($argv[1]), $found, PREG_SET_ORDER);
    foreach ($found as [$all, $path, $ext]) {
      $path = preg_replace("~-\d{1,5}x\d{1,5}(\.\w+)$~", "$1", $path);
      $file = $argv[2] . "/" . $path;
      if (file_exists($file)) continue;
      @mkdir(dirname($file), 0777, true);
      $im = imagecreatetruecolor(800, 600);
      $h = crc32($path);
      imagefill($im, 0, 0, imagecolorallocate($im, $h & 0x7f, ($h >> 8) & 0x7f, ($h >> 16) & 0x7f));
      imagestring($im, 5, 20, 290, basename($path), imagecolorallocate($im, 255, 255, 255));
      match (strtolower($ext)) { "png" => imagepng($im, $file), "gif" => imagegif($im, $file), default => imagejpeg($im, $file) };
    }' "$WXR" "$UPLOADS"
  echo "placeholder images: $(find "$UPLOADS" -type f | wc -l)"
fi
( cd "$SCRATCH" && java -jar "$JAR" import-wxr "$WXR" ${UPLOADS:+--uploads="$UPLOADS"} >"$SCRATCH/import.log" 2>&1 )
( cd "$SCRATCH" && java -jar "$JAR" export-wxr "$SCRATCH/export.xml" >"$SCRATCH/export.log" 2>&1 )

PORT=$(free_port)
( cd "$SCRATCH" && QUARKUS_HTTP_PORT=$PORT QUARKUS_HTTP_HOST=127.0.0.1 \
    exec java -jar "$JAR" >"$SCRATCH/app.log" 2>&1 ) &
APP_PID=$!
for _ in $(seq 1 480); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" && break; sleep 0.5; done

python3 - "$WXR" "$SCRATCH/export.xml" "$SCRATCH/import.log" "http://127.0.0.1:$PORT" <<'PY'
import html as entities, re, sys, urllib.request, urllib.error, xml.etree.ElementTree as ET

source, export, log, base = sys.argv[1:5]
WP = "{http://wordpress.org/export/1.2/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"

def items(path):
    root = ET.parse(path).getroot()
    for element in root.iter():
        # WXR's namespaces over https (WordPress.com writes them so) as over http
        element.tag = element.tag.replace("{https://wordpress.org/export/", "{http://wordpress.org/export/")
    for item in root.iter("item"):
        yield item

def text(item, tag):
    found = item.find(tag)
    return (found.text or "") if found is not None else ""

def title_of(item):
    # a title as text: markup and character references as a reader reads them; none is "Untitled" here
    return entities.unescape(re.sub(r"<[^>]+>", "", entities.unescape(text(item, "title")))).strip() or "Untitled"

def get(path):
    try:
        with urllib.request.urlopen(base + path, timeout=60) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, ""

kept = {}   # WordPress id -> (type, title, categories, content, approved comments) of what readers see
assignments = 0  # category assignments of every post in the file, whatever its status
assigned = []
for item in items(source):
    kind = text(item, WP + "post_type")
    cats = sorted(c.get("nicename") or "" for c in item.findall("category") if c.get("domain") == "category")
    if kind == "post":
        assignments += len(cats)
        assigned.append((kind, title_of(item), text(item, WP + "post_date"), cats))
    if kind not in ("post", "page") or text(item, WP + "status") not in ("publish", "inherit"):
        continue
    if text(item, WP + "post_password"):
        continue
    comments = [c for c in item.findall(WP + "comment") if text(c, WP + "comment_approved") == "1"]
    kept[text(item, WP + "post_id")] = (kind, title_of(item), cats, text(item, CONTENT), comments)

exported = {}
for item in items(export):
    kind = text(item, WP + "post_type")
    if kind in ("post", "page"):
        value = (sorted(c.get("nicename") or "" for c in item.findall("category") if c.get("domain") == "category"),
                 text(item, "link"))
        exported[(kind, title_of(item), text(item, WP + "post_date"))] = value
        exported.setdefault((kind, title_of(item)), value)

posts = [v for v in kept.values() if v[0] == "post"]
pages = [v for v in kept.values() if v[0] == "page"]
kept_assignments = 0
missing = []
for kind, title, date, cats in assigned:
    here = exported.get((kind, title, date)) or exported.get((kind, title))
    if here is None:
        missing.append(title)
        continue
    # a category whose slug was taken here has another: counted by how many the post has
    kept_assignments += len(cats) if len(here[0]) == len(cats) else len(set(cats) & set(here[0]))

def path_of(kind, title):
    here = exported.get((kind, title))
    return None if here is None else re.sub(r"^https?://[^/]+", "", here[1])

def body_of(html):
    m = re.search(r'<div class="post-body[^"]*">(.*?)</div>\s*(?:<footer|<nav|<section|</article)', html, re.S)
    return m.group(1) if m else html

page_comments = page_comments_shown = 0
tables = tables_shown = lists = lists_shown = empty_items = 0
images = images_local = images_broken = galleries = galleries_shown = 0
checked = {}
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
    images += len(re.findall(r"<img\b", body, re.I))
    galleries += len(re.findall(r"\[gallery\b|<!-- wp:gallery", content))
    galleries_shown += len(re.findall(r'class="(?:gallery|wp-block-gallery)[\s"]', body))
    for src in re.findall(r'<img\b[^>]*?\bsrc="(/media/[^"]+)"', body):
        images_local += 1
        if src not in checked:
            checked[src] = get(src)[0] == 200
        images_broken += 0 if checked[src] else 1
    if kind == "page":
        for c in comments:
            page_comments += 1
            words = re.sub(r"<[^>]+>", " ", text(c, WP + "comment_content")).split()
            probe = " ".join(words[:4])
            page_comments_shown += 1 if probe and probe.replace("&", "&amp;") in html or probe in html else 0

report = open(log, encoding="utf-8", errors="replace").read()
not_rendered = re.search(r"Not rendered as on WordPress.*?\n((?:  .*\n)+)", report)
print(f"posts published in the file:          {len(posts)} ({len([1 for k, t, *_ in posts if (k, t) in exported])} here)")
print(f"pages published in the file:          {len(pages)} ({len([1 for k, t, *_ in pages if (k, t) in exported])} here)")
print(f"category assignments kept:            {kept_assignments} of {assignments}")
print(f"approved comments on pages shown:     {page_comments_shown} of {page_comments}")
print(f"tables shown (of those in the source):  {tables_shown} of {tables}")
print(f"lists shown (of those in the source):   {lists_shown} of {lists}; empty list items on pages: {empty_items}")
print(f"images on the published pages:        {images}, of them {images_local} from the media library"
      f" ({images_broken} not answering), the others from other sites")
print(f"galleries shown:                      {galleries_shown} of {galleries}")
if missing:
    print("not found here:", ", ".join(missing[:10]))
print("not rendered, as the import report lists it:")
print(not_rendered.group(1) if not_rendered else "  (nothing)")
PY

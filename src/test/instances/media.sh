#!/usr/bin/env bash
# Two instances, one S3 store: an image uploaded on instance A is served by instance B, byte for byte, and a
# post using it shows it on B too (issue 11).
#
#   src/test/instances/media.sh BASE_A BASE_B AUTH
#
# AUTH is either "Bearer <token>" (a token from /account) or the path of a curl cookie jar signed in as an
# author (its CSRF cookie is sent back as X-CSRF-TOKEN). Both instances must run with the same database and
#   QUILLPRESS_MEDIA_STORE=s3 QUILLPRESS_MEDIA_S3_ENDPOINT=http://127.0.0.1:9000
#   QUILLPRESS_MEDIA_S3_BUCKET=quillpress-media QUILLPRESS_MEDIA_S3_ACCESS_KEY=local-access-key
#   QUILLPRESS_MEDIA_S3_SECRET_KEY=local-secret-key-for-two-instances
#
# S3Proxy as its own process (checked with org.gaul:s3proxy 2.6.0, whose jar-with-dependencies runs alone):
#   ./mvnw -q dependency:get -Dartifact=org.gaul:s3proxy:2.6.0:jar:jar-with-dependencies
#   mkdir -p "$DIR/blobs/quillpress-media"     # the filesystem provider keeps each bucket as a folder
#   cat >"$DIR/s3proxy.conf" <<CONF
#   s3proxy.endpoint=http://127.0.0.1:9000
#   s3proxy.authorization=aws-v2-or-v4
#   s3proxy.identity=local-access-key
#   s3proxy.credential=local-secret-key-for-two-instances
#   jclouds.provider=filesystem
#   jclouds.filesystem.basedir=$DIR/blobs
#   CONF
#   java -cp ~/.m2/repository/org/gaul/s3proxy/2.6.0/s3proxy-2.6.0-jar-with-dependencies.jar \
#     org.gaul.s3proxy.Main --properties "$DIR/s3proxy.conf" &
# It answers on the port once Jetty logs "Started ServerConnector" (about 10-50 s on a busy machine): wait
# for any HTTP answer from http://127.0.0.1:9000/ (403 without a signature) before starting the instances.
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 BASE_A BASE_B 'Bearer TOKEN'|COOKIE_JAR" >&2; exit 2; }
A=${1%/}; B=${2%/}; AUTH=$3
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
fail() { echo "media (two instances): $*" >&2; exit 1; }

auth=()
if [[ $AUTH == Bearer* ]]; then
  auth=(-H "Authorization: $AUTH")
else
  [ -f "$AUTH" ] || fail "no cookie jar at $AUTH"
  csrf=$(awk '$6 ~ /csrf/ { print $7 }' "$AUTH" | tail -n1)
  auth=(-b "$AUTH" -c "$AUTH" -H "X-CSRF-TOKEN: $csrf")
fi

# a picture no earlier run uploaded (the same bytes twice would be the same library entry)
python3 - "$WORK/upload.png" <<'PY'
import os, struct, sys, zlib
w, h = 64, 48
seed = os.urandom(3)
rows = b"".join(b"\x00" + bytes(v for x in range(w) for v in ((x * 4 + seed[0]) % 256, (y * 5 + seed[1]) % 256,
    seed[2])) for y in range(h))
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY

code=$(curl -s -o "$WORK/up.json" -w '%{http_code}' "${auth[@]}" -H 'Accept: application/json' \
  -F "file=@$WORK/upload.png;type=image/png" -F 'alt=Two instances' "$A/api/v1/media")
[ "$code" = 201 ] || fail "upload on A answered $code: $(head -c 300 "$WORK/up.json")"
url=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["url"])' "$WORK/up.json")
[ -n "$url" ] || fail "upload on A answered no url"

curl -s -o "$WORK/a.img" -w '%{http_code}' "$A$url" | grep -qx 200 || fail "A does not serve $url"
curl -s -o "$WORK/b.img" -w '%{http_code}' "$B$url" | grep -qx 200 || fail "B does not serve $url (uploaded on A)"
cmp -s "$WORK/a.img" "$WORK/b.img" || fail "A and B serve different bytes for $url"

body=$(python3 -c 'import json,sys; print(json.dumps({"title":"Two instances, one image","body":"![Two instances](%s)\n" % sys.argv[1],"status":"PUBLISHED"}))' "$url")
code=$(curl -s -o "$WORK/post.json" -w '%{http_code}' "${auth[@]}" -H 'Accept: application/json' \
  -H 'Content-Type: application/json' -d "$body" "$A/api/v1/posts")
[[ $code == 20? ]] || fail "creating the post on A answered $code: $(head -c 300 "$WORK/post.json")"
slug=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["slug"])' "$WORK/post.json")

curl -s -o "$WORK/page.html" "$B/posts/$slug"
src=$(python3 -c '
import re,sys
m=re.search(r"<img[^>]*src=\"(/media/[^\"]+)\"[^>]*srcset=", open(sys.argv[1]).read())
print(m.group(1) if m else "")' "$WORK/page.html")
[ -n "$src" ] || fail "the post on B shows no library image with srcset"
curl -s -o "$WORK/a2.img" "$A$src"; curl -s -o "$WORK/b2.img" -w '%{http_code}' "$B$src" | grep -qx 200 \
  || fail "B does not serve $src, which its post page shows"
cmp -s "$WORK/a2.img" "$WORK/b2.img" || fail "A and B serve different bytes for $src"
echo "media (two instances): $url and the post /posts/$slug are the same on A and B"

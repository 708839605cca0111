#!/usr/bin/env bash
# Several instances, one S3 store (issue 11): an image uploaded on one instance is served by every other, byte
# for byte, in every width; a post using it shows it everywhere; replacing and deleting it on the first instance
# shows on every other within 2 s.
#
#   src/test/instances/media.sh AUTH BASE_UPLOAD BASE_OTHER [BASE_OTHER...]
#
# AUTH is either "Bearer <token>" (a token from /account) or the path of a curl cookie jar signed in as an
# author (its CSRF cookie is sent back as X-CSRF-TOKEN). All instances must run on one database with the same
#   QUILLPRESS_MEDIA_STORE=s3 QUILLPRESS_MEDIA_S3_ENDPOINT=http://127.0.0.1:9000
#   QUILLPRESS_MEDIA_S3_BUCKET=quillpress-media QUILLPRESS_MEDIA_S3_ACCESS_KEY=… QUILLPRESS_MEDIA_S3_SECRET_KEY=…
# run.sh (beside this file) starts S3Proxy (org.gaul:s3proxy's jar-with-dependencies, filesystem blob store) for
# it and passes these. Prints one line per check; exits non-zero naming the first that failed.
set -uo pipefail
[ $# -ge 3 ] || { echo "usage: $0 'Bearer TOKEN'|COOKIE_JAR BASE_UPLOAD BASE_OTHER..." >&2; exit 2; }
AUTH=$1; A=${2%/}; shift 2
OTHERS=("${@%/}")
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
fail() { echo "media: FAILED: $*" >&2; exit 1; }
pass() { echo "media: ok: $*"; }

auth() {  # the curl arguments that authenticate (a cookie jar's CSRF value is read afresh each time)
  if [[ $AUTH == Bearer* ]]; then
    printf '%s\n' -H "Authorization: $AUTH"
  else
    printf '%s\n' -b "$AUTH" -c "$AUTH" -H "X-CSRF-TOKEN: $(awk '$6 == "csrf-token" { print $7 }' "$AUTH" | tail -n1)"
  fi
}
[[ $AUTH == Bearer* ]] || [ -f "$AUTH" ] || fail "no cookie jar at $AUTH"
call() { local args; mapfile -t args < <(auth); curl -s "${args[@]}" -H 'Accept: application/json' "$@"; }
json() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2], {}, {"d": d}))' "$@"; }
# fetch BASE URL FILE: the status of a GET of URL, its body in FILE
fetch() { curl -s -o "$3" -w '%{http_code}' "$1$2"; }
# soon CMD...: true within 2 s (tried every 0.1 s)
soon() { for _ in $(seq 1 20); do "$@" && return 0; sleep 0.1; done; "$@"; }

# a picture no earlier run uploaded (the same bytes twice would be the same library entry), wide enough for
# several widths (480, 960 and its own 1100)
picture() {
  python3 - "$1" <<'PY'
import os, struct, sys, zlib
w, h = 1100, 700
seed = os.urandom(3)
rows = b"".join(b"\x00" + bytes(v for x in range(w) for v in ((x + seed[0]) % 256, (y + seed[1]) % 256,
    (x * y + seed[2]) % 256)) for y in range(h))
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
    + chunk(b"IDAT", zlib.compress(rows, 1)) + chunk(b"IEND", b""))
PY
}

# same_everywhere URL: every instance answers 200 for URL with the bytes the uploading instance serves
same_everywhere() {
  [ "$(fetch "$A" "$1" "$WORK/mine")" = 200 ] || { echo "$A does not serve $1"; return 1; }
  local i=0 base code
  for base in "${OTHERS[@]}"; do
    i=$((i + 1)); code=$(fetch "$base" "$1" "$WORK/other-$i")
    [ "$code" = 200 ] || { echo "$base answers $code for $1"; return 1; }
    cmp -s "$WORK/mine" "$WORK/other-$i" || { echo "$base serves other bytes than $A for $1"; return 1; }
  done
}

# ---- upload on the first instance, served by all
picture "$WORK/first.png"
code=$(call -o "$WORK/up.json" -w '%{http_code}' -F "file=@$WORK/first.png;type=image/png" -F 'alt=Shared harbour' "$A/api/v1/media")
[ "$code" = 201 ] || fail "uploading an image on $A answered $code: $(head -c 300 "$WORK/up.json")"
id=$(json "$WORK/up.json" 'd["id"]')
mapfile -t renditions < <(json "$WORK/up.json" '"\n".join(r["url"] for r in d["renditions"])')
[ ${#renditions[@]} -ge 3 ] || fail "the upload has ${#renditions[@]} widths, expected 3 (480, 960, 1100): $(head -c 300 "$WORK/up.json")"
for url in "${renditions[@]}"; do
  out=$(same_everywhere "$url") || fail "$out (uploaded on $A)"
done
pass "image $id uploaded on $A: its ${#renditions[@]} files are the same bytes on ${OTHERS[*]}"

# ---- a post showing it, its page on every instance
url=$(json "$WORK/up.json" 'd["url"]')
body=$(python3 -c 'import json,sys; print(json.dumps({"title":"Instances share one image","body":"![Shared harbour](%s)\n" % sys.argv[1],"status":"PUBLISHED"}))' "$url")
code=$(call -o "$WORK/post.json" -w '%{http_code}' -H 'Content-Type: application/json' -d "$body" "$A/api/v1/posts")
[[ $code == 20? ]] || fail "creating a post with the image on $A answered $code: $(head -c 300 "$WORK/post.json")"
slug=$(json "$WORK/post.json" 'd["slug"]')
# page_urls BASE: the library addresses the post page's image shows (src and every srcset entry)
page_urls() {
  curl -s "$1/posts/$slug" | python3 -c '
import re, sys
m = re.search(r"<img[^>]*>", sys.stdin.read().split("<article", 1)[-1])
tag = m.group(0) if m else ""
src = re.search(r"\ssrc=\"(/media/[^\"]+)\"", tag)
srcset = re.search(r"\ssrcset=\"([^\"]+)\"", tag)
urls = ([src.group(1)] if src else []) + ([part.split()[0] for part in srcset.group(1).split(",")] if srcset else [])
print("\n".join(sorted(set(u.strip() for u in urls))))'
}
for base in "${OTHERS[@]}"; do
  mapfile -t shown < <(page_urls "$base")
  [ ${#shown[@]} -ge 3 ] || fail "the post /posts/$slug on $base shows ${#shown[@]} image addresses (src and srcset), expected at least 3"
  for u in "${shown[@]}"; do out=$(same_everywhere "$u") || fail "$out (shown by /posts/$slug on $base)"; done
done
pass "the post /posts/$slug shows the image with srcset on ${OTHERS[*]}, every address the same bytes everywhere"

# ---- replaced on the first instance: every other shows the new file, and the old addresses lead to it
picture "$WORK/second.png"
code=$(call -o "$WORK/replaced.json" -w '%{http_code}' -X PUT -F "file=@$WORK/second.png;type=image/png" "$A/api/v1/media/$id")
[ "$code" = 200 ] || fail "replacing image $id on $A answered $code: $(head -c 300 "$WORK/replaced.json")"
new_url=$(json "$WORK/replaced.json" 'd["url"]')
[ "$new_url" != "$url" ] || fail "the replaced image kept its address $url"
shows_new() { page_urls "$1" | grep -qxF "$new_url"; }
old_leads_to_new() {
  local location; location=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "$1$url")
  [[ $location == "302 "*"$new_url" ]]
}
for base in "${OTHERS[@]}"; do
  soon shows_new "$base" || fail "2 s after the replacement on $A, /posts/$slug on $base still does not show $new_url"
  soon old_leads_to_new "$base" || fail "on $base the replaced address $url does not answer 302 to $new_url"
done
out=$(same_everywhere "$new_url") || fail "$out (the replacement)"
pass "replaced on $A: ${OTHERS[*]} show $new_url within 2 s and send the old address there"

# ---- an image no post uses, deleted on the first instance: gone everywhere
picture "$WORK/third.png"
code=$(call -o "$WORK/gone.json" -w '%{http_code}' -F "file=@$WORK/third.png;type=image/png" -F 'alt=Short-lived' "$A/api/v1/media")
[ "$code" = 201 ] || fail "uploading a second image on $A answered $code"
gone_id=$(json "$WORK/gone.json" 'd["id"]'); gone_url=$(json "$WORK/gone.json" 'd["url"]')
out=$(same_everywhere "$gone_url") || fail "$out"
code=$(call -o /dev/null -w '%{http_code}' -X DELETE "$A/api/v1/media/$gone_id")
[[ $code == 20? ]] || fail "deleting image $gone_id on $A answered $code"
not_served() { [ "$(curl -s -o /dev/null -w '%{http_code}' "$1$gone_url")" = 404 ]; }
for base in "${OTHERS[@]}"; do
  soon not_served "$base" || fail "2 s after deleting image $gone_id on $A, $base still serves $gone_url"
done
pass "deleted on $A: ${OTHERS[*]} answer 404 for its file within 2 s"

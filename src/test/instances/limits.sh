#!/usr/bin/env bash
# Two instances of the PostgreSQL build on one database must count rate limits together: what one instance
# counted, the other refuses. Usage: limits.sh BASE_A BASE_B (e.g. http://127.0.0.1:8101 http://127.0.0.1:8102).
# Signs in as the owner (QUILLPRESS_ADMIN_EMAIL and QUILLPRESS_ADMIN_PASSWORD, as the instances were started with)
# to publish a post to comment on. Exits non-zero, saying which limit was doubled, when one is.
# It leaves 7 failed sign-ins from this client's address (the address is slowed from 10 in 15 minutes on).
set -u
A=${1:?usage: limits.sh BASE_A BASE_B}
B=${2:?usage: limits.sh BASE_A BASE_B}
OWNER=${QUILLPRESS_ADMIN_EMAIL:?limits.sh: set QUILLPRESS_ADMIN_EMAIL to the owner the instances were started with}
OWNER_PASSWORD=${QUILLPRESS_ADMIN_PASSWORD:?limits.sh: set QUILLPRESS_ADMIN_PASSWORD}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
FAILED=0
problem() { echo "limits: $*" >&2; FAILED=1; }

csrf() {  # csrf JAR URL: the hidden CSRF field of the form at URL, as name=value
  curl -s -b "$1" -c "$1" "$2" | python3 -c '
import re, sys
page = sys.stdin.read()
m = re.search(r"<input[^>]*name=\"([^\"]*csrf[^\"]*)\"[^>]*value=\"([^\"]+)\"", page)
if m:
    print(m.group(1) + "=" + m.group(2))
else:
    m = re.search(r"<input[^>]*value=\"([^\"]+)\"[^>]*name=\"([^\"]*csrf[^\"]*)\"", page)
    if m:
        print(m.group(2) + "=" + m.group(1))'
}

sign_in() {  # sign_in BASE JAR EMAIL PASSWORD: prints the HTTP status of the sign-in form's POST
  local token; token=$(csrf "$2" "$1/login")
  curl -s -o /dev/null -w '%{http_code}' -b "$2" -c "$2" -X POST "$1/login" --data "$token" \
    --data-urlencode "email=$3" --data-urlencode "password=$4"
}

# --- a post to comment on, published by the owner on A
OWNER_JAR=$WORK/owner
code=$(sign_in "$A" "$OWNER_JAR" "$OWNER" "$OWNER_PASSWORD")
case $code in 30[0-9]) ;; *) echo "limits: the owner cannot sign in on $A (HTTP $code)" >&2; exit 2 ;; esac
XSRF=$(awk '$6 ~ /csrf/ {print $7}' "$OWNER_JAR" | tail -n 1)
slug=$(curl -s -b "$OWNER_JAR" -c "$OWNER_JAR" -X POST "$A/api/v1/posts" -H 'Accept: application/json' \
  -H 'Content-Type: application/json' -H "X-CSRF-TOKEN: $XSRF" \
  --data '{"title":"Limits across instances","body":"Counted once.","status":"PUBLISHED"}' \
  | python3 -c 'import json, sys; print(json.load(sys.stdin).get("slug", ""))' 2>/dev/null)
[ -n "$slug" ] || { echo "limits: could not publish a post on $A" >&2; exit 2; }

# --- comment flood guard: one comment per guest per interval, whichever instance takes it
guest="guest-$RANDOM$RANDOM@example.net"
comment() {  # comment BASE WORDS: the HTTP status of a guest comment through the API
  curl -s -o /dev/null -w '%{http_code}' -X POST "$1/api/v1/posts/$slug/comments" -H 'Content-Type: application/json' \
    -H 'Accept: application/json' --data "{\"body\":\"$2 $RANDOM\",\"name\":\"Alternating Guest\",\"email\":\"$guest\"}"
}
first=$(comment "$A" "First words")
second=$(comment "$B" "Second words")
case $first in 2??) ;; *) problem "a guest's first comment on A was not taken (HTTP $first)" ;; esac
[ "$second" = 429 ] || problem "flood limit doubled: the same guest's second comment on B got HTTP $second, not 429"

# --- sign-in throttle: 5 failures for one email from one address, then one attempt at a time
target="nobody-$RANDOM$RANDOM@example.net"
for base in "$A" "$B" "$A" "$B" "$A"; do   # 3 on A and 2 on B: under the limit on each, at it together
  code=$(sign_in "$base" "$WORK/guess-$RANDOM" "$target" "wrong-password-$RANDOM")
  [ "$code" = 401 ] || problem "a wrong password on $base got HTTP $code, not 401"
done
# now slowed down: of three attempts at once, one goes at once, one waits its turn, and one is refused
for i in 1 2 3; do
  sign_in "$B" "$WORK/slow-$i" "$target" "wrong-password-$i" >"$WORK/slow-$i.code" &
done
wait
refused=$(grep -l '^429$' "$WORK"/slow-*.code | wc -l)
[ "$refused" -ge 1 ] || problem "sign-in throttle doubled: after 5 failures split over A and B, 3 attempts at once on B got $(for f in "$WORK"/slow-*.code; do printf '%s ' "$(cat "$f")"; done)and none was refused"

[ $FAILED -eq 0 ] && echo "limits: flood guard and sign-in throttle hold across $A and $B"
exit $FAILED

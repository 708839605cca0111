#!/usr/bin/env bash
# Quillpress at a million comments (issue 15): imports a generated WordPress export of
# 100,000 posts and 1,000,000 comments from the command line, then measures each page of
# the issue's table as a signed-in reader (never served from the page cache) with wrk,
# 4 connections for 8 s, beside the same pages of a 1,000-post site (10,000 comments).
#
#   bench/scale.sh                 build the H2 jar, both sites, print the p99 table
#   bench/scale.sh --no-build      use the jar already in target/quarkus-app/
#   bench/scale.sh --pg            build and run against PostgreSQL (needs psql, createdb)
#   SCALE_POSTS=10000 SCALE_COMMENTS=100000 bench/scale.sh   a 10x smaller big site
#
# SCALE_DURATION (s, default 8) and SCALE_CONNECTIONS (default 4) change the wrk runs;
# SCALE_JAVA_OPTS (default -Xmx512m) is given to the import and to the app. With --pg the
# databases are SCALE_PG_DB_SMALL and SCALE_PG_DB (default quillpress_scale_small and
# quillpress_scale) on 127.0.0.1:5432 as user postgres: both are DROPPED and created again.
# Everything it starts is stopped on exit; BENCH_KEEP=1 keeps the scratch directory
# (exports, app logs, raw wrk output). SCALE_DATA=DIR keeps each site in DIR for the next run
# (DIR/small.xml, DIR/big.xml, and on H2 the databases DIR/small, DIR/big with their search
# indexes under DIR/run-small, DIR/run-big): an export or H2 database already there is used as it
# is instead of being generated and imported again (the import of the big site takes minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

BUILD=1
PG=0
while [ $# -gt 0 ]; do
  case $1 in
    --no-build) BUILD=0 ;;
    --pg) PG=1 ;;
    -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

BIG_POSTS=${SCALE_POSTS:-100000}
BIG_COMMENTS=${SCALE_COMMENTS:-1000000}
SMALL_POSTS=1000
SMALL_COMMENTS=10000
DURATION=${SCALE_DURATION:-8}
CONNECTIONS=${SCALE_CONNECTIONS:-4}
JAVA_OPTS=${SCALE_JAVA_OPTS:--Xmx512m}
ADMIN_EMAIL=bench@example.org
ADMIN_PASSWORD='Bench-Owner-Password-2026'

log() { printf '[scale] %s\n' "$*" >&2; }
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

command -v wrk >/dev/null || { log "installing wrk"; apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

SCRATCH=$(mktemp -d)
APP_PID=
cleanup() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  if [ -n "${BENCH_KEEP:-}" ]; then log "kept $SCRATCH"; else rm -rf "$SCRATCH"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ "$BUILD" = 1 ]; then
  log "building the jar"
  if [ "$PG" = 1 ]; then ./mvnw -B -q package -DskipTests -Dquarkus.profile=pg; else ./mvnw -B -q package -DskipTests; fi
fi
JAR=$ROOT/target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || { echo "no $JAR: build first or drop --no-build" >&2; exit 1; }

# database_url NAME LABEL: a fresh, empty database for one site (kept in SCALE_DATA on H2 when given)
database_url() {
  if [ -n "${SCALE_DATA:-}" ] && [ "$PG" = 0 ]; then
    echo "jdbc:h2:file:$SCALE_DATA/$2/quillpress;AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE"
  elif [ "$PG" = 1 ]; then
    psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $1" postgres >/dev/null
    createdb -h 127.0.0.1 -U postgres "$1"
    echo "jdbc:postgresql://127.0.0.1:5432/$1"
  else
    echo "jdbc:h2:file:$SCRATCH/$1/quillpress;AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE"
  fi
}

declare -A P99 RPS
# the rows of the table, in the order site() measures them
PAGES=("home \`/\`" "a post page (10 comments)" "\`/authors/{handle}\`, first page" "the same, 5 pages deep"
  "a tag" "a category" "a month" "search" "\`/feed\`" "\`/comments/feed\`" "a post's comment feed"
  "\`/moderation\` (1 % held)" "\`/sitemap.xml\` (an index beyond 2,000 URLs)" "\`/sitemap-pages-1.xml\`" "\`/sitemap-posts-1.xml\` (up to 2,000 URLs)")

# site LABEL POSTS COMMENTS DBNAME: generate, import, start, sign in, measure every page
site() {
  local label=$1 posts=$2 comments=$3 db=$4
  local wxr=$SCRATCH/$label.xml run=$SCRATCH
  if [ -n "${SCALE_DATA:-}" ]; then
    wxr=$SCALE_DATA/$label.xml run=$SCALE_DATA/run-$label
    mkdir -p "$run"
  fi
  if [ -s "$wxr" ]; then
    log "$label: using $wxr"
  else
    log "$label: writing $posts posts and $comments comments"
    python3 bench/wxr-gen.py "$wxr" "$posts" "$comments"
  fi
  local reuse=0
  [ -n "${SCALE_DATA:-}" ] && [ "$PG" = 0 ] && [ -f "$SCALE_DATA/$label/quillpress.mv.db" ] && reuse=1
  local url; url=$(database_url "$db" "$label")
  export QUILLPRESS_DB_URL=$url QUILLPRESS_DB_USER=${QUILLPRESS_DB_USER:-$([ "$PG" = 1 ] && echo postgres || echo quillpress)}
  export QUILLPRESS_ADMIN_EMAIL=$ADMIN_EMAIL QUILLPRESS_ADMIN_PASSWORD=$ADMIN_PASSWORD QUILLPRESS_SECURE_COOKIES=false
  if [ "$reuse" = 1 ]; then
    log "$label: using the database in $SCALE_DATA/$label"
    IMPORT_SECONDS[$label]="(kept)"
  else
    log "$label: importing ($(du -h "$wxr" | cut -f1))"
    local started=$SECONDS
    # shellcheck disable=SC2086
    (cd "$run" && java $JAVA_OPTS -jar "$JAR" import-wxr "$wxr" >"$SCRATCH/$label-import.log" 2>&1)
    IMPORT_SECONDS[$label]=$((SECONDS - started))
    log "$label: imported in ${IMPORT_SECONDS[$label]} s"
  fi

  local port; port=$(free_port)
  local base=http://127.0.0.1:$port
  export QUILLPRESS_SITE_URL=$base QUARKUS_HTTP_PORT=$port QUARKUS_HTTP_HOST=127.0.0.1
  # shellcheck disable=SC2086
  (cd "$run" && exec java $JAVA_OPTS -jar "$JAR" >"$SCRATCH/$label-app.log" 2>&1) &
  APP_PID=$!
  local launched=$SECONDS
  for _ in $(seq 1 600); do
    curl -fs -o /dev/null "$base/q/health/ready" && break
    kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$SCRATCH/$label-app.log" >&2; exit 1; }
    sleep 1
  done
  START_SECONDS[$label]=$((SECONDS - launched))

  # after a command-line import the embedded build rebuilds its search index once, in the background (about a
  # minute at 100,000 posts): measure the site as it runs afterwards, not while that rebuild shares the 2 cores
  sleep 5
  for _ in $(seq 1 900); do
    if ! grep -q "rebuilding it" "$SCRATCH/$label-app.log" || grep -q "Search index rebuilt" "$SCRATCH/$label-app.log"; then
      break
    fi
    sleep 1
  done
  grep -h "Search index rebuilt" "$SCRATCH/$label-app.log" | sed "s/^/[scale] $label: /" >&2 || true

  local cookie
  cookie=$(python3 - "$base" "$ADMIN_EMAIL" "$ADMIN_PASSWORD" <<'EOF'
import sys, re, http.cookiejar, urllib.parse, urllib.request
base, email, password = sys.argv[1:4]
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
html = opener.open(base + "/login", timeout=60).read().decode("utf-8", "replace")
m = re.search(r'<input[^>]*name="([^"]*csrf[^"]*)"[^>]*value="([^"]+)"', html)
form = urllib.parse.urlencode({"email": email, "password": password, m.group(1): m.group(2)}).encode()
opener.open(urllib.request.Request(base + "/login", data=form, method="POST"), timeout=60).read()
print("; ".join(f"{c.name}={c.value}" for c in jar))
EOF
)
  local middle=$((posts / 2)) year=$((2010 + (posts / 2) % 15))
  local author=/authors/writer0
  # a deep page of the author's archive: follow "Older posts" five times
  local deep=$author
  for _ in 1 2 3 4 5; do
    local next
    next=$(curl -s -H "Cookie: $cookie" "$base$deep" | grep -o 'href="[^"]*?before=[^"]*"' | head -1 | sed 's/^href="//; s/"$//; s/&amp;/\&/g') || true
    [ -n "$next" ] && deep=$next
  done
  local pages=(
    "/" "/posts/benchmark-post-$middle" "$author" "$deep" "/tags/tag-7" "/categories/topic-3"
    "/archive/$year/06" "/search?q=keeper" "/feed" "/comments/feed" "/posts/benchmark-post-$middle/comments/feed"
    "/moderation" "/sitemap.xml" "/sitemap-pages-1.xml" "/sitemap-posts-1.xml")
  local i=0
  for page in "${pages[@]}"; do
    local key="p$i"; i=$((i + 1))
    local code
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base$page")
    if [ "$code" != 200 ]; then
      log "$label $page: HTTP $code, skipped"; P99[$label,$key]="HTTP $code"; RPS[$label,$key]=-; continue
    fi
    log "$label $page: ${DURATION}s"
    local out
    out=$(wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Cookie: $cookie" "$base$page")
    printf '%s\n' "$out" >"$SCRATCH/$label-wrk-$key.txt"
    RPS[$label,$key]=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$out")
    P99[$label,$key]=$(awk '$1 == "99%" {print $2}' <<<"$out")
    local errors
    errors=$(awk '/Non-2xx or 3xx responses:/ {n += $NF} /Socket errors:/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' <<<"$out")
    [ "$errors" = 0 ] || P99[$label,$key]="${P99[$label,$key]} ($errors errors)"
  done
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=
}

declare -A IMPORT_SECONDS START_SECONDS
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
site small "$SMALL_POSTS" "$SMALL_COMMENTS" "${SCALE_PG_DB_SMALL:-quillpress_scale_small}"
site big "$BIG_POSTS" "$BIG_COMMENTS" "${SCALE_PG_DB:-quillpress_scale}"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

DB=$([ "$PG" = 1 ] && echo PostgreSQL || echo "embedded H2")
printf '\n%s, %s, signed in (never cached), wrk %s connections %s s; load average before %s, after %s\n' \
  "$(date -u +%F)" "$DB" "$CONNECTIONS" "$DURATION" "$LOAD_BEFORE" "$LOAD_AFTER"
printf 'import: %s posts / %s comments in %s s; %s posts / %s comments in %s s (%s)\n' \
  "$SMALL_POSTS" "$SMALL_COMMENTS" "${IMPORT_SECONDS[small]}" "$BIG_POSTS" "$BIG_COMMENTS" "${IMPORT_SECONDS[big]}" "$JAVA_OPTS"
printf 'start (launch to ready): small %s s, big %s s\n\n' "${START_SECONDS[small]}" "${START_SECONDS[big]}"
printf '| page | %s posts: req/s, p99 | %s posts / %s comments: req/s, p99 |\n| --- | --- | --- |\n' \
  "$SMALL_POSTS" "$BIG_POSTS" "$BIG_COMMENTS"
for i in "${!PAGES[@]}"; do
  printf '| %s | %s, %s | %s, %s |\n' "${PAGES[$i]}" "${RPS[small,p$i]:-}" "${P99[small,p$i]:-}" \
    "${RPS[big,p$i]:-}" "${P99[big,p$i]:-}"
done

#!/usr/bin/env bash
# Quillpress throughput benchmark: wrk against the app and against nginx serving
# the same post page as a static file, all on loopback (127.0.0.1 only).
#
#   bench/run.sh                   build, start on embedded H2, load 1,000 posts, measure
#   bench/run.sh --no-build        use the jar already in target/quarkus-app/
#   bench/run.sh --static-only F   measure only nginx serving the HTML file F (no app)
#   bench/run.sh --pg              the PostgreSQL build, on a scratch database BENCH_PG_DB (default
#                                  quillpress_bench, DROPPED and created again) at 127.0.0.1:5432
#
# Every wrk run is 2 threads, 16 connections, a 5 s warm-up (discarded) then 15 s
# measured with --latency. BENCH_DURATION / BENCH_WARMUP (seconds, at most 300)
# change those. BENCH_JAVA_OPTS is passed to the app's JVM; by default the options the
# README's start command gives (heap and metaspace caps, serial collector). Prints a Markdown
# table: target, requests/s, p99 latency, bytes per response, whether the page cache
# answered (X-Cache), errors, and the share of nginx's static figure for the post page rows.
# The guest rows are page-cache hits, plus one row where every request misses
# (bench/uncached.lua); the signed-in rows send a reader's and the owner's session cookie;
# the last app row runs 64 connections and reports the JVM's largest resident size.
# Everything it starts is stopped on exit.
#
# The data set is 1,000 published posts with 3 tags each from a pool of 50 and one of
# five categories, made by bench/load.py through POST /api/v1/posts; the measured post
# then gets 100 threaded comments (bench/comments.py). After the page measurements,
# bench/comments.py also times posting guest comments and one bulk approval of 1,000, and
# bench/writers.py 16 signed-in readers posting comments at once. The guest limits per network
# are lifted for loopback (QUILLPRESS_FLOOD_EXEMPT_ADDRESSES) and writers.py sets the discussion
# rules' per-writer limits to their loosest: the rows measure the write path, not the limits.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

BUILD=1
STATIC_FILE=
PG=0
while [ $# -gt 0 ]; do
  case $1 in
    --no-build) BUILD=0 ;;
    --pg) PG=1 ;;
    --static-only) STATIC_FILE=${2:?--static-only needs an HTML file}; shift ;;
    -h|--help) sed -n '2,29p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

DURATION=${BENCH_DURATION:-15}
WARMUP=${BENCH_WARMUP:-5}
for v in "$DURATION" "$WARMUP"; do
  [[ $v =~ ^[0-9]+$ ]] && [ "$v" -ge 1 ] && [ "$v" -le 300 ] || { echo "durations must be 1..300 s" >&2; exit 2; }
done
THREADS=2
CONNECTIONS=16
POSTS=${BENCH_POSTS:-1000}
ADMIN_EMAIL=bench@example.org
ADMIN_PASSWORD='Bench-Owner-Password-2026'
# the README's start command; keep the two alike
MALLOC_ARENAS=${BENCH_MALLOC_ARENA_MAX-2}
JAVA_OPTS=${BENCH_JAVA_OPTS-"-Xmx160m -Xmn32m -Xss512k -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=64m -XX:+UseSerialGC"}

log() { printf '[bench] %s\n' "$*" >&2; }

free_port() {
  python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'
}

# --- tools ----------------------------------------------------------------------
if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  log "installing wrk and nginx"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx >/dev/null
fi

# --- scratch dir and cleanup -----------------------------------------------------
SCRATCH=$(mktemp -d)
chmod 755 "$SCRATCH"   # nginx workers run as nobody and must reach www/
APP_PID=
NGINX_PID=
cleanup() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  if [ -n "$NGINX_PID" ]; then kill "$NGINX_PID" 2>/dev/null || true; wait "$NGINX_PID" 2>/dev/null || true; fi
  if [ -n "${BENCH_KEEP:-}" ]; then log "kept $SCRATCH"; else rm -rf "$SCRATCH"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

LOAD_BEFORE=   # taken just before the first measurement

# --- measuring ---------------------------------------------------------------------
ROWS=()
declare -A RPS=()
# measure NAME URL [HEADER] [WRK_SCRIPT]: warm up, run wrk, add a table row. The cache
# column is the X-Cache header of a request made right after the measurement (HIT: served
# from the page cache; MISS: rendered by the application); with a script, it is that of
# an address the cache has not seen, as the script requests.
measure() {
  local name=$1 url=$2 header=${3:-} script=${4:-}
  [ -n "$LOAD_BEFORE" ] || LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
  local hdr=() extra=() probe_url=$url
  [ -n "$header" ] && hdr=(-H "$header")
  [ -n "$script" ] && extra=(-s "$script") && probe_url="$url?uncached=probe"
  local code size
  code=$(curl -s -o "$SCRATCH/probe" -w '%{http_code}' "${hdr[@]}" "$url")
  size=$(wc -c <"$SCRATCH/probe")
  if [ "$code" != 200 ]; then
    log "$name: HTTP $code from $url, skipped"
    ROWS+=("| $name | skipped (HTTP $code) | | | | |")
    return 0
  fi
  log "$name: warm-up ${WARMUP}s, then ${DURATION}s"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "${hdr[@]}" "${extra[@]}" "$url" >/dev/null
  local out
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "${hdr[@]}" "${extra[@]}" "$url")
  printf '%s\n' "$out" >"$SCRATCH/wrk-$(echo "$name" | tr -c 'a-zA-Z0-9' '-').txt"
  local rps p99 errors cache
  rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx or 3xx responses:/ {n += $NF} /Socket errors:/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' <<<"$out")
  cache=$(curl -s -o /dev/null -D - "${hdr[@]}" "$probe_url" | awk -F': *' 'tolower($1) == "x-cache" {print $2}' | tr -d '\r')
  RPS[$name]=$rps
  ROWS+=("| $name | $rps | $p99 | $size | ${cache:--} | $errors |")
}

# measure_rss NAME URL HEADER: 64 connections for the measured duration, sampling the app's
# resident set size every half second; adds a row and remembers the largest size seen.
RSS_NOTE=
measure_rss() {
  local name=$1 url=$2 header=$3 out max=0 rss
  log "$name: ${DURATION}s at 64 connections, sampling the app's resident size"
  wrk -t"$THREADS" -c64 -d"${DURATION}s" --latency -H "$header" "$url" >"$SCRATCH/wrk-rss.txt" &
  local wrk_pid=$!
  while kill -0 "$wrk_pid" 2>/dev/null; do
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$APP_PID/status" 2>/dev/null || echo 0)
    [ "${rss:-0}" -gt "$max" ] && max=$rss
    sleep 0.5
  done
  wait "$wrk_pid" || true
  out=$(cat "$SCRATCH/wrk-rss.txt")
  local rps p99 errors
  rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx or 3xx responses:/ {n += $NF} /Socket errors:/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' <<<"$out")
  RPS[$name]=$rps
  ROWS+=("| $name | $rps | $p99 | | - | $errors |")
  RSS_NOTE="largest resident size of the app's JVM during the 64-connection run: $((max / 1024)) MB"
}

# --- nginx serving the saved post page -----------------------------------------
start_nginx() {  # start_nginx HTML_FILE: sets NGINX_URL
  mkdir -p "$SCRATCH/www" "$SCRATCH/nginx-tmp"
  cp "$1" "$SCRATCH/www/post.html"
  chmod 755 "$SCRATCH/www"; chmod 644 "$SCRATCH/www/post.html"
  local port; port=$(free_port)
  cat >"$SCRATCH/nginx.conf" <<EOF
worker_processes 2;
daemon off;
pid $SCRATCH/nginx.pid;
error_log $SCRATCH/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path $SCRATCH/nginx-tmp/body;
  proxy_temp_path $SCRATCH/nginx-tmp/proxy;
  fastcgi_temp_path $SCRATCH/nginx-tmp/fastcgi;
  uwsgi_temp_path $SCRATCH/nginx-tmp/uwsgi;
  scgi_temp_path $SCRATCH/nginx-tmp/scgi;
  # compresses on the fly, only for clients that send Accept-Encoding: gzip
  gzip on;
  server {
    listen 127.0.0.1:$port;
    root $SCRATCH/www;
  }
}
EOF
  nginx -p "$SCRATCH" -c "$SCRATCH/nginx.conf" &
  NGINX_PID=$!
  NGINX_URL=http://127.0.0.1:$port/post.html
  for _ in $(seq 1 50); do
    curl -fs -o /dev/null "$NGINX_URL" && return 0
    kill -0 "$NGINX_PID" 2>/dev/null || break
    sleep 0.1
  done
  log "nginx did not start: $(tail -n 3 "$SCRATCH/nginx-error.log" 2>/dev/null)"
  return 1
}

measure_nginx() {
  start_nginx "$1"
  measure "nginx static post page" "$NGINX_URL"
  measure "nginx static post page, gzip" "$NGINX_URL" "Accept-Encoding: gzip"
}

print_table() {
  local nginx=${RPS["nginx static post page"]:-}
  echo
  echo "| target | requests/s | p99 latency | bytes/response | cache | errors |"
  echo "| --- | ---: | ---: | ---: | --- | ---: |"
  printf '%s\n' "${ROWS[@]}"
  echo
  if [ -n "$nginx" ] && [ "$nginx" -gt 0 ]; then
    local row
    for row in "app post page /posts/{slug}" "app post page, signed in (reader)" "app post page, signed in (owner)" \
      "app post page, cache miss every request"; do
      [ -n "${RPS[$row]:-}" ] && echo "- $row: $((RPS[$row] * 1000 / nginx / 10)).$((RPS[$row] * 1000 / nginx % 10)) % of nginx static"
    done
  fi
  [ -n "$RSS_NOTE" ] && echo "- $RSS_NOTE"
  echo
  echo "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency after a ${WARMUP}s warm-up;" \
    "$(date -u +%Y-%m-%d); $(nproc) cores; $([ "$PG" = 1 ] && echo PostgreSQL || echo "embedded H2"); app JVM options: ${JAVA_OPTS:-(none)}; MALLOC_ARENA_MAX=${MALLOC_ARENAS:-(glibc default)};" \
    "load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
}

if [ -n "$STATIC_FILE" ]; then
  [ -f "$STATIC_FILE" ] || { echo "no such file: $STATIC_FILE" >&2; exit 2; }
  measure_nginx "$STATIC_FILE"
  print_table
  exit 0
fi

# --- the app ------------------------------------------------------------------------
if [ "$BUILD" = 1 ]; then
  if [ "$PG" = 1 ]; then
    log "building the PostgreSQL build (./mvnw -B -q package -DskipTests -Dquarkus.profile=pg)"
    ./mvnw -B -q package -DskipTests -Dquarkus.profile=pg
  else
    log "building (./mvnw -B -q package -DskipTests)"
    ./mvnw -B -q package -DskipTests
  fi
fi
DB_ENV=()
if [ "$PG" = 1 ]; then
  PG_DB=${BENCH_PG_DB:-quillpress_bench}
  psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $PG_DB" postgres >/dev/null
  createdb -h 127.0.0.1 -U postgres "$PG_DB"
  DB_ENV=(QUILLPRESS_DB_URL="jdbc:postgresql://127.0.0.1:5432/$PG_DB" QUILLPRESS_DB_USER=postgres)
fi
JAR=$ROOT/target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || { echo "no $JAR: build first or drop --no-build" >&2; exit 1; }

APP_PORT=$(free_port)
BASE=http://127.0.0.1:$APP_PORT
log "starting the app on $BASE ($([ "$PG" = 1 ] && echo "PostgreSQL database $PG_DB" || echo "embedded H2 in $SCRATCH/data"))"
(
  cd "$SCRATCH"
  export QUILLPRESS_ADMIN_EMAIL=$ADMIN_EMAIL QUILLPRESS_ADMIN_PASSWORD=$ADMIN_PASSWORD
  export QUILLPRESS_SECURE_COOKIES=false QUILLPRESS_SITE_URL=$BASE
  export PORT=$APP_PORT QUARKUS_HTTP_HOST=127.0.0.1
  # mail goes to the log, where bench/signin.py reads the reader's invitation
  export QUARKUS_MAILER_MOCK=true
  # the comment rows measure the write path: loopback is not limited as one guest network
  export QUILLPRESS_FLOOD_EXEMPT_ADDRESSES=127.0.0.1 QUILLPRESS_FLOOD_HELD_PER_MINUTE=100000
  [ ${#DB_ENV[@]} -eq 0 ] || export "${DB_ENV[@]}"
  # the README's start command's malloc setting (BENCH_MALLOC_ARENA_MAX= for glibc's default)
  [ -z "$MALLOC_ARENAS" ] || export MALLOC_ARENA_MAX=$MALLOC_ARENAS
  # shellcheck disable=SC2086 # options are words
  exec java $JAVA_OPTS -jar "$JAR" >"$SCRATCH/app.log" 2>&1
) &
APP_PID=$!
ready=0
for _ in $(seq 1 240); do  # up to 120 s: startup is slow on a busy machine
  if curl -fs -o /dev/null "$BASE/q/health/ready"; then ready=1; break; fi
  kill -0 "$APP_PID" 2>/dev/null || break
  sleep 0.5
done
if [ "$ready" != 1 ]; then
  if kill -0 "$APP_PID" 2>/dev/null; then
    log "the app did not become ready within 120 s"
  else
    log "the app exited during startup"
  fi
  log "first errors in its log, then its last lines:"
  grep -m 5 -E 'ERROR|Exception' "$SCRATCH/app.log" >&2 || true
  tail -n 10 "$SCRATCH/app.log" >&2
  exit 1
fi

log "loading $POSTS posts"
SLUG=$(python3 "$ROOT/bench/load.py" "$BASE" "$ADMIN_EMAIL" "$ADMIN_PASSWORD" --posts "$POSTS" | tail -n 1)
POST_URL=$BASE/posts/$SLUG
log "adding 100 threaded comments to the measured post"
python3 "$ROOT/bench/comments.py" "$BASE" "$ADMIN_EMAIL" "$ADMIN_PASSWORD" "$SLUG" --thread 100 --posts 0 --bulk 0
curl -fsS -o "$SCRATCH/post.html" "$POST_URL"
log "post page: $POST_URL ($(wc -c <"$SCRATCH/post.html") bytes)"

# guests are served from the page cache (X-Cache: HIT) once a page has been rendered
measure "app home page /" "$BASE/"
measure "app post page /posts/{slug}" "$POST_URL"
measure "app post page, gzip" "$POST_URL" "Accept-Encoding: gzip"
measure "app Atom feed /feed" "$BASE/feed"
# the application rendering every request: what the first guest after a change gets
measure "app post page, cache miss every request" "$POST_URL" "" "$ROOT/bench/uncached.lua"
# signed-in visitors: never served from the page cache. A reader (invited by the owner) and
# the owner, who may edit the post and moderates (an edit link, the moderation count)
log "inviting a reader"
READER_COOKIE=$(python3 "$ROOT/bench/signin.py" "$BASE" "$ADMIN_EMAIL" "$ADMIN_PASSWORD" --reader "$SCRATCH/app.log")
OWNER_COOKIE=$(python3 "$ROOT/bench/signin.py" "$BASE" "$ADMIN_EMAIL" "$ADMIN_PASSWORD")
measure "app post page, signed in (reader)" "$POST_URL" "$READER_COOKIE"
measure "app post page, signed in (owner)" "$POST_URL" "$OWNER_COOKIE"
measure_rss "app post page, signed in (reader), 64 connections" "$POST_URL" "$READER_COOKIE"

log "timing comment posting and one bulk approval"
# a failure here (say, a rate limit answering 429) must not lose the page figures above
COMMENT_ROWS=$(python3 "$ROOT/bench/comments.py" "$BASE" "$ADMIN_EMAIL" "$ADMIN_PASSWORD" "$SLUG" \
  --thread 0 --posts 200 --bulk 1000) || COMMENT_ROWS="| comment timing failed (see the log above) | | |"
log "16 signed-in writers posting comments at once"
WRITER_ROW=$(python3 "$ROOT/bench/writers.py" "$BASE" "$ADMIN_EMAIL" "$ADMIN_PASSWORD" "$SLUG" "$SCRATCH/app.log" \
  --writers 16 --seconds "$DURATION") || WRITER_ROW="| signed-in writers failed (see the log above) | | |"
COMMENT_ROWS=$(printf '%s\n%s' "$COMMENT_ROWS" "$WRITER_ROW")

kill "$APP_PID" 2>/dev/null; wait "$APP_PID" 2>/dev/null || true; APP_PID=
measure_nginx "$SCRATCH/post.html"
print_table
printf '\n| comment workload | rate | latency |\n| --- | ---: | ---: |\n%s\n' "$COMMENT_ROWS"

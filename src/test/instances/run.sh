#!/usr/bin/env bash
# Several instances on one PostgreSQL, end to end (CI step 4): src/test/instances/run.sh
#
# Builds the PostgreSQL jar (-Dquarkus.profile=pg), creates a scratch database on the local server
# (127.0.0.1:5432, user postgres, trust auth; PG_HOST/PG_PORT/PG_USER override; database names start with
# INSTANCES_DB_PREFIX, default qp_instances_), starts S3Proxy (org.gaul:s3proxy from Maven Central, filesystem
# blob store) as the shared media store and a mail sink (mail-sink.py) as the SMTP server, then THREE instances
# on the empty database at the same moment with one QUILLPRESS_SESSION_SECRET, and nginx in front of them as a
# round-robin load balancer on loopback (installed from Debian when missing and run as root). Then it checks:
#   - all three come up, with one owner;
#   - what instance A changes holds on B and C within 2 s (each delay is printed): a sign-out, "sign out
#     everywhere", a ban, site and discussion settings, an approved comment on a cached guest page;
#   - pages and sign-in through nginx;
#   - media on the S3 store (media.sh): an upload on A is the same bytes in every width on B and C, its post
#     shows it everywhere, a replacement and a deletion show everywhere within 2 s;
#   - once-only jobs: scheduled posts published once, each mail delivered once, expired trash purged once;
#   - a backup under load (backup.sh): pg_dump while comments are written, restored into a new database, the
#     jar started on it, an account made before the backup signs in and finds its post, comments and settings;
#   - an import started on A shows the same progress on B and C; A is killed (kill -9) mid-import, B or C
#     takes it over once its lease runs out (QUILLPRESS_IMPORT_LEASE, 20 s here) and it ends with every post
#     and comment stored once;
#   - rate limits counted across instances (limits.sh, last: it leaves failed sign-ins behind).
# Each check prints "ok" or "FAILED" with what went wrong; the exit status is non-zero when any failed.
# Everything started here is stopped, and the databases dropped, on exit.
#
# Adding a scenario: write it below the others with `check "what must hold" command args...` (the command's
# exit status decides; its output is shown only on failure), `within SECONDS command args...` for "becomes
# true soon" and `everywhere SECONDS command args...` for "becomes true on B and C soon" (in the arguments,
# @base stands for each instance's address and @name for its letter). Helpers: `get|post_form|api JAR BASE
# PATH ...` (curl with a cookie jar), `sign_in JAR BASE`, `sql`.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
cd "$root"

PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
PG_USER=${PG_USER:-postgres}
PG="-h $PG_HOST -p $PG_PORT -U $PG_USER"
DB_PREFIX=${INSTANCES_DB_PREFIX:-qp_instances_}
DB=${DB_PREFIX}$$
RESTORED_DB=${DB_PREFIX}restored_$$
ADMIN_EMAIL=owner@instances.test
ADMIN_PASSWORD='Instances-Owner-Password-7'
# the import killed half way: large enough to take a while on a busy 2-core machine
# (the import stores 200 posts a batch and saves its progress after each: 20 batches, A is killed after the first)
IMPORT_POSTS=${IMPORT_POSTS:-4000}
IMPORT_COMMENTS=${IMPORT_COMMENTS:-4000}
IMPORT_LEASE=20s
started=$SECONDS
work=$(mktemp -d)
PIDS=()
NGINX_PID=
BACKUP_PID=
DB_CREATED=no

say() { printf '%s\n' "$*"; }
die() { say "FAILED: $*" >&2; exit 1; }

cleanup() {
  [ -n "$BACKUP_PID" ] && kill "$BACKUP_PID" 2>/dev/null && wait "$BACKUP_PID" 2>/dev/null
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null
  for pid in "${PIDS[@]}" $NGINX_PID; do wait "$pid" 2>/dev/null; done
  if [ "$DB_CREATED" = yes ]; then
    dropdb $PG --if-exists "$DB" 2>/dev/null
    dropdb $PG --if-exists "$RESTORED_DB" 2>/dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- checks ------------------------------------------------------------------------------------------
PASSED=0
FAILED=()
DELAYS=()
# check NAME CMD...: runs CMD; on failure shows its last output lines
check() {
  local name=$1; shift
  WITHIN_TOOK=
  if "$@" >"$work/check.out" 2>&1; then
    PASSED=$((PASSED + 1)); say "ok      $name${WITHIN_TOOK:+ ($WITHIN_TOOK)}"
  else
    FAILED+=("$name"); say "FAILED  $name"
    tail -n 8 "$work/check.out" | sed 's/^/        /'
  fi
}
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
# within SECONDS CMD...: true as soon as CMD succeeds, trying every 0.1 s (an attempt started in time counts);
# notes how long it took for check to print
WITHIN_TOOK=
within() {
  local limit=$1; shift
  local t0; t0=$(date +%s%N)
  while :; do
    if "$@" >"$work/within.out" 2>&1; then WITHIN_TOOK="after $(ms_since "$t0") ms"; return 0; fi
    if [ "$(ms_since "$t0")" -ge $((limit * 1000)) ]; then
      echo "still not true after $limit s: $*"; tail -n 3 "$work/within.out"; return 1
    fi
    sleep 0.1
  done
}
# everywhere SECONDS CMD...: CMD becomes true on every other instance (B and C) within SECONDS, @base and @name
# in its arguments replaced by each one's address and letter. Each instance is asked on its own, every 0.1 s,
# all at once; an attempt sent in time counts. Notes, for check and the summary, when the first attempt that
# found it true was sent and when it was answered ("B 212-388 ms": the change showed within that window).
everywhere() {
  local limit=$1; shift
  local t0 name args pids=() took=() missing=() seen
  t0=$(date +%s%N)
  for name in "${OTHERS[@]}"; do
    args=("${@//@base/${BASE[$name]}}"); args=("${args[@]//@name/$name}")
    rm -f "$work/seen-$name"
    ( while :; do
        sent=$(ms_since "$t0")
        [ "$sent" -lt $((limit * 1000)) ] || exit 1
        if "${args[@]}" >"$work/attempt-$name" 2>&1; then echo "$sent-$(ms_since "$t0") ms" >"$work/seen-$name"; exit 0; fi
        sleep 0.1
      done ) &
    pids+=($!)
  done
  wait "${pids[@]}"
  for name in "${OTHERS[@]}"; do
    if seen=$(cat "$work/seen-$name" 2>/dev/null); then took+=("${name^^} $seen"); else missing+=("${name^^}"); fi
  done
  WITHIN_TOOK=$(IFS=';'; echo "${took[*]}"); WITHIN_TOOK=${WITHIN_TOOK//;/, }
  if [ ${#missing[@]} -gt 0 ]; then
    echo "still not true on ${missing[*]} after $limit s${WITHIN_TOOK:+ (true on $WITHIN_TOOK)}: $*"
    for name in "${OTHERS[@]}"; do [ -f "$work/seen-$name" ] || tail -n 3 "$work/attempt-$name"; done
    return 1
  fi
}
# propagates WHAT CMD...: the check "WHAT shows on B and C within 2 s", its delays kept for the summary
propagates() {
  local what=$1; shift
  check "$what: on B and C within 2 s" everywhere 2 "$@"
  [ -n "$WITHIN_TOOK" ] && DELAYS+=("$what: $WITHIN_TOOK")
}

# ---- HTTP helpers --------------------------------------------------------------------------------------
csrf() { awk '$6 == "csrf-token" {print $7}' "$1" | tail -n 1; }
# get JAR BASE PATH [curl args]: the page's body
get() { local jar=$1 base=$2 path=$3; shift 3; curl -s -b "$jar" -c "$jar" "$@" "$base$path"; }
# status JAR BASE PATH: the status code of a GET, redirects not followed
status() { curl -s -o /dev/null -w '%{http_code}' -b "$1" -c "$1" "$2$3"; }
# post_form JAR BASE PATH [--data-urlencode k=v ...]: the status code; the CSRF token comes from the jar's cookie
post_form() {
  local jar=$1 base=$2 path=$3; shift 3
  [ -n "$(csrf "$jar")" ] || get "$jar" "$base" /login >/dev/null
  curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" -X POST "$base$path" \
    --data-urlencode "csrf-token=$(csrf "$jar")" "$@"
}
# api JAR BASE METHOD PATH [JSON]: the body
api() {
  local jar=$1 base=$2 method=$3 path=$4 data=${5:-}
  curl -s -b "$jar" -c "$jar" -X "$method" "$base$path" -H 'Accept: application/json' \
    -H 'Content-Type: application/json' -H "X-CSRF-TOKEN: $(csrf "$jar")" ${data:+--data "$data"}
}
# sign_in JAR BASE [EMAIL PASSWORD]: a fresh session in JAR
sign_in() {
  local jar=$1 base=$2 email=${3:-$ADMIN_EMAIL} password=${4:-$ADMIN_PASSWORD}
  rm -f "$jar"; get "$jar" "$base" /login >/dev/null
  local code; code=$(post_form "$jar" "$base" /login --data-urlencode "email=$email" --data-urlencode "password=$password")
  [ "$code" = 303 ] || { echo "sign-in answered $code"; return 1; }
}
signed_in() { [ "$(status "$1" "$2" /account)" = 200 ]; }
signed_out() { case $(status "$1" "$2" /account) in 30[123] | 401 | 403) return 0 ;; *) return 1 ;; esac; }
# the whole page first: piped, grep -q would leave at its first match and fail curl's next write under pipefail
shows() { local page; page=$(get "$1" "$2" "$3") && grep -qF -- "$4" <<<"$page"; }
sql() { psql $PG -d "$DB" -tAq -c "$1"; }
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
slug_of() { python3 -c 'import json,sys; print(json.load(sys.stdin).get("slug",""))' 2>/dev/null; }
# copies JAR: a copy of the cookie jar for each other instance, JAR-b and JAR-c (the same session)
copies() { local name; for name in "${OTHERS[@]}"; do cp "$1" "$1-$name"; done; }

# ---- set up ------------------------------------------------------------------------------------------------
say "---- tools, database, S3Proxy, mail sink"
command -v python3 >/dev/null || die "python3 is needed"
command -v psql >/dev/null && command -v createdb >/dev/null && command -v pg_dump >/dev/null \
  || die "the PostgreSQL client tools (psql, createdb, pg_dump, pg_restore) are needed"
pg_isready -q -h "$PG_HOST" -p "$PG_PORT" || die "PostgreSQL is not answering on $PG_HOST:$PG_PORT"
if ! command -v nginx >/dev/null; then
  [ "$(id -u)" = 0 ] || die "nginx is missing: install Debian's package (apt-get install nginx)"
  say "installing Debian's nginx"
  (apt-get install -y -qq nginx >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; }) \
    || die "could not install nginx"
fi
createdb $PG "$DB" || die "cannot create the scratch database $DB"
DB_CREATED=yes

# S3Proxy, the version the media tests use, as its own process: its jar-with-dependencies from Maven Central
S3PROXY_VERSION=$(sed -n 's:.*<s3proxy.version>\(.*\)</s3proxy.version>.*:\1:p' pom.xml | head -n 1)
./mvnw -B -q org.apache.maven.plugins:maven-dependency-plugin:3.11.0:copy -Dartifact="org.gaul:s3proxy:$S3PROXY_VERSION:jar:jar-with-dependencies" \
  -DoutputDirectory="$work/s3proxy" >"$work/s3proxy-fetch.log" 2>&1 \
  || { tail -n 20 "$work/s3proxy-fetch.log"; die "could not fetch org.gaul:s3proxy:$S3PROXY_VERSION (jar-with-dependencies) from Maven Central"; }
PS3=$(free_port); S3=http://127.0.0.1:$PS3
S3_BUCKET=quillpress-media; S3_ACCESS=instances-access-key; S3_SECRET=instances-secret-key-that-s3proxy-checks
mkdir -p "$work/s3proxy/blobs/$S3_BUCKET"   # the filesystem blob store keeps each bucket as a folder
cat >"$work/s3proxy/s3proxy.conf" <<EOF
s3proxy.endpoint=$S3
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$S3_ACCESS
s3proxy.credential=$S3_SECRET
jclouds.provider=filesystem
jclouds.filesystem.basedir=$work/s3proxy/blobs
EOF
java -Xmx128m -XX:+UseSerialGC -cp "$work/s3proxy/s3proxy-$S3PROXY_VERSION-jar-with-dependencies.jar" org.gaul.s3proxy.Main \
  --properties "$work/s3proxy/s3proxy.conf" >"$work/s3proxy/s3proxy.log" 2>&1 &
S3PROXY_PID=$!; PIDS+=("$S3PROXY_PID")
PSMTP=$(free_port)
python3 "$here/mail-sink.py" "$PSMTP" "$work/mail" 2>"$work/mail-sink.log" &
PIDS+=($!)
# the WordPress export to import (and kill half way), written while the jar builds
python3 bench/wxr-gen.py "$work/import.xml" "$IMPORT_POSTS" "$IMPORT_COMMENTS" &
GEN_PID=$!

if [ -n "${INSTANCES_APP:-}" ]; then
  # trying changes to these scripts: a pg build made before (a copy of its target/quarkus-app)
  say "---- the PostgreSQL jar in $INSTANCES_APP"
  cp -r "$INSTANCES_APP" "$work/app" || die "no pg build in $INSTANCES_APP"
else
  say "---- building the PostgreSQL jar"
  ./mvnw -B -q package -DskipTests -Dquarkus.profile=pg >"$work/build.log" 2>&1 \
    || { tail -n 20 "$work/build.log"; die "the PostgreSQL build failed (./mvnw package -Dquarkus.profile=pg)"; }
  # the jar moves out of target/, so that no later step mistakes it for the default (H2) build
  rm -rf "$work/app" && mv target/quarkus-app "$work/app"
fi
wait "$GEN_PID" || die "bench/wxr-gen.py could not write the export to import"

s3proxy_up() {
  for _ in $(seq 1 1200); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$S3/")" != 000 ] && return 0
    kill -0 "$S3PROXY_PID" 2>/dev/null || break
    sleep 0.1
  done
  echo "S3Proxy did not answer on $S3:"; tail -n 15 "$work/s3proxy/s3proxy.log"; return 1
}
check "S3Proxy $S3PROXY_VERSION answers as the media store" s3proxy_up
[ ${#FAILED[@]} -eq 0 ] || die "S3Proxy did not start (log above)"

SECRET=$(head -c 48 /dev/urandom | base64 | tr -d '\n')
OTHERS=(b c)
declare -A BASE PORT PID
for name in a b c; do PORT[$name]=$(free_port); BASE[$name]=http://127.0.0.1:${PORT[$name]}; done
A=${BASE[a]}; B=${BASE[b]}; C=${BASE[c]}
PN=$(free_port); N=http://127.0.0.1:$PN
launch() {  # launch NAME: instance NAME on its port, with the shared database, secret, media store and mail server
  mkdir -p "$work/$1"
  ( cd "$work/$1" && QUILLPRESS_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" QUILLPRESS_DB_USER=$PG_USER \
      QUILLPRESS_SESSION_SECRET="$SECRET" QUILLPRESS_ADMIN_EMAIL=$ADMIN_EMAIL QUILLPRESS_ADMIN_PASSWORD=$ADMIN_PASSWORD \
      QUILLPRESS_SITE_URL=$N QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=${PORT[$1]} \
      QUILLPRESS_MEDIA_STORE=s3 QUILLPRESS_MEDIA_S3_ENDPOINT=$S3 QUILLPRESS_MEDIA_S3_BUCKET=$S3_BUCKET \
      QUILLPRESS_MEDIA_S3_ACCESS_KEY=$S3_ACCESS QUILLPRESS_MEDIA_S3_SECRET_KEY=$S3_SECRET \
      QUILLPRESS_SMTP_HOST=127.0.0.1 QUILLPRESS_SMTP_PORT=$PSMTP QUILLPRESS_SMTP_TLS=DISABLED \
      QUILLPRESS_MAIL_DELIVER_EVERY=2s QUILLPRESS_PUBLISHING_CHECK_EVERY=2s \
      QUILLPRESS_TRASH_KEEP_FOR=3s QUILLPRESS_TRASH_PURGE_EVERY=2s QUILLPRESS_IMPORT_LEASE=$IMPORT_LEASE \
      exec java -Xmx384m -XX:+UseSerialGC -jar "$work/app/quarkus-run.jar" >"$work/$1/app.log" 2>&1 ) &
  PID[$1]=$!; PIDS+=($!)
}
ready() {  # ready NAME
  for _ in $(seq 1 480); do
    curl -fs -o /dev/null "${BASE[$1]}/q/health/ready" && return 0
    kill -0 "${PID[$1]}" 2>/dev/null || { echo "instance ${1^^} exited:"; tail -n 15 "$work/$1/app.log"; return 1; }
    sleep 0.5
  done
  echo "instance ${1^^} not ready after 240 s:"; tail -n 15 "$work/$1/app.log"; return 1
}

say "---- three instances started at the same moment on the empty database"
t0=$(date +%s%N)
launch a; launch b; launch c
for name in a b c; do check "instance ${name^^} comes up beside the others on an empty database" ready "$name"; done
[ ${#FAILED[@]} -eq 0 ] || die "an instance did not start (logs above)"
FIRST_START="all three ready $(ms_since "$t0") ms after their simultaneous start"
say "        ($FIRST_START)"
check "exactly one owner account was created" test "$(sql "select count(*) from account")" = 1

mkdir -p "$work/nginx"
chmod 755 "$work" "$work/nginx"   # nginx's workers (nobody, when started as root) write their temp files here
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 256; }
http {
  access_log $work/nginx/access.log;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  upstream quillpress { server 127.0.0.1:${PORT[a]}; server 127.0.0.1:${PORT[b]}; server 127.0.0.1:${PORT[c]}; }
  server {
    listen 127.0.0.1:$PN;
    location / {
      proxy_pass http://quillpress;
      proxy_set_header Host \$http_host;
      add_header X-Upstream \$upstream_addr always;
    }
  }
}
EOF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" 2>"$work/nginx/start.log" &
NGINX_PID=$!
nginx_up() { for _ in $(seq 1 50); do curl -fs -o /dev/null "$N/q/health/ready" && return 0; sleep 0.1; done; cat "$work/nginx/start.log" "$work/nginx/error.log" 2>/dev/null; return 1; }
check "nginx balances the three instances on loopback" nginx_up

# ---- scenarios ---------------------------------------------------------------------------------------------
say "---- what instance A changes, B and C show within 2 s"
OWNER=$work/owner.jar
check "the owner signs in on A" sign_in "$OWNER" "$A"

# the post and the guest pages B and C have rendered (and cached) before the comment
slug=$(api "$OWNER" "$A" POST /api/v1/posts '{"title":"Three instances, one discussion","body":"Shared words.","status":"PUBLISHED"}' | slug_of)
check "a post published on A" test -n "$slug"
GUEST=$work/guest.jar
everywhere 20 shows "$GUEST-@name" @base "/posts/$slug" "Three instances, one discussion" >/dev/null
api "$OWNER" "$A" POST "/api/v1/posts/$slug/comments" '{"body":"An approved staff remark from instance A."}' >/dev/null
propagates "an approved comment on A, on the cached guest page" shows "$GUEST-@name" @base "/posts/$slug" "approved staff remark from instance A"

everywhere 20 shows "$GUEST-@name" @base / "Quillpress" >/dev/null
post_form "$OWNER" "$A" /admin/settings --data-urlencode "title=Shared Settings Site" --data-urlencode "tagline=Changed on A" \
  --data-urlencode "description=Three instances" --data-urlencode "postsPerPage=10" --data-urlencode "timeZone=UTC" \
  --data-urlencode "dateStyle=DAY_MONTH_YEAR" >/dev/null
check "site settings saved on A" test "$(sql "select setting_value from site_setting where name = 'site.title'")" = "Shared Settings Site"
propagates "site settings saved on A, on the guest home page" shows "$GUEST-@name" @base / "Shared Settings Site"

# discussion settings: each instance's settings page shows the rules it holds in memory
post_form "$OWNER" "$A" /admin/discussion --data-urlencode "threadDepth=3" --data-urlencode "editWindowMinutes=10" \
  --data-urlencode "closeAfterDays=0" --data-urlencode "floodSeconds=15" --data-urlencode "hourlyLimit=30" \
  --data-urlencode "minSecondsToWrite=3" --data-urlencode "linkLimit=2" --data-urlencode "requirePriorApproval=on" \
  --data-urlencode "holdTerms=" --data-urlencode "spamTerms=" --data-urlencode "commentsPerPage=17" >/dev/null
check "discussion settings saved on A" test "$(sql "select setting_value from site_setting where name = 'discussion.comments-per-page'")" = 17
discussion_on() { get "$1" "$2" /admin/discussion | grep -E 'name="commentsPerPage"[^>]*value="17"|value="17"[^>]*name="commentsPerPage"'; }
copies "$OWNER"
propagates "discussion settings saved on A" discussion_on "$OWNER-@name" @base

# a second session of the owner, ended on A with "sign out": its copies die on B and C
SECOND=$work/second.jar
sign_in "$SECOND" "$A" >/dev/null
copies "$SECOND"
check "a second session works on B and C" everywhere 2 signed_in "$SECOND-@name" @base
post_form "$SECOND" "$A" /logout >/dev/null
propagates "a session signed out on A, dead" signed_out "$SECOND-@name" @base

# an author invited on A (the link read from the outbox), then banned on A
post_form "$OWNER" "$A" /admin/invitations --data-urlencode "email=author@instances.test" --data-urlencode "role=AUTHOR" >/dev/null
invitation_link() {
  sql "select body_text from outbox_mail where recipient = '$1' order by id desc limit 1" | grep -o '/invitations/[A-Za-z0-9_-]*' | head -n 1
}
accept_invitation() {  # accept_invitation JAR EMAIL NAME PASSWORD
  local link; link=$(invitation_link "$2")
  [ -n "$link" ] || { echo "no invitation to $2 in the outbox"; return 1; }
  rm -f "$1"; get "$1" "$A" "$link" >/dev/null
  [ "$(post_form "$1" "$A" "$link" --data-urlencode "displayName=$3" --data-urlencode "password=$4")" = 303 ]
}
AUTHOR=$work/author.jar
check "an author invited on A signs up through the invitation" accept_invitation "$AUTHOR" author@instances.test "Banned Author" "Author-Password-2026-x"
copies "$AUTHOR"
check "the author's session works on B and C" everywhere 2 signed_in "$AUTHOR-@name" @base
author_id=$(sql "select id from account where email = 'author@instances.test'")
post_form "$OWNER" "$A" "/admin/accounts/$author_id/ban" --data-urlencode "reason=Testing three instances" \
  --data-urlencode "days=" >/dev/null
check "the ban is stored" test "$(sql "select count(*) from ban where kind = 'ACCOUNT' and ban_value = '$author_id'")" -ge 1
propagates "an author banned on A, signed out" signed_out "$AUTHOR-@name" @base

# "sign out everywhere" on A: the owner's copied sessions die on B and C (it ends the owner's sessions: sign in again)
copies "$OWNER"
check "the owner's session works on B and C" everywhere 2 signed_in "$OWNER-@name" @base
post_form "$OWNER" "$A" /account/sessions/end >/dev/null
propagates "sessions ended everywhere on A, dead" signed_out "$OWNER-@name" @base
sign_in "$OWNER" "$A" >/dev/null

say "---- through nginx"
THROUGH=$work/through.jar
served_by_all() {
  local seen
  seen=$(for _ in $(seq 1 9); do curl -s -o /dev/null -D - "$N/" | awk 'tolower($1) == "x-upstream:" {print $2}'; done | sort -u | wc -l)
  [ "$seen" -eq 3 ] || { echo "pages came from $seen instance(s)"; return 1; }
}
check "guest pages through nginx come from all three instances" served_by_all
check "a post page through nginx" shows "$THROUGH" "$N" "/posts/$slug" "approved staff remark from instance A"
check "signing in through nginx (form and post may reach different instances)" sign_in "$THROUGH" "$N"
through_desk() { for _ in 1 2 3 4 5 6; do [ "$(status "$THROUGH" "$N" /write)" = 200 ] || return 1; done; }
check "the session holds on every instance through nginx" through_desk

say "---- media on the S3 store (S3Proxy)"
check "an image uploaded on A: the same files, post, replacement and deletion on B and C (media.sh)" \
  bash "$here/media.sh" "$OWNER" "$A" "$B" "$C"
sed -n 's/^media: ok: /        /p' "$work/check.out"

say "---- once-only jobs"
# scheduled posts, due in 15 s (time enough to create them on a busy machine; the mail and trash checks run
# meanwhile): each published by one instance, once
publish_at=$(date -u -d '+15 seconds' +%Y-%m-%dT%H:%M:%SZ)
scheduled=()
for i in 1 2 3 4 5 6; do
  api "$OWNER" "$A" POST /api/v1/posts "{\"title\":\"Scheduled once $i\",\"body\":\"Due soon.\",\"status\":\"SCHEDULED\",\"publishAt\":\"$publish_at\"}" >"$work/scheduled.json"
  scheduled+=("$(slug_of <"$work/scheduled.json")")
done
scheduled_made() { [ "$(sql "select count(*) from post where title like 'Scheduled once %'")" = 6 ] || { head -c 400 "$work/scheduled.json"; return 1; }; }
check "6 posts scheduled on A for $publish_at" scheduled_made

# a burst of mail (invitations sent through nginx): each delivered to the mail server once
for i in $(seq 1 12); do
  post_form "$OWNER" "$N" /admin/invitations --data-urlencode "email=burst-$i@instances.test" --data-urlencode "role=AUTHOR" >/dev/null
done
check "12 invitations are in the outbox" test "$(sql "select count(*) from outbox_mail where recipient like 'burst-%'")" = 12
all_sent() { [ "$(sql "select count(*) from outbox_mail where sent_at is null")" = 0 ]; }
check "the outbox is empty: every mail was sent" within 30 all_sent
delivered_once() {
  local ids
  sql "select message_id from outbox_mail where sent_at is not null order by 1" >"$work/sent.ids"
  cat "$work"/mail/*.eml | tr -d '\r' | awk 'tolower($1) == "message-id:" {print $2}' | sort >"$work/received.ids"
  ids=$(sort -u "$work/received.ids" | wc -l)
  [ "$(wc -l <"$work/received.ids")" = "$ids" ] || { echo "mails arrived twice:"; uniq -d "$work/received.ids"; return 1; }
  diff "$work/sent.ids" "$work/received.ids" || { echo "the mails sent and the mails received differ (above)"; return 1; }
  echo "$ids mails, each received once"
}
check "each mail reached the mail server once" delivered_once
say "        $(tail -n 1 "$work/check.out")"

# posts in the trash past their time (QUILLPRESS_TRASH_KEEP_FOR=3s here): purged once
trashed=0
for i in 1 2 3 4; do
  s=$(api "$OWNER" "$A" POST /api/v1/posts "{\"title\":\"Trashed once $i\",\"body\":\"Gone soon.\",\"status\":\"PUBLISHED\"}" | slug_of)
  [ -n "$s" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$OWNER" -c "$OWNER" -X DELETE -H "X-CSRF-TOKEN: $(csrf "$OWNER")" "$A/api/v1/posts/$s")" = 204 ] \
    && trashed=$((trashed + 1))
done
check "4 posts moved to the trash on A" test "$trashed" = 4
all_purged() { [ "$(sql "select count(*) from post where title like 'Trashed once %'")" = 0 ]; }
# the purge job first runs a minute after an instance starts, then every QUILLPRESS_TRASH_PURGE_EVERY
check "the trashed posts are purged" within 70 all_purged
purged_once() {
  local n; n=$(cat "$work"/[abc]/app.log | sed -n 's/.*Purged \([0-9]*\) posts whose time in the trash was over.*/\1/p' | awk '{ n += $1 } END { print n + 0 }')
  [ "$n" = 4 ] || { echo "the purge logs count $n posts purged, not 4"; return 1; }
}
check "the purge job deleted each post once" purged_once

all_published() { [ "$(sql "select count(*) from post where title like 'Scheduled once %' and status = 'PUBLISHED'")" = 6 ]; }
check "the 6 scheduled posts are published" within 30 all_published
published_once() {
  local s n name split=""
  for s in "${scheduled[@]}"; do
    n=$(cat "$work"/[abc]/app.log | grep -c "Published scheduled post $s\$")
    [ "$n" = 1 ] || { echo "/posts/$s was published $n times"; return 1; }
  done
  for name in a b c; do split+=" ${name^^}:$(grep -c 'Published scheduled post scheduled-once-' "$work/$name/app.log")"; done
  echo "published by$split"
}
check "each scheduled post was published once, by one instance" published_once
say "        $(tail -n 1 "$work/check.out")"

say "---- a backup under load, restored (backup.sh, in the background while the import runs)"
# an author made before the backup, with a post of its own, to sign in with on the restored site
KEPT=$work/kept.jar
post_form "$OWNER" "$A" /admin/invitations --data-urlencode "email=kept@instances.test" --data-urlencode "role=AUTHOR" >/dev/null
check "an author who will sign in on the restored site signs up on A" accept_invitation "$KEPT" kept@instances.test "Kept Author" "Kept-Password-2026-y"
check "that author publishes a post" test -n "$(api "$KEPT" "$A" POST /api/v1/posts '{"title":"Kept across the backup","body":"Restored.","status":"PUBLISHED"}' | slug_of)"
( PG_HOST=$PG_HOST PG_PORT=$PG_PORT PG_USER=$PG_USER QUILLPRESS_ADMIN_EMAIL=$ADMIN_EMAIL QUILLPRESS_ADMIN_PASSWORD=$ADMIN_PASSWORD \
    QUILLPRESS_SESSION_SECRET="$SECRET" KEPT_EMAIL=kept@instances.test KEPT_PASSWORD=Kept-Password-2026-y \
    DUMPED="$work/dumped" exec bash "$here/backup.sh" "$work/app/quarkus-run.jar" "$DB" "$RESTORED_DB" "$N" "$slug" \
    >"$work/backup.out" 2>&1 ) &
BACKUP_PID=$!
dumped() { [ -f "$work/dumped" ] || { kill -0 "$BACKUP_PID" 2>/dev/null && return 1; cat "$work/backup.out"; return 2; }; }
check "pg_dump taken while comments are written through nginx" within 60 dumped

say "---- an import started on A, followed from B and C, A killed half way"
IMPORTER=$work/importer.jar
sign_in "$IMPORTER" "$A" >/dev/null
upload=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$IMPORTER" -c "$IMPORTER" \
  -H "X-CSRF-TOKEN: $(csrf "$IMPORTER")" -F "csrf-token=$(csrf "$IMPORTER")" -F "file=@$work/import.xml;type=text/xml" "$A/admin/import")
job=${upload##*/admin/import/}
check "a WordPress export ($IMPORT_POSTS posts, $IMPORT_COMMENTS comments) uploaded on A starts an import" \
  test "${upload%% *}" = 303 -a -n "$job" -a "$job" != "$upload"
copies "$IMPORTER"
# percent BASE: the import's progress as the page on BASE shows it ("finished" at the end)
percent() {
  local page; page=$(get "$IMPORTER${2:+-$2}" "$1" "/admin/import/$job" -w '\n%{http_code}')
  [ "$(tail -n 1 <<<"$page")" = 200 ] || { echo "HTTP $(tail -n 1 <<<"$page")"; return; }
  grep -q 'Import finished' <<<"$page" && { echo finished; return; }
  grep -o 'id="import-progress" max="100" value="[0-9]*"' <<<"$page" | grep -o '[0-9]*"$' | tr -d '"'
}
same_progress() {  # A's, B's, C's and again A's page: 200 each, and B and C between A's two readings
  local a1 b c a2
  a1=$(percent "$A"); b=$(percent "$B" b); c=$(percent "$C" c); a2=$(percent "$A")
  echo "A $a1%, B $b%, C $c%, A $a2%"
  [[ $a1 =~ ^[0-9]+$ && $b =~ ^[0-9]+$ && $c =~ ^[0-9]+$ && $a2 =~ ^[0-9]+$ ]] || return 1
  [ "$b" -gt 0 ] && [ "$a1" -le "$b" ] && [ "$b" -le "$c" ] && [ "$c" -le "$a2" ]
}
# (the waits are long for a machine busy with other builds; on an idle one the first batch is saved in a second)
check "its progress page answers 200 with the same progress on A, B and C" within 240 same_progress
say "        ($(tail -n 1 "$work/within.out"))"
under_way() { local p; p=$(percent "$A"); echo "A's page: $p"; [[ $p =~ ^[0-9]+$ ]] && [ "$p" -gt 0 ]; }
check "the import is under way" within 120 under_way
kill -9 "${PID[a]}"; wait "${PID[a]}" 2>/dev/null
killed_at=$(sql "select bytes_read * 100 / size_bytes from import_job where id = '$job'")
check "A killed (kill -9) at $killed_at % of the import, before its end" test "$(sql "select state from import_job where id = '$job'")" = RUNNING
taken_over() { [ "$(sql "select runs from import_job where id = '$job' and owner not like '%/${PID[a]}/%'")" = 2 ]; }
# the lease (20 s here) runs out, and each instance looks every 10 s
check "B or C takes the import over once A's lease has run out" within 45 taken_over
say "        (taken over by $(sql "select owner from import_job where id = '$job'"))"
finished() { [ "$(sql "select state from import_job where id = '$job'")" = FINISHED ]; }
check "the import finishes" within 300 finished
check "B's progress page shows it finished" test "$(percent "$B" b)" = finished
check "C's progress page shows it finished" test "$(percent "$C" c)" = finished
counts_right() {
  local posts distinct comments
  read -r posts distinct < <(sql "select count(*), count(distinct title) from post where title like 'Benchmark post %'" | tr '|' ' ')
  comments=$(sql "select count(*) from comment c join post p on p.id = c.post_id where p.title like 'Benchmark post %'")
  echo "$posts posts ($distinct titles), $comments comments"
  [ "$posts" = "$IMPORT_POSTS" ] && [ "$distinct" = "$IMPORT_POSTS" ] && [ "$comments" = "$IMPORT_COMMENTS" ]
}
check "every post and comment of the export is stored once ($IMPORT_POSTS posts, $IMPORT_COMMENTS comments)" counts_right
check "the report tells the import was taken over" shows "$IMPORTER-b" "$B" "/admin/import/$job" "taken over by another instance"

say "---- the restored backup"
backup_done() { wait "$BACKUP_PID"; local rc=$?; BACKUP_PID=; cat "$work/backup.out"; return $rc; }
check "a backup taken under load restores to a working site with its accounts (backup.sh)" backup_done
sed -n 's/^backup: ok: /        /p' "$work/backup.out"

# ---- limits counted together (last: it leaves failed sign-ins from this address) ------------------------------
say "---- rate limits across instances"
shared_limits() {
  QUILLPRESS_ADMIN_EMAIL=$ADMIN_EMAIL QUILLPRESS_ADMIN_PASSWORD=$ADMIN_PASSWORD bash "$here/limits.sh" "$B" "$C"
}
check "the flood guard and the sign-in throttle count across instances (limits.sh, on B and C)" shared_limits

# ---- summary -----------------------------------------------------------------------------------------------
say "---- measured: $FIRST_START"
for line in "${DELAYS[@]}"; do say "        $line"; done
say "---- $PASSED passed, ${#FAILED[@]} failed, in $((SECONDS - started)) s"
if [ ${#FAILED[@]} -gt 0 ]; then
  printf 'FAILED: %s\n' "${FAILED[@]}" >&2
  say "instance logs: the last lines of A, B and C" >&2
  tail -n 5 "$work/a/app.log" "$work/b/app.log" "$work/c/app.log" >&2
  exit 1
fi

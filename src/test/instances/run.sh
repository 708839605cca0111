#!/usr/bin/env bash
# Several instances on one PostgreSQL, end to end: src/test/instances/run.sh
#
# Builds the PostgreSQL jar (-Dquarkus.profile=pg), creates a scratch database on the local server
# (127.0.0.1:5432, user postgres, trust auth; PG_HOST/PG_PORT/PG_USER override), starts two instances on it
# at the same moment with one QUILLPRESS_SESSION_SECRET, and nginx in front of them as a round-robin load
# balancer on loopback (installed from Debian when missing and run as root; otherwise it must be there). Then
# it checks that what one instance changes holds on the other within 2 s: a sign-out, "sign out everywhere", a
# ban, site and discussion settings, an approved comment on a guest page; and that pages and sign-in work
# through nginx. Each check prints "ok" or "FAILED" with what went wrong; the exit status is non-zero when any
# failed. Everything started here is stopped, and the database dropped, on exit.
#
# Adding a scenario: write it below the others with `check "what must hold" command args...` (the command's
# exit status decides; its output is shown only on failure) and `within SECONDS command args...` for "becomes
# true soon". Helpers: `get|post_form|api JAR BASE PATH ...` (curl with a cookie jar), `sign_in JAR BASE`, `sql`.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
cd "$root"

PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
PG_USER=${PG_USER:-postgres}
PG="-h $PG_HOST -p $PG_PORT -U $PG_USER"
DB=qp_instances_$$
ADMIN_EMAIL=owner@instances.test
ADMIN_PASSWORD='Instances-Owner-Password-7'
started=$SECONDS
work=$(mktemp -d)
PIDS=()
NGINX_PID=
DB_CREATED=no

say() { printf '%s\n' "$*"; }
die() { say "FAILED: $*" >&2; exit 1; }

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null
  for pid in "${PIDS[@]}" $NGINX_PID; do wait "$pid" 2>/dev/null; done
  [ "$DB_CREATED" = yes ] && dropdb $PG --if-exists "$DB" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- checks ------------------------------------------------------------------------------------------
PASSED=0
FAILED=()
# check NAME CMD...: runs CMD; on failure shows its last output lines
check() {
  local name=$1; shift
  WITHIN_TOOK=
  if "$@" >"$work/check.out" 2>&1; then
    PASSED=$((PASSED + 1)); say "ok      $name${WITHIN_TOOK:+ ($WITHIN_TOOK)}"
  else
    FAILED+=("$name"); say "FAILED  $name"
    tail -n 5 "$work/check.out" | sed 's/^/        /'
  fi
}
# within SECONDS CMD...: true as soon as CMD succeeds, trying every 0.1 s (an attempt started in time counts);
# notes how long it took for check to print
WITHIN_TOOK=
within() {
  local limit=$1; shift
  local t0 now
  t0=$(date +%s%N)
  while :; do
    if "$@" >/dev/null 2>&1; then
      now=$(date +%s%N); WITHIN_TOOK="after $(( (now - t0) / 1000000 )) ms"; return 0
    fi
    now=$(date +%s%N)
    if [ $(( (now - t0) / 1000000 )) -ge $((limit * 1000)) ]; then
      echo "still not true after $limit s: $*"; return 1
    fi
    sleep 0.1
  done
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
shows() { get "$1" "$2" "$3" | grep -qF -- "$4"; }
sql() { psql $PG -d "$DB" -tAq -c "$1"; }
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

# ---- set up ------------------------------------------------------------------------------------------------
say "---- tools and database"
command -v python3 >/dev/null || die "python3 is needed"
command -v psql >/dev/null && command -v createdb >/dev/null || die "the PostgreSQL client tools (psql, createdb) are needed"
pg_isready -q -h "$PG_HOST" -p "$PG_PORT" || die "PostgreSQL is not answering on $PG_HOST:$PG_PORT"
if ! command -v nginx >/dev/null; then
  [ "$(id -u)" = 0 ] || die "nginx is missing: install Debian's package (apt-get install nginx)"
  say "installing Debian's nginx"
  (apt-get install -y -qq nginx >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; }) \
    || die "could not install nginx"
fi
createdb $PG "$DB" || die "cannot create the scratch database $DB"
DB_CREATED=yes

say "---- building the PostgreSQL jar"
./mvnw -B -q package -DskipTests -Dquarkus.profile=pg >"$work/build.log" 2>&1 \
  || { tail -n 20 "$work/build.log"; die "the PostgreSQL build failed (./mvnw package -Dquarkus.profile=pg)"; }
# the jar moves out of target/, so that no later step mistakes it for the default (H2) build
rm -rf "$work/app" && mv target/quarkus-app "$work/app"

SECRET=$(head -c 48 /dev/urandom | base64 | tr -d '\n')
PA=$(free_port); PB=$(free_port); PN=$(free_port)
A=http://127.0.0.1:$PA; B=http://127.0.0.1:$PB; N=http://127.0.0.1:$PN
launch() {  # launch NAME PORT
  mkdir -p "$work/$1"
  ( cd "$work/$1" && QUILLPRESS_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" QUILLPRESS_DB_USER=$PG_USER \
      QUILLPRESS_SESSION_SECRET="$SECRET" QUILLPRESS_ADMIN_EMAIL=$ADMIN_EMAIL QUILLPRESS_ADMIN_PASSWORD=$ADMIN_PASSWORD \
      QUILLPRESS_SITE_URL=$N QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$2 \
      exec java -Xmx384m -XX:+UseSerialGC -jar "$work/app/quarkus-run.jar" >"$work/$1/app.log" 2>&1 ) &
  PIDS+=($!)
}
ready() {  # ready NAME BASE PID
  for _ in $(seq 1 480); do
    curl -fs -o /dev/null "$2/q/health/ready" && return 0
    kill -0 "$3" 2>/dev/null || { echo "instance $1 exited:"; tail -n 15 "$work/$1/app.log"; return 1; }
    sleep 0.5
  done
  echo "instance $1 not ready after 240 s:"; tail -n 15 "$work/$1/app.log"; return 1
}

say "---- two instances started at the same moment on the empty database"
launch a "$PA"; launch b "$PB"
check "instance A comes up beside B on an empty database" ready a "$A" "${PIDS[0]}"
check "instance B comes up beside A on an empty database" ready b "$B" "${PIDS[1]}"
[ ${#FAILED[@]} -eq 0 ] || die "an instance did not start (logs above)"
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
  upstream quillpress { server 127.0.0.1:$PA; server 127.0.0.1:$PB; }
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
check "nginx balances the two instances on loopback" nginx_up

# ---- scenarios ---------------------------------------------------------------------------------------------
say "---- what one instance changes, the other shows within 2 s"
OWNER=$work/owner.jar
check "the owner signs in on A" sign_in "$OWNER" "$A"

# the post and the guest page B has rendered (and cached) before the comment
slug=$(api "$OWNER" "$A" POST /api/v1/posts '{"title":"Two instances, one discussion","body":"Shared words.","status":"PUBLISHED"}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin).get("slug",""))' 2>/dev/null)
check "a post published on A" test -n "$slug"
GUEST=$work/guest.jar
within 20 shows "$GUEST" "$B" "/posts/$slug" "Two instances, one discussion" >/dev/null
api "$OWNER" "$A" POST "/api/v1/posts/$slug/comments" '{"body":"An approved staff remark from instance A."}' >/dev/null
check "an approved comment on A shows on B's guest page" within 2 shows "$GUEST" "$B" "/posts/$slug" "approved staff remark from instance A"

shows "$GUEST" "$B" / "Quillpress" >/dev/null
post_form "$OWNER" "$A" /admin/settings --data-urlencode "title=Shared Settings Site" --data-urlencode "tagline=Changed on A" \
  --data-urlencode "description=Two instances" --data-urlencode "postsPerPage=10" --data-urlencode "timeZone=UTC" \
  --data-urlencode "dateStyle=DAY_MONTH_YEAR" >/dev/null
check "site settings saved on A" test "$(sql "select setting_value from site_setting where name = 'site.title'")" = "Shared Settings Site"
check "site settings saved on A show on B's guest pages" within 2 shows "$GUEST" "$B" / "Shared Settings Site"

# a second session of the owner, ended on A with "sign out": its copy dies on B
SECOND=$work/second.jar
sign_in "$SECOND" "$A" >/dev/null
cp "$SECOND" "$work/second-copy.jar"
check "a second session works on B" signed_in "$work/second-copy.jar" "$B"
post_form "$SECOND" "$A" /logout >/dev/null
check "a session signed out on A is dead on B" within 2 signed_out "$work/second-copy.jar" "$B"

# an author invited on A (the link read from the outbox: no mail server here), then banned on A
post_form "$OWNER" "$A" /admin/invitations --data-urlencode "email=author@instances.test" --data-urlencode "role=AUTHOR" >/dev/null
link=$(sql "select body_text from outbox_mail where recipient = 'author@instances.test' order by id desc limit 1" \
  | grep -o '/invitations/[A-Za-z0-9_-]*' | head -n 1)
AUTHOR=$work/author.jar
accept_invitation() {
  rm -f "$AUTHOR"; get "$AUTHOR" "$A" "$link" >/dev/null
  [ "$(post_form "$AUTHOR" "$A" "$link" --data-urlencode "displayName=Banned Author" \
    --data-urlencode "password=Author-Password-2026-x")" = 303 ]
}
check "an author invited on A signs up through the invitation" accept_invitation
check "the author's session works on B" signed_in "$AUTHOR" "$B"
author_id=$(sql "select id from account where email = 'author@instances.test'")
post_form "$OWNER" "$A" "/admin/accounts/$author_id/ban" --data-urlencode "reason=Testing two instances" \
  --data-urlencode "days=" >/dev/null
check "the ban is stored" test "$(sql "select count(*) from ban where kind = 'ACCOUNT' and ban_value = '$author_id'")" -ge 1
check "an author banned on A is signed out on B" within 2 signed_out "$AUTHOR" "$B"

# discussion settings: B's settings page shows the rules it holds in memory
post_form "$OWNER" "$A" /admin/discussion --data-urlencode "threadDepth=3" --data-urlencode "editWindowMinutes=10" \
  --data-urlencode "closeAfterDays=0" --data-urlencode "floodSeconds=15" --data-urlencode "hourlyLimit=30" \
  --data-urlencode "minSecondsToWrite=3" --data-urlencode "linkLimit=2" --data-urlencode "requirePriorApproval=on" \
  --data-urlencode "holdTerms=" --data-urlencode "spamTerms=" --data-urlencode "commentsPerPage=17" >/dev/null
check "discussion settings saved on A" test "$(sql "select setting_value from site_setting where name = 'discussion.comments-per-page'")" = 17
discussion_on_b() { get "$OWNER" "$B" /admin/discussion | grep -E 'name="commentsPerPage"[^>]*value="17"|value="17"[^>]*name="commentsPerPage"'; }
check "discussion settings saved on A apply on B" within 2 discussion_on_b

# "sign out everywhere" on A: the owner's copied session dies on B (last: it ends the owner's sessions)
cp "$OWNER" "$work/owner-copy.jar"
check "the owner's session works on B" signed_in "$work/owner-copy.jar" "$B"
post_form "$OWNER" "$A" /account/sessions/end >/dev/null
check "sessions ended everywhere on A are dead on B" within 2 signed_out "$work/owner-copy.jar" "$B"

say "---- through nginx"
THROUGH=$work/through.jar
served_by_both() {
  local seen
  seen=$(for _ in 1 2 3 4 5 6; do curl -s -o /dev/null -D - "$N/" | awk 'tolower($1) == "x-upstream:" {print $2}'; done | sort -u | wc -l)
  [ "$seen" -eq 2 ] || { echo "pages came from $seen instance(s)"; return 1; }
}
check "guest pages through nginx come from both instances" served_by_both
check "a post page through nginx" shows "$THROUGH" "$N" "/posts/$slug" "approved staff remark from instance A"
check "signing in through nginx (form and post may reach different instances)" sign_in "$THROUGH" "$N"
through_desk() { for _ in 1 2 3 4; do [ "$(status "$THROUGH" "$N" /write)" = 200 ] || return 1; done; }
check "the session holds on both instances through nginx" through_desk

# ---- limits counted together (last: it leaves failed sign-ins from this address) ------------------------------
say "---- rate limits across instances"
shared_limits() {
  QUILLPRESS_ADMIN_EMAIL=$ADMIN_EMAIL QUILLPRESS_ADMIN_PASSWORD=$ADMIN_PASSWORD bash "$here/limits.sh" "$A" "$B"
}
check "the flood guard and the sign-in throttle count across instances (limits.sh)" shared_limits

# ---- summary -----------------------------------------------------------------------------------------------
say "---- $PASSED passed, ${#FAILED[@]} failed, in $((SECONDS - started)) s"
if [ ${#FAILED[@]} -gt 0 ]; then
  printf 'FAILED: %s\n' "${FAILED[@]}" >&2
  say "instance logs: the last lines of A and B" >&2
  tail -n 5 "$work/a/app.log" "$work/b/app.log" >&2
  exit 1
fi

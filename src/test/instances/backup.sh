#!/usr/bin/env bash
# Backup and restore of the PostgreSQL build under load, as the README's "Backup and restore" says: while a
# writer keeps commenting on a running site, `pg_dump -Fc` its database; `pg_restore` the dump into a new
# database; start the pg jar on that one; sign in there with an account made before the backup (accounts and
# password hashes came along) and find its post, the comments written before the dump, and the site settings.
#
#   src/test/instances/backup.sh JAR SOURCE_DB RESTORED_DB SITE_URL SLUG
#
# JAR is the pg build's quarkus-run.jar; SOURCE_DB the running site's database; RESTORED_DB a database name
# that does not exist yet (created here, dropped by the caller); SITE_URL the running site (an instance or the
# load balancer in front of several), where the owner comments on post SLUG during the dump. The environment
# names the owner (QUILLPRESS_ADMIN_EMAIL, QUILLPRESS_ADMIN_PASSWORD) and QUILLPRESS_SESSION_SECRET, and may
# name KEPT_EMAIL and KEPT_PASSWORD (an account to sign in with on the restored site; the owner when unset),
# PG_HOST, PG_PORT, PG_USER (127.0.0.1, 5432, postgres) and DUMPED (a file touched once the dump is taken, for
# a caller that runs this in the background). Every other QUILLPRESS_* variable passes to the restored site.
# run.sh (CI step 4) runs it against its three instances. Needs pg_dump/pg_restore of the server's major
# version, curl and python3. Prints one line per check; exits non-zero naming the first that failed.
set -euo pipefail
[ $# -eq 5 ] || { echo "usage: $0 JAR SOURCE_DB RESTORED_DB SITE_URL SLUG" >&2; exit 2; }
JAR=$(realpath "$1"); SRC_DB=$2; DST_DB=$3; SITE=${4%/}; SLUG=$5
PG=(-h "${PG_HOST:-127.0.0.1}" -p "${PG_PORT:-5432}" -U "${PG_USER:-postgres}")
OWNER_EMAIL=${QUILLPRESS_ADMIN_EMAIL:?set QUILLPRESS_ADMIN_EMAIL}; OWNER_PASSWORD=${QUILLPRESS_ADMIN_PASSWORD:?}
KEPT_EMAIL=${KEPT_EMAIL:-$OWNER_EMAIL}; KEPT_PASSWORD=${KEPT_PASSWORD:-$OWNER_PASSWORD}
WORK=$(mktemp -d)
PID=

fail() { [ -z "$PID" ] || tail -n 15 "$WORK/restored.log" >&2; echo "backup: FAILED: $*" >&2; exit 1; }
pass() { echo "backup: ok: $*"; }
cleanup() {
  rm -f "$WORK/writing"
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 143' TERM INT
[ -f "$JAR" ] || fail "no jar at $JAR (build it with ./mvnw -B package -DskipTests -Dquarkus.profile=pg)"
sql() { psql "${PG[@]}" -d "$1" -Atqc "$2"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
csrf() { awk '$6 == "csrf-token" { print $7 }' "$1" | tail -n 1; }
sign_in() {  # sign_in BASE JAR EMAIL PASSWORD: through the /login form; then /write answers 200
  rm -f "$2"
  curl -s -o /dev/null -c "$2" -b "$2" "$1/login"
  curl -s -o /dev/null -c "$2" -b "$2" -X POST "$1/login" --data-urlencode "email=$3" \
    --data-urlencode "password=$4" --data-urlencode "csrf-token=$(csrf "$2")"
  [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$2" "$1/write")" = 200 ]
}
comment() {  # comment N: the owner's (approved) comment number N on SLUG; the status code
  curl -s -o /dev/null -w '%{http_code}' -b "$WORK/owner.jar" -c "$WORK/owner.jar" -X POST \
    "$SITE/api/v1/posts/$SLUG/comments" -H 'Content-Type: application/json' -H "X-CSRF-TOKEN: $(csrf "$WORK/owner.jar")" \
    --data "{\"body\":\"Written while the backup ran, number $1.\"}"
}

# ---- the dump, while the owner keeps commenting
sign_in "$SITE" "$WORK/owner.jar" "$OWNER_EMAIL" "$OWNER_PASSWORD" || fail "the owner cannot sign in on $SITE"
touch "$WORK/writing" "$WORK/acknowledged"
( n=0; while [ -f "$WORK/writing" ]; do n=$((n + 1)); [[ $(comment "$n") == 20? ]] && echo "$n" >>"$WORK/acknowledged"; done ) &
WRITER=$!
for _ in $(seq 1 100); do [ "$(wc -l <"$WORK/acknowledged")" -ge 3 ] && break; sleep 0.1; done
[ "$(wc -l <"$WORK/acknowledged")" -ge 3 ] || fail "the writer's comments on /posts/$SLUG are not taken"
before=$(sql "$SRC_DB" "select count(*) from comment")
accounts=$(sql "$SRC_DB" "select count(*) from account")
title=$(sql "$SRC_DB" "select setting_value from site_setting where name = 'site.title'")
discussion=$(sql "$SRC_DB" "select string_agg(name || '=' || setting_value, ',' order by name) from site_setting where name like 'discussion.%'")
t0=$(date +%s%N)
pg_dump "${PG[@]}" -Fc -f "$WORK/quillpress.dump" "$SRC_DB" || fail "pg_dump -Fc $SRC_DB"
took=$(( ($(date +%s%N) - t0) / 1000000 ))
sleep 0.5
rm -f "$WORK/writing"; wait "$WRITER" || true
[ -z "${DUMPED:-}" ] || touch "$DUMPED"
pass "pg_dump -Fc of $SRC_DB in $took ms while comments were written ($(wc -l <"$WORK/acknowledged") taken during the run, $(stat -c %s "$WORK/quillpress.dump") bytes)"

# ---- the restore into a new database
createdb "${PG[@]}" "$DST_DB" || fail "createdb $DST_DB"
pg_restore "${PG[@]}" --no-owner --exit-on-error -d "$DST_DB" "$WORK/quillpress.dump" || fail "pg_restore into $DST_DB"
restored=$(sql "$DST_DB" "select count(*) from comment")
[ "$restored" -ge "$before" ] || fail "the restored database has $restored comments, the site had $before before the dump began"
[ "$(sql "$DST_DB" "select count(*) from account")" = "$accounts" ] || fail "the restored database has other accounts than the site"
[ "$(sql "$DST_DB" "select string_agg(name || '=' || setting_value, ',' order by name) from site_setting where name like 'discussion.%'")" = "$discussion" ] \
  || fail "the restored discussion settings differ from the site's"
pass "pg_restore into $DST_DB: $restored comments ($before before the dump), $accounts accounts, the same discussion settings"

# ---- the pg jar on the restored database
PORT=$(free_port); R=http://127.0.0.1:$PORT
( cd "$WORK" && QUILLPRESS_DB_URL="jdbc:postgresql://${PG_HOST:-127.0.0.1}:${PG_PORT:-5432}/$DST_DB" \
    QUILLPRESS_DB_USER=${PG_USER:-postgres} QUILLPRESS_SITE_URL=$R QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$PORT \
    exec java -Xmx320m -XX:+UseSerialGC -jar "$JAR" >"$WORK/restored.log" 2>&1 ) &
PID=$!
up=no
for _ in $(seq 1 600); do
  curl -fs -o /dev/null "$R/q/health/ready" && { up=yes; break; }
  kill -0 "$PID" 2>/dev/null || break
  sleep 0.5
done
[ "$up" = yes ] || fail "the pg jar did not start on the restored database $DST_DB"
pass "the pg jar starts on the restored database"
sign_in "$R" "$WORK/kept.jar" "$KEPT_EMAIL" "$KEPT_PASSWORD" || fail "$KEPT_EMAIL cannot sign in on the restored site with the old password"
kept_slug=$(sql "$DST_DB" "select p.slug from post p join account a on a.id = p.author_id where a.email = '$KEPT_EMAIL' and p.status = 'PUBLISHED' order by p.id limit 1")
[ -n "$kept_slug" ] || fail "no published post of $KEPT_EMAIL in the restored database"
shows() {  # shows PATH GREP-ARGS...: the restored site's page (redirects followed), read whole before grep looks
  # (piped, grep -q leaves at its first match and curl's next write fails, which pipefail counts as a failure)
  curl -sL -o "$WORK/page.html" "$R$1" && grep -q "${@:2}" "$WORK/page.html"
}
shows "/posts/$kept_slug" "<h1[^>]*>" || fail "the post /posts/$kept_slug of $KEPT_EMAIL is not on the restored site"
# by its permalink, which leads to the page of the thread it is on (the post may have more threads than a page)
first=$(sql "$DST_DB" "select id from comment where body_markdown = 'Written while the backup ran, number 1.'")
[ -n "$first" ] || fail "the comment written before the dump is not in the restored database"
if ! shows "/comments/$first" "Written while the backup ran, number 1\."; then
  fail "the comment written before the dump (/comments/$first) is not shown on the restored site: $(curl -s -o /dev/null \
    -w 'HTTP %{http_code} to %{redirect_url}' "$R/comments/$first"); stored as $(sql "$DST_DB" "select c.status || \
    ' on ' || p.slug || ' (' || p.status || ')' from comment c join post p on p.id = c.post_id where c.id = $first")"
fi
shows / -F "$title" || fail "the restored site's home page does not show the site title \"$title\""
pass "$KEPT_EMAIL signs in on the restored site; its post /posts/$kept_slug, the comments and the title \"$title\" are there"

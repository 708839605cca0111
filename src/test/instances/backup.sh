#!/usr/bin/env bash
# Backup and restore of the PostgreSQL build, as the README's "Backup and restore" says: start the pg jar on a
# new database, write posts and comments, take `pg_dump -Fc` while a writer keeps commenting, restore the dump
# into another new database with `pg_restore`, start the jar on that one, and sign in there with the owner's
# password (accounts and password hashes came along) and find the posts.
#
#   ./mvnw -B package -DskipTests -Dquarkus.profile=pg      # the pg jar, once
#   src/test/instances/backup.sh [path/to/quarkus-run.jar]
#
# Needs PostgreSQL on 127.0.0.1:5432 letting user postgres in without a password (as on the CI machines),
# pg_dump/pg_restore of the same major version, curl and python3. Exits non-zero on the first failed check.
set -euo pipefail
JAR=$(realpath "${1:-target/quarkus-app/quarkus-run.jar}")
PG=(-h 127.0.0.1 -U postgres)
SRC_DB=qp_backup_src_$$
DST_DB=qp_backup_restored_$$
WORK=$(mktemp -d)
EMAIL=owner@backup.test
PASSWORD=Backup-Owner-Password-2026
SECRET=$(head -c 48 /dev/urandom | base64 | tr -d '\n')
PIDS=()

fail() { echo "backup: FAILED: $*" >&2; exit 1; }
pass() { echo "backup: ok: $*"; }
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  dropdb "${PG[@]}" --if-exists "$SRC_DB" 2>/dev/null || true
  dropdb "${PG[@]}" --if-exists "$DST_DB" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

[ -f "$JAR" ] || fail "no jar at $JAR (build it with ./mvnw -B package -DskipTests -Dquarkus.profile=pg)"
pg_isready -q -h 127.0.0.1 || fail "PostgreSQL is not running on 127.0.0.1:5432"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

start() {  # start DB PORT: the pg jar on database DB, answering on PORT
  ( cd "$WORK" && QUILLPRESS_DB_URL="jdbc:postgresql://127.0.0.1:5432/$1" QUILLPRESS_DB_USER=postgres \
      QUILLPRESS_ADMIN_EMAIL=$EMAIL QUILLPRESS_ADMIN_PASSWORD=$PASSWORD QUILLPRESS_SESSION_SECRET="$SECRET" \
      QUARKUS_HTTP_HOST=127.0.0.1 PORT=$2 exec java -Xmx384m -jar "$JAR" >"$WORK/$1.log" 2>&1 ) &
  PIDS+=($!)
}
ready() {  # ready URL: waits (up to 5 minutes, a busy machine starts slowly) for the readiness check
  for _ in $(seq 1 600); do curl -fs -o /dev/null "$1/q/health/ready" && return 0; sleep 0.5; done
  return 1
}
token() { python3 -c 'import re,sys; m=re.search(r"name=\"csrf-token\" value=\"([^\"]+)\"", sys.stdin.read()); print(m.group(1) if m else "")'; }
sign_in() {  # sign_in URL JAR: the owner signs in through the /login form; then /write answers 200
  rm -f "$2"
  local t; t=$(curl -s -c "$2" -b "$2" "$1/login" | token)
  [ -n "$t" ] || return 1
  curl -s -o /dev/null -c "$2" -b "$2" -X POST "$1/login" --data-urlencode "email=$EMAIL" \
    --data-urlencode "password=$PASSWORD" --data-urlencode "csrf-token=$t"
  [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$2" "$1/write")" = 200 ]
}
api() {  # api URL JAR PATH JSON: a JSON POST as the signed-in owner, with the CSRF cookie's value as header
  local t; t=$(awk '$6 == "csrf-token" { print $7 }' "$2" | tail -1)
  curl -s -b "$2" -c "$2" -X POST "$1$3" -H 'Content-Type: application/json' -H "X-CSRF-TOKEN: $t" --data "$4"
}
count() { psql "${PG[@]}" -d "$1" -Atc "select count(*) from $2"; }

createdb "${PG[@]}" "$SRC_DB"
PORT=$(free_port); A=http://127.0.0.1:$PORT
start "$SRC_DB" "$PORT"
ready "$A" || fail "the site did not start on $SRC_DB (log: $WORK/$SRC_DB.log)"
sign_in "$A" "$WORK/a.jar" || fail "the owner cannot sign in on the first site"
for i in 1 2 3; do
  api "$A" "$WORK/a.jar" /api/v1/posts "{\"title\":\"Kept in the backup $i\",\"body\":\"Body $i.\",\"status\":\"PUBLISHED\"}" >/dev/null
done
slug=$(psql "${PG[@]}" -d "$SRC_DB" -Atc "select slug from post where title = 'Kept in the backup 1'")
[ -n "$slug" ] || fail "the posts were not written"

# light load while the dump runs: the owner keeps commenting (staff comments are approved at once)
touch "$WORK/writing"
( n=0; while [ -f "$WORK/writing" ]; do n=$((n + 1))
    api "$A" "$WORK/a.jar" "/api/v1/posts/$slug/comments" "{\"body\":\"Written during the dump, number $n.\"}" >/dev/null
  done ) &
WRITER=$!
sleep 2
pg_dump "${PG[@]}" -Fc -f "$WORK/quillpress.dump" "$SRC_DB" || fail "pg_dump"
rm -f "$WORK/writing"; wait "$WRITER" || true
pass "pg_dump -Fc under load ($(stat -c %s "$WORK/quillpress.dump") bytes)"

createdb "${PG[@]}" "$DST_DB"
pg_restore "${PG[@]}" --no-owner -d "$DST_DB" "$WORK/quillpress.dump" || fail "pg_restore"
for table in account login_identity site_setting post comment; do
  [ "$(count "$DST_DB" $table)" -gt 0 ] || fail "no rows in $table after the restore"
done
pass "pg_restore into a new database ($(count "$DST_DB" comment) comments, $(count "$DST_DB" account) accounts)"

PORT2=$(free_port); B=http://127.0.0.1:$PORT2
start "$DST_DB" "$PORT2"
ready "$B" || fail "the site did not start on the restored database (log: $WORK/$DST_DB.log)"
pass "the pg jar starts on the restored database"
sign_in "$B" "$WORK/b.jar" || fail "the owner cannot sign in on the restored site"
pass "the owner signs in on the restored site with the old password"
curl -fs "$B/posts/$slug" | grep -q "Kept in the backup 1" || fail "the post is not on the restored site"
pass "the posts are on the restored site"
echo "backup: all checks passed"

#!/usr/bin/env bash
# Images (issue 11): how long a 12-megapixel JPEG takes to upload and process with a small heap, and how
# fast an image is served compared with nginx serving the very same file from the same folder.
#
#   bench/media.sh               build, start on embedded H2 with -Xmx160m, measure
#   bench/media.sh --no-build    use the jar already in target/quarkus-app/
#
# BENCH_HEAP (default -Xmx160m) is the app's heap; BENCH_UPLOADS (default 5) the number of uploads timed
# (each a different file: the same bytes twice would be one entry). Serving: wrk, 1 thread, 16
# connections, 10 s, on the 960-pixel rendition, app and nginx in turn, three rounds (the first warms the
# JIT). Everything runs on 127.0.0.1 and is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
[ "${1:-}" = --no-build ] || ./mvnw -B -q package -DskipTests
HEAP=${BENCH_HEAP:--Xmx160m}
UPLOADS=${BENCH_UPLOADS:-5}
EMAIL=bench@example.org
PASSWORD='Bench-Owner-Password-2026'

command -v wrk >/dev/null && command -v nginx >/dev/null || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx >/dev/null; }
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

SCRATCH=$(mktemp -d)
chmod 755 "$SCRATCH"   # nginx workers run as nobody and must reach the media folder
APP_PID=
NGINX_PID=
cleanup() {
  [ -z "$APP_PID" ] || { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; }
  [ -z "$NGINX_PID" ] || { kill "$NGINX_PID" 2>/dev/null || true; wait "$NGINX_PID" 2>/dev/null || true; }
  rm -rf "$SCRATCH"
}
trap cleanup EXIT

java "$ROOT/bench/MediaPhoto.java" "$SCRATCH/photo.jpg"
APP_PORT=$(free_port)
BASE=http://127.0.0.1:$APP_PORT
mkdir "$SCRATCH/app"
( cd "$SCRATCH/app" && QUILLPRESS_ADMIN_EMAIL=$EMAIL QUILLPRESS_ADMIN_PASSWORD=$PASSWORD \
    QUARKUS_HTTP_PORT=$APP_PORT QUARKUS_HTTP_HOST=127.0.0.1 \
    exec java $HEAP -jar "$ROOT/target/quarkus-app/quarkus-run.jar" >"$SCRATCH/app.log" 2>&1 ) &
APP_PID=$!
for _ in $(seq 1 480); do curl -fs -o /dev/null "$BASE/q/health/ready" && break; sleep 0.5; done

JAR=$SCRATCH/cookies
token=$(curl -s -c "$JAR" -b "$JAR" "$BASE/login" | grep -o 'name="csrf-token" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -o /dev/null -c "$JAR" -b "$JAR" -X POST "$BASE/login" --data-urlencode "email=$EMAIL" \
  --data-urlencode "password=$PASSWORD" --data "csrf-token=$token"
csrf=$(awk '$6 ~ /csrf/ {print $7}' "$JAR" | tail -n 1)

echo "| upload of a 12 MP JPEG ($(stat -c %s "$SCRATCH/photo.jpg") bytes), heap $HEAP | status | seconds |"
echo "|---|---|---|"
url=
for n in $(seq 1 "$UPLOADS"); do
  cp "$SCRATCH/photo.jpg" "$SCRATCH/photo-$n.jpg"
  printf '%d' "$n" >>"$SCRATCH/photo-$n.jpg"   # a different file each time, the same picture
  out=$(curl -s -o "$SCRATCH/upload.json" -w '%{http_code} %{time_total}' -b "$JAR" -H "X-CSRF-TOKEN: $csrf" \
    -F "file=@$SCRATCH/photo-$n.jpg" "$BASE/api/v1/media")
  echo "| upload $n | ${out% *} | ${out#* } |"
  url=$(python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))["url"])' "$SCRATCH/upload.json")
done
file=$(basename "${url/-[0-9]*./-960.}")

NGINX_PORT=$(free_port)
cat >"$SCRATCH/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $SCRATCH/nginx.pid;
error_log $SCRATCH/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  types { image/jpeg jpg; image/png png; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location /media/ { alias $SCRATCH/app/data/media/; add_header Cache-Control "public, max-age=31536000, immutable"; }
  }
}
CONF
nginx -p "$SCRATCH" -c "$SCRATCH/nginx.conf" &
NGINX_PID=$!
sleep 1
echo
echo "| round | app requests/s | nginx requests/s | bytes |"
echo "|---|---|---|---|"
bytes=$(curl -s -o /dev/null -w '%{size_download}' "$BASE/media/$file")
for round in 1 2 3; do
  app=$(wrk -t1 -c16 -d10s "$BASE/media/$file" | awk '/Requests\/sec/ {print $2}')
  ngx=$(wrk -t1 -c16 -d10s "http://127.0.0.1:$NGINX_PORT/media/$file" | awk '/Requests\/sec/ {print $2}')
  echo "| $round | $app | $ngx | $bytes |"
done
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

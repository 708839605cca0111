#!/usr/bin/env bash
# Real-browser journeys and page-quality gates: src/test/browser/run.sh [--update-screenshots]
#
# Installs what is missing (Debian's chromium when run as root, the npm packages from the lockfile),
# builds the application jar when the sources are newer, then for each width (desktop, phone) in English, and
# at desktop width in German, starts the jar on a free port with a fresh, empty database and no owner
# configured, runs the journeys in headless Chromium (in German the owner switches the site to German right
# after setup, and the journeys find everything by its German words; journeys 6 and 8 read at phone width in
# any pass), and after the English ones at desktop width also the page gates (gates.mjs). QP_LANGUAGES and
# QP_VIEWPORTS choose the passes: QP_VIEWPORTS="desktop phone" runs German at both widths too, QP_LANGUAGES=en
# QP_VIEWPORTS=desktop the English desktop pass and the gates alone. Exits non-zero, saying what
# failed and where, when anything does. The application always runs with one sign-in provider, the
# generic OIDC one ("Test ID"), served by mock-oauth2-server (the project's test dependency) started here
# as its own process on a free port with its interactive login form: journey 4 signs in through it, and
# the gates check the pages as they look with a provider configured. Screenshots and reports go to
# target/browser/<width> (English) and target/browser/<width>-<language>;
# --update-screenshots also copies the README's screenshots into docs/screenshots/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
out="$root/target/browser"
jar="$root/target/quarkus-app/quarkus-run.jar"
update_screenshots=false
for arg in "$@"; do
  case "$arg" in
    --update-screenshots) update_screenshots=true ;;
    *) echo "usage: $0 [--update-screenshots]" >&2; exit 2 ;;
  esac
done

started=$SECONDS
step() { printf '\n---- %s\n' "$*"; }
die() { echo "FAILED: $*" >&2; exit 1; }

step "tools"
if [ ! -x /usr/bin/chromium ] && [ -z "${CHROME_PATH:-}" ]; then
  [ "$(id -u)" = 0 ] || die "no Chromium at /usr/bin/chromium: install Debian's package (apt-get install chromium) or set CHROME_PATH"
  echo "installing Debian's chromium"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
command -v node >/dev/null || die "Node.js 20 or newer is needed (node not found)"
[ "$(node -p 'process.versions.node.split(".")[0]')" -ge 20 ] || die "Node.js 20 or newer is needed (found $(node --version))"
# npm ci when node_modules is missing or was installed from another lockfile. --ignore-scripts: the only
# install script (vnu-jar's) would download a Java runtime; the machine's java runs vnu.jar.
if ! cmp -s "$here/package-lock.json" "$here/node_modules/.installed-lock.json"; then
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  cp "$here/package-lock.json" "$here/node_modules/.installed-lock.json"
fi
echo "$("$CHROME_PATH" --version 2>/dev/null | head -n 1), Node $(node --version), $(java -version 2>&1 | head -n 1)"

step "application jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root/src/main" "$root/pom.xml" -newer "$jar" -print -quit)" ]; then
  (cd "$root" && ./mvnw -B -q package -DskipTests) || die "the application did not build"
fi
echo "$jar"

rm -rf "$out"
mkdir -p "$out"

step "test OIDC server"
# mock-oauth2-server's classpath: the project's test classpath (the versions the JVM tests run it with),
# without JBoss LogManager and its SLF4J binding, so that the server logs through its own logback
oidc_classpath="$root/target/browser-oidc-classpath.txt"
if [ ! -s "$oidc_classpath" ] || [ "$root/pom.xml" -nt "$oidc_classpath" ]; then
  (cd "$root" && ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$oidc_classpath.all") || die "the test classpath (for mock-oauth2-server) could not be resolved"
  tr ':' '\n' <"$oidc_classpath.all" | grep -v -E '/org/jboss/(slf4j|logmanager)/' | paste -sd: >"$oidc_classpath"
  rm -f "$oidc_classpath.all"
fi
grep -q 'mock-oauth2-server' "$oidc_classpath" || die "mock-oauth2-server is not on the test classpath ($oidc_classpath)"

free_port() {
  node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

oidc_pid=
oidc_log="$out/oidc-server.log"
stop_oidc() {
  if [ -n "$oidc_pid" ]; then
    kill "$oidc_pid" 2>/dev/null || true
    wait "$oidc_pid" 2>/dev/null || true
    oidc_pid=
  fi
}

# One server for both widths: each sign-in is its own authorization request, and the accounts live in the
# application's fresh database.
oidc_port=$(free_port)
oidc_origin="http://127.0.0.1:$oidc_port"
SERVER_HOSTNAME=127.0.0.1 SERVER_PORT="$oidc_port" JSON_CONFIG='{"interactiveLogin": true}' \
  java -cp "$(cat "$oidc_classpath")" no.nav.security.mock.oauth2.StandaloneMockOAuth2ServerKt >"$oidc_log" 2>&1 &
oidc_pid=$!
trap stop_oidc EXIT
for _ in $(seq 1 120); do
  if node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' \
      "$oidc_origin/oidc/.well-known/openid-configuration"; then
    break
  fi
  kill -0 "$oidc_pid" 2>/dev/null || { cat "$oidc_log" >&2; die "mock-oauth2-server stopped"; }
  sleep 0.5
done
node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' \
  "$oidc_origin/oidc/.well-known/openid-configuration" || { cat "$oidc_log" >&2; die "mock-oauth2-server did not start at $oidc_origin"; }
echo "mock-oauth2-server up at $oidc_origin, issuer $oidc_origin/oidc"

# What journey 4 needs to know about the provider and its login form (see journeys/4-oidc-reader.mjs)
# (QP_OIDC_PROVIDER: the journeys name the form's button in the site's language; QP_OIDC_BUTTON: the gates, in English)
export QP_OIDC_PROVIDER="Test ID" QP_OIDC_BUTTON="Sign in with Test ID" QP_OIDC_ORIGIN="$oidc_origin" QP_OIDC_USER="rita-reader" \
  QP_OIDC_USER_LABEL="user" QP_OIDC_CLAIMS_LABEL="claims" QP_OIDC_NAME="Rita Reader" QP_OIDC_SUBMIT="^sign-in$"

app_pid=
app_dir=
stop_app() {
  if [ -n "$app_pid" ]; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    app_pid=
  fi
  if [ -n "$app_dir" ]; then
    rm -rf "$app_dir"
    app_dir=
  fi
}
trap 'stop_app; stop_oidc' EXIT

# Starts the jar in a fresh temporary directory (its ./data holds the H2 database) on a free port,
# without an owner so that /setup asks for one; sets base and app_log.
start_app() {
  app_dir=$(mktemp -d "${TMPDIR:-/tmp}/qp-browser-app.XXXXXX")
  local port
  port=$(free_port)
  base="http://127.0.0.1:$port"
  app_log="$app_dir/app.log"
  # the H2 URL spelled out: a jar built for PostgreSQL refuses it instead of using a real database
  (cd "$app_dir" && exec env -u QUILLPRESS_ADMIN_EMAIL -u QUILLPRESS_ADMIN_PASSWORD \
      QUILLPRESS_DB_URL="jdbc:h2:file:./data/quillpress;AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE" \
      QUILLPRESS_SITE_URL="$base" QUILLPRESS_LOGIN_OIDC_URL="$oidc_origin/oidc" \
      QUILLPRESS_LOGIN_OIDC_CLIENT_ID=quillpress-browser-journeys QUILLPRESS_LOGIN_OIDC_NAME="Test ID" \
      QUILLPRESS_LOGIN_OIDC_CLIENT_SECRET=a-client-secret-for-the-browser-journeys-only \
      java -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" \
      -jar "$jar" >"$app_log" 2>&1) &
  app_pid=$!
  for _ in $(seq 1 120); do
    if node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' \
        "$base/q/health/ready"; then
      echo "application up at $base (log: $app_log)"
      return 0
    fi
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 0.5
  done
  tail -n 40 "$app_log" >&2
  die "the application did not start at $base"
}

failures=()
for lang in ${QP_LANGUAGES:-en de}; do
  viewports=${QP_VIEWPORTS:-desktop phone}
  [ "$lang" = en ] || viewports=${QP_VIEWPORTS:-desktop}
  for viewport in $viewports; do
    pass_out="$out/$viewport"
    [ "$lang" = en ] || pass_out="$out/$viewport-$lang"
    step "journeys at $viewport width in $lang"
    start_app
    mkdir -p "$pass_out"
    if ! node "$here/journeys.mjs" --base "$base" --log "$app_log" --viewport "$viewport" --lang "$lang" --out "$pass_out"; then
      failures+=("journeys at $viewport width in $lang")
    elif [ "$viewport" = desktop ] && [ "$lang" = en ]; then
      step "page gates (vnu, axe-core, Lighthouse, feeds, CSP, inline script, German, Arabic, dark)"
      node "$here/gates.mjs" --base "$base" --out "$pass_out" || failures+=("page gates")
    fi
    cp "$app_log" "$pass_out/app.log"
    stop_app
  done
done

if $update_screenshots; then
  mkdir -p "$root/docs/screenshots"
  for viewport in desktop phone; do
    for name in home post-with-comments moderation-queue write sign-in post-with-image posts-list; do
      src="$out/$viewport/screenshots/$name.png"
      [ -f "$src" ] && cp "$src" "$root/docs/screenshots/$name-$viewport.png"
    done
  done
  echo "screenshots copied to docs/screenshots/"
fi

step "done in $((SECONDS - started)) s"
if [ ${#failures[@]} -gt 0 ]; then
  printf 'FAILED: %s\n' "${failures[@]}" >&2
  exit 1
fi
echo "all journeys and gates passed (screenshots and reports in $out)"

#!/usr/bin/env bash
# The round trip through a real WordPress (issue 13), measured on a machine, not in CI: a site built from
# src/test/resources/wxr/roundtrip-site.xml (with generated images at its attachments' paths) exports its WXR;
# WordPress's importer takes it (downloading the images from the running site), WordPress's export_wp() writes
# it out again; a fresh site imports that; then every published post and page is read on both sites as a reader
# sees it (title, date, author, categories, tags, body HTML, comments and their threads) and the differences
# are printed. Exits 1 when there is any.
#
#   bench/wp-roundtrip.sh WORDPRESS-DIR IMPORTER-DIR [--no-build]
#
# What it needs, none of it in this repository:
#   - PHP CLI with mysqli, xml, mbstring, gd (Debian: apt-get install php-cli php-mysql php-xml php-mbstring php-gd)
#   - a MariaDB/MySQL on 127.0.0.1:3306 where root (empty password) may create the database $WP_DB (default
#     qp_wp_roundtrip), which this script DROPS and creates again on every run: give it one of its own
#   - WORDPRESS-DIR: an unpacked WordPress (6.x; e.g. the files of Debian's package: apt-get download wordpress;
#     dpkg -x wordpress_*.deb x; cp -r x/usr/share/wordpress WORDPRESS-DIR), used for nothing else: its
#     wp-config.php is written here and its wp-content/uploads emptied
#   - IMPORTER-DIR: the WordPress importer plugin (github.com/WordPress/wordpress-importer, its src/ folder)
set -euo pipefail
[ $# -ge 2 ] || { sed -n '2,20p' "$0" >&2; exit 2; }
WP_DIR=$(readlink -f "$1")
IMPORTER=$(readlink -f "$2")
WP_DB=${WP_DB:-qp_wp_roundtrip}
[ -f "$WP_DIR/wp-load.php" ] || { echo "$WP_DIR is not a WordPress directory" >&2; exit 2; }
[ -f "$IMPORTER/wordpress-importer.php" ] || { echo "$IMPORTER has no wordpress-importer.php" >&2; exit 2; }
cd "$(dirname "$0")/.."
ROOT=$(pwd)
[ "${3:-}" = --no-build ] || ./mvnw -B -q package -DskipTests
JAR="$ROOT/target/quarkus-app/quarkus-run.jar"
FIXTURE="$ROOT/src/test/resources/wxr/roundtrip-site.xml"
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

SCRATCH=$(mktemp -d)
mkdir -p "$SCRATCH/A" "$SCRATCH/C"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  [ -n "${BENCH_KEEP:-}" ] && echo "kept $SCRATCH" >&2 || rm -rf "$SCRATCH"
}
trap cleanup EXIT

# a site: its own directory (./data holds its H2 database, ./media its files) and address
site() { (cd "$SCRATCH/$1" && QUILLPRESS_SITE_URL="$2" java -jar "$JAR" "${@:3}"); }
serve() {
  local dir=$1 port=$2
  (cd "$SCRATCH/$dir" && QUILLPRESS_SITE_URL="http://127.0.0.1:$port" QUARKUS_HTTP_PORT=$port \
      QUARKUS_HTTP_HOST=127.0.0.1 exec java -jar "$JAR" >"$SCRATCH/$dir/app.log" 2>&1) &
  PIDS+=($!)
  for _ in $(seq 1 480); do curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready" && return 0; sleep 0.5; done
  tail -n 30 "$SCRATCH/$dir/app.log" >&2
  exit 1
}

echo "---- site A: the fixture with its images"
php -r '
  foreach (["mainsail" => [200, 60, 40], "mast" => [40, 120, 200], "jib" => [40, 160, 90]] as $name => $rgb) {
    @mkdir($argv[1] . "/2021/05", 0777, true);
    $im = imagecreatetruecolor(1200, 800);
    imagefill($im, 0, 0, imagecolorallocate($im, ...$rgb));
    imagefilledellipse($im, 600, 400, 500, 500, imagecolorallocate($im, 250, 250, 240));
    imagestring($im, 5, 560, 390, $name, imagecolorallocate($im, 0, 0, 0));
    imagejpeg($im, $argv[1] . "/2021/05/$name.jpg", 85);
  }' "$SCRATCH/uploads"
PORT_A=$(free_port)
A="http://127.0.0.1:$PORT_A"
site A "$A" import-wxr "$FIXTURE" --uploads="$SCRATCH/uploads" >"$SCRATCH/A/import.log" 2>&1
site A "$A" export-wxr "$SCRATCH/a.xml" >/dev/null 2>&1
serve A "$PORT_A"

echo "---- WordPress: import A's export, export again"
mysql -uroot -h127.0.0.1 -e "DROP DATABASE IF EXISTS \`$WP_DB\`; CREATE DATABASE \`$WP_DB\` CHARACTER SET utf8mb4"
rm -rf "$WP_DIR/wp-content/uploads"
mkdir -p "$WP_DIR/wp-content/uploads"
cat >"$WP_DIR/wp-config.php" <<EOF
<?php
define('DB_NAME', '$WP_DB');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', '127.0.0.1');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_CONTENT_DIR', __DIR__ . '/wp-content');
define('WP_HOME', 'http://wp.example');
define('WP_SITEURL', 'http://wp.example');
\$table_prefix = 'wp_';
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
EOF
cat >"$SCRATCH/wp.php" <<'PHP'
<?php
// php wp.php WORDPRESS-DIR IMPORTER-DIR install|import FILE|export FILE (WordPress's globals share this scope)
[$qp_self, $qp_wpdir, $qp_importer, $qp_action] = $argv;
$qp_file = $argv[4] ?? null;
$_SERVER['HTTP_HOST'] = $_SERVER['SERVER_NAME'] = 'wp.example';
$_SERVER['REQUEST_URI'] = '/';
if ($qp_action === 'install') {
    define('WP_INSTALLING', true);
}
require $qp_wpdir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/admin.php';
if ($qp_action === 'install') {
    require_once ABSPATH . 'wp-admin/includes/upgrade.php';
    wp_install('Round trip', 'admin', 'admin@wp.example', true, '', wp_generate_password());
    // WordPress's own sample post, page and privacy page are not part of what is compared
    foreach (get_posts(['post_type' => ['post', 'page'], 'post_status' => 'any', 'numberposts' => -1]) as $p) {
        wp_delete_post($p->ID, true);
    }
    update_option('permalink_structure', '/%year%/%monthnum%/%day%/%postname%/');
    echo "WordPress ", get_bloginfo('version'), " installed\n";
} elseif ($qp_action === 'import') {
    define('WP_LOAD_IMPORTERS', true);
    require $qp_importer . '/wordpress-importer.php';
    wordpress_importer_init();
    wp_set_current_user(1);
    // the exporting site runs on loopback: let WordPress download the attachments from it
    add_filter('http_request_host_is_external', '__return_true');
    add_filter('http_request_args', function ($args) { $args['reject_unsafe_urls'] = false; return $args; });
    $qp_import = $GLOBALS['wp_import'];
    $qp_import->fetch_attachments = true;
    // every author of the file becomes a WordPress user of the same login (the form's default)
    $qp_parsed = $qp_import->parse($qp_file);
    $_POST['imported_authors'] = array_keys($qp_parsed['authors'] ?? []);
    ob_start();
    $qp_import->import($qp_file);
    $qp_out = ob_get_clean();
    echo trim(html_entity_decode(strip_tags(str_replace(['<br />', '<br>', '</p>'], "\n", $qp_out)))), "\n";
} elseif ($qp_action === 'export') {
    require_once ABSPATH . 'wp-admin/includes/export.php';
    ob_start();
    export_wp(['content' => 'all']);
    file_put_contents($qp_file, ob_get_clean());
    echo "exported to $qp_file\n";
}
PHP
wp() { php "$SCRATCH/wp.php" "$WP_DIR" "$IMPORTER" "$@" 2> >(grep -v 'sendmail' >&2); }
wp install
wp import "$SCRATCH/a.xml" | sed 's/^/  /'
wp export "$SCRATCH/b.xml"

echo "---- site C: a fresh site imports WordPress's export"
PORT_C=$(free_port)
C="http://127.0.0.1:$PORT_C"
site C "$C" import-wxr "$SCRATCH/b.xml" --uploads="$WP_DIR/wp-content/uploads" >"$SCRATCH/C/import.log" 2>&1
site C "$C" export-wxr "$SCRATCH/c.xml" >/dev/null 2>&1
serve C "$PORT_C"

echo "---- what a reader sees, A against C"
python3 "$ROOT/bench/wp-compare.py" "$SCRATCH/a.xml" "$A" "$SCRATCH/c.xml" "$C"

#!/usr/bin/env bash
# Screenshots of an imported WordPress post for the README's import section: its table, a nested list, its
# gallery and its aligned captioned image, each cut from the post page as a reader sees it at desktop width.
#
#   bench/wp-screenshots.sh BASE-URL POST-PATH [OUT-DIR]     (OUT-DIR defaults to docs/screenshots)
#
# The site must be running with the post imported: bench/wp-roundtrip.sh with BENCH_KEEP=1 leaves site A's
# folder (its import of src/test/resources/wxr/roundtrip-site.xml, the post /posts/sails-and-ropes); start the jar
# there. Uses Debian's Chromium (/usr/bin/chromium, or CHROME_PATH) and the playwright-core the browser tests
# install (src/test/browser: npm ci --ignore-scripts).
set -euo pipefail
[ $# -ge 2 ] || { sed -n '2,11p' "$0" >&2; exit 2; }
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$(mkdir -p "${3:-$ROOT/docs/screenshots}" && cd "${3:-$ROOT/docs/screenshots}" && pwd)
cd "$ROOT/src/test/browser"
[ -d node_modules/playwright-core ] || npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
node --input-type=module - "$1" "$2" "$OUT" <<'JS'
import { launch } from './lib/browser.mjs';

const [base, path, out] = process.argv.slice(2);
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const response = await page.goto(base + path, { waitUntil: 'load' });
  if (!response.ok()) throw new Error(`${path} answered ${response.status()}`);
  await page.evaluate(() => Promise.all([...document.images].map((img) => img.decode().catch(() => {}))));
  const body = await page.locator('.post-body').boundingBox();
  // each shot: the part of the post's column from a little above the element to a little below it
  const shots = {
    'import-table': '.post-body table',
    'import-nested-list': '.post-body ul:has(ol)',
    'import-gallery': '.post-body .gallery, .post-body .wp-block-gallery',
    'import-aligned-image': '.post-body figure.alignright, .post-body figure.alignleft, .post-body .alignright, .post-body .alignleft',
  };
  for (const [name, selector] of Object.entries(shots)) {
    const element = page.locator(selector).first();
    await element.scrollIntoViewIfNeeded();
    const box = await element.boundingBox();
    if (!box) throw new Error(`no ${selector} on ${path}`);
    const pad = 16;
    // the aligned image with the column's text beside it; the others on their own (a float may sit beside them)
    const area = name === 'import-aligned-image' ? body : box;
    const y = Math.max(0, box.y - pad) + (await page.evaluate(() => window.scrollY));
    await page.screenshot({
      path: `${out}/${name}.png`,
      fullPage: true,
      clip: { x: Math.max(0, area.x - pad), y, width: area.width + 2 * pad, height: box.height + 2 * pad },
    });
    console.log(`${out}/${name}.png`);
  }
} finally {
  await browser.close();
}
JS

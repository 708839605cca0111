// Page-quality gates, run after the desktop journeys on the same instance (so there is a post with
// comments, tags, a category and an owner to sign in as):
//   node gates.mjs --base http://127.0.0.1:PORT --out DIR
// DIR holds owner-state.json and post-url.txt from the journeys; reports are written there.
// Every page checked must: answer with its expected status and a Content-Security-Policy that allows
// no inline or foreign script; hold no inline script, inline style or event-handler attribute; have
// zero errors from the W3C Nu HTML Checker and no serious or critical axe-core violation; and load
// without a console error or a request to another host. Lighthouse scores home, post and image-post pages; the
// feeds validate against the Atom 1.0 and RSS 2.0 schemas in schemas/. Then the owner switches the site to German
// on the settings page and every page is checked again (named "…-de"), each also in <html lang="de"> and without
// an English word of the interface (lib/browser.mjs's ENGLISH_WORDS). Then in
// Arabic, the right-to-left stub: the post page is in <html dir="rtl" lang="ar"> and its thread indents a reply
// from the right. The site is switched back to English, and home and the post with comments are checked for
// colour contrast (axe-core) in the dark colour scheme, as a reader whose system is set to dark sees them.
// Screenshots of the last two go to DIR/screenshots/.
import axe from 'axe-core';
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { CHROMIUM, CHROMIUM_FLAGS, englishOn, launch, openContext } from './lib/browser.mjs';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const vnuJar = String(createRequire(import.meta.url)('vnu-jar'));
const { values: args } = parseArgs({ options: { base: { type: 'string' }, out: { type: 'string' } } });
const base = args.base;

// Lighthouse's mobile preset (its default: a phone screen, slow 4G and a 4x slower CPU, simulated)
// is the harder of the two; the gate holds the pages to it.
const LIGHTHOUSE_MINIMUM = {
  home: { accessibility: 95, 'best-practices': 95, seo: 95 },
  post: { accessibility: 95, 'best-practices': 95, seo: 95, performance: 95 },
  'post-with-image': { accessibility: 95, 'best-practices': 95, seo: 95, performance: 95 },
};
const CSP_MUST_HAVE = ["default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'"];
const CSP_MUST_NOT = ["'unsafe-inline'", "'unsafe-eval'", '*'];

const failures = [];
const report = { pages: {}, lighthouse: {}, feeds: {} };
const pagesDir = join(args.out, 'pages');
mkdirSync(pagesDir, { recursive: true });

const postPath = new URL(readFileSync(join(args.out, 'post-url.txt'), 'utf8').trim()).pathname;
// journey 6's post with an uploaded photo, journey 7's post with revisions
const imagePostPath = new URL(readFileSync(join(args.out, 'image-post-url.txt'), 'utf8').trim()).pathname;
const deskSlug = readFileSync(join(args.out, 'desk-post-slug.txt'), 'utf8').trim();
const browser = await launch();
const guest = await openContext(browser, { base, viewport: 'desktop', who: 'guest' });
const owner = await openContext(browser, {
  base, viewport: 'desktop', who: 'owner', storageState: JSON.parse(readFileSync(join(args.out, 'owner-state.json'), 'utf8')),
});

// The archive pages and the first comment are found from the post page, as a reader would.
const links = await (async () => {
  const page = await guest.newPage();
  await page.goto(base + postPath);
  const found = await page.evaluate(() => ({
    tag: document.querySelector('a[rel=tag]')?.getAttribute('href'),
    category: document.querySelector('a[rel~=category]')?.getAttribute('href'),
    author: document.querySelector('a.p-author')?.getAttribute('href'),
    month: (() => {
      const published = document.querySelector('time.dt-published')?.getAttribute('datetime');
      return published && `/archive/${published.slice(0, 4)}/${published.slice(5, 7)}`;
    })(),
    comment: document.querySelector('li.comment')?.id.replace('comment-', ''),
  }));
  await page.close();
  return found;
})();

const pages = [
  { name: 'home', path: '/', who: guest },
  { name: 'post', path: postPath, who: guest },
  { name: 'post-signed-in', path: postPath, who: owner },
  { name: 'tag-archive', path: links.tag, who: guest },
  { name: 'category-archive', path: links.category, who: guest },
  { name: 'author-archive', path: links.author, who: guest },
  { name: 'month-archive', path: links.month, who: guest },
  { name: 'search', path: '/search?q=clay', who: guest },
  { name: 'sign-in', path: '/login', who: guest },
  { name: 'write', path: '/write', who: owner },
  { name: 'moderation-queue', path: '/moderation?status=approved', who: owner },
  { name: 'moderation-comment', path: `/moderation/comments/${links.comment}`, who: owner },
  { name: 'account', path: '/account', who: owner },
  { name: 'not-found', path: '/posts/no-such-post', who: guest, status: 404 },
  { name: 'post-with-image', path: imagePostPath, who: guest },
  { name: 'media', path: '/media', who: owner },
  { name: 'posts-list', path: '/write/posts', who: owner },
  { name: 'revisions', path: `/posts/${deskSlug}/revisions`, who: owner },
  { name: 'password-forgot', path: '/password/forgot', who: guest },
  { name: 'audit', path: '/admin/audit', who: owner },
  { name: 'categories', path: '/admin/categories', who: owner },
];
// With a sign-in provider (run.sh configures one): the page a guest gets from the comment form's "Sign in
// with …", on the way to the provider. Checked where it stands; the step on to the provider is held back.
if (process.env.QP_OIDC_BUTTON) {
  pages.push({ name: 'sign-in-on-the-way', path: postPath, who: guest, press: process.env.QP_OIDC_BUTTON });
}

for (const spec of pages) {
  if (!spec.path) {
    failures.push(`page ${spec.name}: no link to it on the post page`);
    continue;
  }
  await checkPage(spec);
}
// the second pass: the same pages in German (the step on to a provider is pressed by its English name, so not here)
if (await setLanguage('de')) {
  for (const spec of pages.filter((p) => p.path && !p.press)) {
    await checkPage({ ...spec, name: `${spec.name}-de`, lang: 'de' });
  }
}
if (await setLanguage('ar')) {
  await rightToLeft();
}
await setLanguage('en');
await darkContrast('home', '/');
await darkContrast('post', postPath);
await validateHtml();
await lighthouse('home', '/');
await lighthouse('post', postPath);
await lighthouse('post-with-image', imagePostPath);
await validateFeeds();

// Chromium reports every 404 answer as a console error; on the page meant to answer 404 it is no problem.
const notFound = base + pages.find((p) => p.status === 404).path;
const expected = `console error on ${notFound}: Failed to load resource: the server responded with a status of 404`;
for (const context of [guest, owner]) {
  for (const problem of context.problems.filter((p) => !p.startsWith(expected))) {
    failures.push(`browser (${context.who}): ${problem}`);
  }
}
await browser.close();

writeFileSync(join(args.out, 'gates-report.json'), JSON.stringify(report, null, 2));
for (const [name, scores] of Object.entries(report.lighthouse)) {
  console.log(`        Lighthouse ${name}: ${Object.entries(scores).map(([id, score]) => `${id} ${score}`).join(', ')}`);
}
const checked = Object.values(report.pages);
console.log(`        ${checked.length} pages: ${checked.reduce((n, p) => n + (p.vnuErrors ?? 0), 0)} vnu errors, `
  + `${checked.reduce((n, p) => n + p.axeSeriousOrCritical, 0)} serious or critical axe violations `
  + `(${checked.reduce((n, p) => n + p.axeOther, 0)} minor or moderate); ${Object.keys(report.feeds).length} feeds checked`);
if (failures.length > 0) {
  console.error(`FAILED  page gates, ${failures.length} problem(s):\n  - ${failures.join('\n  - ')}`);
  process.exit(1);
}
console.log('passed  page gates');

/** Sets the site's language as its owner does, on the settings page; true when the site then speaks it. */
async function setLanguage(tag) {
  const page = await owner.newPage();
  await page.goto(base + '/admin');
  await page.selectOption('#site-language', tag);
  await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.locator('form:has(#site-language) button[type=submit]').click(),
  ]);
  const lang = await page.evaluate(() => document.documentElement.lang);
  await page.close();
  if (lang !== tag) {
    failures.push(`settings: the site did not switch to "${tag}" (the page is in "${lang}")`);
    return false;
  }
  return true;
}

/** The post with its thread in a right-to-left language: the document's direction, and replies indented from the right. */
async function rightToLeft() {
  const page = await guest.newPage();
  await page.goto(base + postPath, { waitUntil: 'load' });
  const seen = await page.evaluate(() => {
    const parent = document.querySelector('li.comment.depth-1:has(li.comment.depth-2)');
    const child = parent?.querySelector('li.comment.depth-2');
    const box = (li) => li.querySelector(':scope > .comment-inner').getBoundingClientRect();
    return {
      dir: document.documentElement.dir, lang: document.documentElement.lang,
      parent: parent && box(parent).toJSON(), child: child && box(child).toJSON(),
    };
  });
  if (seen.dir !== 'rtl' || seen.lang !== 'ar') {
    failures.push(`Arabic: the post page is in <html dir="${seen.dir}" lang="${seen.lang}">, expected dir="rtl" lang="ar"`);
  }
  if (!seen.parent || !seen.child) {
    failures.push(`Arabic: no reply nested under a comment on ${postPath}`);
  } else {
    // the reply's right edge starts further in from the right than its parent's; its left edge does not move in
    const fromRight = Math.round(seen.parent.right - seen.child.right);
    if (fromRight < 6 || seen.child.left < seen.parent.left - 1) {
      failures.push(`Arabic: the reply on ${postPath} is not indented from the right (parent ${Math.round(seen.parent.left)}–`
        + `${Math.round(seen.parent.right)} px, reply ${Math.round(seen.child.left)}–${Math.round(seen.child.right)} px)`);
    }
    report.rtl = { dir: seen.dir, lang: seen.lang, replyIndentFromRight: fromRight };
  }
  await page.locator('li.comment.depth-2').first().scrollIntoViewIfNeeded();
  await screenshot(page, 'rtl-post-with-comments');
  await page.close();
}

/** axe-core's colour-contrast rule on a page in the dark colour scheme (prefers-color-scheme: dark emulated). */
async function darkContrast(name, path) {
  const page = await guest.newPage();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(base + path, { waitUntil: 'load' });
  const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
  if (!dark) {
    failures.push(`dark: the browser does not report prefers-color-scheme: dark on ${path}`);
  }
  await page.evaluate(axe.source);
  const results = await page.evaluate(() => window.axe.run(document, { runOnly: ['color-contrast'], resultTypes: ['violations'] }));
  for (const v of results.violations) {
    for (const node of v.nodes) {
      failures.push(`axe in the dark colour scheme on ${name} (${path}): ${v.id} (${v.impact}) — element ${node.target.join(' ')}: ${node.failureSummary.replace(/\s+/g, ' ')}`);
    }
  }
  report.dark ??= {};
  report.dark[name] = { path, colorContrastViolations: results.violations.reduce((n, v) => n + v.nodes.length, 0) };
  await screenshot(page, `dark-${name}`, { fullPage: true });
  await page.close();
}

async function screenshot(page, name, options = {}) {
  mkdirSync(join(args.out, 'screenshots'), { recursive: true });
  await page.screenshot({ path: join(args.out, 'screenshots', `${name}.png`), animations: 'disabled', caret: 'hide', ...options });
}

async function checkPage({ name, path, who, status = 200, press, lang }) {
  const url = base + path;
  const page = await who.newPage();
  // twice for guests: the first answer may come from the application, the second from the page cache
  const answers = [];
  let html;
  for (let i = 0; i < (who === guest && !press ? 2 : 1); i++) {
    const response = await page.goto(url, { waitUntil: 'load' });
    html ??= await response.text();
    answers.push(response);
  }
  if (press) {
    // the form keeps what was typed and answers "303 See Other" to the page on the way to the provider
    // (/login/{provider}/on-the-way), which moves on by itself: that next step is answered "204 No Content",
    // which leaves the browser on the page
    const onTheWay = (u) => u.pathname.endsWith('/on-the-way');
    await page.route((u) => u.origin === new URL(base).origin && u.searchParams.has('then') && !onTheWay(u),
      (route) => route.fulfill({ status: 204 }));
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().isNavigationRequest() && onTheWay(new URL(r.url()))),
      page.getByRole('button', { name: press }).first().click(),
    ]);
    await page.waitForLoadState('load');
    html = await response.text();
    answers.splice(0, answers.length, response);
    path = `${path} → ${press}`;
  }
  for (const response of answers) {
    if (response.status() !== status) {
      failures.push(`page ${name} (${path}): status ${response.status()}, expected ${status}`);
    }
    const csp = response.headers()['content-security-policy'];
    if (!csp) {
      failures.push(`page ${name} (${path}): no Content-Security-Policy header`);
    } else {
      const directives = csp.split(';').map((d) => d.trim());
      for (const needed of CSP_MUST_HAVE) {
        if (!directives.includes(needed)) {
          failures.push(`page ${name} (${path}): Content-Security-Policy lacks "${needed}" (${csp})`);
        }
      }
      for (const word of CSP_MUST_NOT) {
        if (directives.some((d) => d.split(/\s+/).includes(word))) {
          failures.push(`page ${name} (${path}): Content-Security-Policy allows ${word} (${csp})`);
        }
      }
    }
  }
  writeFileSync(join(pagesDir, `${name}.html`), html);
  if (lang && !new RegExp(`<html lang="${lang}"[ >]`).test(html)) {
    failures.push(`page ${name} (${path}): not in <html lang="${lang}">`);
  }
  if (lang) {
    for (const found of await englishOn(page, lang)) {
      failures.push(`page ${name}: ${found}`);
    }
  }

  const inline = await page.evaluate(() => {
    const found = [];
    document.querySelectorAll('script:not([src])').forEach((s) => found.push(`inline <script>: ${s.textContent.trim().slice(0, 60)}`));
    document.querySelectorAll('*').forEach((el) => {
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) {
          found.push(`event-handler attribute ${attr.name} on <${el.tagName.toLowerCase()}>`);
        }
      }
      if (el.hasAttribute('style')) {
        found.push(`inline style on <${el.tagName.toLowerCase()}>`);
      }
    });
    document.querySelectorAll('a[href^="javascript:" i], form[action^="javascript:" i]').forEach(() => found.push('javascript: URL'));
    return found;
  });
  for (const item of inline) {
    failures.push(`page ${name} (${path}): ${item}`);
  }

  // axe-core's source is evaluated by the browser itself, which the page's CSP does not restrict
  await page.evaluate(axe.source);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of serious) {
    for (const node of v.nodes) {
      failures.push(`axe on ${name} (${path}): ${v.id} (${v.impact}): ${v.help} — element ${node.target.join(' ')}: ${node.failureSummary.replace(/\s+/g, ' ')}`);
    }
  }
  report.pages[name] = {
    path, axeSeriousOrCritical: serious.length, axeOther: results.violations.length - serious.length,
    axeOtherRules: results.violations.filter((v) => !serious.includes(v)).map((v) => `${v.id} (${v.impact})`),
  };
  await page.close();
}

async function validateHtml() {
  const files = Object.keys(report.pages).map((name) => join(pagesDir, `${name}.html`));
  let output;
  try {
    const result = await run('java', ['-jar', vnuJar, '--errors-only', '--format', 'json', ...files], { maxBuffer: 1 << 26 });
    output = result.stderr;
  } catch (error) {
    // vnu exits 1 when it found errors; its report is on stderr either way
    output = error.stderr;
  }
  const messages = JSON.parse(output).messages.filter((m) => m.type === 'error' || m.subType === 'fatal');
  for (const name of Object.keys(report.pages)) {
    const mine = messages.filter((m) => m.url.endsWith(`/pages/${name}.html`));
    report.pages[name].vnuErrors = mine.length;
    for (const m of mine) {
      failures.push(`vnu on ${name} (${report.pages[name].path}) line ${m.lastLine}: ${m.message} «${(m.extract ?? '').replace(/\s+/g, ' ').trim()}»`);
    }
  }
}

async function lighthouse(name, path) {
  const reportPath = join(args.out, `lighthouse-${name}.json`);
  const bin = join(here, 'node_modules', '.bin', 'lighthouse');
  try {
    await run(bin, [base + path, '--quiet', '--output=json', `--output-path=${reportPath}`,
      '--only-categories=performance,accessibility,best-practices,seo',
      `--chrome-flags=${CHROMIUM_FLAGS.join(' ')}`], { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 1 << 26 });
  } catch (error) {
    failures.push(`lighthouse on ${name} (${path}) did not run: ${error.stderr || error.message}`);
    return;
  }
  const result = JSON.parse(readFileSync(reportPath, 'utf8'));
  const scores = {};
  for (const [id, category] of Object.entries(result.categories)) {
    scores[id] = Math.round(category.score * 100);
  }
  report.lighthouse[name] = scores;
  for (const [id, minimum] of Object.entries(LIGHTHOUSE_MINIMUM[name])) {
    if (scores[id] < minimum) {
      const losing = result.categories[id].auditRefs
        .map((ref) => result.audits[ref.id])
        .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative')
        .map((audit) => `${audit.id} (${audit.displayValue || audit.score})`);
      failures.push(`lighthouse on ${name} (${path}): ${id} ${scores[id]} < ${minimum}; audits not passed: ${losing.join(', ')}`);
    }
  }
}

async function validateFeeds() {
  const slug = postPath.split('/').pop();
  const feeds = ['/feed', '/rss', `${links.tag}/feed`, `${links.tag}/feed/rss`, `${links.category}/feed`,
    `${links.category}/feed/rss`, `/posts/${slug}/comments/feed`, '/comments/feed'];
  const bySchema = { atom: [], rss: [] };
  for (const path of feeds) {
    const response = await guest.context.request.get(base + path);
    const body = await response.text();
    const type = response.headers()['content-type'] ?? '';
    const kind = /<feed[\s>]/.test(body) ? 'atom' : /<rss[\s>]/.test(body) ? 'rss' : null;
    if (response.status() !== 200 || kind === null) {
      failures.push(`feed ${path}: status ${response.status()}, ${kind ?? 'neither Atom nor RSS'}`);
      continue;
    }
    if (!type.startsWith(kind === 'atom' ? 'application/atom+xml' : 'application/rss+xml')) {
      failures.push(`feed ${path}: ${kind} served as ${type}`);
    }
    const file = join(pagesDir, `feed${path.replaceAll('/', '_')}.xml`);
    writeFileSync(file, body);
    bySchema[kind].push({ path, file });
    report.feeds[path] = kind;
  }
  for (const [kind, list] of Object.entries(bySchema)) {
    if (list.length === 0) {
      continue;
    }
    try {
      // Jing, the RELAX NG validator inside vnu.jar
      await run('java', ['-cp', vnuJar, 'nu.validator.vendor.thaiopensource.relaxng.util.Driver', '-c',
        join(here, 'schemas', `${kind}.rnc`), ...list.map((f) => f.file)]);
    } catch (error) {
      for (const line of (error.stdout + error.stderr).split('\n').filter(Boolean)) {
        const feed = list.find((f) => line.startsWith(f.file));
        failures.push(`feed ${feed ? feed.path : ''} is not valid ${kind === 'atom' ? 'Atom 1.0' : 'RSS 2.0'}: ${feed ? line.slice(feed.file.length + 1) : line}`);
      }
    }
  }
}

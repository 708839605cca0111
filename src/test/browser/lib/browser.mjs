// Headless Debian Chromium driven by playwright-core, with the guards every journey runs under:
// a console error, an uncaught exception, a Content-Security-Policy violation or a request to
// another host fails the run, naming the page; so does, in a run in another language, an English
// word of the interface on a page of this site in that language.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';

// Flags checked to work on the CI machines, whose network is closed: without the background-networking
// ones Chromium keeps trying to reach Google and its refused connections slow every start.
export const CHROMIUM_FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
};

/**
 * Words of the interface that a page in another language must not show: labels of the controls the journeys
 * pass (buttons, links, headings, field labels, their hidden parts for screen readers), case and whole words
 * as the English interface writes them. None of them occurs in the journeys' sample content (journeys.mjs):
 * what readers write is theirs, in any language.
 */
export const ENGLISH_WORDS = [
  'Reply', 'Leave a reply', 'in reply to', 'Comment', 'Comments', 'comments', 'Post comment', 'Preview',
  'awaiting moderation', 'Sign in', 'Sign out', 'Submit', 'Cancel', 'Save', 'Edit', 'Delete', 'Restore', 'Trash',
  'Draft', 'Published', 'Upload', 'Search', 'Home', 'Write', 'Posts', 'Media', 'Admin', 'Settings', 'Password',
  'Email', 'Author', 'Approve', 'Skip to content', 'Categories', 'Next', 'Previous', 'Back',
];

/** A failure that says where it happened; the runner prints the message alone. */
export class CheckFailure extends Error {}

export function fail(message) {
  throw new CheckFailure(message);
}

/** Starts Chromium; playwright-core gives every launch a new, empty profile directory of its own. */
export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    // playwright-core adds the headless flag itself; the others keep Chromium off the (closed) network
    args: CHROMIUM_FLAGS.filter((f) => !f.startsWith('--headless')),
    headless: true,
  });
}

/**
 * A browser context (one person's browser) at the given viewport, watched by the guards.
 * problems collects what went wrong; assertClean() fails with all of it.
 *
 * otherOrigins are hosts this person is sent to and comes back from, such as a sign-in provider: the
 * browser may navigate to them (and nothing else of this site may load from them). Their pages are not this
 * site's: what they log to the console and what they load are theirs. Whatever such a page asks of a third
 * host (mock-oauth2-server's login page links a Google font) is aborted, so the run stays offline.
 */
export async function openContext(browser, { base, viewport, who, storageState, mobile, otherOrigins = [], language = 'en' }) {
  const origin = new URL(base).origin;
  const allowed = new Set([origin, ...otherOrigins]);
  const foreignPage = (url) => otherOrigins.includes(originOf(url));
  const context = await browser.newContext({
    viewport: VIEWPORTS[viewport],
    deviceScaleFactor: 1,
    isMobile: mobile ?? viewport === 'phone',
    hasTouch: mobile ?? viewport === 'phone',
    storageState,
  });
  const problems = [];
  // Registered before any page script runs; evaluated by the browser itself, so the page's CSP
  // does not apply to it and it cannot hide a violation the page causes.
  await context.exposeBinding('__qpReportViolation', ({ page }, v) => {
    if (foreignPage(page.url())) {
      return;
    }
    problems.push(`CSP violation on ${page.url()}: ${v.directive} blocked ${v.blocked || 'inline'}`
      + (v.sample ? ` (${v.sample})` : '') + (v.source ? ` at ${v.source}:${v.line}` : ''));
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__qpReportViolation({
        directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample,
        source: e.sourceFile, line: e.lineNumber,
      });
    });
  });
  context.on('page', (page) => watch(page, origin, problems, foreignPage));
  // each page of this site in the run's language, when it has loaded: English words in it
  const reading = new Set();
  if (language !== 'en') {
    context.on('page', (page) => page.on('load', () => {
      if (originOf(page.url()) !== origin) {
        return;
      }
      const check = englishOn(page, language).then((found) => problems.push(...found), () => {
        // the page went on to another one, or closed, before it could be read: that one is read in turn
      }).finally(() => reading.delete(check));
      reading.add(check);
    }));
  }
  context.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) {
      return;
    }
    const target = originOf(url);
    const from = request.frame()?.url() ?? '?';
    if (target === origin || (foreignPage(from) && !request.isNavigationRequest())) {
      return;
    }
    if (!(otherOrigins.includes(target) && request.isNavigationRequest())) {
      problems.push(`request to another host: ${request.method()} ${url} (from ${from})`);
    }
  });
  if (otherOrigins.length > 0) {
    await context.route((url) => /^https?:$/.test(url.protocol) && !allowed.has(url.origin), (route) => route.abort());
  }
  return {
    context,
    who,
    viewport,
    problems,
    async newPage() {
      return context.newPage();
    },
    assertClean(step) {
      if (problems.length > 0) {
        fail(`${who} (${viewport}), ${step}:\n  - ${problems.join('\n  - ')}`);
      }
    },
    /**
     * Closes the browser, after the pages it loaded have been read for English words, and the pages still open
     * once more: what their scripts wrote in since they loaded.
     */
    async close() {
      await Promise.all(reading);
      if (language !== 'en') {
        for (const page of context.pages().filter((p) => originOf(p.url()) === origin)) {
          problems.push(...await englishOn(page, language).catch(() => []));
        }
      }
      await context.close();
      this.assertClean('at the end');
    },
  };
}

function originOf(url) {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

function watch(page, origin, problems, foreignPage) {
  page.on('console', (message) => {
    if (message.type() === 'error' && !foreignPage(page.url())) {
      const where = message.location();
      problems.push(`console error on ${page.url()}: ${message.text()}`
        + (where.url ? ` (${where.url}:${where.lineNumber})` : ''));
    }
  });
  page.on('pageerror', (error) => {
    if (foreignPage(page.url())) {
      return;
    }
    problems.push(`uncaught exception on ${page.url()}: ${error.message}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 500 && response.url().startsWith(origin)) {
      problems.push(`server error ${response.status()} for ${response.request().method()} ${response.url()}`);
    }
  });
}

/** Where the page, if it says it is in the given language, shows one of ENGLISH_WORDS: text, names and hints. */
export async function englishOn(page, language) {
  const url = page.url();
  const found = await page.evaluate(([lang, english]) => {
    if (document.documentElement.lang !== lang) {
      return [];
    }
    const texts = [document.body.innerText];
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt], input[type=submit], input[type=button]')) {
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) {
        if (el.hasAttribute(attr)) {
          texts.push(el.getAttribute(attr));
        }
      }
      if (el.matches('input[type=submit], input[type=button]')) {
        texts.push(el.value);
      }
    }
    const all = texts.join('\n');
    return english.flatMap((word) => {
      // a whole word: not a part of a longer word, nor of a compound joined by a hyphen ("Social-Media-Vorschau")
      const at = all.search(new RegExp(`(^|[^\\p{L}-])${word}(?![\\p{L}-])`, 'u'));
      return at < 0 ? [] : [`"${word}" in «${all.slice(Math.max(0, at - 30), at + word.length + 31).replace(/\s+/g, ' ').trim()}»`];
    });
  }, [language, ENGLISH_WORDS]);
  return found.map((f) => `English on ${url} (in "${language}"): ${f}`);
}

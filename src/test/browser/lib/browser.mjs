// Headless Debian Chromium driven by playwright-core, with the guards every journey runs under:
// a console error, an uncaught exception, a Content-Security-Policy violation or a request to
// another host fails the run, naming the page.
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
export async function openContext(browser, { base, viewport, who, storageState, mobile, otherOrigins = [] }) {
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
    close() {
      return context.close();
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

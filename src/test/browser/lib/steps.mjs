// What a journey does besides clicking: screenshots, waiting for what a person would see, moving
// with the keyboard and checking that the focused control shows a focus ring.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fail } from './browser.mjs';

const TIMEOUT = 15_000;

/** Saves a screenshot of what the viewport shows as <out>/screenshots/<name>.png. */
export async function shot(page, out, name, { fullPage = false } = {}) {
  const dir = join(out, 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage, animations: 'disabled', caret: 'hide' });
}

/** Waits until the locator is visible, or fails naming what a person expected to see and where. */
export async function see(page, locator, what) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: TIMEOUT });
  } catch {
    fail(`expected to see ${what} on ${page.url()}, but it did not appear within ${TIMEOUT / 1000} s`);
  }
}

/**
 * The page is no wider than the screen: wide tables scroll inside themselves, long words (German ones) wrap. A page
 * wider than a phone's screen is shown zoomed out, and taps land beside what they aim at.
 */
export async function fitsTheScreen(page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth,
  }));
  if (scrollWidth > clientWidth) {
    fail(`${page.url()} is ${scrollWidth} px wide, wider than the ${clientWidth} px screen`);
  }
}

/** Fails if the locator matches anything visible. */
export async function notSee(page, locator, what) {
  if (await locator.count() > 0 && await locator.first().isVisible()) {
    fail(`expected not to see ${what} on ${page.url()}, but it is there`);
  }
}

export async function expectUrl(page, pattern, what) {
  try {
    await page.waitForURL(pattern, { timeout: TIMEOUT });
  } catch {
    fail(`expected to land on ${what} (${pattern}), but the browser is on ${page.url()}`);
  }
}

/**
 * The comment form refuses a form posted faster than a person could write it (minimum seconds
 * to write, a discussion setting: 3 s by default). A person takes longer; so does the journey.
 */
export async function takeTimeToWrite(sinceMillis, seconds = 4) {
  const left = sinceMillis + seconds * 1000 - Date.now();
  if (left > 0) {
    await new Promise((resolve) => setTimeout(resolve, left));
  }
}

/**
 * Presses Tab (or Shift+Tab) until the locator's element has the focus, as a keyboard user
 * would, and checks that each control passed on the way shows a focus ring.
 */
export async function tabTo(page, locator, what, { backwards = false, max = 80 } = {}) {
  const target = locator.first();
  await see(page, target, what);
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    await assertFocusRing(page);
    if (await target.evaluate((el) => el === document.activeElement)) {
      return;
    }
  }
  fail(`${what} on ${page.url()} cannot be reached with ${backwards ? 'Shift+Tab' : 'Tab'} (${max} presses)`);
}

/** The focused element matches :focus-visible and draws an outline or a box shadow. */
export async function assertFocusRing(page) {
  const focus = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) {
      return null;
    }
    const style = getComputedStyle(el);
    const label = el.getAttribute('aria-label') || el.textContent.trim().slice(0, 60) || el.getAttribute('name') || '';
    return {
      element: `<${el.tagName.toLowerCase()}${el.id ? ` id="${el.id}"` : ''}> ${label}`,
      focusVisible: el.matches(':focus-visible'),
      outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      shadow: style.boxShadow !== 'none',
    };
  });
  if (focus === null) {
    return;
  }
  if (!focus.focusVisible || !(focus.outline || focus.shadow)) {
    fail(`no visible focus ring on ${focus.element} at ${page.url()}`
      + ` (:focus-visible ${focus.focusVisible}, outline ${focus.outline}, box-shadow ${focus.shadow})`);
  }
}

/** Reads the one-time setup token the application printed in its log on first start. */
export function setupToken(logText) {
  const match = /setup token: (\S+)/.exec(logText);
  if (!match) {
    fail('the application log has no "setup token: …" line (was the owner preconfigured?)');
  }
  return match[1];
}

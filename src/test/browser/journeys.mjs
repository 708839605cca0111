// Runs the journeys in order against a freshly started application, at one viewport, in one language:
//   node journeys.mjs --base http://127.0.0.1:PORT --log app.log --viewport desktop|phone [--lang de] --out DIR
// Each journey builds on the one before (the post of journey 1 gets the comment of journey 2...). In a language
// other than English (the default) the owner switches the site to it right after setup (journey 1); every journey
// finds what it clicks by the words of that language (lib/i18n.mjs), and no page in it may show the English words
// of lib/browser.mjs's ENGLISH_WORDS.
// Writes DIR/owner-state.json (the owner's cookies) for the page gates.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CheckFailure, launch, openContext } from './lib/browser.mjs';
import { words } from './lib/i18n.mjs';
import * as firstStart from './journeys/1-first-start.mjs';
import * as guestComment from './journeys/2-guest-comment.mjs';
import * as moderation from './journeys/3-moderation.mjs';
import * as oidcReader from './journeys/4-oidc-reader.mjs';
import * as keyboard from './journeys/5-keyboard.mjs';
import * as authorImage from './journeys/6-author-image.mjs';
import * as desk from './journeys/7-desk.mjs';
import * as phoneThread from './journeys/8-phone-thread.mjs';

const { values: args } = parseArgs({
  options: {
    base: { type: 'string' }, log: { type: 'string' }, viewport: { type: 'string' }, out: { type: 'string' },
    lang: { type: 'string', default: 'en' },
  },
});

// Sample content of the journeys, written for them.
const state = {
  owner: { name: 'Ada Okafor', email: 'ada@quillpress.test', password: 'a long owner passphrase 42' },
  post: {
    title: 'Raised beds on heavy clay',
    previewHeading: 'What the first season taught me',
    body: [
      'Clay holds water like a bathtub. Raised beds let the roots breathe.',
      '',
      '## What the first season taught me',
      '',
      '1. Build the frames before the autumn rain.',
      '2. Fill them with **half compost, half topsoil**.',
      '3. Never walk on the beds.',
    ].join('\n'),
    tags: ['clay soil', 'raised beds'],
    category: 'Kitchen garden',
  },
  guest: {
    name: 'Tomasz Wren',
    email: 'tomasz@example.net',
    listItem: 'woodchip paths between the beds',
    linkText: 'my notes on mulching',
    comment: [
      'Same clay here. Two things helped:',
      '',
      '- woodchip paths between the beds',
      '- a cover crop over winter',
      '',
      'More in [my notes on mulching](https://example.org/mulching).',
    ].join('\n'),
  },
  reply: 'Woodchip paths are next on my list, thank you.',
  keyboardGuest: { name: 'Ines Marlow', email: 'ines@example.net', reply: 'Cover crops saved my beds too: field beans work well.' },
  oidcComment: 'Signed in to say: the frames look great.',
  imagePost: {
    title: 'The beds after the first frost',
    alt: 'Three raised beds of dark soil edged with wooden boards, frost on the paths between them',
    intro: 'The frost came early this year. The beds held up.',
    outro: 'The woodchip paths drained well even after the thaw.',
  },
  desk: {
    authorEmail: 'noor@quillpress.test',
    draftTitle: 'Seed order for spring',
    draftBody: 'Broad beans, early peas, two kinds of kale.',
    title: 'Compost heap notes',
    body: 'First version: turn the heap every two weeks.',
    secondBody: 'Second version: turn the heap every three weeks.',
    thirdBody: 'Third version: turn the heap once a month.',
  },
};

const journeys = [firstStart, guestComment, moderation, oidcReader, keyboard, authorImage, desk, phoneThread];

const t = words(args.lang);
const started = Date.now();
const browser = await launch();
let failed = false;
let current = 'starting the browser';
try {
  for (const [index, journey] of journeys.entries()) {
    const label = `journey ${index + 1} (${args.viewport}, ${args.lang}): ${journey.title}`;
    if (journey.skipped) {
      console.log(`SKIPPED ${label}\n        ${journey.skipped}`);
      continue;
    }
    current = label;
    const t0 = Date.now();
    await journey.run({
      base: args.base,
      viewport: args.viewport,
      logPath: args.log,
      out: args.out,
      state,
      t,
      browser: (who, storageState, options = {}) => openContext(browser, {
        base: args.base, viewport: args.viewport, who, storageState, language: args.lang, ...options,
      }),
    });
    console.log(`passed  ${label} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }
  writeFileSync(join(args.out, 'owner-state.json'), JSON.stringify(state.ownerStorage));
  writeFileSync(join(args.out, 'post-url.txt'), state.post.url);
  writeFileSync(join(args.out, 'image-post-url.txt'), state.imagePost.url);
  writeFileSync(join(args.out, 'desk-post-slug.txt'), state.desk.slug);
} catch (error) {
  failed = true;
  console.error(`FAILED  ${current}:\n        ${error instanceof CheckFailure ? error.message : error.stack}`);
  // what each open page showed when the journey stopped
  let n = 0;
  for (const page of browser.contexts().flatMap((c) => c.pages())) {
    const name = join(args.out, `failure-${++n}`);
    await page.screenshot({ path: `${name}.png`, fullPage: true }).catch(() => {});
    writeFileSync(`${name}.html`, `<!-- ${page.url()} -->\n${await page.content().catch((e) => e.message)}`);
  }
  if (n > 0) {
    console.error(`        the open pages as they were: ${join(args.out, 'failure-*.html')} and .png`);
  }
} finally {
  await browser.close();
}
console.log(`journeys at ${args.viewport} width in ${args.lang} took ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(failed ? 1 : 0);

// Journey 8: a ten-deep thread read on a phone (390 px wide, whatever width the run is at). The owner lets threads
// nest ten deep and writes ten replies, each to the one before; a reader then sees the depth: each level indented
// with a rule down its side until the indent stops growing (the cap), "in reply to" leading to the comment each
// reply answers, and the sub-thread folding away and back with its summary (and unfolding for a link into it).
import { fail } from '../lib/browser.mjs';
import { expectUrl, fitsTheScreen, see, shot } from '../lib/steps.mjs';
import { signIn } from './3-moderation.mjs';

export const title = 'a ten-deep thread reads level by level on a phone';

const DEPTH = 10;

export async function run({ base, browser: open, state, out, t }) {
  const owner = await open('owner', undefined, { viewport: 'phone' });
  const page = await owner.newPage();
  await signIn(page, base, state.owner, t);

  await page.goto(`${base}/admin/discussion`);
  await fitsTheScreen(page);
  await page.getByLabel(t('staffmod:discThreadDepth'), { exact: true }).fill(String(DEPTH));
  await page.getByRole('button', { name: t('staffmod:discSave') }).click();
  await see(page, page.getByText(t('staffmod:discSaved')), `"${t('staffmod:discSaved')}"`);

  // ten replies, each to the one before, through the API as the page's script would send them
  const slug = new URL(state.post.url).pathname.replace(/^\/posts\//, '');
  const csrf = (await owner.context.cookies()).find((c) => c.name === 'csrf-token');
  if (!csrf) {
    fail('no csrf-token cookie after signing in');
  }
  const ids = [];
  for (let level = 1; level <= DEPTH; level++) {
    const response = await page.request.post(`${base}/api/v1/posts/${slug}/comments`, {
      headers: { 'X-CSRF-TOKEN': csrf.value, Accept: 'application/json' },
      data: { body: `Level ${level} of the deep thread.`, parentId: ids.at(-1) ?? null },
    });
    if (response.status() !== 201) {
      fail(`the API refused reply ${level}: ${response.status()} ${await response.text()}`);
    }
    const created = await response.json();
    if (created.status !== 'APPROVED') {
      fail(`the owner's reply ${level} was not approved at once (${created.status})`);
    }
    ids.push(created.id);
  }
  owner.assertClean('writing the deep thread');

  const reader = await open('phone reader', undefined, { viewport: 'phone' });
  const readerPage = await reader.newPage();
  await readerPage.goto(state.post.url);
  const items = ids.map((id) => readerPage.locator(`#comment-${id}`));
  await see(readerPage, items[DEPTH - 1].getByText(`Level ${DEPTH} of the deep thread.`), 'the deepest reply');

  // depth: each level starts further in up to the cap, then no further; nothing runs off the screen
  const starts = [];
  for (const item of items) {
    const box = await item.locator(':scope > .comment-inner').boundingBox();
    starts.push(Math.round(box.x));
  }
  const steps = starts.slice(1).map((x, i) => x - starts[i]);
  const capAt = steps.findIndex((step) => step === 0);
  if (capAt < 2) {
    fail(`the first levels of the thread are not indented one after the other: starts ${starts.join(', ')} px`);
  }
  if (steps.slice(0, capAt).some((step) => step < 6)) {
    fail(`a level above the cap is indented by less than 6 px: starts ${starts.join(', ')} px`);
  }
  if (steps.slice(capAt).some((step) => step !== 0)) {
    fail(`the indent keeps growing past the cap: starts ${starts.join(', ')} px`);
  }
  if (starts[DEPTH - 1] - starts[0] > 390 / 4) {
    fail(`the deepest reply is indented ${starts[DEPTH - 1] - starts[0]} px, over a quarter of the phone's width`);
  }
  const overflow = await readerPage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) {
    fail(`the thread makes the page ${overflow} px wider than the phone's screen`);
  }
  await items[DEPTH - 1].scrollIntoViewIfNeeded();
  await shot(readerPage, out, 'phone-thread');

  // "in reply to" on the deepest reply leads to the one it answers
  const inReplyTo = items[DEPTH - 1].locator(':scope > .comment-inner').getByRole('link', { name: state.owner.name, exact: true });
  await see(readerPage, inReplyTo, `"in reply to ${state.owner.name}" on the deepest reply`);
  if (!(await items[DEPTH - 1].locator(':scope > .comment-inner .in-reply-to').textContent()).includes(t('discussion:inReplyTo'))) {
    fail('the deepest reply does not say "in reply to"');
  }
  await inReplyTo.click();
  await expectUrl(readerPage, new RegExp(`#comment-${ids[DEPTH - 2]}$`), 'the parent comment\'s anchor');
  const parentInView = await items[DEPTH - 2].evaluate((el) => {
    const r = el.getBoundingClientRect();
    return el.matches(':target') && r.top < window.innerHeight && r.bottom > 0;
  });
  if (!parentInView) {
    fail(`"in reply to" did not bring the parent comment (#comment-${ids[DEPTH - 2]}) into view`);
  }

  // folding: the first comment's replies fold away with their summary and come back with it
  const summary = items[0].locator(':scope > details > summary');
  await summary.scrollIntoViewIfNeeded();
  await summary.click();
  if (await items[1].isVisible()) {
    fail('the replies are still shown after folding them');
  }
  await shot(readerPage, out, 'phone-thread-folded');
  await summary.click();
  await see(readerPage, items[DEPTH - 1], 'the deepest reply after unfolding');

  // a link into a folded sub-thread unfolds it
  await summary.click();
  await readerPage.evaluate((id) => { window.location.hash = `comment-${id}`; }, ids[DEPTH - 1]);
  await see(readerPage, items[DEPTH - 1], 'the deepest reply after following a link into the folded thread');
  reader.assertClean('reading the deep thread on a phone');
}

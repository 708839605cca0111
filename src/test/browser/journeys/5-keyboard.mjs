// Journey 5: keyboard only. A second guest replies to a comment and a moderator approves the reply, with
// Tab, Shift+Tab, Enter and Space alone; every control reached shows a focus ring (checked in tabTo).
import { fail } from '../lib/browser.mjs';
import { assertFocusRing, expectUrl, notSee, see, shot, tabTo, takeTimeToWrite } from '../lib/steps.mjs';
import { replyLinkName, signIn } from './3-moderation.mjs';

export const title = 'keyboard only: reply to a comment, approve it from the queue';

export async function run({ base, browser: open, state, out, t }) {
  // a keyboard user on a desktop: no touch screen
  const guest = await open('keyboard guest', undefined, { mobile: false });
  const page = await guest.newPage();
  await page.goto(state.post.url);
  const shownAt = Date.now();

  await tabTo(page, page.getByRole('link', { name: t('msg:skipToContent') }), 'the skip link');
  await tabTo(page, page.getByRole('link', { name: replyLinkName(t, state.guest.name) }), `"Reply" to ${state.guest.name}`);
  await page.keyboard.press('Enter');
  const form = page.getByRole('region', { name: t('discussion:replyTo', { name: state.guest.name }) });
  await see(page, form, 'the reply form under the comment');
  const body = form.getByRole('textbox', { name: t.re('discussion:commentLabel') });
  if (!(await body.evaluate((el) => el === document.activeElement))) {
    fail(`after "Reply" on ${page.url()} the focus is not in the comment field`);
  }
  await assertFocusRing(page);
  await page.keyboard.type(state.keyboardGuest.reply);
  await tabTo(page, form.getByLabel(t.re('discussion:nameLabel')), 'the name field', { backwards: true });
  await page.keyboard.type(state.keyboardGuest.name);
  await page.keyboard.press('Tab');
  await page.keyboard.type(state.keyboardGuest.email);
  await tabTo(page, form.getByRole('button', { name: t('discussion:preview') }), 'the Preview button');
  await page.keyboard.press('Enter');
  await see(page, form.getByRole('region', { name: t('discussion:commentPreview') }).getByText(state.keyboardGuest.reply),
    'the reply in the preview');
  await shot(page, out, 'keyboard-reply');
  await tabTo(page, form.getByRole('button', { name: t('discussion:postComment') }), 'the Post comment button', { backwards: true });
  await takeTimeToWrite(shownAt);
  await page.keyboard.press('Enter');
  await see(page, page.getByRole('status').filter({ hasText: t('discussion:awaitingModeration') }),
    '"awaiting moderation" after the keyboard reply');
  guest.assertClean('replying with the keyboard');
  await guest.close();

  const moderator = await open('keyboard moderator', undefined, { mobile: false });
  const modPage = await moderator.newPage();
  await signIn(modPage, base, state.owner, t);
  await modPage.goto(base);
  // this reply, and what earlier journeys left waiting (the OIDC reader's first comment)
  const pending = 1 + (state.stillPending ?? 0);
  await tabTo(modPage, modPage.getByRole('link', { name: t('msg:navModeration', { pending }) }), 'the moderation link');
  await modPage.keyboard.press('Enter');
  await expectUrl(modPage, /\/moderation$/, 'the moderation queue');
  const approve = modPage.getByRole('button', { name: `${t('staffmod:modButton', { action: 'approve' })} ${t('staffmod:modTheCommentBy', { name: state.keyboardGuest.name })}` });
  await tabTo(modPage, approve, 'the Approve button');
  await shot(modPage, out, 'keyboard-moderation');
  await modPage.keyboard.press('Space');
  if (pending === 1) {
    await see(modPage, modPage.getByText(t('staffmod:modNone', { status: 'pending' })), 'an empty queue after approving with Space');
  } else {
    await see(modPage, modPage.getByRole('link', { name: t('msg:navModeration', { pending: pending - 1 }) }),
      `"${t('msg:navModeration', { pending: pending - 1 })}" after approving with Space`);
    await notSee(modPage, approve, 'the approved reply still in the queue');
  }
  moderator.assertClean('moderating with the keyboard');
  await moderator.close();

  const reader = await open('reader');
  const readerPage = await reader.newPage();
  await readerPage.goto(state.post.url);
  await see(readerPage, readerPage.locator('li.comment.depth-2').filter({ hasText: state.keyboardGuest.reply }),
    'the keyboard reply, nested under the comment');
  await readerPage.goto(base);
  await see(readerPage, readerPage.getByRole('link', { name: state.post.title, exact: true }), 'the post on the home page');
  await shot(readerPage, out, 'home');
  reader.assertClean('reading the thread');
  await reader.close();
}

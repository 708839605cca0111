// Journey 2: a guest writes a comment with a link and a Markdown list, previews it and posts it; it is
// held for moderation, which the guest is told, and another browser does not see it.
import { fail } from '../lib/browser.mjs';
import { notSee, see, shot, takeTimeToWrite } from '../lib/steps.mjs';

export const title = 'a guest comments and is told the comment awaits moderation';

export async function run({ base, browser: open, state, out, t }) {
  const guest = await open('guest');
  const page = await guest.newPage();
  await page.goto(base);
  await page.getByRole('link', { name: state.post.title, exact: true }).click();
  const shownAt = Date.now();
  await see(page, page.getByRole('heading', { name: t('discussion:leaveReply') }), 'the comment form');

  const form = page.getByRole('region', { name: t('discussion:leaveReply') });
  await form.getByLabel(t.re('discussion:nameLabel')).fill(state.guest.name);
  await form.getByLabel(t.re('discussion:emailLabel')).fill(state.guest.email);
  await form.getByRole('textbox', { name: t.re('discussion:commentLabel') }).fill(state.guest.comment);
  await form.getByRole('button', { name: t('discussion:preview') }).click();
  const preview = form.getByRole('region', { name: t('discussion:commentPreview') });
  await see(page, preview.getByRole('listitem').filter({ hasText: state.guest.listItem }), 'the Markdown list in the preview');
  const link = preview.getByRole('link', { name: state.guest.linkText });
  await see(page, link, 'the link in the preview');
  if (!(await link.getAttribute('rel'))?.includes('nofollow')) {
    fail(`the link in a comment preview on ${page.url()} lacks rel="nofollow"`);
  }
  await takeTimeToWrite(shownAt);
  await form.getByRole('button', { name: t('discussion:postComment') }).click();

  await see(page, page.getByRole('status').filter({ hasText: t('discussion:awaitingModeration') }), '"awaiting moderation"');
  const held = page.locator('li.comment').filter({ hasText: state.guest.listItem });
  await see(page, held, 'the held comment shown to its writer');
  await held.scrollIntoViewIfNeeded();
  await shot(page, out, 'comment-awaiting-moderation');
  guest.assertClean('commenting');
  state.guestStorage = await guest.context.storageState();
  await guest.close();

  const other = await open('another reader');
  const otherPage = await other.newPage();
  await otherPage.goto(state.post.url);
  await see(otherPage, otherPage.getByRole('heading', { name: t('discussion:commentCount', { count: 0 }) }), '"No comments yet" for another reader');
  await notSee(otherPage, otherPage.getByText(state.guest.listItem), 'the held comment in another browser');
  other.assertClean('reading the post');
  await other.close();
}

// Journey 3: a moderator signs in, sees how many comments wait, reads why the guest's comment was held
// and approves it; the guest's comment then shows to everyone, and the moderator's reply nests under it.
import { fail } from '../lib/browser.mjs';
import { escapeRegExp } from '../lib/i18n.mjs';
import { expectUrl, see, shot, takeTimeToWrite } from '../lib/steps.mjs';

export const title = 'a moderator approves the held comment and replies to it';

/**
 * The accessible name of the "Reply" link under a comment by the named writer: the link's word and its part for
 * screen readers ("to {name}", in a span of its own after a space).
 */
export function replyLinkName(t, name) {
  const hidden = t('discussion:replyToHidden', { name }).trim();
  return new RegExp(`^${escapeRegExp(t('discussion:reply'))}\\s+${escapeRegExp(hidden)}$`);
}

export async function signIn(page, base, owner, t) {
  await page.goto(base);
  await page.getByRole('link', { name: t('msg:signIn') }).click();
  await page.getByLabel(t('msg:email')).fill(owner.email);
  await page.getByLabel(t('msg:password')).fill(owner.password);
  await page.getByRole('button', { name: t('msg:signIn'), exact: true }).click();
  await see(page, page.getByRole('navigation', { name: t('msg:navSite') }).getByRole('link', { name: owner.name }),
    'the moderator\'s name in the navigation');
}

export async function run({ base, browser: open, state, out, t }) {
  const moderator = await open('moderator');
  const page = await moderator.newPage();
  await signIn(page, base, state.owner, t);

  await page.getByRole('link', { name: t('msg:navModeration', { pending: 1 }) }).click();
  await expectUrl(page, /\/moderation$/, 'the moderation queue');
  const entry = page.getByRole('article').filter({ hasText: state.guest.listItem });
  await see(page, entry, 'the guest\'s comment in the queue');
  await see(page, entry.getByText(t('staffmod:modReasonsHeading', { kind: 'held' })), 'that the comment was held');
  // the reason itself is written in English in every language (ModerationPolicy names the reasons in code,
  // "first comment from this email"): the journey looks for it only in English
  const reason = t.language === 'en' ? entry.getByText('first comment from this email') : entry.locator('.entry-reasons li');
  await see(page, reason, 'why the comment was held');
  await reason.scrollIntoViewIfNeeded();
  await shot(page, out, 'moderation-queue');
  await entry.getByRole('button', { name: `${t('staffmod:modButton', { action: 'approve' })} ${t('staffmod:modTheCommentBy', { name: state.guest.name })}` }).click();
  await see(page, page.getByText(t('staffmod:modNone', { status: 'pending' })), 'an empty queue after approving');
  moderator.assertClean('approving');

  const guest = await open('guest', state.guestStorage);
  const guestPage = await guest.newPage();
  await guestPage.goto(state.post.url);
  await see(guestPage, guestPage.getByRole('heading', { name: t('discussion:commentCount', { count: 1 }) }), '"1 comment" above the thread');
  const comment = guestPage.locator('li.comment').filter({ hasText: state.guest.listItem });
  await see(guestPage, comment, 'the approved comment');
  if (await comment.getByText(t('discussion:awaitingModeration')).count() > 0) {
    fail(`the approved comment on ${guestPage.url()} still says it awaits moderation`);
  }
  guest.assertClean('reading the approved comment');
  await guest.close();

  await page.goto(state.post.url);
  const shownAt = Date.now();
  await page.getByRole('link', { name: replyLinkName(t, state.guest.name) }).click();
  const form = page.getByRole('region', { name: t('discussion:replyTo', { name: state.guest.name }) });
  await see(page, form, 'the reply form under the comment');
  await form.getByRole('textbox', { name: t.re('discussion:commentLabel') }).fill(state.reply);
  await takeTimeToWrite(shownAt);
  await form.getByRole('button', { name: t('discussion:postComment') }).click();
  const reply = page.locator('li.comment').filter({ hasText: state.reply });
  await see(page, reply, 'the reply');
  const nested = await page.evaluate(([parentText, replyText]) => {
    const items = [...document.querySelectorAll('li.comment')];
    const parent = items.findIndex((li) => li.textContent.includes(parentText));
    const child = items.findIndex((li) => li.textContent.includes(replyText) && !li.textContent.includes(parentText));
    const indent = (li) => li.querySelector('.comment-inner').getBoundingClientRect().left;
    return child === parent + 1 && items[child].classList.contains('depth-2') && indent(items[child]) > indent(items[parent]);
  }, [state.guest.listItem, state.reply]);
  if (!nested) {
    fail(`the reply on ${page.url()} does not nest under the comment it answers (next, one level deeper, indented)`);
  }
  await page.getByRole('heading', { name: t('discussion:commentCount', { count: 2 }) }).scrollIntoViewIfNeeded();
  await shot(page, out, 'post-with-comments');
  moderator.assertClean('replying');
  await moderator.close();
}

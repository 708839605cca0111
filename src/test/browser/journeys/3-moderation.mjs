// Journey 3: a moderator signs in, sees how many comments wait, reads why the guest's comment was held
// and approves it; the guest's comment then shows to everyone, and the moderator's reply nests under it.
import { fail } from '../lib/browser.mjs';
import { expectUrl, see, shot, takeTimeToWrite } from '../lib/steps.mjs';

export const title = 'a moderator approves the held comment and replies to it';

export async function signIn(page, base, owner) {
  await page.goto(base);
  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password').fill(owner.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await see(page, page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: owner.name }),
    'the moderator\'s name in the navigation');
}

export async function run({ base, browser: open, state, out }) {
  const moderator = await open('moderator');
  const page = await moderator.newPage();
  await signIn(page, base, state.owner);

  await page.getByRole('link', { name: 'Moderation (1)' }).click();
  await expectUrl(page, /\/moderation$/, 'the moderation queue');
  const entry = page.getByRole('article').filter({ hasText: state.guest.listItem });
  await see(page, entry, 'the guest\'s comment in the queue');
  const reason = entry.getByText('first comment from this email');
  await see(page, reason, 'why the comment was held');
  await reason.scrollIntoViewIfNeeded();
  await shot(page, out, 'moderation-queue');
  await entry.getByRole('button', { name: `Approve the comment by ${state.guest.name}` }).click();
  await see(page, page.getByText('No pending comments.'), 'an empty queue after approving');
  moderator.assertClean('approving');

  const guest = await open('guest', state.guestStorage);
  const guestPage = await guest.newPage();
  await guestPage.goto(state.post.url);
  await see(guestPage, guestPage.getByRole('heading', { name: '1 comment' }), '"1 comment" above the thread');
  const comment = guestPage.locator('li.comment').filter({ hasText: state.guest.listItem });
  await see(guestPage, comment, 'the approved comment');
  if (await comment.getByText('awaiting moderation').count() > 0) {
    fail(`the approved comment on ${guestPage.url()} still says it awaits moderation`);
  }
  guest.assertClean('reading the approved comment');
  await guest.close();

  await page.goto(state.post.url);
  const shownAt = Date.now();
  await page.getByRole('link', { name: `Reply to ${state.guest.name}` }).click();
  const form = page.getByRole('region', { name: `Reply to ${state.guest.name}` });
  await see(page, form, 'the reply form under the comment');
  await form.getByRole('textbox', { name: /^Comment/ }).fill(state.reply);
  await takeTimeToWrite(shownAt);
  await form.getByRole('button', { name: 'Post comment' }).click();
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
  await page.getByRole('heading', { name: '2 comments' }).scrollIntoViewIfNeeded();
  await shot(page, out, 'post-with-comments');
  moderator.assertClean('replying');
  await moderator.close();
}

// Journey 4: a reader signs in through an OIDC provider from the comment form, lands back on the form
// with the typed text kept, and comments.
//
// run.sh starts the test OIDC server (mock-oauth2-server 2.3.0, its own process, with its interactive login
// form) and the application with it configured as the generic OIDC provider "Test ID", and sets:
//   - QP_OIDC_BUTTON: the accessible name of the sign-in control in the comment form ("Sign in with Test ID"), or
//     QP_OIDC_PROVIDER: the provider's name ("Test ID"), which the form's "Sign in with {provider}" shows in the
//     site's language;
//   - QP_OIDC_ORIGIN: the provider's origin (http://127.0.0.1:PORT), the one other host the browser may
//     navigate to during this journey. The provider's own pages are not this site's: their console and what
//     they load are not checked (its login page links a Google font, which the guard aborts);
//   - QP_OIDC_USER: the user (subject) to type into the provider's login form, in the field whose label or
//     placeholder matches QP_OIDC_USER_LABEL, submitted by the button matching QP_OIDC_SUBMIT;
//   - QP_OIDC_NAME: the display name the provider gives, typed as claims {"name": …} into the field matching
//     QP_OIDC_CLAIMS_LABEL when that is set; the form then says "Commenting as QP_OIDC_NAME".
// Without QP_OIDC_BUTTON (journeys.mjs run by hand without a provider) the journey is skipped with a notice.
import { fail } from '../lib/browser.mjs';
import { expectUrl, notSee, see, shot, takeTimeToWrite } from '../lib/steps.mjs';

export const title = 'a reader signs in with OIDC from the comment form and comments';

export const skipped = process.env.QP_OIDC_BUTTON || process.env.QP_OIDC_PROVIDER ? null
  : 'no OIDC provider: run.sh starts one; by hand, set the QP_OIDC_* variables described in journeys/4-oidc-reader.mjs';

export async function run({ browser: open, state, out, t }) {
  const button = process.env.QP_OIDC_PROVIDER
    ? t('discussion:signInWith', { provider: process.env.QP_OIDC_PROVIDER }) : process.env.QP_OIDC_BUTTON;
  const user = process.env.QP_OIDC_USER || 'reader';
  const name = process.env.QP_OIDC_NAME || user;
  const reader = await open('OIDC reader', undefined, { otherOrigins: [process.env.QP_OIDC_ORIGIN].filter(Boolean) });
  try {
    await signInAndComment(reader, { button, user, name, state, out, t });
  } catch (error) {
    // what the guards saw (a CSP violation stopping the way to the provider...) says more than the timeout
    if (reader.problems.length > 0) {
      fail(`${error.message}\n  seen on the way:\n  - ${reader.problems.join('\n  - ')}`);
    }
    throw error;
  }
  reader.assertClean('commenting after OIDC sign-in');
  await reader.close();
}

async function signInAndComment(reader, { button, user, name, state, out, t }) {
  const page = await reader.newPage();
  await page.goto(state.post.url);
  const form = page.getByRole('region', { name: t('discussion:leaveReply') });
  await form.getByRole('textbox', { name: t.re('discussion:commentLabel') }).fill(state.oidcComment);
  await form.getByRole('link', { name: button }).or(form.getByRole('button', { name: button })).click();

  // the provider's own login page
  await expectUrl(page, new RegExp(`^${escape(process.env.QP_OIDC_ORIGIN)}/`), 'the provider\'s login page');
  const userField = field(page, process.env.QP_OIDC_USER_LABEL || 'user ?name');
  await see(page, userField, 'the provider\'s user field');
  await userField.fill(user);
  if (process.env.QP_OIDC_CLAIMS_LABEL) {
    await field(page, process.env.QP_OIDC_CLAIMS_LABEL).fill(JSON.stringify({ name }));
  }
  await page.getByRole('button', { name: new RegExp(process.env.QP_OIDC_SUBMIT || 'sign.?in', 'i') }).click();

  await expectUrl(page, new RegExp(`^${escape(state.post.url)}([?#]|$)`), 'the post, back from the provider');
  const body = page.getByRole('region', { name: t('discussion:leaveReply') }).getByRole('textbox', { name: t.re('discussion:commentLabel') });
  await see(page, body, 'the comment form after signing in');
  if (await body.inputValue() !== state.oidcComment) {
    fail(`the text typed before signing in is gone from the comment form on ${page.url()}`);
  }
  await see(page, page.getByText(`${t('discussion:commentingAs')} ${name}`), `"${t('discussion:commentingAs')} ${name}"`);
  await notSee(page, page.getByRole('textbox', { name: t.re('discussion:emailLabel') }), 'the email field (the reader is signed in)');
  const shownAt = Date.now();
  await takeTimeToWrite(shownAt);
  await page.getByRole('button', { name: t('discussion:postComment') }).click();
  const comment = page.locator('li.comment').filter({ hasText: state.oidcComment });
  await see(page, comment, 'the signed-in reader\'s comment');
  await see(page, comment.getByText(t('discussion:awaitingModeration')), 'the new account\'s first comment awaiting moderation');
  await see(page, comment.getByText(name), `the comment signed "${name}"`);
  // held for a moderator: journey 5 finds it in the queue beside its own
  state.stillPending = (state.stillPending ?? 0) + 1;
  await shot(page, out, 'oidc-comment');
}

/** A field of the provider's form by its label or, as mock-oauth2-server's fields have empty labels, its placeholder. */
function field(page, pattern) {
  const re = new RegExp(pattern, 'i');
  return page.getByLabel(re).or(page.getByPlaceholder(re)).first();
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

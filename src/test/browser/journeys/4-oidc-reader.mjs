// Journey 4: a reader signs in through an OIDC provider from the comment form, lands back on the form
// with the typed text kept, and comments.
//
// Waiting for OIDC sign-in (issue 4, being built on main). Until then the runner skips this journey with
// a notice; set QP_JOURNEY_OIDC=1 to run it. It expects:
//   - the application started with one OIDC provider configured (run.sh passes its environment on to
//     the application, so set the provider's QUARKUS_OIDC_* variables before calling run.sh), served by
//     a test OIDC server with an interactive login form, such as mock-oauth2-server 2.3.0 run as its own
//     process (see PLATFORM-FACTS, "Testing sign-in without Docker");
//   - QP_OIDC_BUTTON: the accessible name of the sign-in control in the comment form
//     (e.g. "Sign in with Test");
//   - QP_OIDC_ORIGIN: the provider's origin (e.g. http://127.0.0.1:9400), the one other host the
//     browser may talk to during this journey;
//   - QP_OIDC_USER: the user name to type into the provider's login form (default "reader"), whose field
//     is labelled QP_OIDC_USER_LABEL (default /user ?name/i) and submitted by the button QP_OIDC_SUBMIT
//     (default /sign.?in/i).
import { fail } from '../lib/browser.mjs';
import { see, shot, takeTimeToWrite } from '../lib/steps.mjs';

export const title = 'a reader signs in with OIDC from the comment form and comments';

export const skipped = process.env.QP_JOURNEY_OIDC === '1' ? null
  : 'waiting for OIDC sign-in (issue 4); set QP_JOURNEY_OIDC=1 and the provider settings described in journeys/4-oidc-reader.mjs to run it';

export async function run({ base, browser: open, state, out }) {
  const button = process.env.QP_OIDC_BUTTON;
  if (!button) {
    fail('QP_JOURNEY_OIDC=1 needs QP_OIDC_BUTTON, the name of the sign-in control in the comment form');
  }
  const user = process.env.QP_OIDC_USER || 'reader';
  const reader = await open('OIDC reader', undefined, { otherOrigins: [process.env.QP_OIDC_ORIGIN].filter(Boolean) });
  const page = await reader.newPage();
  await page.goto(state.post.url);
  const form = page.getByRole('region', { name: 'Leave a reply' });
  await form.getByRole('textbox', { name: /^Comment/ }).fill(state.oidcComment);
  await form.getByRole('link', { name: button }).or(form.getByRole('button', { name: button })).click();

  // the provider's own login page: another origin, so its requests are not this site's
  await page.getByLabel(new RegExp(process.env.QP_OIDC_USER_LABEL || 'user ?name', 'i')).fill(user);
  await page.getByRole('button', { name: new RegExp(process.env.QP_OIDC_SUBMIT || 'sign.?in', 'i') }).click();

  await page.waitForURL((url) => url.href.startsWith(state.post.url), { timeout: 15_000 });
  const body = page.getByRole('region', { name: 'Leave a reply' }).getByRole('textbox', { name: /^Comment/ });
  await see(page, body, 'the comment form after signing in');
  if (await body.inputValue() !== state.oidcComment) {
    fail(`the text typed before signing in is gone from the comment form on ${page.url()}`);
  }
  await see(page, page.getByText(`Commenting as ${user}`), `"Commenting as ${user}"`);
  const shownAt = Date.now();
  await takeTimeToWrite(shownAt);
  await page.getByRole('button', { name: 'Post comment' }).click();
  await see(page, page.locator('li.comment').filter({ hasText: state.oidcComment }), 'the signed-in reader\'s comment');
  await shot(page, out, 'oidc-comment');
  reader.assertClean('commenting after OIDC sign-in');
  await reader.close();
}

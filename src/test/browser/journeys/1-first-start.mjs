// Journey 1: on a new site the owner enters the setup token from the log, signs in, writes a post
// with tags and a category, previews it, publishes it and finds it at its permalink and on the home page.
import { readFileSync } from 'node:fs';
import { expectUrl, see, setupToken, shot } from '../lib/steps.mjs';

export const title = 'first start: the owner sets up the site and publishes a post';

export async function run({ base, browser: open, state, out, logPath }) {
  const owner = await open('owner');
  const page = await owner.newPage();

  await page.goto(`${base}/setup`);
  await see(page, page.getByRole('heading', { name: 'Set up your site' }), 'the setup page');
  await page.getByLabel('Setup token').fill(setupToken(readFileSync(logPath, 'utf8')));
  await page.getByLabel('Your name').fill(state.owner.name);
  await page.getByLabel('Email').fill(state.owner.email);
  await page.getByLabel('Password').fill(state.owner.password);
  await shot(page, out, 'setup');
  await page.getByRole('button', { name: 'Create the owner account' }).click();
  await expectUrl(page, /\/admin$/, 'the admin page after setup');
  owner.assertClean('setup');

  // setup signs the owner in; sign out and back in as they will on every later visit
  await page.getByRole('button', { name: 'Sign out' }).first().click();
  await page.getByRole('link', { name: 'Sign in' }).click();
  await see(page, page.getByRole('heading', { name: 'Sign in' }), 'the sign-in page');
  await shot(page, out, 'sign-in');
  await page.getByLabel('Email').fill(state.owner.email);
  await page.getByLabel('Password').fill(state.owner.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const nav = page.getByRole('navigation', { name: 'Site' });
  await see(page, nav.getByRole('link', { name: state.owner.name }), 'the owner\'s name in the navigation');

  await nav.getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Categories' }).click();
  await page.getByLabel('Name', { exact: true }).fill(state.post.category);
  await page.getByRole('button', { name: 'Add category' }).click();
  await see(page, page.getByRole('link', { name: state.post.category }), 'the new category in the list');
  owner.assertClean('categories');

  await nav.getByRole('link', { name: 'Write' }).click();
  await see(page, page.getByRole('heading', { name: 'Write a new post' }), 'the write page');
  await page.getByLabel('Title', { exact: true }).fill(state.post.title);
  await page.getByLabel('Body (Markdown)').fill(state.post.body);
  await page.getByLabel('Tags').fill(state.post.tags.join(', '));
  await page.getByLabel(/^Main category/).selectOption({ label: state.post.category });
  await page.getByRole('button', { name: 'Preview' }).first().click();
  const preview = page.getByRole('region', { name: 'Preview' });
  await see(page, preview.getByRole('heading', { name: state.post.previewHeading }), 'the rendered Markdown in the preview');
  await shot(page, out, 'write');
  await page.getByRole('radio', { name: 'Published' }).check();
  await page.getByRole('button', { name: 'Save' }).click();

  await expectUrl(page, /\/posts\/[a-z0-9-]+$/, 'the post\'s permalink');
  state.post.url = page.url();
  await see(page, page.getByRole('heading', { level: 1, name: state.post.title }), 'the published post\'s title');
  await see(page, page.getByRole('link', { name: state.post.category }), 'the category link under the post');
  for (const tag of state.post.tags) {
    await see(page, page.getByRole('link', { name: tag, exact: true }), `the tag link "${tag}"`);
  }

  await nav.getByRole('link', { name: 'Home' }).click();
  await see(page, page.getByRole('link', { name: state.post.title, exact: true }), 'the post on the home page');
  owner.assertClean('write and publish');
  state.ownerStorage = await owner.context.storageState();
  await owner.close();
}

// Journey 1: on a new site the owner enters the setup token from the log, signs in, writes a post
// with tags and a category, previews it, publishes it and finds it at its permalink and on the home page.
// A new site speaks English; in a pass in another language the owner switches the site to it on the settings
// page right after setup, and does everything after that in it.
import { readFileSync } from 'node:fs';
import { fail } from '../lib/browser.mjs';
import { words } from '../lib/i18n.mjs';
import { expectUrl, see, setupToken, shot } from '../lib/steps.mjs';

export const title = 'first start: the owner sets up the site and publishes a post';

export async function run({ base, browser: open, state, out, logPath, t }) {
  const en = words('en');
  const owner = await open('owner');
  const page = await owner.newPage();

  await page.goto(`${base}/setup`);
  await see(page, page.getByRole('heading', { name: en('staffadmin:setupTitle') }), 'the setup page');
  await page.getByLabel(en('staffadmin:setupToken')).fill(setupToken(readFileSync(logPath, 'utf8')));
  await page.getByLabel(en('staffadmin:setupName')).fill(state.owner.name);
  await page.getByLabel(en('staff:email')).fill(state.owner.email);
  await page.getByLabel(en.prefix('staffadmin:setupPassword')).fill(state.owner.password);
  await shot(page, out, 'setup');
  await page.getByRole('button', { name: en('staffadmin:setupCreate') }).click();
  await expectUrl(page, /\/admin$/, 'the admin page after setup');
  owner.assertClean('setup');

  if (t.language !== 'en') {
    await page.getByLabel(en('msg:settingsLanguage')).selectOption(t.language);
    await page.getByRole('button', { name: en('staffadmin:settingsSave') }).click();
    await see(page, page.getByRole('heading', { level: 1, name: t('staffadmin:settingsTitle') }), 'the settings page in the new language');
    const lang = await page.evaluate(() => document.documentElement.lang);
    if (lang !== t.language) {
      fail(`after choosing "${t.language}" on the settings page, the site is in <html lang="${lang}">`);
    }
    owner.assertClean('switching the site\'s language');
  }

  // setup signs the owner in; sign out and back in as they will on every later visit
  await page.getByRole('button', { name: t('msg:signOut') }).first().click();
  await page.getByRole('link', { name: t('msg:signIn') }).click();
  await see(page, page.getByRole('heading', { name: t('msg:signIn') }), 'the sign-in page');
  await shot(page, out, 'sign-in');
  await page.getByLabel(t('msg:email')).fill(state.owner.email);
  await page.getByLabel(t('msg:password')).fill(state.owner.password);
  await page.getByRole('button', { name: t('msg:signIn'), exact: true }).click();
  const nav = page.getByRole('navigation', { name: t('msg:navSite') });
  await see(page, nav.getByRole('link', { name: state.owner.name }), 'the owner\'s name in the navigation');

  await nav.getByRole('link', { name: t('msg:navAdmin') }).click();
  await page.getByRole('navigation', { name: t('staff:navAdmin') }).getByRole('link', { name: t('staff:navCategories') }).click();
  await page.getByLabel(t('acct:termsName'), { exact: true }).fill(state.post.category);
  await page.getByRole('button', { name: t('acct:termsAdd') }).click();
  await see(page, page.getByRole('link', { name: state.post.category }), 'the new category in the list');
  owner.assertClean('categories');

  await nav.getByRole('link', { name: t('msg:navWrite') }).click();
  await see(page, page.getByRole('heading', { name: t('staff:writeNewPost') }), 'the write page');
  await page.getByLabel(t('staff:title'), { exact: true }).fill(state.post.title);
  await page.getByLabel(t('staff:writeBody')).fill(state.post.body);
  await page.getByLabel(t.prefix('staff:writeTags')).fill(state.post.tags.join(', '));
  await page.getByLabel(t.re('staff:writeMainCategory')).selectOption({ label: state.post.category });
  await page.getByRole('button', { name: t('staff:preview') }).first().click();
  const preview = page.getByRole('region', { name: t('staff:preview') });
  await see(page, preview.getByRole('heading', { name: state.post.previewHeading }), 'the rendered Markdown in the preview');
  await shot(page, out, 'write');
  await page.getByRole('radio', { name: t('staff:statusPublished') }).check();
  await page.getByRole('button', { name: t('staff:save') }).click();

  await expectUrl(page, /\/posts\/[a-z0-9-]+$/, 'the post\'s permalink');
  state.post.url = page.url();
  await see(page, page.getByRole('heading', { level: 1, name: state.post.title }), 'the published post\'s title');
  await see(page, page.getByRole('link', { name: state.post.category }), 'the category link under the post');
  for (const tag of state.post.tags) {
    await see(page, page.getByRole('link', { name: tag, exact: true }), `the tag link "${tag}"`);
  }

  await nav.getByRole('link', { name: t('msg:home') }).click();
  await see(page, page.getByRole('link', { name: state.post.title, exact: true }), 'the post on the home page');
  owner.assertClean('write and publish');
  state.ownerStorage = await owner.context.storageState();
  await owner.close();
}

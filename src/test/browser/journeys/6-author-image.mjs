// Journey 6: the owner uploads a photo (taken with a camera that wrote its place into it) through the media
// library's file picker, copies its Markdown into a new post with alt text and publishes it; readers at
// desktop and phone width see the image loaded, described and sized, and the file they get has no camera
// or location metadata left.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail } from '../lib/browser.mjs';
import { expectUrl, see, shot } from '../lib/steps.mjs';
import { signIn } from './3-moderation.mjs';

export const title = 'an author puts a photo in a post; readers see it without its location';

// A JPEG whose EXIF names the camera "QuillCam" and holds GPS coordinates (the acceptance fixture).
const PHOTO = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'photo-gps.jpg');

export async function run({ base, browser: open, state, out, viewport: runViewport }) {
  const owner = await open('owner');
  const page = await owner.newPage();
  await signIn(page, base, state.owner);

  await page.goto(`${base}/media`);
  await see(page, page.getByRole('heading', { level: 1, name: 'Media' }), 'the media library');
  await page.getByLabel(/^Image \(JPEG/).setInputFiles(PHOTO);
  await page.getByLabel(/^Alt text \(what the image shows/).fill(state.imagePost.alt);
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await expectUrl(page, /\/media\?saved=uploaded$/, 'the media library after the upload');
  const markdownField = page.getByLabel('Markdown for a post').first();
  await see(page, markdownField, 'the uploaded image\'s Markdown');
  const markdown = await markdownField.inputValue();
  if (!markdown.startsWith(`![${state.imagePost.alt}](/media/`)) {
    fail(`the media library offers "${markdown}" as the image's Markdown, expected ![${state.imagePost.alt}](/media/…)`);
  }
  owner.assertClean('uploading the photo');

  await page.goto(`${base}/write`);
  await see(page, page.getByRole('heading', { name: 'Write a new post' }), 'the write page');
  await page.getByLabel('Title', { exact: true }).fill(state.imagePost.title);
  await page.getByLabel('Body (Markdown)').fill(`${state.imagePost.intro}\n\n${markdown}\n\n${state.imagePost.outro}`);
  await page.getByRole('radio', { name: 'Published' }).check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expectUrl(page, /\/posts\/[a-z0-9-]+$/, 'the new post\'s permalink');
  state.imagePost.url = page.url();
  owner.assertClean('publishing the post with the photo');
  await owner.close();

  for (const viewport of ['desktop', 'phone']) {
    const reader = await open(`reader (${viewport})`, undefined, { viewport });
    const readerPage = await reader.newPage();
    await readerPage.goto(state.imagePost.url);
    await see(readerPage, readerPage.getByRole('heading', { level: 1, name: state.imagePost.title }), 'the post\'s title');
    const img = readerPage.getByRole('img', { name: state.imagePost.alt });
    await see(readerPage, img, 'the photo, described by its alt text');
    await img.scrollIntoViewIfNeeded();
    await readerPage.waitForFunction((alt) => {
      const el = [...document.images].find((i) => i.alt === alt);
      return el && el.complete;
    }, state.imagePost.alt);
    const seen = await img.evaluate((el) => ({
      srcset: el.getAttribute('srcset'), width: el.getAttribute('width'), height: el.getAttribute('height'),
      naturalWidth: el.naturalWidth, shownWidth: el.getBoundingClientRect().width, src: el.currentSrc,
      viewportWidth: window.innerWidth,
    }));
    if (!seen.srcset || !/\s\d+w/.test(seen.srcset)) {
      fail(`the photo on ${readerPage.url()} (${viewport}) has no srcset with widths (${seen.srcset})`);
    }
    if (!/^\d+$/.test(seen.width ?? '') || !/^\d+$/.test(seen.height ?? '')) {
      fail(`the photo on ${readerPage.url()} (${viewport}) lacks width and height (${seen.width} × ${seen.height})`);
    }
    if (seen.naturalWidth <= 0) {
      fail(`the photo on ${readerPage.url()} (${viewport}) did not load (${seen.src})`);
    }
    if (seen.shownWidth > seen.viewportWidth) {
      fail(`the photo on ${readerPage.url()} (${viewport}) is ${seen.shownWidth} px wide, wider than the screen`);
    }
    // every file a reader may get, whichever width their browser picks
    const files = new Set([seen.src, ...seen.srcset.split(',').map((c) => new URL(c.trim().split(/\s+/)[0], base).href)]);
    for (const url of files) {
      const response = await reader.context.request.get(url);
      const bytes = Buffer.from(await response.body());
      if (response.status() !== 200 || bytes.length === 0) {
        fail(`the photo's file ${url} answers ${response.status()} with ${bytes.length} bytes`);
      }
      // the camera's name may only hide in metadata; metadata segments come before the first
      // start-of-scan marker (FF DA), after which compressed pixels may hold any three bytes
      const sos = bytes.indexOf(Buffer.from([0xff, 0xda]));
      const header = bytes.subarray(0, sos < 0 ? bytes.length : sos);
      for (const word of ['QuillCam', 'GPS', 'Exif']) {
        if ((word === 'QuillCam' ? bytes : header).includes(word)) {
          fail(`the photo's file ${url} still holds "${word}": its metadata was not removed`);
        }
      }
    }
    if (viewport === runViewport) {
      await shot(readerPage, out, 'post-with-image');
    }
    reader.assertClean(`reading the post with the photo (${viewport})`);
    await reader.close();
  }
}

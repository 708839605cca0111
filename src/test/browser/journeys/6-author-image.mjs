// Journey 6: the owner uploads a photo (taken with a camera that wrote its place into it) through the media
// library's file picker, copies its Markdown into a new post with alt text, makes it the post's featured image
// and publishes it; readers at desktop width and on a phone (390 px at three device pixels per CSS pixel, as
// phones are) see each picture loaded, described, sized and sharp (the width the browser chose covers the
// shown width times the pixel ratio), in WebP from the picture's source, and every file they may get (JPEG
// and WebP) has no camera or location metadata left.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VIEWPORTS, fail } from '../lib/browser.mjs';
import { expectUrl, see, shot } from '../lib/steps.mjs';
import { signIn } from './3-moderation.mjs';

export const title = 'an author puts a photo in a post; readers see it without its location';

// A JPEG whose EXIF names the camera "QuillCam" and holds GPS coordinates (the acceptance fixture).
const PHOTO = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'photo-gps.jpg');

export async function run({ base, browser: open, state, out, viewport: runViewport, t }) {
  const owner = await open('owner');
  const page = await owner.newPage();
  await signIn(page, base, state.owner, t);

  await page.goto(`${base}/media`);
  await see(page, page.getByRole('heading', { level: 1, name: t('staff:mediaTitle') }), 'the media library');
  await page.getByLabel(t('staff:mediaFileLabel')).setInputFiles(PHOTO);
  await page.getByLabel(t('staff:mediaAltLabel')).fill(state.imagePost.alt);
  await page.getByRole('button', { name: t('staff:mediaUpload'), exact: true }).click();
  await expectUrl(page, /\/media\?saved=uploaded$/, 'the media library after the upload');
  const markdownField = page.getByLabel(t('staff:mediaMarkdown')).first();
  await see(page, markdownField, 'the uploaded image\'s Markdown');
  const markdown = await markdownField.inputValue();
  if (!markdown.startsWith(`![${state.imagePost.alt}](/media/`)) {
    fail(`the media library offers "${markdown}" as the image's Markdown, expected ![${state.imagePost.alt}](/media/…)`);
  }
  owner.assertClean('uploading the photo');

  await page.goto(`${base}/write`);
  await see(page, page.getByRole('heading', { name: t('staff:writeNewPost') }), 'the write page');
  await page.getByLabel(t('staff:title'), { exact: true }).fill(state.imagePost.title);
  await page.getByLabel(t('staff:writeBody')).fill(`${state.imagePost.intro}\n\n${markdown}\n\n${state.imagePost.outro}`);
  await page.getByLabel(t('staff:writeFeaturedImage')).selectOption({ label: `photo-gps.jpg: ${state.imagePost.alt}` });
  await page.getByRole('radio', { name: t('staff:statusPublished') }).check();
  await page.getByRole('button', { name: t('staff:save') }).click();
  await expectUrl(page, /\/posts\/[a-z0-9-]+$/, 'the new post\'s permalink');
  state.imagePost.url = page.url();
  owner.assertClean('publishing the post with the photo');
  await owner.close();

  // a phone shows three device pixels per CSS pixel: the browser must then choose a wider file
  const screens = { desktop: 1, phone: 3 };
  for (const [viewport, pixelRatio] of Object.entries(screens)) {
    const reader = await open(`reader (${viewport})`, undefined, { viewport });
    const readerPage = await reader.newPage();
    if (pixelRatio !== 1) {
      const cdp = await readerPage.context().newCDPSession(readerPage);
      await cdp.send('Emulation.setDeviceMetricsOverride', {
        ...VIEWPORTS[viewport], deviceScaleFactor: pixelRatio, mobile: true,
      });
    }
    await readerPage.goto(state.imagePost.url);
    await see(readerPage, readerPage.getByRole('heading', { level: 1, name: state.imagePost.title }), 'the post\'s title');
    // the featured image at the top and the same photo in the text, both described by its alt text
    const images = readerPage.getByRole('img', { name: state.imagePost.alt });
    await see(readerPage, images.first(), 'the featured photo, described by its alt text');
    if (await images.count() !== 2) {
      fail(`${readerPage.url()} (${viewport}) shows ${await images.count()} images described "${state.imagePost.alt}", expected the featured image and the one in the text`);
    }
    const files = new Set();
    for (const [i, name] of [[0, 'featured photo'], [1, 'photo in the text']]) {
      const img = images.nth(i);
      await img.scrollIntoViewIfNeeded();
      await img.evaluate((el) => (el.complete && el.naturalWidth > 0) || new Promise((resolve) => {
        el.addEventListener('load', resolve, { once: true });
        el.addEventListener('error', resolve, { once: true });
      }));
      const seen = await img.evaluate((el) => {
        const source = el.parentElement.tagName === 'PICTURE' ? el.parentElement.querySelector('source') : null;
        return {
          srcset: el.getAttribute('srcset'), width: el.getAttribute('width'), height: el.getAttribute('height'),
          loading: el.getAttribute('loading'), naturalWidth: el.naturalWidth,
          shownWidth: el.getBoundingClientRect().width, src: el.currentSrc, viewportWidth: window.innerWidth,
          pixelRatio: window.devicePixelRatio,
          source: source && { type: source.getAttribute('type'), srcset: source.getAttribute('srcset') },
        };
      });
      const where = `the ${name} on ${readerPage.url()} (${viewport})`;
      if (!seen.srcset || !/\s\d+w/.test(seen.srcset)) {
        fail(`${where} has no srcset with widths (${seen.srcset})`);
      }
      if (!/^\d+$/.test(seen.width ?? '') || !/^\d+$/.test(seen.height ?? '')) {
        fail(`${where} lacks width and height (${seen.width} × ${seen.height})`);
      }
      if (i > 0 && seen.loading !== 'lazy') {
        fail(`${where} is below the featured image yet not loaded lazily (loading=${seen.loading})`);
      }
      if (seen.naturalWidth <= 0) {
        fail(`${where} did not load (${seen.src})`);
      }
      if (seen.shownWidth > seen.viewportWidth) {
        fail(`${where} is ${seen.shownWidth} px wide, wider than the screen`);
      }
      if (seen.pixelRatio !== pixelRatio) {
        fail(`${where}: the browser has ${seen.pixelRatio} device pixels per CSS pixel, expected ${pixelRatio}`);
      }
      if (!seen.source || seen.source.type !== 'image/webp' || !/\.webp \d+w/.test(seen.source.srcset ?? '')) {
        fail(`${where} is not in a <picture> with a WebP <source> (${JSON.stringify(seen.source)})`);
      }
      if (!/\.webp$/.test(seen.src)) {
        fail(`${where}: the browser took ${seen.src}, not the WebP source`);
      }
      // sharp: the chosen file is at least as many pixels wide as the screen shows, unless it is the widest
      const widths = seen.source.srcset.split(',').map((c) => Number(c.trim().split(/\s+/)[1].replace('w', '')));
      const chosen = Number((seen.src.match(/-(\d+)\.webp$/) ?? [])[1]);
      const needed = Math.min(Math.ceil(seen.shownWidth * pixelRatio), Math.max(...widths));
      if (!(chosen >= needed)) {
        fail(`${where} is blurry: shown ${seen.shownWidth} px wide at ${pixelRatio}× needs ${needed} px, the browser took the ${chosen} px file ${seen.src}`);
      }
      // every file a reader may get, whichever width and format their browser picks
      for (const set of [seen.srcset, seen.source.srcset]) {
        for (const candidate of set.split(',')) {
          files.add(new URL(candidate.trim().split(/\s+/)[0], base).href);
        }
      }
      files.add(seen.src);
    }
    for (const url of files) {
      const response = await reader.context.request.get(url);
      const bytes = Buffer.from(await response.body());
      if (response.status() !== 200 || bytes.length === 0) {
        fail(`the photo's file ${url} answers ${response.status()} with ${bytes.length} bytes`);
      }
      const webp = url.endsWith('.webp');
      const type = response.headers()['content-type'];
      if (type !== (webp ? 'image/webp' : 'image/jpeg')) {
        fail(`the photo's file ${url} is served as ${type}`);
      }
      // the camera's name may only hide in metadata. A JPEG's metadata segments come before the first
      // start-of-scan marker (FF DA), after which compressed pixels may hold any three bytes; a WebP's are
      // chunks of their own (EXIF, XMP), listed one after another after its 12-byte header
      if (webp) {
        const chunks = [];
        for (let at = 12; at + 8 <= bytes.length; at += 8 + bytes.readUInt32LE(at + 4) + (bytes.readUInt32LE(at + 4) % 2)) {
          chunks.push(bytes.toString('latin1', at, at + 4));
        }
        if (bytes.toString('latin1', 0, 4) !== 'RIFF' || bytes.toString('latin1', 8, 12) !== 'WEBP'
            || chunks.some((c) => c === 'EXIF' || c === 'XMP ')) {
          fail(`the photo's file ${url} is not a WebP without metadata (chunks: ${chunks.join(', ')})`);
        }
        continue;
      }
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

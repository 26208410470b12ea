// Hosted under a path of an organisation's site, not at its root: the
// release build made with `trunk build --public-url /learning/praxis/`
// (scripts/test builds it into dist-subpath/) is served only below that
// path, and a learner's day works there: deep links, reload, links in
// module text, the manifest and icons, offline, and an export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveDist, launchBrowser, openPage, appReady, completeWhatAiIs, controlledByServiceWorker } from './harness.mjs';

const UNDER = '/learning/praxis/';
const build = fileURLToPath(new URL('../../dist-subpath/', import.meta.url));

let server, browser;
before(async () => {
  assert.ok(existsSync(build), 'dist-subpath/ is missing: build it with `trunk build --release --offline --public-url /learning/praxis/ --dist dist-subpath`');
  server = await serveDist(build, { under: UNDER });
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.close(); });

test('under /learning/praxis/ only: deep links, links, icons, offline and export all stay under the path', async () => {
  // Each body is read, so no connection is left half-used.
  const status = async (url) => { const response = await fetch(url); await response.arrayBuffer(); return response.status; };
  assert.equal(await status(`${server.origin}/`), 404, 'nothing is served at the root');
  assert.equal(await status(`${server.origin}/modules/what-ai-is`), 404);

  const context = await browser.newContext({ acceptDownloads: true });
  const page = await openPage(context);
  const failed = [];
  page.on('response', (response) => { if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`); });
  const outside = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === server.origin && !url.pathname.startsWith(UNDER)) outside.push(url.pathname);
  });

  // A deep link opened cold, then reloaded, is the module, not "Page not found".
  await page.goto(`${server.base}/modules/case-warfarin-dose`);
  await appReady(page);
  await page.locator('main h1').waitFor();
  assert.notEqual(await page.locator('main h1').textContent(), 'Page not found');
  await page.reload();
  await appReady(page);
  assert.notEqual(await page.locator('main h1').textContent(), 'Page not found');

  // Every link the app draws, and every link in module text, is under the path.
  const hrefs = await page.locator('a[href^="/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.length > 10, `only ${hrefs.length} site links found`);
  assert.deepEqual(hrefs.filter((href) => !href.startsWith(UNDER)), []);
  const moduleLink = page.locator('.prose a[href$="/modules/what-ai-is"]').first();
  assert.equal(await moduleLink.getAttribute('href'), `${UNDER}modules/what-ai-is`);
  await moduleLink.click();
  await page.waitForURL(`${server.base}/modules/what-ai-is`);
  await page.getByRole('heading', { level: 1, name: 'What AI is, and what it is not' }).waitFor();

  // The manifest, its start URL and scope, and every icon it names load from under the path.
  const manifestUrl = new URL(await page.locator('link[rel="manifest"]').getAttribute('href'), page.url());
  const manifest = await (await fetch(manifestUrl)).json();
  assert.equal(new URL(manifest.start_url, manifestUrl).pathname, UNDER);
  assert.equal(new URL(manifest.scope, manifestUrl).pathname, UNDER);
  for (const icon of manifest.icons) assert.equal(await status(new URL(icon.src, manifestUrl)), 200, icon.src);
  for (const rel of ['icon', 'apple-touch-icon']) {
    const href = await page.locator(`link[rel="${rel}"]`).getAttribute('href');
    assert.ok(href.startsWith(UNDER), href);
    assert.equal(await status(new URL(href, page.url())), 200, href);
  }

  // The service worker covers the path, so a reload works offline.
  const scope = await controlledByServiceWorker(page);
  assert.equal(new URL(scope).pathname, UNDER);
  await completeWhatAiIs(page, server.base);
  await context.setOffline(true);
  await page.goto(`${server.base}/modules`);
  await page.locator('[data-module="what-ai-is"]').getByText('Completed').waitFor();
  await page.goto(`${server.base}/modules/what-ai-is`);
  await page.getByText(/^Completed on/).waitFor();
  await context.setOffline(false);

  // The tools open from the footer under the path, and hand learner pages back to the learners' app.
  await page.getByRole('link', { name: 'For employers: staff compliance' }).click();
  await page.waitForURL(`${server.base}/employer`);
  await page.getByRole('heading', { level: 1, name: 'Your team\'s AI training' }).waitFor();
  await page.getByRole('link', { name: 'Modules', exact: true }).click();
  await page.waitForURL(`${server.base}/modules`);
  await page.getByRole('heading', { level: 1, name: 'Modules and case studies' }).waitFor();

  // An export from under the path holds the completion.
  await page.getByRole('link', { name: 'Export', exact: true }).click();
  await page.waitForURL(`${server.base}/export`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download backup (JSON)' }).click(),
  ]);
  const backup = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.ok(backup.record.completions['what-ai-is'], 'the completion is in the backup');

  assert.deepEqual(outside, [], 'every request stays under the path');
  assert.deepEqual(failed, []);
  assert.deepEqual(page.problems, []);
  await context.close();
});

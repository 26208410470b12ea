// Two web apps, one site: the learners' app never downloads the
// educators' and employers' tools; the tools load when opened, work
// offline after that, and each app hands the other's pages over to it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { serveDist, launchBrowser, openPage, appReady, controlledByServiceWorker, dist } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const isTools = (url) => /praxis-tools-[0-9a-f]+(_bg\.wasm|\.js)$/.test(new URL(url).pathname);

test('learners never download the tools; the tools load when opened, then work offline', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  const requested = [];
  context.on('request', (request) => requested.push(request.url()));

  await page.goto(`${server.base}/modules/what-ai-is`);
  await appReady(page);
  await controlledByServiceWorker(page);
  for (const path of ['/', '/modules', '/cpd', '/export']) {
    await page.goto(`${server.base}${path}`);
    await appReady(page);
  }
  assert.deepEqual(requested.filter(isTools), [], 'no learner page fetches the tools');
  assert.ok(requested.some((url) => /\/praxis-[0-9a-f]+_bg\.wasm$/.test(url)), 'the learners\' wasm was fetched');

  // The footer link opens the tools as their own page.
  await page.getByRole('link', { name: 'For educators: write a module' }).click();
  await page.getByRole('heading', { level: 1, name: 'Author a module' }).waitFor();
  assert.ok(requested.some(isTools), 'opening /author fetched the tools');

  // From the tools, a learner page is the learners' app again.
  await page.getByRole('link', { name: 'Modules', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Modules and case studies' }).waitFor();
  await page.waitForURL(`${server.base}/modules`);

  // Offline, both apps still open, each at its own pages.
  await context.setOffline(true);
  for (const [path, heading] of [['/author', 'Author a module'], ['/employer', 'Your team\'s AI training'],
    ['/author/guide', 'Writing Praxis modules'], ['/modules', 'Modules and case studies']]) {
    await page.goto(`${server.base}${path}`);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  }
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a host that does not serve the tools\' page is named, not reloaded again and again', async () => {
  const root = await mkdtemp(join(tmpdir(), 'praxis-no-tools-'));
  await cp(dist, root, { recursive: true });
  for (const folder of ['author', 'employer']) await rm(join(root, folder), { recursive: true });
  const host = await serveDist(root);
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await openPage(context);
  let loads = 0;
  page.on('load', () => { loads += 1; });
  await page.goto(`${host.base}/employer`);
  await page.getByRole('heading', { level: 1, name: 'This page could not be opened' }).waitFor();
  await page.getByText('Deploying on your own site').waitFor();
  await page.waitForTimeout(500);
  assert.ok(loads <= 2, `loaded ${loads} times`);
  await context.close();
  await host.close();
});

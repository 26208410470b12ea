// A learner opening a module from a link reads it before the app's wasm
// has arrived: scripts/build writes every module page and the catalogue
// as static HTML (praxis-cli prerender), and the app takes the page over
// in place, with nothing moving, the scroll and keyboard focus kept.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launchBrowser, openPage, appReady } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const TITLE = 'What AI is, and what it is not';

test('without the app, a module page and the catalogue are there to read, and nothing on them pretends to work', async () => {
  const context = await browser.newContext();
  // As if the wasm never arrived (a dropped connection on a train).
  await context.route('**/*.wasm', (route) => route.abort());
  const page = await openPage(context);
  await page.goto(`${server.base}/modules/what-ai-is`);
  assert.equal(await page.title(), `${TITLE} – Praxis`);
  assert.equal(await page.locator('main h1').textContent(), TITLE);
  assert.ok((await page.locator('main .prose').count()) > 3, 'the module text is on the page');
  // Checks and reflections cannot be used until the app can save them.
  const controls = page.locator('main input, main textarea, main form.check button, button.site-menu-toggle');
  assert.ok((await controls.count()) > 5);
  for (const control of await controls.all()) assert.equal(await control.isDisabled(), true);
  // Following a link reaches the catalogue, prerendered too.
  await page.locator('.site-nav a', { hasText: 'Modules' }).click();
  await page.waitForURL(`${server.base}/modules`);
  assert.equal(await page.locator('main h1').textContent(), 'Modules and case studies');
  assert.ok((await page.locator('main .card').count()) > 20);
  assert.equal(await page.locator(`main .card a:text-is("${TITLE}")`).count(), 1);
  await context.close();
});

test('the app takes the page over in place: nothing moves, the scroll and keyboard focus stay, and the page then works', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await context.route('**/*_bg.wasm', async (route) => { await held; await route.continue(); });
  const page = await openPage(context);
  await page.goto(`${server.base}/modules/case-warfarin-dose`);
  await page.locator('#prerendered main h1').waitFor();
  await page.evaluate(() => {
    window.shifts = [];
    new PerformanceObserver((list) => window.shifts.push(...list.getEntries().map((e) => e.value)))
      .observe({ type: 'layout-shift', buffered: true });
  });
  // The learner has moved to a link in the module's text (focus scrolls it into view).
  const link = page.locator('#prerendered .prose a[href="/modules/what-ai-is"]');
  const linkText = await link.textContent();
  await link.focus();
  const box = async (selector) => page.locator(selector).first().boundingBox();
  const before = {
    h1: await box('main h1'),
    link: await box('main .prose a[href="/modules/what-ai-is"]'),
    reflection: await box('main .reflection textarea'),
    scroll: await page.evaluate(() => window.scrollY),
  };
  assert.ok(before.scroll > 1000, `the link is far down the page (scrolled ${before.scroll})`);

  release();
  await appReady(page);
  assert.equal(await page.locator('main').count(), 1, 'one page, not two');
  assert.deepEqual(await box('main h1'), before.h1);
  assert.deepEqual(await box('main .prose a[href="/modules/what-ai-is"]'), before.link);
  assert.deepEqual(await box('main .reflection textarea'), before.reflection, 'a reflection box below the screen stays put too');
  assert.equal(await page.evaluate(() => window.scrollY), before.scroll);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), linkText);
  assert.equal(await page.evaluate(() => document.activeElement?.isConnected), true);
  assert.equal(await page.evaluate(() => window.shifts.reduce((a, b) => a + b, 0)), 0, 'no layout shift');

  // The page is the app's now: a check can be answered.
  const firstCheck = page.locator('form.check').first();
  await firstCheck.locator('input').first().check();
  await firstCheck.getByRole('button', { name: 'Check my answer' }).click();
  await firstCheck.locator('.feedback').waitFor();
  // Pressing Save on an empty reflection says why nothing was saved.
  const reflection = page.locator('.reflection').first();
  await reflection.getByRole('button', { name: 'Save my answer' }).click();
  await reflection.getByText('Nothing to save yet: write your answer in the box first.').waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();
});

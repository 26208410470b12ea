// The walking skeleton in a real browser, against the release build:
// list → open → answer → complete → reload → still complete → export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { serveDist, launchBrowser, openPage, appReady, completeWhatAiIs } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

test('a learner completes a module, it survives a reload, and the export holds it', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await openPage(context);
  await page.goto(`${server.base}/modules`);
  await appReady(page);
  const card = page.locator('[data-module="what-ai-is"]');
  assert.equal(await card.getByText('Completed').count(), 0);

  await card.getByRole('link').click();
  await page.getByRole('heading', { level: 1, name: 'What AI is, and what it is not' }).waitFor();
  await completeWhatAiIs(page, server.base);

  await page.reload();
  await page.getByText(/^Completed on \d{1,2} [A-Z][a-z]+ \d{4}, adding 9 minutes of CPD\.$/).waitFor();
  await page.getByRole('link', { name: 'Modules', exact: true }).click();
  await page.locator('[data-module="what-ai-is"]').getByText('Completed').waitFor();

  await page.getByRole('link', { name: 'Export', exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download backup (JSON)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^praxis-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const backup = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(backup.format, 'praxis-backup');
  assert.equal(backup.schema_version, 4);
  // What the browser writes passes the schema published beside the app.
  const Ajv2020 = createRequire(import.meta.url)('ajv/dist/2020').default;
  const schema = await (await fetch(`${server.base}/praxis-backup.schema.json`)).json();
  const validate = new Ajv2020({ strict: false }).compile(schema);
  assert.ok(validate(backup), JSON.stringify(validate.errors));
  const completion = backup.record.completions['what-ai-is'];
  assert.match(completion.completed_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  assert.deepEqual([completion.minutes, completion.score], [9, 100]);
  assert.equal(backup.record.progress['what-ai-is'].attempts.length, 4);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a deep link loads the module directly', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await page.goto(`${server.base}/modules/what-ai-is`);
  await page.getByRole('heading', { level: 1, name: 'What AI is, and what it is not' }).waitFor();
  assert.equal(await page.title(), 'What AI is, and what it is not – Praxis');
  await page.goto(`${server.base}/no/such/page`);
  await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a knowledge check gives feedback on a wrong and then a right answer', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await page.goto(`${server.base}/modules/what-ai-is`);
  const check = page.locator('form.check').first();
  await check.getByLabel('Predictive').check();
  await check.getByRole('button', { name: 'Check my answer' }).click();
  await check.getByText('Your answer is not right yet.').waitFor();
  await check.getByLabel('Generative').check();
  await check.getByRole('button', { name: 'Check my answer' }).click();
  await check.getByText('Your answer is right.').waitFor();
  await check.getByText('Drafting new text is what generative tools do', { exact: false }).waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('reopening a completed module shows each check\'s latest answer and its feedback', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await completeWhatAiIs(page, server.base);
  await page.reload();
  await page.getByText(/^Completed on/).waitFor();
  const checks = page.locator('form.check');
  for (let index = 0; index < 3; index += 1) {
    await checks.nth(index).getByText('Your answer is right.').waitFor();
  }
  // The first check was answered wrong, then right: the latest answer is the one shown.
  assert.equal(await checks.nth(0).getByLabel('A generative tool: it writes new text, which may hold invented details', { exact: true }).isChecked(), true);
  assert.equal(await checks.nth(0).getByLabel('A predictive tool: it scores which parts of the notes matter most to the GP', { exact: true }).isChecked(), false);
  assert.equal(await checks.nth(1).locator('input:checked').count(), 2);
  // The end of the module leads on to the next one rather than a dead end.
  const next = page.getByRole('navigation', { name: 'Next module' }).getByRole('link');
  const title = (await next.textContent()).replace(/^Next module: /, '');
  assert.notEqual(title, 'What AI is, and what it is not');
  await next.click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('on a phone the header is one row with a Menu button, and every target is at least 44 px', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await openPage(context);
  await page.goto(`${server.base}/`);
  await appReady(page);
  // A first visit offers one clear first step.
  await page.getByRole('link', { name: /^Start with “/ }).waitFor();
  const header = await page.locator('header.site-header').boundingBox();
  assert.ok(header.height <= 80, `header is ${header.height}px tall`);
  const main = page.getByRole('navigation', { name: 'Main' });
  assert.equal(await main.getByRole('link', { name: 'CPD', exact: true }).isVisible(), false, 'the links wait behind Menu');
  const menu = page.getByRole('button', { name: 'Menu' });
  const button = await menu.boundingBox();
  assert.ok(button.width >= 44 && button.height >= 44, JSON.stringify(button));
  await menu.click();
  assert.equal(await menu.getAttribute('aria-expanded'), 'true');
  for (const link of await main.getByRole('link').all()) {
    const box = await link.boundingBox();
    assert.ok(box.height >= 44, `${await link.textContent()} is ${box.height}px tall`);
  }
  // Educators' and employers' tools are not learners' navigation: they are in the footer.
  assert.equal(await main.getByRole('link', { name: /Author|Employer/ }).count(), 0);
  await page.getByRole('navigation', { name: 'Other tools' }).getByRole('link', { name: 'For educators: write a module' }).waitFor();
  await main.getByRole('link', { name: 'CPD', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Your CPD log' }).waitFor();
  assert.equal(await menu.getAttribute('aria-expanded'), 'false', 'following a link closes the menu');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('Open Badges with nothing completed says so instead of downloading an empty file', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await page.goto(`${server.base}/export`);
  await appReady(page);
  let downloads = 0;
  page.on('download', () => { downloads += 1; });
  await page.getByRole('button', { name: 'Open Badges 3.0 (JSON)' }).click();
  await page.getByText('There are no badges to export yet: each module you complete gives you one.').waitFor();
  assert.equal(downloads, 0);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('without any storage the learner is told, can still learn, and is never told "saved"', async () => {
  const context = await browser.newContext();
  // Some private modes and policies hide both stores.
  await context.addInitScript(() => {
    for (const name of ['localStorage', 'indexedDB']) {
      Object.defineProperty(window, name, {
        get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
      });
    }
  });
  const page = await openPage(context);
  await page.goto(`${server.base}/modules/what-ai-is`);
  await page.getByRole('alert').getByText('not letting Praxis save anything').waitFor();
  await page.getByRole('heading', { level: 2, name: 'Two families of tools' }).waitFor();
  await completeWhatAiIs(page, server.base, { saved: false });
  await page.getByText(/Not saved: this browser is not letting Praxis keep anything/).waitFor();
  assert.equal(await page.getByText('Your answer is saved in this browser.').count(), 0);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('without localStorage the record is still kept (in IndexedDB) and nothing breaks', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  const page = await openPage(context);
  await completeWhatAiIs(page, server.base);
  await page.reload();
  await page.getByText(/^Completed on/).waitFor();
  assert.equal(await page.getByRole('alert').getByText('not letting Praxis save').count(), 0);
  assert.deepEqual(page.problems, []);
  await context.close();
});

// Nothing a learner records is ever lost: offline use, a full store,
// corrupted data, two tabs at once, and data from the oldest format.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serveDist, launchBrowser, openPage, appReady, completeWhatAiIs } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const stored = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('praxis.record')));
const storedRecord = async (page) => (await stored(page)).record;

test('after one visit the app and every module work offline, with recorded data intact', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await page.goto(`${server.base}/`);
  await appReady(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  await completeWhatAiIs(page, server.base);
  await page.goto(`${server.base}/modules`);
  await page.locator('[data-module]').first().waitFor();
  const ids = await page.locator('[data-module]').evaluateAll((cards) => cards.map((c) => c.dataset.module));
  assert.ok(ids.length >= 19, `only ${ids.length} modules listed`);

  await context.setOffline(true);
  await page.reload();
  await page.locator('[data-module="what-ai-is"]').getByText('Completed').waitFor();
  for (const id of ids) {
    await page.goto(`${server.base}/modules/${id}`);
    await page.locator('main h1').waitFor();
    assert.notEqual(await page.locator('main h1').textContent(), 'Page not found', id);
  }
  await page.goto(`${server.base}/modules/what-ai-is`);
  await page.getByText(/^Completed on/).waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a full store keeps the new answer on screen, says why, and loses nothing saved', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await page.goto(`${server.base}/modules/what-ai-is`);
  await appReady(page);
  const reflection = page.getByLabel(/Think of an AI tool/);
  await reflection.fill('My first answer.');
  await page.getByRole('button', { name: 'Save my answer' }).click();
  await page.getByText('Your answer is saved in this browser.').waitFor();
  const before = await stored(page);

  // Fill the rest of the origin's quota, as years of other data might.
  await page.evaluate(() => {
    let chunk = 1 << 20;
    for (let i = 0; chunk >= 16; i += 1) {
      try { localStorage.setItem(`filler-${i}`, 'x'.repeat(chunk)); } catch { chunk = Math.floor(chunk / 2); }
    }
  });
  await reflection.fill('My second, longer answer that there is no longer room to save.');
  await page.getByRole('button', { name: 'Save my answer' }).click();
  await page.getByRole('alert').getByText("Your browser's storage for Praxis is full").waitFor();
  await page.getByText('Your answer is NOT saved yet').waitFor();
  assert.equal(await reflection.inputValue(), 'My second, longer answer that there is no longer room to save.');
  assert.deepEqual(await stored(page), before, 'the saved record is untouched');

  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler-')).forEach((k) => localStorage.removeItem(k)));
  await page.reload();
  assert.equal(await page.getByLabel(/Think of an AI tool/).inputValue(), 'My first answer.');
  await context.close();
});

test('a write that fails for any reason changes nothing and says so', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await page.goto(`${server.base}/modules/what-ai-is`);
  await appReady(page);
  const check = page.locator('form.check').first();
  await check.getByLabel('Generative').check();
  await check.getByRole('button', { name: 'Check my answer' }).click();
  await page.getByText('1 of 3 answered').waitFor();
  const before = await stored(page);

  // The record's write step throws, as a browser might for any reason.
  await page.evaluate(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key === 'praxis.record') throw new DOMException('Injected failure', 'InvalidStateError');
      return setItem.call(this, key, value);
    };
  });
  const second = page.locator('form.check').nth(1);
  await second.locator('input').first().check();
  await second.getByRole('button', { name: 'Check my answer' }).click();
  await page.getByRole('alert').getByText('Saving failed, so your latest change is not kept: Injected failure').waitFor();
  await page.getByText('1 of 3 answered').waitFor();
  assert.deepEqual(await stored(page), before);
  await context.close();
});

test('corrupted data is set aside and offered back, and the app stays usable', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await openPage(context);
  await page.goto(`${server.base}/`);
  await appReady(page);
  const garbage = '{"schema_version":2,"record":{"completions":{"what-ai-is":{"comp';
  await page.evaluate((text) => localStorage.setItem('praxis.record', text), garbage);
  await page.reload();
  await page.getByRole('alert').getByText('could not be read').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /^Download the data set aside on/ }).click(),
  ]);
  assert.equal(await readFile(await download.path(), 'utf8'), garbage);

  await page.goto(`${server.base}/modules/what-ai-is`);
  const check = page.locator('form.check').first();
  await check.getByLabel('Generative').check();
  await check.getByRole('button', { name: 'Check my answer' }).click();
  await check.getByText('Correct.').waitFor();
  await page.reload();
  await page.getByText('1 of 3 answered').waitFor();
  // The set-aside copy is still kept after the fresh record was saved.
  await page.getByRole('button', { name: /^Download the data set aside on/ }).waitFor();
  await context.close();
});

test('two tabs: each sees the other\'s changes, and edits to the same answer are both kept', async () => {
  const context = await browser.newContext();
  const [first, second] = [await openPage(context), await openPage(context)];
  await first.goto(`${server.base}/modules/what-ai-is`);
  await second.goto(`${server.base}/modules/ai-limitations`);
  await appReady(first);
  await appReady(second);

  // Different records in each tab: both survive.
  const answerFirstCheck = async (page) => {
    const check = page.locator('form.check').first();
    await check.locator('input').first().check();
    await check.getByRole('button', { name: 'Check my answer' }).click();
  };
  await answerFirstCheck(first);
  await answerFirstCheck(second);
  await second.goto(`${server.base}/modules`);
  await second.locator('[data-module="what-ai-is"]').getByText('In progress').waitFor();
  await second.locator('[data-module="ai-limitations"]').getByText('In progress').waitFor();

  // The same reflection written in both tabs: the later one shows, the
  // earlier one is kept.
  await second.goto(`${server.base}/modules/what-ai-is`);
  await first.getByLabel(/Think of an AI tool/).fill('Written in the first tab.');
  await second.getByLabel(/Think of an AI tool/).fill('Written in the second tab.');
  await first.getByRole('button', { name: 'Save my answer' }).click();
  await first.getByText('Your answer is saved in this browser.').waitFor();
  await second.getByRole('button', { name: 'Save my answer' }).click();
  await second.getByText('Your answer is saved in this browser.').waitFor();
  const record = await storedRecord(first);
  const answer = record.progress['what-ai-is'].reflections['first-encounter'];
  assert.equal(answer.text, 'Written in the second tab.');
  assert.deepEqual(answer.earlier_versions.map((v) => v.text), ['Written in the first tab.']);
  assert.equal(record.progress['what-ai-is'].attempts.length, 1);
  assert.equal(record.progress['ai-limitations'].attempts.length, 1);
  assert.deepEqual([...first.problems, ...second.problems], []);
  await context.close();
});

test('a record saved in the oldest format loads, migrated, with every record still there', async () => {
  const v1 = await readFile(new URL('../fixtures/record-v1.json', import.meta.url), 'utf8');
  const context = await browser.newContext();
  const page = await openPage(context);
  await page.goto(`${server.base}/`);
  await appReady(page);
  await page.evaluate((text) => localStorage.setItem('praxis.record', text), v1.trim());
  await page.goto(`${server.base}/modules/what-ai-is`);
  await page.getByText('Completed on 2026-11-22, adding 9 minutes of CPD.').waitFor();
  // The next save writes the current format and keeps every completion.
  await page.getByLabel(/Think of an AI tool/).fill('After the upgrade.');
  await page.getByRole('button', { name: 'Save my answer' }).click();
  await page.getByText('Your answer is saved in this browser.').waitFor();
  const record = await stored(page);
  assert.equal(record.schema_version, 3);
  assert.deepEqual(Object.keys(record.record.completions).sort(), ['retired-module', 'what-ai-is']);
  assert.equal(record.record.completions['what-ai-is'].minutes, 9);
  assert.deepEqual(page.problems, []);
  await context.close();
});

// Nothing a learner records is ever lost: offline use, a full store, a
// failing write, corrupted and set-aside data, two tabs at once, a tab left
// open while a newer version saves, the browser killed just after "saved",
// the app stopping after a fault, and data from the oldest format.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp, cp } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';
import { serveDist, launchBrowser, openPage, appReady, completeWhatAiIs, controlledByServiceWorker, stored, storedRecord, storedText, dist } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const CURRENT_FORMAT = 4;

test('after one visit the app and every module work offline, with recorded data intact', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await page.goto(`${server.base}/`);
  await appReady(page);
  await controlledByServiceWorker(page);
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

  // The browser refuses the write as it does when the origin's quota is used
  // up. (Chromium's DevTools quota override does not bind IndexedDB writes
  // in headless mode, so the refusal is injected where the browser raises it.)
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    window.restorePut = () => { IDBObjectStore.prototype.put = put; };
    IDBObjectStore.prototype.put = function (value, key) {
      if (key === 'record') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.call(this, value, key);
    };
  });
  await reflection.fill('My second, longer answer that there is no longer room to save.');
  await page.getByRole('button', { name: 'Save my answer' }).click();
  await page.getByRole('alert').getByText("Your browser's storage for Praxis is full").waitFor();
  await page.getByText('Your answer is still here.').waitFor();
  assert.equal(await reflection.inputValue(), 'My second, longer answer that there is no longer room to save.');
  assert.deepEqual(await stored(page), before, 'the saved record is untouched');

  // Once there is room again, the same answer saves.
  await page.evaluate(() => window.restorePut());
  await page.getByRole('button', { name: 'Save my answer' }).click();
  await page.getByText('Your answer is saved in this browser.').waitFor();
  await page.reload();
  assert.equal(await page.getByLabel(/Think of an AI tool/).inputValue(), 'My second, longer answer that there is no longer room to save.');
  await context.close();
});

test('a write that fails for any reason changes nothing and says so', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await page.goto(`${server.base}/modules/what-ai-is`);
  await appReady(page);
  const check = page.locator('form.check').first();
  await check.locator('input').first().check();
  await check.getByRole('button', { name: 'Check my answer' }).click();
  await page.getByText('1 of 3 answered').waitFor();
  const before = await stored(page);

  // The record's write step throws, as a browser might for any reason.
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (value, key) {
      if (key === 'record') throw new DOMException('Injected failure', 'InvalidStateError');
      return put.call(this, value, key);
    };
  });
  const second = page.locator('form.check').nth(1);
  await second.locator('input').first().check();
  await second.getByRole('button', { name: 'Check my answer' }).click();
  await page.getByRole('alert').getByText(/Saving failed, so your latest change is not kept: .*Injected failure/).waitFor();
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
  await storedText(page, 'put', 'record', garbage);
  await page.reload();
  await page.getByRole('alert').getByText('could not be read').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /^Download the data set aside on/ }).click(),
  ]);
  assert.equal(await readFile(await download.path(), 'utf8'), garbage);

  await page.goto(`${server.base}/modules/what-ai-is`);
  const check = page.locator('form.check').first();
  await check.locator('input').nth(1).check();
  await check.getByRole('button', { name: 'Check my answer' }).click();
  await check.getByText('Your answer is right.').waitFor();
  // A check's answer is saved quietly: reload once it is in storage.
  for (let tries = 0; !(await storedRecord(page))?.progress?.['what-ai-is']?.attempts?.length; tries += 1) {
    assert.ok(tries < 100, 'the answer reached storage within 10 s');
    await page.waitForTimeout(100);
  }
  await page.reload();
  await page.getByText('1 of 3 answered').waitFor();
  // The set-aside copy is still kept after the fresh record was saved, until the learner deletes it.
  await page.getByRole('button', { name: /^Delete the data set aside on/ }).click();
  await page.getByRole('button', { name: /^Download the data set aside on/ }).waitFor({ state: 'detached' });
  await page.reload();
  await appReady(page);
  assert.equal(await page.getByRole('button', { name: /^Download the data set aside on/ }).count(), 0);
  assert.deepEqual(await storedText(page, 'keys'), ['record']);
  await context.close();
});

test('data an earlier version set aside comes along, can be imported back, then deleted', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await openPage(context);
  await page.goto(`${server.base}/`);
  await appReady(page);
  // Earlier versions set aside a record they could not read (one from a newer
  // version, say) under this key; this version reads it.
  const setAside = JSON.stringify({ schema_version: CURRENT_FORMAT, record: {
    cpd: [{ id: 'cpd-kept', entry_type: 'cpd', date: '2026-10-01', title: 'Course kept aside', method: 'course', hours: 2, created_at: '2026-10-01T09:00:00.000Z' }],
  } });
  await page.evaluate((text) => localStorage.setItem('praxis.unreadable.2026-11-30T10:00:00.000Z', text), setAside);
  await page.reload();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the data set aside on 30 November 2026' }).click(),
  ]);
  const file = join(await mkdtemp(join(tmpdir(), 'praxis-set-aside-')), 'set-aside.json');
  await writeFile(file, await readFile(await download.path()));

  await page.goto(`${server.base}/export`);
  await page.getByLabel('Backup file').setInputFiles(file);
  await page.getByText(/carries no checksum/).waitFor();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText(/^Imported: 1 added/).waitFor();
  assert.deepEqual((await storedRecord(page)).cpd.map((e) => e.title), ['Course kept aside']);

  await page.getByRole('button', { name: 'Delete the data set aside on 30 November 2026' }).click();
  await page.getByRole('button', { name: 'Download the data set aside on 30 November 2026' }).waitFor({ state: 'detached' });
  await page.reload();
  await appReady(page);
  assert.equal(await page.getByRole('button', { name: /^Download the data set aside/ }).count(), 0);
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('praxis.unreadable.')).length), 0);
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
    await page.getByText('1 of 3 answered').waitFor();
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

/** Waits until a service worker controls `page`. */

test('across an update, a tab left on the older version stops saving, says to reload, and overwrites nothing', async () => {
  // A copy of the build, so the test can ship "the next version" of it.
  const root = await mkdtemp(join(tmpdir(), 'praxis-versions-'));
  await cp(dist, root, { recursive: true });
  const versions = await serveDist(root);
  const context = await browser.newContext();
  const [older, newer] = [await openPage(context), await openPage(context)];
  await older.goto(`${versions.base}/modules/what-ai-is`);
  await appReady(older);
  await controlledByServiceWorker(older);
  await older.getByLabel(/Think of an AI tool/).fill('Saved while only one version was about.');
  await older.getByRole('button', { name: 'Save my answer' }).click();
  await older.getByText('Your answer is saved in this browser.').waitFor();

  // The next version is deployed: its service worker differs, so tab A is offered it and takes it.
  const worker = join(root, 'sw.js');
  await writeFile(worker, (await readFile(worker, 'utf8')).replace(/const CACHE = 'praxis-([0-9a-f]+)';/, "const CACHE = 'praxis-$1-next';"));
  await newer.goto(`${versions.base}/`);
  await appReady(newer);
  await newer.getByRole('status').getByText('A new version of Praxis is ready.').waitFor();
  await Promise.all([
    newer.waitForEvent('load'),
    newer.getByRole('button', { name: 'Reload with the new version' }).click(),
  ]);
  await appReady(newer);
  assert.ok(await newer.evaluate(async () => (await caches.keys()).some((name) => name.endsWith('-next'))), 'tab A runs the new version');

  // The new version migrates the record to its own format, saves, and tells
  // the other tabs (the format change itself is written here, as one build
  // of this code cannot carry two formats).
  const record = await storedRecord(newer);
  const newerText = JSON.stringify({ schema_version: CURRENT_FORMAT + 1, record: { ...record, a_field_from_the_future: [1, 2] } });
  await storedText(newer, 'put', 'record', newerText);
  await newer.evaluate((format) => localStorage.setItem('praxis.saved', `${format} ${new Date().toISOString()}`), CURRENT_FORMAT + 1);

  // Tab B, still running the old code, is told at once and saves nothing more.
  await older.getByRole('alert').getByText(/A newer version of Praxis has saved your record.*Reload the page/).waitFor();
  await older.getByLabel(/Think of an AI tool/).fill('Typed in the old tab afterwards.');
  await older.getByRole('button', { name: 'Save my answer' }).click();
  await older.getByText(/^Not saved\. .*Reload the page.* Your answer is still here\.$/).waitFor();
  const check = older.locator('form.check').first();
  await check.locator('input').first().check();
  await check.getByRole('button', { name: 'Check my answer' }).click();
  assert.equal(await storedText(newer, 'get'), newerText, 'the newer record is exactly as the newer version wrote it');
  assert.equal(await older.getByText('Your answer is saved in this browser.').count(), 0, 'read-only never claims a save');

  // This version, opened afresh on that record, keeps it read-only rather than setting it aside.
  const third = await openPage(await browser.newContext());
  await third.goto(`${versions.base}/`);
  await appReady(third);
  await storedText(third, 'put', 'record', newerText);
  await third.reload();
  await third.getByRole('alert').getByText(/A newer version of Praxis has saved your record/).waitFor();
  assert.equal(await third.getByRole('button', { name: /^Download the data set aside/ }).count(), 0);
  assert.equal(await storedText(third, 'get'), newerText);
  await third.context().close();
  await context.close();
  await versions.close();
});

test('a tab of the version before IndexedDB, left open, still has its later saves merged in', async () => {
  const context = await browser.newContext();
  const [current, old] = [await openPage(context), await openPage(context)];
  await current.goto(`${server.base}/modules/what-ai-is`);
  await appReady(current);
  await current.getByLabel(/Think of an AI tool/).fill('Saved by this version.');
  await current.getByRole('button', { name: 'Save my answer' }).click();
  await current.getByText('Your answer is saved in this browser.').waitFor();
  // The old version saved its whole (stale) record to localStorage, with one new CPD entry.
  await old.goto(`${server.base}/`);
  await appReady(old);
  const staleRecord = { cpd: [{ id: 'cpd-old-tab', entry_type: 'cpd', date: '2026-11-30', title: 'Logged in the old tab', method: 'course', hours: 1, created_at: '2026-11-30T09:00:00.000Z' }] };
  await old.evaluate((text) => localStorage.setItem('praxis.record', text), JSON.stringify({ schema_version: CURRENT_FORMAT, record: staleRecord }));
  await current.waitForFunction(() => localStorage.getItem('praxis.record') === null);
  const record = await storedRecord(current);
  assert.deepEqual(record.cpd.map((e) => e.title), ['Logged in the old tab']);
  assert.equal(record.progress['what-ai-is'].reflections['first-encounter'].text, 'Saved by this version.');
  await context.close();
});

/** Starts Chromium on `profile` with a DevTools port; resolves to { browser, process }. */
async function launchOnProfile(profile) {
  const child = spawn(process.env.CHROMIUM ?? '/usr/bin/chromium', [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank',
  ], { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  const endpoint = await new Promise((resolve, reject) => {
    let seen = '';
    child.stderr.on('data', (chunk) => {
      seen += chunk;
      const match = seen.match(/DevTools listening on (ws:\/\/\S+)/);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`chromium exited (${code}) before it listened: ${seen}`)));
  });
  return { browser: await chromium.connectOverCDP(endpoint), process: child };
}

test('a reflection reported saved survives the browser being killed 300 ms later', async () => {
  const profile = await mkdtemp(join(tmpdir(), 'praxis-profile-'));
  const text = `Written just before the phone killed the browser, ${Date.now()}.`;
  let { browser: running, process: chromiumProcess } = await launchOnProfile(profile);
  let page = await openPage(running.contexts()[0]);
  await page.goto(`${server.base}/modules/what-ai-is`);
  await appReady(page);
  await page.getByLabel(/Think of an AI tool/).fill(text);
  await page.getByRole('button', { name: 'Save my answer' }).click();
  await page.getByText('Your answer is saved in this browser.').waitFor();
  await new Promise((resolve) => setTimeout(resolve, 300));
  process.kill(-chromiumProcess.pid, 'SIGKILL');
  await new Promise((resolve) => chromiumProcess.once('exit', resolve));

  ({ browser: running, process: chromiumProcess } = await launchOnProfile(profile));
  page = await openPage(running.contexts()[0]);
  await page.goto(`${server.base}/modules/what-ai-is`);
  await appReady(page);
  assert.equal(await page.getByLabel(/Think of an AI tool/).inputValue(), text);
  await running.close();
  process.kill(-chromiumProcess.pid, 'SIGKILL');
});

test('a fault after start-up is reported plainly, and nothing saved is lost', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await page.goto(`${server.base}/modules/what-ai-is`);
  await appReady(page);
  await page.getByLabel(/Think of an AI tool/).fill('Saved before the fault.');
  await page.getByRole('button', { name: 'Save my answer' }).click();
  await page.getByText('Your answer is saved in this browser.').waitFor();
  // A real Rust panic inside the running app, outside any caller that could catch it.
  await page.evaluate(async () => {
    const app = await import(document.getElementById('praxis-boot').dataset.js);
    setTimeout(() => app.praxisPanicForTests(), 0);
  });
  const banner = page.getByRole('alert').filter({ hasText: 'Praxis stopped working' });
  await banner.getByText(/nothing that Praxis said was saved has been lost/).waitFor();
  await banner.getByRole('button', { name: 'Reload Praxis' }).click();
  await appReady(page);
  assert.equal(await page.getByLabel(/Think of an AI tool/).inputValue(), 'Saved before the fault.');
  assert.equal(await page.locator('#stopped-banner').count(), 0);
  await context.close();
});

test('a record saved in the oldest format loads, migrated, with every record still there', async () => {
  const v1 = await readFile(new URL('../fixtures/record-v1.json', import.meta.url), 'utf8');
  const context = await browser.newContext();
  const page = await openPage(context);
  await page.goto(`${server.base}/`);
  await appReady(page);
  // Before IndexedDB, Praxis kept the record in localStorage: it is brought across once.
  await page.evaluate((text) => localStorage.setItem('praxis.record', text), v1.trim());
  await page.goto(`${server.base}/modules/what-ai-is`);
  await page.getByText('Completed on 22 November 2026, adding 9 minutes of CPD.').waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('praxis.record')), null, 'moved, not copied');
  // The next save writes the current format and keeps every completion.
  await page.getByLabel(/Think of an AI tool/).fill('After the upgrade.');
  await page.getByRole('button', { name: 'Save my answer' }).click();
  await page.getByText('Your answer is saved in this browser.').waitFor();
  const record = await stored(page);
  assert.equal(record.schema_version, CURRENT_FORMAT);
  assert.deepEqual(Object.keys(record.record.completions).sort(), ['retired-module', 'what-ai-is']);
  assert.equal(record.record.completions['what-ai-is'].minutes, 9);
  assert.deepEqual(page.problems, []);
  await context.close();
});

// Exports leaving and coming back: an employer combines 50 staff files
// (some broken) into a matrix, a learner imports a backup without losing
// anything, and the portfolio prints as a portfolio.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, copyFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { serveDist, launchBrowser, openPage, appReady, sampleBackups, storeRecord, storedRecord } from './harness.mjs';

const hostile = fileURLToPath(new URL('../hostile_imports/', import.meta.url));

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

test('an employer drops 50 staff files, some broken, and gets a correct matrix', async () => {
  const staff = sampleBackups(45);
  const dir = dirname(staff[0]);
  // One learner exported twice: the newer file counts, the older is a duplicate.
  const older = JSON.parse(await readFile(staff[0], 'utf8'));
  older.exported_at = '2026-01-01T00:00:00.000Z';
  delete older.record.completions['what-ai-is'];
  const olderText = JSON.stringify(older);
  await writeFile(join(dir, 'staff-001-older.json'), olderText);
  // Edited after export: still counted, flagged as modified.
  const edited = (await readFile(staff[1], 'utf8')).replace('"minutes": ', '"minutes": 1');
  await writeFile(join(dir, 'staff-002-edited.json'), edited);
  const broken = ['truncated-in-string.json', 'deep-nesting-20000.json', 'script-in-title.json', 'formula-cells.csv'];
  for (const name of broken) await copyFile(join(hostile, name), join(dir, name));
  const files = [...staff.slice(2), join(dir, 'staff-002-edited.json'), staff[0], join(dir, 'staff-001-older.json'),
    ...broken.map((name) => join(dir, name))];
  assert.equal(files.length, 50);

  const expected = await Promise.all(staff.map(async (path) => JSON.parse(await readFile(path, 'utf8')).record));
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await openPage(context);
  await page.goto(`${server.base}/employer`);
  await appReady(page);
  await page.getByLabel('Add staff files (you can also drop them here)').setInputFiles(files);
  await page.getByText('50 file(s): 45 with no change found, 2 may be changed, 2 invalid, 1 duplicate, 0 clash.').waitFor();

  const row = (file) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: file, exact: true }) });
  await row('truncated-in-string.json').getByText('The file ends too soon').waitFor();
  await row('deep-nesting-20000.json').getByText('nests too deeply').waitFor();
  await row('staff-002-edited.json').getByText('changed after it was exported').waitFor();
  await row('staff-001-older.json').getByText('a newer export, which is counted').waitFor();
  assert.equal(await row('script-in-title.json').getByText('No change found').count(), 1);
  assert.equal(await page.locator('script:not([src]), img[onerror]').count(), 0, 'hostile text stays text');

  // 44 samples + the script-in-title learner + the spreadsheet learner, counted once each.
  const matrix = page.getByRole('region', { name: 'Completion by learner' });
  await page.getByText('47 learner(s) shown.').waitFor();
  const first = expected[0];
  const firstRow = matrix.getByRole('row').filter({ has: page.getByRole('rowheader', { name: first.profile.name }) });
  assert.ok(await firstRow.count() >= 1);
  const completedOn = first.completions['what-ai-is'].completed_at.slice(0, 10);
  await firstRow.first().getByText(`on ${completedOn}`).first().waitFor();

  // Filter by profession: the count matches the files.
  // Every sample is counted once, plus the two hostile learners, who are nurses.
  const nurses = expected.filter((r) => r.profile.profession === 'nursing').length + 2;
  await page.getByLabel('Profession', { exact: true }).selectOption('nursing');
  await page.getByText(`${nurses} learner(s) shown.`).waitFor();
  await page.getByLabel('Profession', { exact: true }).selectOption('');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download roll-up (CSV)' }).click(),
  ]);
  const csv = await readFile(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\ufeffStaff number,Name,'));
  assert.ok(!/(^|,)[=+\-@]/m.test(csv.replace(/\r\n/g, '\n')), 'no live formula cells');
  assert.equal(new Set(csv.split('\r\n').slice(1, -1).map((line) => line.split(',')[0])).size, 47);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a learner imports a backup: plan first, conflicts chosen, nothing lost, twice is a no-op', async () => {
  const [path] = sampleBackups(1, { prefix: 'mine' });
  const backup = JSON.parse(await readFile(path, 'utf8'));
  const context = await browser.newContext();
  const page = await openPage(context);
  await page.goto(`${server.base}/export`);
  await appReady(page);
  // This browser already holds one of the file's CPD entries, changed, and one of its own.
  const mine = structuredClone(backup.record);
  mine.completions = {};
  mine.progress = {};
  mine.cpd = [{ ...backup.record.cpd[0], hours: 99 }, { ...backup.record.cpd[1], id: 'only-here' }];
  await storeRecord(page, mine);

  const hostileFile = join(hostile, 'unknown-record-field.json');
  await page.getByLabel('Backup file').setInputFiles(hostileFile);
  await page.getByRole('alert').getByText('unknown-record-field.json cannot be imported.').waitFor();
  await page.getByRole('alert').getByText('Nothing has changed.').waitFor();

  await page.getByLabel('Backup file').setInputFiles(path);
  await page.getByText(/shows no change since it was exported/).waitFor();
  // Dates are shown as UK readers write them: "2 December 2026".
  const shownDate = new Date(backup.record.cpd[0].date).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const conflict = page.getByRole('group', { name: `CPD entry “${backup.record.cpd[0].title}” (${shownDate})` });
  assert.equal(await conflict.getByLabel('Keep both').isChecked(), true, 'keep both by default');
  await conflict.getByLabel('Use the one in the file').check();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText(/^Imported: \d+ added, \d+ combined, 1 conflict resolved as you chose\.$/).waitFor();

  const stored = await storedRecord(page);
  assert.equal(stored.cpd.find((e) => e.id === backup.record.cpd[0].id).hours, backup.record.cpd[0].hours);
  assert.ok(stored.cpd.some((e) => e.id === 'only-here'), 'what only this browser had is kept');
  assert.equal(stored.cpd.length, backup.record.cpd.length + 1);
  assert.deepEqual(Object.keys(stored.completions).sort(), Object.keys(backup.record.completions).sort());

  await page.getByLabel('Backup file').setInputFiles(path);
  await page.getByText(/shows no change since it was exported/).waitFor();
  await page.getByText('Everything in this file is already here: importing it changes nothing.').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled(), true);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the portfolio lays out an NMC cycle and prints without the app around it', async () => {
  const backup = JSON.parse(await readFile(new URL('../fixtures/backup-nmc-ready.json', import.meta.url), 'utf8'));
  // axe is injected as a script, which the app's CSP would rightly block.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await openPage(context);
  await page.goto(`${server.base}/portfolio`);
  await appReady(page);
  await page.evaluate((text) => localStorage.setItem('praxis.record', text), JSON.stringify({ schema_version: 2, record: backup.record }));
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Revalidation portfolio' }).waitFor();
  for (const section of ['CPD activity', 'Reflective account', 'Practice-related feedback']) {
    await page.getByRole('heading', { level: 2, name: section, exact: true }).waitFor();
  }
  await page.getByText('Everything Praxis can check is in place').waitFor();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).isVisible(), false);
  assert.equal(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible(), false);
  assert.equal(await page.getByRole('heading', { level: 2, name: 'CPD activity', exact: true }).isVisible(), true);
  // The printed page is checked as printed.
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  const { violations } = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  assert.deepEqual(violations.map((v) => `${v.id}: ${v.help}`), []);
  assert.deepEqual(page.problems, []);
  await context.close();
});

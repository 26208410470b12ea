// Exports leaving and coming back: an employer combines 50 staff files
// (some broken) into a matrix, a learner imports a backup without losing
// anything, and the portfolio prints as a portfolio.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, copyFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { serveDist, launchBrowser, openPage, appReady, sampleBackups, storeRecord, storedRecord, storedText, learnersShown } from './harness.mjs';

const ukDay = (text) => new Date(text.slice(0, 10)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const hostile = fileURLToPath(new URL('../hostile_imports/', import.meta.url));

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

// Files are checked in Web Workers (web::file_checks) when the browser can
// start them, else on the page: both must give the same matrix, so the
// test runs with the workers and with their script refused.
test('an employer drops 51 staff files, some broken, and gets a correct matrix, with or without workers', async () => {
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
  const broken = ['truncated-in-string.json', 'deep-nesting-20000.json', 'binary-junk.json', 'script-in-title.json', 'formula-cells.csv'];
  for (const name of broken) await copyFile(join(hostile, name), join(dir, name));
  const files = [...staff.slice(2), join(dir, 'staff-002-edited.json'), staff[0], join(dir, 'staff-001-older.json'),
    ...broken.map((name) => join(dir, name))];
  assert.equal(files.length, 51);

  const expected = await Promise.all(staff.map(async (path) => JSON.parse(await readFile(path, 'utf8')).record));
  const withWorkers = await rollUp(files, expected, { blockWorkers: false });
  const onThePage = await rollUp(files, expected, { blockWorkers: true });
  assert.equal(onThePage, withWorkers, 'the page alone finds what the workers find');
});

/** Rolls `files` up on /employer, checks what it shows, and returns the CSV it downloads. */
async function rollUp(files, expected, { blockWorkers }) {
  // No service worker, so that the route below sees the worker's request.
  const context = await browser.newContext({ acceptDownloads: true, serviceWorkers: 'block' });
  if (blockWorkers) await context.route('**/praxis-file-checker*', (route) => route.abort());
  const page = await openPage(context);
  const workers = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto(`${server.base}/employer`);
  await appReady(page);
  await page.getByLabel('Add staff files (you can also drop them here)').setInputFiles(files);
  await page.getByText('51 files: 45 with no change found, 2 may be changed, 3 invalid, 1 duplicate, 0 clash.').waitFor();

  const row = (file) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: file, exact: true }) });
  await row('truncated-in-string.json').getByText('The file ends too soon').waitFor();
  await row('deep-nesting-20000.json').getByText('nests too deeply').waitFor();
  // Not UTF-8: named as such, as praxis-cli does, not read with replacement characters.
  await row('binary-junk.json').getByText('The file is not UTF-8 text (byte 4 is not)').waitFor();
  await row('staff-002-edited.json').getByText('changed after it was exported').waitFor();
  await row('staff-001-older.json').getByText('a newer export, which is counted').waitFor();
  assert.equal(await row('script-in-title.json').getByText('No change found').count(), 1);
  assert.equal(await page.locator('script:not([src]), img[onerror]').count(), 0, 'hostile text stays text');

  // 44 samples + the script-in-title learner + the spreadsheet learner, counted once each.
  const matrix = page.getByRole('region', { name: 'Completion by learner' });
  await page.getByText('47 learners shown.').waitFor();
  // The learner counted from the edited file is flagged on their row too.
  await matrix.getByText('! From staff-002-edited.json, which may be changed').waitFor();
  const first = expected[0];
  const firstRow = matrix.getByRole('row').filter({ has: page.getByRole('rowheader', { name: first.profile.name }) });
  assert.ok(await firstRow.count() >= 1);
  const completedOn = ukDay(first.completions['what-ai-is'].completed_at);
  assert.ok(await firstRow.first().getByText(`done ${completedOn}`).count() >= 1);

  // Filter by profession: the count matches the files.
  // Every sample is counted once, plus the two hostile learners, who are nurses.
  const nurses = expected.filter((r) => r.profile.profession === 'nursing').length + 2;
  await page.getByLabel('Profession', { exact: true }).selectOption('nursing');
  await page.getByText(learnersShown(nurses)).waitFor();
  await page.getByLabel('Profession', { exact: true }).selectOption('');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download roll-up (CSV)' }).click(),
  ]);
  const csv = await readFile(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\ufeffStaff number,Name,'));
  assert.ok(!/(^|,)[=+\-@]/m.test(csv.replace(/\r\n/g, '\n')), 'no live formula cells');
  assert.equal(new Set(csv.split('\r\n').slice(1, -1).map((line) => line.split(',')[0])).size, 47);
  if (blockWorkers) {
    assert.ok(page.problems.every((problem) => /praxis-file-checker|Failed to load resource/.test(problem)), page.problems.join('\n'));
  } else {
    assert.ok(workers.some((url) => url.endsWith('/praxis-file-checker_loader.js')), `workers started: ${workers}`);
    assert.deepEqual(page.problems, []);
  }
  await context.close();
  return csv;
}

test('the ASC-WDS file: without the workplace reference nothing is saved and the field says why; with it, the file', async () => {
  const paths = sampleBackups(3, { prefix: 'ascwds' });
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await openPage(context);
  let downloads = 0;
  page.on('download', () => { downloads += 1; });
  await page.goto(`${server.base}/employer`);
  await appReady(page);
  await page.getByLabel('Add staff files (you can also drop them here)').setInputFiles(paths);
  await page.getByText('3 files: 3 with no change found').waitFor();
  const reference = page.getByLabel("Your workplace's reference in ASC-WDS (LOCALESTID)");
  const button = page.getByRole('button', { name: 'Download training file for ASC-WDS (CSV)' });

  await button.click();
  const error = page.locator('#asc-wds-establishment-error');
  await error.waitFor();
  assert.match(await error.textContent(), /Enter your workplace's reference as ASC-WDS shows it: ASC-WDS says LOCALESTID has not been supplied\./);
  assert.equal(await reference.getAttribute('aria-invalid'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'asc-wds-establishment', 'focus goes to the field');
  assert.equal(downloads, 0, 'nothing is saved without the reference');

  await reference.fill('J1234567');
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const training = await readFile(await file.path(), 'utf8');
  assert.ok(training.startsWith('LOCALESTID,UNIQUEWORKERID,'), training.slice(0, 80));
  assert.ok(training.includes('\r\nJ1234567,'), 'every row carries the reference');
  await page.getByText(/^Saved praxis-asc-wds-training-\d{4}-\d{2}-\d{2}\.csv\.$/).waitFor();
  assert.equal(await error.count(), 0, 'the error is gone once the file is saved');
  assert.deepEqual(page.problems, []);
  await context.close();
});

// As src/domain/competence.rs shifts months: the same day, or the month's last.
function shiftMonths(day, months) {
  const index = day.getUTCFullYear() * 12 + day.getUTCMonth() + months;
  const year = Math.floor(index / 12), month = index % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(day.getUTCDate(), last)));
}

// Where a learner stands on a module on `today`, as the manager's matrix says it.
function standing(record, module, months, today) {
  const completion = record.completions[module];
  if (!completion) return 'todo';
  const expiry = shiftMonths(new Date(completion.completed_at.slice(0, 10)), months);
  if (expiry < today) return 'expired';
  return (expiry - today) / 86400000 <= 60 ? 'due-soon' : 'current';
}

test('a manager\'s staff files survive a reload and other pages; kept past the tab only if chosen; cleared for good', async () => {
  const paths = sampleBackups(3, { prefix: 'kept' });
  const context = await browser.newContext();
  const page = await openPage(context);
  await page.goto(`${server.base}/employer`);
  await appReady(page);
  const keep = page.getByLabel('Keep these files in this browser after I close this tab');
  assert.equal(await keep.isChecked(), false, 'colleagues\' records are not kept past the tab unless asked');
  // A period typed as words is named beside the field, never read as the default.
  const period = page.getByLabel('A completion counts for (months)');
  await period.fill('two years');
  await page.locator('#refresh-months-error', { hasText: 'Enter a whole number of months from 1 to 1200, such as 36' }).waitFor();
  assert.equal(await period.getAttribute('aria-invalid'), 'true');
  assert.equal(await period.getAttribute('aria-describedby'), 'refresh-months-hint refresh-months-error');
  await period.fill('24');
  assert.equal(await page.locator('#refresh-months-error').count(), 0);
  // A file that is not text is kept with the reason it could not be read, which a recheck repeats.
  await page.getByLabel('Add staff files (you can also drop them here)').setInputFiles([...paths, join(hostile, 'binary-junk.json')]);
  await page.getByText('4 files: 3 with no change found').waitFor();
  const notText = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'binary-junk.json', exact: true }) })
    .getByText('The file is not UTF-8 text (byte 4 is not)');
  await notText.waitFor();

  // A reload, and a visit to another page and back, show the same files, checked against the same period.
  await page.reload();
  await appReady(page);
  await page.getByText(/^Showing 4 files you added on \d+ \w+ \d{4} again\. They are kept until you close this tab\.$/).waitFor();
  await page.getByText('4 files: 3 with no change found').waitFor();
  await notText.waitFor();
  assert.equal(await page.getByLabel('A completion counts for (months)').inputValue(), '24');
  await page.getByRole('link', { name: 'Modules' }).first().click();
  // The catalogue's prerendered text shows before the learners' app has
  // loaded; Chromium ignores Back until then, so go back from the app.
  await page.getByRole('heading', { level: 1, name: 'Modules' }).waitFor();
  await appReady(page);
  await page.waitForLoadState('load');
  await page.goBack();
  await page.getByText('4 files: 3 with no change found').waitFor();

  // Another tab (its own session) does not get them, and they are gone from the browser.
  const other = await openPage(context);
  await other.goto(`${server.base}/employer`);
  await appReady(other);
  await other.getByLabel('Add staff files (you can also drop them here)').waitFor();
  await other.waitForTimeout(300);
  assert.equal(await other.getByText('4 files:').count(), 0);
  assert.equal(await storedText(other, 'get', 'praxis.employer.files'), null);

  // Kept in the browser when the manager ticks the box: a new tab shows them.
  await page.getByRole('button', { name: 'Clear all files' }).click();
  await page.getByText('All files were cleared from this page and this browser.').waitFor();
  await page.getByLabel('Add staff files (you can also drop them here)').setInputFiles(paths.slice(0, 2));
  await page.getByText('2 files: 2 with no change found').waitFor();
  await keep.check();
  await expectStored(page, (text) => text && JSON.parse(text).until === 'cleared');
  const third = await openPage(context);
  await third.goto(`${server.base}/employer`);
  await appReady(third);
  await third.getByText(/kept in this browser until you press “Clear all files”/).waitFor();
  await third.getByText('2 files: 2 with no change found').waitFor();

  // Clear all files forgets them here and in the browser.
  await third.getByRole('button', { name: 'Clear all files' }).click();
  await third.getByText('All files were cleared from this page and this browser.').waitFor();
  assert.equal(await storedText(third, 'get', 'praxis.employer.files'), null);
  await third.reload();
  await appReady(third);
  await third.waitForTimeout(300);
  assert.equal(await third.getByText('2 files:').count(), 0);
  for (const p of [page, other, third]) assert.deepEqual(p.problems, []);
  await context.close();
});

async function expectStored(page, accept) {
  for (let tries = 0; tries < 50; tries += 1) {
    if (accept(await storedText(page, 'get', 'praxis.employer.files'))) return;
    await page.waitForTimeout(100);
  }
  assert.fail('the staff files were not kept as chosen');
}

const CORE = ['what-ai-is', 'ai-limitations', 'automation-bias-and-checking', 'data-protection-basics',
  'accountability-and-liability', 'reporting-ai-errors'];

for (const [size, viewport] of Object.entries({ desktop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } })) {
  test(`a ward manager reads 22 staff files at a glance (${size})`, async () => {
    const paths = sampleBackups(22, { prefix: `ward-${size}` });
    const records = await Promise.all(paths.map(async (path) => JSON.parse(await readFile(path, 'utf8')).record));
    // Today is 30 days before the latest "What AI is" completion expires, so that one is due soon.
    const latest = records.filter((r) => r.completions['what-ai-is'])
      .reduce((a, b) => (a.completions['what-ai-is'].completed_at > b.completions['what-ai-is'].completed_at ? a : b));
    const latestOn = new Date(latest.completions['what-ai-is'].completed_at.slice(0, 10));
    const today = new Date(shiftMonths(latestOn, 36).getTime() - 30 * 86400000);
    const needsAction = (modules, months) => records.filter((r) => modules.some((m) => standing(r, m, months, today) !== 'current'));
    const count = (state, modules, months) => records.reduce((n, r) => n + modules.filter((m) => standing(r, m, months, today) === state).length, 0);

    // axe is injected as a script, which the app's CSP would rightly block.
    const context = await browser.newContext({ viewport, bypassCSP: true });
    const page = await openPage(context);
    await page.clock.setFixedTime(new Date(today.getTime() + 12 * 3600000));
    await page.goto(`${server.base}/employer`);
    await appReady(page);
    await page.getByLabel('Add staff files (you can also drop them here)').setInputFiles(paths);
    await page.getByText('22 files: 22 with no change found, 0 may be changed, 0 invalid, 0 duplicate, 0 clash.').waitFor();
    await page.getByText('22 learners shown.').waitFor();
    const matrix = page.getByRole('region', { name: 'Completion by learner' });

    // A sensible set is required at first, not every module.
    assert.equal(await matrix.getByRole('columnheader').count(), CORE.length + 1);
    // Due soon, expired and not done are each their own word, not one red.
    assert.ok(count('due-soon', CORE, 36) >= 1);
    assert.equal(await matrix.locator('td.cell--due-soon').count(), count('due-soon', CORE, 36));
    assert.equal(await matrix.locator('td.cell--expired').count(), count('expired', CORE, 36));
    assert.equal(await matrix.locator('td.cell--current').count(), count('current', CORE, 36));
    const latestRow = matrix.getByRole('row').filter({ has: page.getByRole('rowheader', { name: latest.profile.name }) });
    const whatAiIs = latestRow.getByRole('cell', { name: /^Due soon/ }).filter({ hasText: `done ${ukDay(latest.completions['what-ai-is'].completed_at)}` });
    assert.ok(await whatAiIs.count() >= 1);
    assert.equal(await whatAiIs.first().getAttribute('class'), 'cell cell--due-soon');
    for (const cell of await matrix.locator('td.cell--expired').all()) assert.match(await cell.innerText(), /Expired/);
    for (const cell of await matrix.locator('td.cell--not-started').all()) assert.match(await cell.innerText(), /Not done/);

    // Names and module titles stay in view as the table scrolls inside its own box.
    const stick = (locator) => locator.evaluate((e) => getComputedStyle(e).position);
    assert.equal(await stick(matrix.getByRole('columnheader').nth(1)), 'sticky');
    assert.equal(await stick(matrix.getByRole('rowheader').first()), 'sticky');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the page itself does not scroll sideways');

    // Only those who need action, most to do first.
    const acting = needsAction(CORE, 36);
    await page.getByLabel('Only staff who need action').check();
    await page.getByText(learnersShown(acting.length)).waitFor();
    await page.getByLabel('Sort by').selectOption('outstanding');
    const outstanding = (r) => CORE.filter((m) => standing(r, m, 36, today) !== 'current').length;
    const most = Math.max(...acting.map(outstanding));
    const firstName = (await matrix.locator('tbody th[scope="row"]').first().innerText()).split('\n')[0].trim();
    assert.equal(outstanding(records.find((r) => r.profile.name === firstName)), most);
    await page.getByLabel('Only staff who need action').uncheck();
    await page.getByText('22 learners shown.').waitFor();

    // Select none, then just one module: its total is a percentage, with the numbers.
    await page.locator('summary', { hasText: 'Choose the required modules' }).click();
    await page.getByRole('button', { name: 'Select none' }).click();
    await page.getByText('No modules are required: choose some above.').waitFor();
    assert.equal(await matrix.getByRole('columnheader').count(), 1);
    await page.getByLabel('What AI is, and what it is not').check();
    const total = matrix.locator('tfoot td');
    const expectTotal = async (months) => {
      const done = records.filter((r) => ['current', 'due-soon'].includes(standing(r, 'what-ai-is', months, today))).length;
      await total.getByText(`${Math.floor((done * 100) / 22)}%`, { exact: true }).waitFor();
      await total.getByText(`${done} of 22`, { exact: true }).waitFor();
    };
    await expectTotal(36);
    assert.equal(await total.locator('svg.bar').count(), 1);

    // A longer refresh period re-checks the files already added.
    await page.getByLabel('A completion counts for (months)').fill('48');
    await latestRow.getByRole('cell', { name: /^Done/ }).waitFor();
    await expectTotal(48);
    await page.getByLabel('Only staff who need action').check();
    await page.getByText(learnersShown(needsAction(['what-ai-is'], 48).length)).waitFor();
    await page.getByText('22 files: 22 with no change found').waitFor();

    await page.getByRole('button', { name: 'Select all' }).click();
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
    const { violations } = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`), []);
    assert.deepEqual(page.problems, []);
    await context.close();
  });
}

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

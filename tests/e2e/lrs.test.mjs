// Statements sent to a real learning record store, and read back from it:
// Ralph behind nginx (TLS, CORS) on loopback, started once for every case
// (tests/e2e/lrs.mjs). From /export: every statement arrives once, sending
// again adds nothing, a changed record voids what it replaced, and a wrong
// password or an LRS that does not answer gives the message the page
// promises. From `praxis-cli send`: many backups, a broken one refused, the
// same counts read back, and the same failures named.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, launchBrowser, openPage, appReady, storeRecord, storedRecord } from './harness.mjs';
import { startLrs, freePort } from './lrs.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const VOIDED = 'http://adlnet.gov/expapi/verbs/voided';
const REFUSED = 'The learning record store refused the username or password.';
const UNREACHABLE = 'The learning record store could not be reached, or it did not allow this page to send to it. An LRS '
  + 'must allow cross-origin requests (CORS) from this address; ask its administrator, or download the statements '
  + 'and upload them there instead.';

let server, lrs, browser, cli, dir;
const timings = {};

before(async () => {
  execFileSync('cargo', ['build', '--quiet', '--features', 'cli', '--bin', 'praxis-cli'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  cli = join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'debug', 'praxis-cli');
  dir = mkdtempSync(join(tmpdir(), 'praxis-lrs-test-'));
  server = await serveDist();
  const started = Date.now();
  lrs = await startLrs({ origin: server.base });
  timings.lrsStart = Date.now() - started;
  // The browser trusts the LRS's throwaway certificate, by its key, and no other bad certificate.
  browser = await launchBrowser({ args: [`--ignore-certificate-errors-spki-list=${lrs.spkiSha256}`] });
});
after(async () => {
  await browser?.close();
  await lrs?.stop();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  console.log(`# timings (ms): ${JSON.stringify(timings)}`);
});

/** A sampled learner's backup file (the same seed gives the same learner). */
function sampleBackup(seed, years) {
  const path = join(dir, `learner-${seed}.json`);
  writeFileSync(path, execFileSync(cli, ['sample', '--years', String(years), '--seed', String(seed), '--end', '2026-11-01']));
  return path;
}

/** What Ralph holds for the learner with `learnerId`, read back through GET /xAPI/statements. */
async function heldFor(learnerId) {
  return (await lrs.readAll()).filter((s) => s.actor?.account?.name === learnerId);
}

const ids = (statements) => statements.map((s) => s.id).sort();

/**
 * Fills the send form and presses Send; resolves to every statement posted
 * (in however many requests), the number of requests, and the message shown.
 */
async function sendFromPage(page, { endpoint = lrs.endpoint, password = lrs.password } = {}) {
  await page.getByLabel('LRS endpoint').fill(endpoint);
  await page.getByLabel('Key or username').fill(lrs.username);
  await page.getByLabel('Secret or password').fill(password);
  const requests = [];
  const record = (request) => {
    if (request.method() === 'POST' && request.url().startsWith(endpoint)) requests.push(request);
  };
  page.on('request', record);
  const first = page.waitForRequest((request) => request.method() === 'POST' && request.url().startsWith(endpoint));
  const started = Date.now();
  await page.getByRole('button', { name: 'Send statements' }).click();
  await first;
  // The page enables the button again as it shows the outcome (one step in src/web/pages/export.rs).
  await page.waitForFunction(() => !document.querySelector('form.form button[type=submit]').disabled);
  const ms = Date.now() - started;
  page.off('request', record);
  const message = await page.locator('p[role=status]').textContent();
  const statements = requests.flatMap((request) => JSON.parse(request.postData()));
  return { statements, requests: requests.length, message, ms };
}

/** Waits until the page has stored the ids it sent, as it does after a send the LRS accepted. */
async function exportedIds(page, count) {
  for (let tries = 0; tries < 100; tries += 1) {
    const exported = (await storedRecord(page)).xapi_exported ?? {};
    if (Object.keys(exported).length === count) return exported;
    await page.waitForTimeout(100);
  }
  throw new Error(`the record never held ${count} exported ids`);
}

test('statements sent from /export arrive once, again adds nothing, and a change voids what it replaced', async () => {
  const backup = JSON.parse(readFileSync(sampleBackup(11, 5), 'utf8'));
  const learnerId = backup.record.learner_id;
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await openPage(context);
  await page.goto(`${server.base}/export`);
  await appReady(page);
  await storeRecord(page, backup.record);
  await page.getByText('Send them to a learning record store').click();

  // What the page exports, downloaded, is what it posts and what the LRS holds: each once.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download xAPI statements (JSON)' }).click(),
  ]);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.ok(exported.length > 100, `a five-year career has many statements (${exported.length})`);
  assert.equal(exported.filter((s) => s.verb.id === VOIDED).length, 0, 'nothing was sent before, so nothing is voided');
  const first = await sendFromPage(page);
  timings.pageSend = first.ms;
  timings.statements = first.statements.length;
  assert.equal(first.message, `The learning record store accepted ${exported.length} statements.`);
  assert.deepEqual(ids(first.statements), ids(exported));
  assert.equal(first.requests, Math.ceil(exported.length / 100), 'sent in batches of 100');
  const held = await heldFor(learnerId);
  assert.equal(held.length, exported.length);
  assert.deepEqual(ids(held), ids(exported), 'every statement arrived, none twice');
  const stored = await exportedIds(page, exported.length);

  // Sending again: the same ids, which Ralph already holds; it stores nothing new.
  const again = await sendFromPage(page);
  assert.equal(again.message, `The learning record store accepted ${exported.length} statements.`);
  assert.deepEqual(ids(again.statements), ids(exported));
  assert.deepEqual(ids(await heldFor(learnerId)), ids(exported), 'sending again added nothing');

  // A changed record: one CPD entry's hours edited, another deleted. Both old statements are voided.
  const record = await storedRecord(page);
  const [changed, removed] = record.cpd.filter((entry) => entry.date <= '2026-11-01' && entry.hours > 0);
  assert.ok(changed && removed, 'the sample has two CPD entries to change');
  const replaced = [stored[`cpd:${changed.id}`], stored[`cpd:${removed.id}`]].sort();
  assert.ok(replaced.every((id) => held.some((s) => s.id === id)), 'the LRS holds what will be replaced');
  changed.hours += 1;
  record.cpd = record.cpd.filter((entry) => entry.id !== removed.id);
  await storeRecord(page, record);
  await page.getByText('Send them to a learning record store').click();
  const third = await sendFromPage(page);
  const voids = third.statements.filter((s) => s.verb.id === VOIDED);
  assert.deepEqual(voids.map((s) => s.object.id).sort(), replaced, 'exactly the replaced statements are voided');
  const fresh = third.statements.filter((s) => !ids(held).includes(s.id));
  assert.equal(fresh.length, 3, 'two voiding statements and the edited entry, nothing else new');
  assert.equal(third.message, `The learning record store accepted ${third.statements.length} statements.`);

  const after = await heldFor(learnerId);
  assert.equal(after.length, held.length + fresh.length);
  assert.deepEqual(ids(after), [...new Set([...ids(held), ...ids(fresh)])].sort(), 'every statement once');
  for (const id of replaced) {
    const voiding = after.filter((s) => s.verb.id === VOIDED && s.object.id === id);
    assert.equal(voiding.length, 1, `one voiding statement for ${id}`);
    assert.equal(voiding[0].object.objectType, 'StatementRef');
    assert.deepEqual(voiding[0].actor, held[0].actor, 'voided by the same learner');
  }
  const edited = after.find((s) => s.id === fresh.find((f) => f.verb.id !== VOIDED).id);
  assert.equal(edited.object.id, held.find((s) => s.id === stored[`cpd:${changed.id}`]).object.id, 'the same activity, restated');
  assert.equal(edited.result.duration, `PT${Math.round(changed.hours * 60)}M`);

  // A wrong password, then an LRS that does not answer: the promised messages, and nothing stored.
  const count = after.length;
  const wrong = await sendFromPage(page, { password: `${lrs.password}-wrong` });
  assert.equal(wrong.message, REFUSED);
  const unreachable = await sendFromPage(page, { endpoint: `https://127.0.0.1:${await freePort()}/xAPI` });
  assert.equal(unreachable.message, UNREACHABLE);
  assert.equal((await heldFor(learnerId)).length, count);
  // The failed requests are the only errors the page logged.
  assert.deepEqual(page.problems.filter((p) => !/Failed to load resource|ERR_CONNECTION_REFUSED|401/.test(p)), []);
  await context.close();
});

test('praxis-cli send pushes many backups, refuses a broken one, and names a refused password and a dead LRS', async () => {
  const files = [sampleBackup(21, 3), sampleBackup(22, 4)];
  const broken = join(dir, 'broken.json');
  writeFileSync(broken, readFileSync(files[0], 'utf8').slice(0, 2000)); // a download cut short
  const expected = files.map((file) => JSON.parse(execFileSync(cli, ['export', '--format', 'xapi', file], { encoding: 'utf8' })));
  const learners = files.map((file) => JSON.parse(readFileSync(file, 'utf8')).record.learner_id);
  const send = (args, password = lrs.password) => {
    const started = Date.now();
    const run = spawnSync(cli, ['send', '--endpoint', lrs.endpoint, '--user', lrs.username, '--password-env', 'PRAXIS_TEST_LRS_PASSWORD',
      '--ca-cert', lrs.ca, ...args], { encoding: 'utf8', env: { ...process.env, PRAXIS_TEST_LRS_PASSWORD: password } });
    return { ...run, ms: Date.now() - started };
  };

  const first = send([files[0], broken, files[1]]);
  timings.cliSend = first.ms;
  timings.cliStatements = expected[0].length + expected[1].length;
  assert.equal(first.status, 1, 'a file was not sent');
  // The reader's own words for the broken file, as `verify` prints them.
  const [, reason] = spawnSync(cli, ['verify', broken], { encoding: 'utf8' }).stdout.trim().split(': invalid: ');
  assert.match(reason, /ends too soon/);
  assert.deepEqual(first.stdout.trim().split('\n'), [
    `${files[0]}: sent ${expected[0].length} statements: ${expected[0].length} stored, 0 already there`,
    `${broken}: NOT SENT: ${reason}`,
    `${files[1]}: sent ${expected[1].length} statements: ${expected[1].length} stored, 0 already there`,
    '3 files: 2 sent, 1 failed',
  ]);
  for (const [index, learnerId] of learners.entries()) {
    assert.deepEqual(ids(await heldFor(learnerId)), ids(expected[index]), `learner ${index + 1}'s statements, each once`);
  }

  const again = send(files);
  assert.equal(again.status, 0, again.stdout + again.stderr);
  assert.deepEqual(again.stdout.trim().split('\n'), [
    `${files[0]}: sent ${expected[0].length} statements: 0 stored, ${expected[0].length} already there`,
    `${files[1]}: sent ${expected[1].length} statements: 0 stored, ${expected[1].length} already there`,
    '2 files: 2 sent, 0 failed',
  ]);
  const held = (await lrs.readAll()).length;

  const wrong = send([files[0]], 'not-the-password');
  assert.equal(wrong.status, 1);
  assert.equal(wrong.stdout.split('\n')[0], `${files[0]}: FAILED: the LRS at ${lrs.endpoint} refused the username or password; `
    + `0 of ${expected[0].length} statements held by the LRS (0 stored, 0 already there)`);
  const dead = `https://127.0.0.1:${await freePort()}/xAPI`;
  const unreachable = spawnSync(cli, ['send', '--endpoint', dead, '--user', 'u', '--password-env', 'PRAXIS_TEST_LRS_PASSWORD', files[0]],
    { encoding: 'utf8', env: { ...process.env, PRAXIS_TEST_LRS_PASSWORD: 'x' } });
  assert.equal(unreachable.status, 1);
  assert.match(unreachable.stdout, new RegExp(`^${files[0]}: FAILED: the LRS at ${dead} could not be reached: .+; 0 of `));
  assert.equal((await lrs.readAll()).length, held, 'no failure stored anything');

  const noPassword = spawnSync(cli, ['send', '--endpoint', lrs.endpoint, '--user', 'u', '--password-env', 'PRAXIS_TEST_UNSET', files[0]],
    { encoding: 'utf8', env: { ...process.env, PRAXIS_TEST_UNSET: '' } });
  assert.equal(noPassword.status, 2);
  assert.equal(noPassword.stderr, 'praxis-cli: the environment variable PRAXIS_TEST_UNSET, which should hold the password, is empty or not set\n');
  assert.equal(noPassword.stdout, '');
  const plain = spawnSync(cli, ['send', '--endpoint', lrs.endpoint.replace('https:', 'http:'), '--user', 'u', '--password-env',
    'PRAXIS_TEST_LRS_PASSWORD', files[0]], { encoding: 'utf8', env: { ...process.env, PRAXIS_TEST_LRS_PASSWORD: 'x' } });
  assert.equal(plain.status, 2, 'a password is never sent over plain http');
  assert.equal(plain.stderr, 'praxis-cli: Enter the LRS endpoint as a full address starting with https://\n');
});

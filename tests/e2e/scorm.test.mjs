// A SCORM 1.2 package from `praxis-cli package scorm`, run by an LMS
// runtime Praxis did not write: scorm-again's Scorm12API as `window.API`
// in an outer "LMS" page, with the SCO's launch page in an iframe. The
// learner completes the module and the LMS records what Praxis's own
// completion rule says; reopened with the LMS's saved data, in a browser
// that never saw the module, the learner's answers are back.
//
// The package is made from a build for a relative path (scripts/test
// builds it into target/scorm-dist; built here if missing), served beside
// the ordinary build in dist/, so the same origin also has Praxis itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appReady, dist, launchBrowser, openPage, praxisCli, serveDist } from './harness.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const scormDist = process.env.PRAXIS_SCORM_DIST ?? join(repo, 'target/scorm-dist');

// The LMS: scorm-again's runtime, a log of what the SCO set and called,
// and `open(saved)` to launch the SCO, resuming from saved cmi data.
const lmsPage = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Stand-in LMS</title><link rel="icon" href="data:,">
<script src="scorm12.min.js"></script><script src="lms.js"></script></head>
<body><iframe id="sco" title="Course" style="width:100%;height:90vh"></iframe></body></html>`;
const lmsScript = `
window.lms = { sets: [], calls: [] };
window.launch = (href, saved) => {
  window.API = new Scorm12API({ logLevel: 5 });
  if (saved) window.API.loadFromJSON(saved);
  for (const call of ['LMSInitialize', 'LMSCommit', 'LMSFinish']) window.API.on(call, () => window.lms.calls.push(call));
  window.API.on('LMSSetValue.cmi.*', (element, value) => window.lms.sets.push([element, value]));
  document.getElementById('sco').src = href;
};
window.launchWindow = (href) => {
  window.API = new Scorm12API({ logLevel: 5 });
  for (const call of ['LMSInitialize', 'LMSCommit', 'LMSFinish']) window.API.on(call, () => window.lms.calls.push(call));
  window.API.on('LMSSetValue.cmi.*', (element, value) => window.lms.sets.push([element, value]));
  window.open(href, 'course');
};
window.leave = () => { document.getElementById('sco').src = 'about:blank'; };
// Everything the LMS would keep, as scorm-again serialises it.
window.saved = () => JSON.parse(JSON.stringify(window.API.cmi));
`;

let server;
let browser;

before(async () => {
  if (!existsSync(join(scormDist, 'index.html'))) {
    execFileSync('trunk', ['build', '--release', '--offline', '--public-url', './', '--dist', scormDist], { cwd: repo, stdio: 'inherit' });
  }
  const root = mkdtempSync(join(tmpdir(), 'praxis-scorm-'));
  // Praxis itself at the root, so the learner's own record is on the same origin.
  assert.ok(existsSync(join(dist, 'index.html')), 'build dist/ first: trunk build --release --offline');
  cpSync(dist, root, { recursive: true });
  const zip = join(root, 'what-ai-is.zip');
  praxisCli(['package', 'scorm', '--module', 'what-ai-is', '--dist', scormDist, '--out', zip]);
  execFileSync('python3', ['-m', 'zipfile', '-e', zip, join(root, 'sco')]);
  mkdirSync(join(root, 'lms'));
  writeFileSync(join(root, 'lms/index.html'), lmsPage);
  writeFileSync(join(root, 'lms/lms.js'), lmsScript);
  // An LMS player that wraps the course in a frame of its own, so the API is two parents up.
  writeFileSync(join(root, 'lms/player.html'), '<!DOCTYPE html><title>Player</title><iframe title="Course" src="../sco/what-ai-is.html"></iframe>');
  cpSync(join(repo, 'node_modules/scorm-again/dist/scorm12.min.js'), join(root, 'lms/scorm12.min.js'));
  server = await serveDist(root);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const right = [
  ['A generative tool: it writes new text, which may hold invented details'],
  ['The people you care for may differ from those in its training and test data', 'It may be used in a setting or mode that it was never designed or tested for'],
  ['Weigh it against your own assessment of the person, then decide'],
];
const wrongFirst = ['A predictive tool: it scores which parts of the notes matter most to the GP'];
const reflection = 'A sepsis alert on placement: predictive. I would ask who it was tested on ~ 100% "sure"?';

async function openSco(context, saved = null) {
  const page = await openPage(context);
  await page.goto(`${server.base}/lms/index.html`);
  await page.evaluate(([href, saved]) => window.launch(href, saved), ['../sco/what-ai-is.html', saved]);
  const sco = page.frameLocator('#sco');
  await sco.locator('main h1').waitFor();
  return { page, sco };
}

async function answer(sco, index, labels, verdict) {
  const check = sco.locator('form.check').nth(index);
  for (const label of labels) await check.getByLabel(label, { exact: true }).check();
  await check.getByRole('button', { name: 'Check my answer' }).click();
  await check.getByText(verdict).waitFor();
}

const lmsState = (page) => page.evaluate(() => ({
  status: window.API.cmi.core.lesson_status,
  raw: window.API.cmi.core.score.raw,
  min: window.API.cmi.core.score.min,
  max: window.API.cmi.core.score.max,
  suspend: window.API.cmi.suspend_data,
  calls: window.lms.calls,
  sets: window.lms.sets,
}));

async function leave(page) {
  await page.evaluate(() => window.leave());
  await page.waitForFunction(() => window.lms.calls.includes('LMSFinish'));
}

test('the learner completes the module in the LMS, which records passed, the score and the time; reopening resumes', async () => {
  const context = await browser.newContext();
  const requested = [];
  context.on('request', (request) => requested.push(request.url()));
  const { page, sco } = await openSco(context);
  assert.equal(await sco.locator('h1').textContent(), 'What AI is, and what it is not');
  assert.equal(await sco.getByRole('link', { name: 'Use this answer in a reflective account' }).count(), 0);
  await page.waitForFunction(() => window.lms.calls.includes('LMSCommit'));
  const opened = await lmsState(page);
  assert.deepEqual([opened.status, opened.raw], ['incomplete', ''], 'started, and no score before any answer');

  await answer(sco, 0, wrongFirst, 'Your answer is not right yet.');
  await sco.locator('form.check').nth(0).getByLabel(right[0][0], { exact: true }).check();
  await sco.locator('form.check').nth(0).getByRole('button', { name: 'Check my answer' }).click();
  await sco.locator('form.check').nth(0).getByText('Your answer is right.').waitFor();
  await answer(sco, 1, right[1], 'Your answer is right.');
  await answer(sco, 2, right[2], 'Your answer is right.');
  await page.waitForFunction(() => window.API.cmi.core.score.raw === '100');
  assert.equal((await lmsState(page)).status, 'incomplete', 'the reflection is still needed: the domain rule, not the score, decides');

  await sco.getByLabel(/Think of an AI tool/).fill(reflection);
  await sco.getByRole('button', { name: 'Save my answer' }).click();
  await sco.getByText('Your answer is saved in this browser.').waitFor();
  await page.waitForFunction(() => window.API.cmi.core.lesson_status === 'passed');
  const done = await lmsState(page);
  assert.deepEqual([done.raw, done.min, done.max], ['100', '0', '100']);
  assert.ok(done.calls[0] === 'LMSInitialize' && done.calls.includes('LMSCommit'), done.calls.join());
  assert.match(done.suspend, /^1~[0-9a-f]{6}~[A-Za-z0-9_-]{3}~.+$/);
  assert.ok(!/["<>\n]/.test(done.suspend), done.suspend);

  await leave(page);
  const [, sessionTime] = (await lmsState(page)).sets.find(([element]) => element === 'cmi.core.session_time');
  assert.match(sessionTime, /^\d{4}:\d{2}:\d{2}\.\d{2}$/);
  assert.deepEqual((await lmsState(page)).calls.slice(-2), ['LMSCommit', 'LMSFinish']);
  const saved = await page.evaluate(() => window.saved());
  assert.equal(saved.core.exit, 'suspend');

  // On the same origin as Praxis, the answers are in the learner's own record.
  const own = await openPage(context);
  await own.goto(`${server.base}/modules/what-ai-is`);
  await appReady(own);
  await own.getByText(/^Completed on \d{1,2} [A-Z][a-z]+ \d{4}, adding 9 minutes of CPD\.$/).waitFor();
  assert.equal(await own.getByLabel(/Think of an AI tool/).inputValue(), reflection);
  assert.deepEqual(page.problems, []);
  const elsewhere = requested.filter((url) => !url.startsWith(`${server.base}/`) && !/^(data|about|blob):/.test(url));
  assert.deepEqual(elsewhere, [], 'nothing is sent anywhere but the LMS page and the package');
  await context.close();

  // Another browser, nothing in IndexedDB: only the LMS's suspend_data can bring the answers back.
  const fresh = await browser.newContext();
  const reopened = await openSco(fresh, saved);
  for (const [index, labels] of right.entries()) {
    const check = reopened.sco.locator('form.check').nth(index);
    await check.getByText('Your answer is right.').waitFor();
    for (const label of labels) assert.ok(await check.getByLabel(label, { exact: true }).isChecked(), label);
  }
  assert.equal(await reopened.sco.getByLabel(/Think of an AI tool/).inputValue(), reflection);
  await reopened.page.waitForFunction(() => window.lms.calls.includes('LMSCommit'));
  const resumed = await lmsState(reopened.page);
  assert.equal(resumed.status, 'passed');
  assert.equal(resumed.raw, '100');
  assert.equal(resumed.suspend, done.suspend, 'resuming changes nothing the LMS holds');
  assert.deepEqual(reopened.page.problems, []);
  await fresh.close();
});

test('a wrong answer leaves the module incomplete in the LMS, with the score it earned', async () => {
  const context = await browser.newContext();
  const { page, sco } = await openSco(context);
  await answer(sco, 0, right[0], 'Your answer is right.');
  await answer(sco, 1, right[1], 'Your answer is right.');
  await answer(sco, 2, ['Follow it, because the tool has learned from far more cases than you have'], 'Your answer is not right yet.');
  await sco.getByLabel(/Think of an AI tool/).fill(reflection);
  await sco.getByRole('button', { name: 'Save my answer' }).click();
  await sco.getByText('Your answer is saved in this browser.').waitFor();
  await page.waitForFunction(() => window.API.cmi.core.score.raw === '66');
  await sco.getByText(/Get at least 80 % right on your latest answers \(now 66 %\)/).waitFor();
  await leave(page);
  const state = await lmsState(page);
  assert.equal(state.status, 'incomplete');
  assert.equal(state.raw, '66');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a reflection too long for suspend_data is shortened there, the learner is told, and the checks still count', async () => {
  const context = await browser.newContext();
  const { page, sco } = await openSco(context);
  for (const [index, labels] of right.entries()) await answer(sco, index, labels, 'Your answer is right.');
  // Each "é" takes six characters once escaped, so 1,000 of them cannot fit in 4,096.
  const long = `${'é'.repeat(1000)} the end`;
  await sco.getByLabel(/Think of an AI tool/).fill(long);
  await sco.getByRole('button', { name: 'Save my answer' }).click();
  await sco.getByText('Your answer is saved in this browser.').waitFor();
  await sco.getByText(/Your LMS keeps at most 4,096 characters of progress for a module, so it holds only the beginning of your answer to 1 reflection prompt\./).waitFor();
  const state = await lmsState(page);
  assert.equal(state.status, 'passed');
  assert.ok(state.suspend.length <= 4096 && state.suspend.length > 4000, String(state.suspend.length));
  assert.ok(!state.suspend.includes('the%20end') && !state.suspend.includes('the end'));
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the API is found further up the frames, past a player frame of the LMS', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await page.goto(`${server.base}/lms/index.html`);
  await page.evaluate(() => window.launch('player.html', null));
  const sco = page.frameLocator('#sco').frameLocator('iframe');
  await answer(sco, 0, right[0], 'Your answer is right.');
  await page.waitForFunction(() => window.API.cmi.core.score.raw === '33');
  assert.equal((await lmsState(page)).calls[0], 'LMSInitialize');
  await context.close();
});

test('an LMS that opens the module in a new window is found through the opener', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await page.goto(`${server.base}/lms/index.html`);
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    page.evaluate(() => window.launchWindow('../sco/what-ai-is.html')),
  ]);
  await popup.locator('main h1').waitFor();
  await answer(popup, 0, right[0], 'Your answer is right.');
  await page.waitForFunction(() => window.API.cmi.core.score.raw === '33');
  const state = await lmsState(page);
  assert.equal(state.status, 'incomplete');
  assert.equal(state.calls[0], 'LMSInitialize');
  await popup.close({ runBeforeUnload: true });
  await page.waitForFunction(() => window.lms.calls.includes('LMSFinish'));
  await context.close();
});

test('without an LMS the module still opens and says that nothing will be recorded there', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await page.goto(`${server.base}/sco/what-ai-is.html`);
  await page.locator('main h1').waitFor();
  await page.getByText('Praxis could not find the LMS that should have opened this page').waitFor();
  await context.close();
});

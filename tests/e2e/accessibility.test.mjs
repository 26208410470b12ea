// WCAG 2.2 AA on every page that exists: axe-core in light and dark
// themes, reflow at 320 px, and a keyboard-only journey. Also writes the
// screenshots that the README shows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { serveDist, launchBrowser, openPage, appReady, sampleBackups, storeRecord } from './harness.mjs';

const nmcReady = new URL('../fixtures/backup-nmc-ready.json', import.meta.url);

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const screenshots = new URL('../../docs/screenshots/', import.meta.url);

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

// A 40-year career shows what small records never do (overdue goals, long
// logs); the contrast of the "Overdue" tag failed only with one loaded.
let longCareer;
async function loadLongCareer(page) {
  longCareer ??= JSON.parse(await readFile(sampleBackups(1, { years: 40, prefix: 'career' })[0], 'utf8')).record;
  await storeRecord(page, longCareer);
}

// Each page, with what to do on it first so that its dynamic parts show.
const PAGES = {
  home: { path: '/' },
  catalogue: { path: '/modules' },
  module: {
    path: '/modules/what-ai-is',
    async prepare(page) {
      const check = page.locator('form.check').first();
      await check.getByLabel('Predictive').check();
      await check.getByRole('button', { name: 'Check my answer' }).click();
      await check.getByText('Your answer is not right yet.').waitFor();
    },
  },
  author: { path: '/author', async prepare(page) { await page.getByText('No problems found').waitFor(); } },
  'author-with-errors': {
    path: '/author',
    async prepare(page) {
      const source = page.getByLabel('Module file');
      await source.fill((await source.inputValue()).replace('correct = true\n', '').replace('minutes = 10', 'minutes = 0'));
      await page.getByText(/\d+ errors? and \d+ warnings?/).waitFor();
    },
  },
  'author-guide': { path: '/author/guide', async prepare(page) { await page.getByRole('heading', { name: 'The front matter' }).waitFor(); } },
  export: { path: '/export' },
  'export-import-plan': {
    path: '/export',
    async prepare(page) {
      const [path] = sampleBackups(1, { prefix: 'plan' });
      const record = JSON.parse(await readFile(path, 'utf8')).record;
      await storeRecord(page, { ...record, cpd: [{ ...record.cpd[0], hours: 99 }], completions: {} });
      await page.getByLabel('Backup file').setInputFiles(path);
      await page.getByText('In conflict: choose for each').waitFor();
    },
  },
  employer: {
    path: '/employer',
    async prepare(page) {
      const files = [...sampleBackups(3), fileURLToPath(new URL('../hostile_imports/truncated-early.json', import.meta.url))];
      await page.getByLabel('Add staff files (you can also drop them here)').setInputFiles(files);
      await page.getByText('3 learners shown.').waitFor();
    },
  },
  portfolio: {
    path: '/portfolio',
    async prepare(page) {
      const { record } = JSON.parse(await readFile(nmcReady, 'utf8'));
      await storeRecord(page, record);
      await page.getByRole('heading', { level: 2, name: 'CPD activity', exact: true }).waitFor();
    },
  },
  competence: { path: '/competence' },
  cpd: { path: '/cpd' },
  'cpd-with-errors': {
    path: '/cpd',
    async prepare(page) {
      await page.getByLabel('What you learned').fill('Call 07700 900123 about it.');
      await page.getByRole('button', { name: 'Add to log' }).click();
      await page.getByText('There is a problem').waitFor();
    },
  },
  revalidation: { path: '/revalidation' },
  incidents: { path: '/incidents' },
  settings: { path: '/settings' },
  'dashboard-with-data': {
    path: '/',
    async prepare(page) {
      // By address, as on a phone the nav sits behind its Menu button.
      await page.goto(new URL('/competence', page.url()).href);
      await page.getByRole('group', { name: 'Human factors', exact: true }).getByLabel('2 Understanding').check();
      await page.getByRole('button', { name: 'Save this self-assessment' }).click();
      await page.getByText(/^Saved a snapshot/).waitFor();
      await page.getByRole('link', { name: 'Praxis', exact: true }).click();
      await page.locator('figure.chart').first().waitFor();
    },
  },
  'not-found': { path: '/no-such-page' },
  // Last, because the long career stays stored for the pages after it.
  'competence-long-career': {
    path: '/competence',
    async prepare(page) {
      await loadLongCareer(page);
      await page.locator('.tag--overdue').first().waitFor();
    },
  },
  'cpd-long-career': {
    path: '/cpd',
    async prepare(page) {
      await loadLongCareer(page);
      await page.locator('.log__entry').first().waitFor();
    },
  },
  'dashboard-long-career': {
    path: '/',
    async prepare(page) {
      await loadLongCareer(page);
      await page.locator('figure.chart').first().waitFor();
    },
  },
};

async function axeViolations(page) {
  await page.addScriptTag({ path: axePath });
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

for (const scheme of ['light', 'dark']) {
  test(`axe finds no violations on any page (${scheme} theme)`, async () => {
    // axe is injected as a script, which the app's CSP would rightly block.
    const context = await browser.newContext({ bypassCSP: true, colorScheme: scheme });
    const page = await openPage(context);
    const found = [];
    for (const [name, { path, prepare }] of Object.entries(PAGES)) {
      await page.goto(`${server.base}${path}`);
      await appReady(page);
      await prepare?.(page);
      found.push(...(await axeViolations(page)).map((v) => `${name}: ${v}`));
    }
    assert.deepEqual(found, []);
    assert.deepEqual(page.problems, []);
    await context.close();
  });
}

test('every page reflows at 320 px without horizontal scrolling', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await openPage(context);
  const overflowing = [];
  for (const [name, { path, prepare }] of Object.entries(PAGES)) {
    await page.goto(`${server.base}${path}`);
    await appReady(page);
    await prepare?.(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 320) overflowing.push(`${name}: ${width}px`);
  }
  assert.deepEqual(overflowing, []);
  await context.close();
});

/** Presses Tab until the focused element matches `predicate`, failing after `limit` presses. */
async function tabTo(page, description, predicate, limit = 300) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate)) return;
  }
  assert.fail(`keyboard focus never reached ${description}`);
}

test('a keyboard-only learner can complete a module and export a backup', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await openPage(context);
  await page.goto(`${server.base}/`);
  await appReady(page);

  // The skip link is the first stop and moves focus to the main content.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to main content');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');

  await tabTo(page, 'the Browse all modules link', () => document.activeElement.textContent === 'Browse all modules');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Modules and case studies' }).waitFor();
  // Focus moves to the new page's heading.
  await page.waitForFunction(() => document.activeElement.tagName === 'H1');

  await tabTo(page, 'the What AI is link', () => document.activeElement.textContent === 'What AI is, and what it is not');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'What AI is, and what it is not' }).waitFor();

  // Answer every check with the keyboard: arrow keys choose a radio,
  // Space ticks a checkbox, Enter submits.
  await tabTo(page, 'the first answer', () => document.activeElement.id === 'predictive-or-generative-option-0');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'predictive-or-generative-option-1');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.locator('form.check').nth(0).getByText('Your answer is right.').waitFor();

  await tabTo(page, 'the second check', () => document.activeElement.id === 'training-data-option-0');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'training-data-option-2');
  await page.keyboard.press('Space');
  await tabTo(page, 'its submit button', () => document.activeElement.textContent === 'Check my answer');
  await page.keyboard.press('Enter');
  await page.locator('form.check').nth(1).getByText('Your answer is right.').waitFor();

  await tabTo(page, 'the third check', () => document.activeElement.id === 'who-decides-option-0');
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'who-decides-option-3');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.locator('form.check').nth(2).getByText('Your answer is right.').waitFor();

  await tabTo(page, 'the reflection', () => document.activeElement.id === 'reflection-first-encounter');
  await page.keyboard.type('A discharge-letter drafting tool; I would ask how it was tested.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.getByText(/^Completed on/).waitFor();

  await page.keyboard.press('Shift+Tab');
  await tabTo(page, 'the Export link', () => document.activeElement.textContent === 'Export');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Export your record' }).waitFor();
  await tabTo(page, 'the download button', () => document.activeElement.textContent === 'Download backup (JSON)');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.match(download.suggestedFilename(), /^praxis-backup-/);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a keyboard-only learner can log a CPD entry', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await page.goto(`${server.base}/cpd`);
  await appReady(page);
  await tabTo(page, 'the title field', () => document.activeElement.id === 'cpd-title');
  await page.keyboard.type('Journal club on AI triage');
  await tabTo(page, 'the hours field', () => document.activeElement.id === 'cpd-hours');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1.5');
  await tabTo(page, 'the planned checkbox', () => document.activeElement.id === 'cpd-planned');
  await page.keyboard.press('Space');
  await tabTo(page, 'the add button', () => document.activeElement.textContent === 'Add to log');
  await page.keyboard.press('Enter');
  await page.getByText('Saved “Journal club on AI triage” to your CPD log.').waitFor();
  await page.getByText('1.5 h (0.0 h with others) · planned').waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('screenshots of the main pages, light and dark, desktop and phone', async () => {
  await mkdir(screenshots, { recursive: true });
  const shots = [
    ['catalogue', 'desktop', 'light'], ['module', 'desktop', 'light'], ['author', 'desktop', 'light'],
    ['module', 'desktop', 'dark'], ['module', 'phone', 'light'], ['catalogue', 'phone', 'dark'],
    ['employer', 'desktop', 'light'], ['portfolio', 'desktop', 'light'],
  ];
  const viewports = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };
  for (const [name, device, scheme] of shots) {
    const context = await browser.newContext({ viewport: viewports[device], colorScheme: scheme, deviceScaleFactor: 1 });
    const page = await openPage(context);
    await page.goto(`${server.base}${PAGES[name].path}`);
    await appReady(page);
    await PAGES[name].prepare?.(page);
    const file = new URL(`${name}-${device}-${scheme}.png`, screenshots);
    // The employer's matrix and the portfolio are below the fold: show the whole page.
    const image = await page.screenshot({ path: file.pathname, fullPage: ['employer', 'portfolio'].includes(name) });
    assert.ok(image.length > 10_000, `${file.pathname} looks empty`);
    await context.close();
  }
});

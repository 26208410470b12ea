// Shared set-up for the end-to-end tests: serves the release build in
// dist/ on a loopback port (with the index.html fallback a static host
// gives deep links) and drives Debian's Chromium through playwright-core.
import { serve } from '../../scripts/static-server.mjs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';

export const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
/** The static server the tests use, as scripts/serve does (scripts/static-server.mjs). */
export async function serveDist(root = dist, options = {}) {
  return serve(root, options);
}

/** Launches headless Chromium with the flags this network-less machine needs, and any `args` a test adds. */
export function launchBrowser({ args = [] } = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', ...args],
  });
}

/**
 * Opens a page that records console errors and uncaught exceptions, so a
 * test can assert that none happened.
 */
export async function openPage(context) {
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (message) => { if (message.type() === 'error') page.problems.push(message.text()); });
  page.on('pageerror', (error) => page.problems.push(String(error)));
  return page;
}

/**
 * Waits until the wasm app has rendered its first heading. A module page or
 * the catalogue shows its prerendered copy first (scripts/build), whose
 * controls do nothing, so wait until the app has taken it over.
 */
export async function appReady(page) {
  await page.waitForFunction(() => !document.getElementById('prerendered') && document.querySelector('main h1'));
}

/**
 * Waits until the service worker controls `page` and resolves to its
 * scope. A page whose load began while the worker was still installing is
 * not claimed if the worker's `clients.claim()` ran first (the browser
 * only hands it the next navigation), so after a second of an active
 * worker and no control the page is reloaded, as a learner's next visit
 * would be. It polls rather than waits on events, and gives up after 45 s
 * naming the registration's state, so the test fails instead of hanging.
 */
export async function controlledByServiceWorker(page) {
  let activeWithoutControl = 0;
  for (let tries = 0; tries < 450; tries += 1) {
    const state = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return {
        controlled: Boolean(navigator.serviceWorker.controller),
        active: registration?.active?.state === 'activated',
        scope: registration?.scope ?? null,
        workers: registration ? ['installing', 'waiting', 'active'].map((k) => `${k}: ${registration[k]?.state ?? '-'}`).join(', ') : 'none registered',
      };
    });
    if (state.controlled) return state.scope;
    if (tries === 449) throw new Error(`the service worker never took control (${state.workers})`);
    activeWithoutControl = state.active ? activeWithoutControl + 1 : 0;
    if (activeWithoutControl === 10) {
      await page.reload();
      await appReady(page);
    }
    await page.waitForTimeout(100);
  }
}

/**
 * Completes the "What AI is" module as a learner must: every check right
 * (the first one wrong first) and the reflection answered.
 */
export async function completeWhatAiIs(page, base, { saved = true } = {}) {
  await page.goto(`${base}/modules/what-ai-is`);
  const checks = page.locator('form.check');
  const answer = async (index, labels, verdict) => {
    const check = checks.nth(index);
    for (const input of await check.locator('input').all()) await input.setChecked(false).catch(() => {});
    for (const label of labels) await check.getByLabel(label, { exact: true }).check();
    await check.getByRole('button', { name: 'Check my answer' }).click();
    await check.getByText(verdict).waitFor();
  };
  await answer(0, ['A predictive tool: it scores which parts of the notes matter most to the GP'], 'Your answer is not right yet.');
  await answer(0, ['A generative tool: it writes new text, which may hold invented details'], 'Your answer is right.');
  await answer(1, ['The people you care for may differ from those in its training and test data', 'It may be used in a setting or mode that it was never designed or tested for'], 'Your answer is right.');
  await answer(2, ['Weigh it against your own assessment of the person, then decide'], 'Your answer is right.');
  await page.getByText('Answer 1 more reflection prompt').waitFor();
  await page.getByLabel(/Think of an AI tool/).fill('A sepsis alert on placement: predictive. I would ask who it was tested on.');
  await page.getByRole('button', { name: 'Save my answer' }).click();
  if (saved) await page.getByText('Your answer is saved in this browser.').waitFor();
  await page.getByText(/^Completed on \d{1,2} [A-Z][a-z]+ \d{4}, adding 9 minutes of CPD\.$/).waitFor();
}

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Runs the native praxis-cli (built by `cargo test --features cli` earlier
 * in scripts/test; built here if missing) and returns its stdout.
 */
export function praxisCli(args) {
  const binary = join(root, 'target/debug/praxis-cli');
  if (!existsSync(binary)) {
    execFileSync('cargo', ['build', '--quiet', '--features', 'cli', '--bin', 'praxis-cli'], { cwd: root, stdio: 'inherit' });
  }
  return execFileSync(binary, args, { cwd: root, maxBuffer: 64 * 1024 * 1024 }).toString('utf8');
}

/** Writes `count` synthetic staff backups (seeds 1..count) into a new folder; returns their paths. */
export function sampleBackups(count, { years = 1, prefix = 'staff' } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'praxis-e2e-'));
  return Array.from({ length: count }, (_, index) => {
    const path = join(dir, `${prefix}-${String(index + 1).padStart(3, '0')}.json`);
    writeFileSync(path, praxisCli(['sample', '--years', String(years), '--seed', String(index + 1), '--end', '2026-11-01']));
    return path;
  });
}

/**
 * Runs `operation` on Praxis's IndexedDB store (`praxis`, object store `kv`,
 * as src/web/storage.rs creates it) in the page: 'get' a key's text, 'put'
 * text at a key, or list 'keys'.
 */
export function storedText(page, operation, key = 'record', text = null) {
  return page.evaluate(([operation, key, text]) => new Promise((resolve, reject) => {
    const open = indexedDB.open('praxis', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('kv');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const database = open.result;
      const transaction = database.transaction('kv', operation === 'put' ? 'readwrite' : 'readonly');
      const store = transaction.objectStore('kv');
      const request = operation === 'put' ? store.put(text, key) : operation === 'keys' ? store.getAllKeys() : store.get(key);
      transaction.oncomplete = () => { database.close(); resolve(request.result ?? null); };
      transaction.onerror = () => reject(transaction.error);
    };
  }), [operation, key, text]);
}

/** The learner's stored record as Praxis keeps it (`{ schema_version, record }`), or null. */
export async function stored(page) {
  const text = await storedText(page, 'get');
  return text === null ? null : JSON.parse(text);
}

/** Just the record of what is stored. */
export async function storedRecord(page) {
  return (await stored(page))?.record;
}

/** Puts `record` in the app's storage, as if the learner had saved it, and reloads. */
export async function storeRecord(page, record) {
  await storedText(page, 'put', 'record', JSON.stringify({ schema_version: 3, record }));
  await page.reload();
  await appReady(page);
}

/** A module file for /author: front matter that passes, then `body`. */
export const draftModule = (body, title = 'Preview test') => `+++
id = "preview-test"
title = "${title}"
summary = "Checks the author preview."
kind = "module"
stages = ["registrant"]
professions = ["all"]
competences = [{ domain = "human-factors", level = 1 }]
minutes = 10
outcomes = ["Preview a module"]
version = "1.0"
reviewed = 2026-01-01
review_due = 2099-01-01
authors = ["Test"]
sources = ["Test"]
+++

## Section

${body}
`;

/** A three-option check after an intro, fenced as `fence`, its first option marked by `correct`. */
export const draftCheck = (fence, correct) => `Intro.\n\n${fence}\nid = "q"\nquestion = "Ready?"\nexplanation = "Because."\n\n[[option]]\ntext = "Yes"\n${correct}\nfeedback = "Good."\n\n[[option]]\ntext = "No"\nfeedback = "Hmm."\n\n[[option]]\ntext = "Maybe"\nfeedback = "Hmm."\n\`\`\``;

/** The matrix's count line, as the page words it: "1 learner shown.", "3 learners shown." */
export const learnersShown = (n) => `${n} ${n === 1 ? 'learner' : 'learners'} shown.`;

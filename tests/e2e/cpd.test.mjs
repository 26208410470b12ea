// CPD as evidence: log external activity (checked for identifiable data
// on the device), edit and undo, and see revalidation readiness change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serveDist, launchBrowser, openPage, appReady, storedRecord } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

async function setProfile(page, regulator, renewal) {
  await page.goto(`${server.base}/settings`);
  await appReady(page);
  await page.getByLabel('Regulator').selectOption(regulator);
  await page.getByLabel('Next renewal date').fill(renewal);
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByText('Your profile is saved').waitFor();
}

test('logging CPD with others moves NMC readiness, after the privacy check', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  const renewal = new Date(Date.now() + 200 * 86400000).toISOString().slice(0, 10);
  await setProfile(page, 'nmc', renewal);

  await page.getByRole('link', { name: 'Revalidation', exact: true }).click();
  const cpdRule = page.locator('.rule', { hasText: '35 hours of CPD' });
  await cpdRule.getByText('Missing').waitFor();
  await cpdRule.getByText('Log 35 more hours (0 of 35 so far).').waitFor();

  await page.getByRole('link', { name: 'CPD', exact: true }).click();
  // A form with mistakes gets an error summary linked to its fields.
  await page.getByLabel('Hours', { exact: true }).fill('ten');
  await page.getByRole('button', { name: 'Add to log' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await page.waitForFunction(() => document.activeElement.id === 'error-summary');
  await summary.getByRole('link', { name: 'Enter a title for the activity' }).click();
  await page.waitForFunction(() => document.activeElement.id === 'cpd-title');
  // Hours typed as a word are named, linked and marked on the field, never saved as 0.
  await summary.getByRole('link', { name: 'Hours must be a number from 0 to 1000' }).click();
  await page.waitForFunction(() => document.activeElement.id === 'cpd-hours');
  const hours = page.locator('#cpd-hours');
  assert.equal(await hours.getAttribute('aria-invalid'), 'true');
  assert.equal(await hours.getAttribute('aria-describedby'), 'cpd-hours-error');
  assert.match(await page.locator('#cpd-hours-error').textContent(), /Error: Hours must be a number from 0 to 1000/);
  assert.ok(await before_(page, '#cpd-hours-error', '#cpd-hours'), 'the error sits above the field');
  assert.equal((await storedRecord(page))?.cpd?.length ?? 0, 0, 'nothing saved');
  await page.getByText('0 entries shown').waitFor();

  // Titles are scanned too: they travel into xAPI statements and the portfolio.
  await page.getByLabel('Title', { exact: true }).fill('Case review with Mrs Jean Smith');
  await page.locator('.privacy-warning mark', { hasText: 'Mrs Jean Smith' }).waitFor();
  await page.getByLabel('Title', { exact: true }).fill('Regional AI safety study day');
  await page.getByLabel('Hours', { exact: true }).fill('36');
  await page.getByLabel('Of which with others').fill('20');
  await page.getByLabel('The Code: preserve safety').check();
  await page.getByLabel('What you learned').fill('Discussed a near miss for the patient with NHS number 943 476 5919.');
  await page.getByRole('button', { name: 'Add to log' }).click();
  await page.locator('.privacy-warning mark', { hasText: '943 476 5919' }).waitFor();
  await page.getByText('Check the highlighted text').first().waitFor();
  // Remove the identifier instead of confirming.
  await page.getByLabel('What you learned').fill('Discussed a near miss and how we now check AI flags.');
  await page.getByRole('button', { name: 'Add to log' }).click();
  await page.getByText('Saved “Regional AI safety study day” to your CPD log.').waitFor();
  await page.getByText('1 entry shown: 36.0 hours of CPD, 20.0 of them with others.').waitFor();
  await page.getByText('Relevant to: The Code: preserve safety').waitFor();

  // Filters: by method, and by the profile's current NMC cycle.
  await page.getByLabel('How', { exact: true }).selectOption('conference');
  await page.getByText('0 entries shown').waitFor();
  await page.getByLabel('How', { exact: true }).selectOption('');
  await page.getByLabel(/^Only your current Nursing and Midwifery Council \(NMC\) cycle/).check();
  await page.getByText('1 entry shown: 36.0 hours').waitFor();

  // Delete, then undo.
  await page.getByRole('button', { name: 'Delete Regional AI safety study day' }).click();
  await page.getByText('0 entries shown').waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByText('1 entry shown: 36.0 hours').waitFor();

  await page.getByRole('link', { name: 'Revalidation', exact: true }).click();
  await page.locator('.rule', { hasText: '35 hours of CPD' }).getByText('You have 36.0 (35.0 needed).').waitFor();
  await page.locator('.rule', { hasText: 'At least 20 of those hours participatory' }).getByText('Met').waitFor();
  await page.locator('.rule', { hasText: '5 pieces of practice-related feedback' }).getByText('Missing').waitFor();
  // The compare view evaluates the same record against every regulator.
  assert.ok(await page.locator('#compare-heading ~ div table tbody tr').count() >= 13);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('with revalidation under 120 days away and rules unmet, the dashboard says so', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  const renewal = new Date(Date.now() + 100 * 86400000).toISOString().slice(0, 10);
  await setProfile(page, 'nmc', renewal);
  await page.goto(`${server.base}/`);
  await page.getByText(/^Your revalidation with the Nursing and Midwifery Council \(NMC\) is due by \d{1,2} [A-Z][a-z]+ \d{4}, in \d+ days?, and 0 of \d+ requirements Praxis can check are met\./).waitFor();
  await page.getByRole('link', { name: 'See what is still needed' }).click();
  await page.getByRole('heading', { level: 1, name: 'Revalidation readiness' }).waitFor();
  // Schemes with nothing to count say what applies, not "0 of 0" and "Not yet".
  const sssc = page.getByRole('row', { name: /Scottish Social Services Council/ });
  await sssc.getByText('None Praxis can count').waitFor();
  await sssc.getByText(/^You confirm \d+ requirements? yourself$/).waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the CPD form asks only what applies to the entry type, and labels the entry by its type', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await page.goto(`${server.base}/cpd`);
  await appReady(page);
  await page.getByLabel('Hours', { exact: true }).fill('3');
  await page.locator('#cpd-type').selectOption('feedback');
  for (const label of ['How you learned', 'Hours', 'Of which with others', 'I planned this learning in advance']) {
    assert.equal(await page.getByLabel(label, { exact: true }).isVisible(), false, label);
  }
  await page.getByLabel('Title', { exact: true }).fill('Feedback from a ward sister');
  await page.getByLabel('Date', { exact: true }).fill('2026-11-02');
  await page.getByRole('button', { name: 'Add to log' }).click();
  await page.getByText('Saved “Feedback from a ward sister” to your CPD log.').waitFor();
  await page.locator('.log__entry', { hasText: 'Feedback from a ward sister' }).getByText('2 November 2026 · Practice-related feedback', { exact: true }).waitFor();
  await page.getByText('1 entry shown: 0.0 hours of CPD').waitFor();
  // Practice hours ask for hours worked, and nothing about how the learning happened.
  await page.locator('#cpd-type').selectOption('practice-hours');
  await page.getByLabel('Hours worked', { exact: true }).waitFor();
  assert.equal(await page.getByLabel('How you learned').isVisible(), false);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a module reflection becomes an NMC reflective account, and readiness counts it', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  const renewal = new Date(Date.now() + 200 * 86400000).toISOString().slice(0, 10);
  await setProfile(page, 'nmc', renewal);
  await page.goto(`${server.base}/revalidation`);
  const accounts = page.locator('.rule', { hasText: '5 written reflective accounts' });
  await accounts.getByText('Add 5 more reflective accounts (0 of 5 so far).').waitFor();

  await page.goto(`${server.base}/modules/what-ai-is`);
  await page.getByLabel(/Think of an AI tool/).fill('A sepsis alert fired late; I learned to check observations myself.');
  await page.getByRole('button', { name: 'Save my answer' }).click();
  await page.getByRole('link', { name: 'Use this answer in a reflective account' }).click();
  await page.getByRole('heading', { name: 'Write a reflective account' }).waitFor();
  assert.equal(await page.getByLabel('Template').inputValue(), 'nmc-reflective-account');
  assert.equal(await page.getByLabel('What did you learn from it?').inputValue(), 'A sepsis alert fired late; I learned to check observations myself.');
  assert.equal(await page.getByLabel('Title of the account').inputValue(), 'Reflection on “What AI is, and what it is not”');
  await page.getByLabel('What was the CPD activity, feedback or event').fill('An AI literacy module in Praxis.');
  await page.getByText('6 words', { exact: true }).first().waitFor();
  await page.getByLabel('How did you change or improve your practice').fill('I now check any AI alert against my own assessment.');
  await page.getByLabel(/How is this relevant to the Code/).fill('Preserve safety.');
  await page.getByLabel('CPD hours (if it records learning time)').fill('2');
  await page.getByRole('button', { name: 'Save reflective account' }).click();
  await page.getByText('Saved “Reflection on “What AI is, and what it is not”” to your CPD log as a reflective account.').waitFor();

  await page.getByRole('link', { name: 'Revalidation', exact: true }).click();
  await page.locator('.rule', { hasText: '5 written reflective accounts' }).getByText('Add 4 more reflective accounts (1 of 5 so far).').waitFor();
  // The account's CPD hours count towards the hours, here and in the log's totals.
  await page.locator('.rule', { hasText: '35 hours of CPD' }).getByText('Log 33 more hours (2 of 35 so far).').waitFor();
  await page.getByRole('link', { name: 'CPD', exact: true }).click();
  await page.getByText('1 entry shown: 2.0 hours of CPD, 0.0 of them with others.').waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('an AI event is logged, summarised for a report, and becomes a reflection and CPD entry', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await openPage(context);
  await page.goto(`${server.base}/incidents`);
  await appReady(page);
  // Nothing named yet: each missing answer is linked from the summary and shown at its field.
  await page.getByRole('button', { name: 'Save to the log' }).click();
  const problems = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await problems.getByRole('link', { name: 'Name the AI tool' }).click();
  await page.waitForFunction(() => document.activeElement.id === 'incident-tool');
  assert.equal(await page.locator('#incident-tool').getAttribute('aria-invalid'), 'true');
  await problems.getByRole('link', { name: 'Choose what the outcome was' }).waitFor();
  assert.equal((await storedRecord(page))?.incidents?.length ?? 0, 0, 'nothing saved');
  await page.getByLabel('AI tool').fill('Vital-signs monitor');
  await page.getByLabel('Version, mode or settings').fill('adult mode');
  await page.getByLabel('What happened').fill('Alarm limits were adult ones for a child aged 4; call 07700 900123 for details.');
  await page.getByLabel('Near miss').check();
  await page.getByLabel('Local incident reporting system').fill('LRMS-123');
  await page.getByRole('button', { name: 'Save to the log' }).click();
  await problems.getByRole('link', { name: /Check the highlighted text/ }).waitFor();
  assert.equal(await problems.getByRole('link').count(), 1, 'only the privacy check is left');
  await page.getByLabel('What happened').fill('Alarm limits were adult ones for a young child.');
  await page.getByRole('button', { name: 'Save to the log' }).click();
  await page.locator('.log__entry', { hasText: 'Vital-signs monitor' }).waitFor();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download a summary for a Yellow Card or manufacturer report' }).click(),
  ]);
  const summary = await readFile(await download.path(), 'utf8');
  assert.match(summary, /Version, mode or settings: adult mode/);
  assert.match(summary, /Local incident reporting system: LRMS-123/);
  assert.match(summary, /NOT CONFIRMED/);

  await page.getByRole('button', { name: 'Turn into a reflective account and CPD entry' }).click();
  await page.getByText(/^Reflected on \d{1,2} [A-Z][a-z]+ \d{4}$/).waitFor();
  await page.getByRole('link', { name: 'CPD', exact: true }).click();
  await page.locator('.log__title', { hasText: 'Reflection on an AI event: Vital-signs monitor' }).waitFor();
  await page.locator('.log__title', { hasText: 'Learning from an AI event: Vital-signs monitor' }).waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();
});

async function before_(page, a, b) {
  return page.evaluate(([a, b]) => {
    const [first, second] = [document.querySelector(a), document.querySelector(b)];
    return Boolean(first && second && first.compareDocumentPosition(second) & Node.DOCUMENT_POSITION_FOLLOWING);
  }, [a, b]);
}

// Progress over a career: the completion rule on a module page, competence
// snapshots that survive a reload, the profile, and "what next" reasons.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launchBrowser, openPage, appReady, completeWhatAiIs, stored, storedRecord } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

test('a module completes only when its rule is met, and keeps every answer', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await page.goto(`${server.base}/modules/what-ai-is`);
  await appReady(page);
  const status = page.locator('.completion [data-status]');
  assert.equal(await status.textContent(), 'Not started');
  await completeWhatAiIs(page, server.base);
  assert.equal(await status.textContent(), 'Completed');

  await page.reload();
  await page.getByText('3 of 3 answered').waitFor();
  assert.equal(await page.locator('.completion dd').nth(1).textContent(), '100 %');
  assert.match(await page.getByLabel(/Think of an AI tool/).inputValue(), /sepsis alert/);
  await page.goto(`${server.base}/modules`);
  await page.locator('[data-module="what-ai-is"]').getByText('Completed').waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('two self-assessments are both kept after a reload and drive the dashboard', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await page.goto(`${server.base}/competence`);
  await appReady(page);
  await page.getByText('Rate your competence to get recommendations').waitFor();

  const humanFactors = page.getByRole('group', { name: 'Human factors', exact: true });
  await humanFactors.getByLabel('3 Applying').check();
  await page.getByRole('button', { name: 'Save this self-assessment' }).click();
  await page.getByText('Saved a snapshot of 1 area rated.').waitFor();
  await humanFactors.getByLabel('1 Aware').check();
  await humanFactors.getByLabel('How sure are you?').selectOption('2');
  await page.getByRole('button', { name: 'Save this self-assessment' }).click();
  // The history shows the second snapshot once it is stored.
  await page.locator('table.history tbody tr').nth(1).waitFor();

  await page.reload();
  const rows = page.locator('table.history tbody tr');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 2);
  // Newest first; Human factors is the fourth domain column.
  assert.equal(await rows.nth(0).locator('td').nth(3).textContent(), '1');
  assert.equal(await rows.nth(1).locator('td').nth(3).textContent(), '3');
  // The form starts from the latest snapshot.
  assert.equal(await page.getByRole('group', { name: 'Human factors', exact: true }).getByLabel('1 Aware').isChecked(), true);

  await page.getByRole('link', { name: 'Praxis', exact: true }).click();
  await page.getByRole('heading', { name: 'What next' }).waitFor();
  await page.locator('.recommendations').getByText('you rated Human factors at level 1').first().waitFor();
  await page.getByRole('img', { name: /^Radar chart\. Levels now: .*Human factors 1/ }).waitFor();
  await page.getByRole('img', { name: /^Line chart of Mean level\./ }).waitFor();
  // The numbers behind the line, one row per self-assessment, once the table is opened.
  const line = page.locator('figure').filter({ has: page.getByRole('img', { name: /^Line chart/ }) });
  await line.getByText('Show as a table').click();
  await line.locator('tbody tr').nth(1).waitFor();
  assert.equal(await line.locator('tbody tr').count(), 2);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the profile is saved and tailors what next', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await page.goto(`${server.base}/settings`);
  await appReady(page);
  await page.getByLabel('Career stage').selectOption('leader');
  await page.getByLabel('Profession').selectOption('pharmacy');
  await page.getByLabel('Next renewal date').fill('2027-03-31');
  // A number of months typed as words is named and linked, never read as the default, and nothing is saved.
  const months = page.getByLabel('Remind me to re-assess my competence every (months)');
  await months.fill('every year');
  await page.getByRole('button', { name: 'Save profile' }).click();
  const problem = 'Re-assessment interval: enter a whole number of months from 1 to 240, such as 12.';
  await page.getByRole('alert').filter({ hasText: 'There is a problem' }).getByRole('link', { name: problem }).click();
  await page.waitForFunction(() => document.activeElement.id === 'reassess');
  assert.equal(await months.getAttribute('aria-invalid'), 'true');
  assert.equal((await storedRecord(page))?.profile?.stage, undefined, 'nothing saved');
  await months.fill('6');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByText('Your profile is saved in this browser.').waitFor();
  assert.equal(await page.getByText('There is a problem').count(), 0, 'the summary goes once all is well');
  assert.equal((await storedRecord(page)).profile.reassess_after_months, 6);
  await page.reload();
  assert.equal(await page.getByLabel('Profession').inputValue(), 'pharmacy');
  assert.equal(await page.getByLabel('Next renewal date').inputValue(), '2027-03-31');

  await page.goto(`${server.base}/`);
  const next = page.locator('.recommendations');
  await next.getByText('it suits your career stage (Leader or AI champion)').first().waitFor();
  // Reasons read as one clause each: no "because a good place to start", no chains of "and you need it before".
  assert.equal(await next.getByText(/because|, and you need it/).count(), 0);
  // Modules written only for other professions are not suggested.
  assert.equal(await next.getByText('Case study: a dental practice chatbot', { exact: false }).count(), 0);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a reflection that may identify a patient is held until edited or confirmed', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await page.goto(`${server.base}/modules/what-ai-is`);
  await appReady(page);
  // With no regulator or profession saved, no one regulator's rules are quoted.
  await page.getByText('Write reflections in your own words: they are evidence of your own learning.', { exact: true }).waitFor();
  assert.equal(await page.getByText(/GPhC|RCGP/).count(), 0);
  await page.getByRole('button', { name: 'Got it, do not show again' }).click();
  const reflection = page.getByLabel(/Think of an AI tool/);
  await reflection.fill('Mrs Smith (DOB 12/03/1956, postcode LS1 4AP) was flagged.');
  await page.getByRole('button', { name: 'Save my answer' }).click();
  await page.getByText('Not saved: check the highlighted text first.').waitFor();
  assert.deepEqual(await page.locator('.privacy-warning mark').allTextContents(), ['Mrs Smith', '12/03/1956', 'LS1 4AP']);
  const saved = (await stored(page)) ?? {};
  assert.deepEqual(saved.record?.progress?.['what-ai-is']?.reflections ?? {}, {}, 'the reflection was not saved');
  // The tick vouches only for the text it was given: any edit takes it away.
  await page.getByLabel('I have checked: this does not identify a patient or service user').check();
  await reflection.fill('Mrs Smith (DOB 12/03/1956, postcode LS1 4AP) was flagged twice.');
  await page.locator('.privacy-warning input[type=checkbox]:not(:checked)').waitFor();
  await page.getByRole('button', { name: 'Save my answer' }).click();
  await page.getByText('Not saved: check the highlighted text first.').waitFor();

  await reflection.fill('An older patient was flagged by a sepsis alert.');
  await page.getByRole('button', { name: 'Save my answer' }).click();
  await page.getByText('Your answer is saved in this browser.').waitFor();
  // The reminder about AI-written reflections stays dismissed.
  await page.reload();
  await page.getByLabel(/Think of an AI tool/).waitFor();
  assert.equal(await page.getByText('Write reflections in your own words', { exact: false }).count(), 0);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('sections are recorded as the learner reads down the page', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const page = await openPage(context);
  await page.goto(`${server.base}/modules/what-ai-is`);
  await appReady(page);
  const read = page.locator('.completion dt', { hasText: 'Sections read' }).locator('xpath=following-sibling::dd');
  for (const heading of await page.locator('article.module .prose h2').all()) {
    await heading.scrollIntoViewIfNeeded();
    await page.waitForTimeout(100);
  }
  await page.getByText('3 of 3', { exact: true }).waitFor();
  assert.equal(await read.textContent(), '3 of 3');
  await page.reload();
  await page.locator('main h1').waitFor();
  assert.equal(await read.textContent(), '3 of 3');
  assert.equal(await page.locator('.completion [data-status]').textContent(), 'Not started', 'reading alone does not start it');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a self-assessment can cite a module, a reflection and a CPD entry as evidence', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await completeWhatAiIs(page, server.base);
  await page.goto(`${server.base}/cpd`);
  await page.getByLabel('Title', { exact: true }).fill('Ward AI safety huddle');
  await page.getByRole('button', { name: 'Add to log' }).click();
  await page.getByText('Saved “Ward AI safety huddle” to your CPD log.').waitFor();

  await page.goto(`${server.base}/competence`);
  const area = page.getByRole('group', { name: 'Artificial intelligence: Evaluating AI', exact: true });
  await area.getByLabel('2 Understanding').check();
  await area.getByText('Evidence: modules, reflections and CPD').click();
  await area.getByLabel('Module: What AI is, and what it is not').check();
  await area.getByLabel('Your reflection in “What AI is, and what it is not”').check();
  await area.getByLabel(/^CPD: Ward AI safety huddle/).check();
  await page.getByRole('button', { name: 'Save this self-assessment' }).click();
  await page.getByText('Saved a snapshot of 1 area rated.').waitFor();
  const record = await storedRecord(page);
  const evidence = record.self_assessments[0].ratings['artificial-intelligence/evaluating'].evidence;
  assert.equal(evidence.length, 3);
  assert.ok(evidence.includes('completion:what-ai-is'), 'a module is cited by its EvidenceRef, as reflections and CPD entries are');
  assert.ok(evidence.includes('reflection:what-ai-is/first-encounter'));
  assert.ok(evidence.some((id) => id.startsWith('cpd:cpd-')));
  assert.deepEqual(page.problems, []);
  await context.close();
});

// Issue 20's users, each through a whole day's task, on a phone (390×844)
// and a desktop (1366×768): the student starting out, the nurse before
// revalidation, the educator writing a module. They assert the fixed
// behaviour (no screenshots): a clear first step and a next-module link,
// the privacy warning beside the field that holds the text, a portfolio
// whose questions and answers differ in print and whose notes print open,
// and a misspelt block that is an error until it is fixed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launchBrowser, openPage, appReady, draftModule, draftCheck } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1366, height: 768 } };

/** The page does not scroll sideways. */
async function fitsWidth(page) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  assert.ok(scroll <= width, `the page is ${scroll}px wide in a ${width}px window`);
}

/** `a` comes before `b` in the document. */
async function before_(page, a, b) {
  return page.evaluate(([a, b]) => {
    const [first, second] = [document.querySelector(a), document.querySelector(b)];
    return Boolean(first && second && first.compareDocumentPosition(second) & Node.DOCUMENT_POSITION_FOLLOWING);
  }, [a, b]);
}

/** The element right after the field's `.field` wrapper holds the privacy warning. */
function warningAfter(page, fieldId) {
  return page.locator(`.field:has(#${fieldId}) + div .privacy-warning`);
}

for (const [size, viewport] of Object.entries(SIZES)) {
  test(`a student on a ${size}: first visit, a module started and answered, then the next module`, async () => {
    const context = await browser.newContext({ viewport });
    const page = await openPage(context);
    await page.goto(`${server.base}/`);
    await appReady(page);
    // One clear first step.
    const start = page.getByRole('link', { name: /^Start with “/ });
    await start.waitFor();
    assert.match(await start.getAttribute('class'), /button/);
    const title = (await start.textContent()).replace(/^Start with “/, '').replace(/”$/, '');
    await fitsWidth(page);
    await start.click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await fitsWidth(page);

    // Answer the first check; the feedback is shown and the answer kept.
    const check = page.locator('form.check').first();
    await check.locator('input').first().check();
    await check.getByRole('button', { name: 'Check my answer' }).click();
    await check.getByText(/^Your answer is (right|not right yet)\.$/).waitFor();

    // The end of the module leads on rather than to a dead end.
    const next = page.getByRole('navigation', { name: 'Next module' }).getByRole('link');
    const nextTitle = (await next.textContent()).replace(/^Next module: /, '');
    assert.notEqual(nextTitle, title);
    await next.click();
    await page.getByRole('heading', { level: 1, name: nextTitle }).waitFor();
    await fitsWidth(page);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test(`a nurse on a ${size} before revalidation: profile, CPD, a reflective account, readiness and the printed portfolio`, async () => {
    const context = await browser.newContext({ viewport });
    const page = await openPage(context);
    const renewal = new Date(Date.now() + 119 * 86400000).toISOString().slice(0, 10);
    await page.goto(`${server.base}/settings`);
    await appReady(page);
    await page.getByLabel('Your name').fill('Sam Nurse');
    await page.getByLabel('Regulator').selectOption('nmc');
    await page.getByLabel('Next renewal date').fill(renewal);
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Your profile is saved').waitFor();

    // Log CPD. The warning sits beside the field that holds the text.
    await page.goto(`${server.base}/cpd`);
    await appReady(page);
    await page.getByLabel('Title', { exact: true }).fill('AI safety study day');
    await page.getByLabel('Hours', { exact: true }).fill('10');
    await page.getByLabel('Of which with others').fill('4');
    const description = page.getByLabel('What you learned');
    await description.fill('Discussed a near miss for the patient with NHS number 943 476 5919.');
    const warning = warningAfter(page, 'cpd-description');
    await warning.locator('mark', { hasText: '943 476 5919' }).waitFor();
    assert.equal(await page.locator('.privacy-warning').count(), 1, 'one warning, for the one flagged field');
    assert.equal(await warningAfter(page, 'cpd-evidence').count(), 0, 'not under the last field');
    assert.ok(await before_(page, '#cpd-description', '#cpd-private'));
    assert.ok(await before_(page, '#cpd-private', '#cpd-evidence'), 'the warning comes before the next field');
    const [fieldBox, warningBox] = [await description.boundingBox(), await warning.boundingBox()];
    assert.ok(warningBox.y >= fieldBox.y + fieldBox.height - 1 && warningBox.y - (fieldBox.y + fieldBox.height) < 80,
      'the warning sits just under the description');
    // Saving waits; the error links to the warning beside the field.
    await page.getByRole('button', { name: 'Add to log' }).click();
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).getByRole('link', { name: /Check the highlighted text/ }).waitFor();
    // The tick is forgotten when the text changes.
    const tick = page.getByLabel('I have checked: this does not identify a patient or service user');
    await tick.check();
    await description.fill('Discussed a near miss for the patient with NHS number 943 476 5919, twice.');
    await page.locator('.privacy-warning input[type=checkbox]:not(:checked)').waitFor();
    // A flagged title gets its own warning beside the title; one tick serves the form.
    await page.getByLabel('Title', { exact: true }).fill('Study day with Mrs Jean Smith');
    await warningAfter(page, 'cpd-title').locator('mark', { hasText: 'Mrs Jean Smith' }).waitFor();
    assert.equal(await page.locator('.privacy-warning').count(), 2);
    assert.equal(await page.locator('.privacy-warning input[type=checkbox]').count(), 1);
    await page.getByLabel('Title', { exact: true }).fill('AI safety study day');
    await description.fill('Discussed a near miss and how we now check AI flags.');
    assert.equal(await page.locator('.privacy-warning').count(), 0);
    await page.getByRole('button', { name: 'Add to log' }).click();
    await page.getByText('Saved “AI safety study day” to your CPD log.').waitFor();

    // A reflective account with hours; the warning sits beside the answer that holds the name.
    const account = page.locator('#reflective-account');
    await account.getByLabel('Template').selectOption('nmc-reflective-account');
    await account.getByLabel('Title of the account').fill('Checking an AI alert');
    await account.getByLabel('What was the CPD activity, feedback or event').fill('An AI literacy module in Praxis.');
    const learned = account.getByLabel('What did you learn from it?');
    await learned.fill('Mrs Jean Smith was flagged late by a sepsis alert.');
    const learnedId = await learned.getAttribute('id');
    await warningAfter(page, learnedId).locator('mark', { hasText: 'Mrs Jean Smith' }).waitFor();
    const changed = account.getByLabel('How did you change or improve your practice');
    assert.ok(await before_(page, '#account-private', `#${await changed.getAttribute('id')}`), 'before the next question');
    await learned.fill('A sepsis alert fired late; I learned to check observations myself.');
    await changed.fill('I now check any AI alert against my own assessment.');
    await account.getByLabel(/How is this relevant to the Code/).fill('Preserve safety.');
    await account.getByLabel('CPD hours (if it records learning time)').fill('3');
    await account.getByRole('button', { name: 'Save reflective account' }).click();
    await page.getByText('Saved “Checking an AI alert” to your CPD log as a reflective account.').waitFor();

    // Readiness counts both, the account's hours too.
    await page.goto(`${server.base}/revalidation`);
    await appReady(page);
    await page.locator('.rule', { hasText: '35 hours of CPD' }).getByText('Log 22 more hours (13 of 35 so far).').waitFor();
    await page.locator('.rule', { hasText: '5 written reflective accounts' }).getByText('Add 4 more reflective accounts (1 of 5 so far).').waitFor();

    // The portfolio, as printed.
    await page.goto(`${server.base}/portfolio`);
    await appReady(page);
    await page.getByText('13.0 hours, 4.0 of them with others').waitFor();
    const question = page.locator('.portfolio__question', { hasText: 'What did you learn from it?' });
    const answer = page.locator('.portfolio__answer', { hasText: 'I learned to check observations myself' });
    const notes = page.locator('details.notes');
    // Collapsed by the learner on screen, the notes still print open.
    await notes.locator('summary').click();
    assert.equal(await notes.evaluate((d) => d.open), false);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible(), false);
    const style = (locator) => locator.evaluate((e) => {
      const s = getComputedStyle(e);
      return { weight: Number(s.fontWeight), indent: e.getBoundingClientRect().left, decoration: s.textDecorationLine, color: s.color };
    });
    const [q, a] = [await style(question), await style(answer)];
    assert.ok(q.weight >= 700, `question weight ${q.weight}`);
    assert.ok(a.weight < 600, `answer weight ${a.weight}`);
    assert.ok(a.indent > q.indent, `the answer is indented (${a.indent} > ${q.indent})`);
    const note = notes.locator('li').first();
    assert.ok(await note.isVisible(), 'the notes print with their content');
    assert.ok((await note.textContent()).trim().length > 0);
    const summary = await style(notes.locator('summary'));
    assert.notEqual(summary.decoration, 'underline', 'the summary prints as a heading, not a link');
    await page.emulateMedia({ media: 'screen' });
    await fitsWidth(page);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test(`an educator on a ${size} at /author: a misspelt block is an error until fixed, then ready to publish`, async () => {
    const context = await browser.newContext({ viewport });
    const page = await openPage(context);
    await page.goto(`${server.base}/author`);
    await appReady(page);
    await page.getByText('No problems found').waitFor();
    const source = page.getByLabel('Module file');
    const messages = page.locator('.check-results__list');
    await source.fill(draftModule(draftCheck('```chek', 'correct = true')));
    await messages.getByText(/unknown block type `chek`: did you mean `check`\?/).waitFor();
    assert.equal(await page.getByText('ready to publish').count(), 0);
    // The message leads back to its line.
    await messages.getByRole('button', { name: /unknown block type/ }).click();
    const line = await source.evaluate((e) => e.value.slice(0, e.selectionStart).split('\n').length);
    assert.equal((await source.inputValue()).split('\n')[line - 1], '```chek');
    // Fixed, the check shows in the preview and the module is ready.
    await source.fill(draftModule(draftCheck('```check', 'correct = true')));
    await page.getByText('No problems found: this module is ready to publish.').waitFor();
    await page.locator('.author__preview form.check').getByText('Ready?').waitFor();
    await fitsWidth(page);
    assert.deepEqual(page.problems, []);
    await context.close();
  });
}

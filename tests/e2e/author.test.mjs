// The /author page: live preview with the checker's messages, a draft
// that survives a reload, and untrusted input that never runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launchBrowser, openPage, appReady, draftModule, draftCheck } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the preview follows the text, shows errors, and the draft survives a reload', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await page.goto(`${server.base}/author`);
  await appReady(page);
  // The starter module previews with no problems.
  await page.getByText('No problems found').waitFor();
  await page.locator('.author__preview').getByText('My new module').waitFor();

  const source = page.getByLabel('Module file');
  await source.fill(draftModule('Hello **learners**.\n\n```check\nid = "q"\nquestion = "Ready?"\nexplanation = "Because."\n\n[[option]]\ntext = "Yes"\nfeedback = "Good."\n\n[[option]]\ntext = "No"\nfeedback = "Hmm."\n```'));
  const preview = page.locator('.author__preview');
  await preview.getByRole('heading', { name: 'Preview test' }).waitFor();
  await preview.locator('strong', { hasText: 'learners' }).waitFor();
  await page.getByText('Error, line 22: knowledge check `q` has no correct answer').waitFor();

  await page.reload();
  await page.locator('.author__preview').getByRole('heading', { name: 'Preview test' }).waitFor();
  assert.match(await page.getByLabel('Module file').inputValue(), /question = "Ready\?"/);
  assert.deepEqual(page.problems, []);
  await context.close();
});

// The checker's answer to the slips issue 20 saw: a misspelt block, a
// check whose TOML is broken, and messages that lead back to their line.

test('a misspelt block is an error, a broken check leaves a placeholder, and a message moves the caret to its line', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await page.goto(`${server.base}/author`);
  await appReady(page);
  const source = page.getByLabel('Module file');
  const preview = page.locator('.author__preview');
  const messages = page.locator('.check-results__list');

  // ```chek used to pass as "ready to publish" and show as code.
  await source.fill(draftModule(draftCheck('```chek', 'correct = true')));
  await messages.getByText('Error, line 22: unknown block type `chek`: did you mean `check`?').waitFor();
  assert.equal(await page.getByText('ready to publish').count(), 0);

  // `correct = yes` gets plain words, and the check keeps its place in the preview.
  await source.fill(draftModule(draftCheck('```check', 'correct = yes')));
  const message = '`correct = yes`: write true or false, in lowercase and without quotes';
  await messages.getByText(`Error, line 29: the knowledge check is not valid: ${message}`).waitFor();
  const placeholder = preview.locator('.broken-block');
  await placeholder.getByText('This check has an error on line 22').waitFor();
  await placeholder.getByText(message, { exact: false }).waitFor();

  // The messages are a list beside the editor, not below it off screen.
  assert.equal(await page.locator('ul.check-results__list > li').count(), 1);
  const [editorBox, messagesBox] = [await source.boundingBox(), await messages.boundingBox()];
  assert.ok(messagesBox.x >= editorBox.x + editorBox.width, 'the messages sit to the right of the editor on a desktop');
  assert.ok(messagesBox.y < editorBox.y + editorBox.height, 'and start beside it, not under it');

  // Clicking a message focuses the editor with the caret at the start of line 29.
  await messages.getByRole('button', { name: /line 29/ }).click();
  const caret = await source.evaluate((element) => ({
    focused: document.activeElement === element,
    line: element.value.slice(0, element.selectionStart).split('\n').length,
    column: element.selectionStart - element.value.lastIndexOf('\n', element.selectionStart - 1) - 1,
  }));
  assert.deepEqual(caret, { focused: true, line: 29, column: 0 });

  // The gutter numbers every line, is hidden from screen readers, and scrolls with the text.
  const gutter = page.locator('.editor__gutter');
  assert.equal(await gutter.getAttribute('aria-hidden'), 'true');
  const lines = (await source.inputValue()).split('\n').length;
  assert.equal((await gutter.textContent()).split('\n').length, lines);
  await source.evaluate((element) => { element.scrollTop = 200; element.dispatchEvent(new Event('scroll')); });
  assert.equal(await gutter.evaluate((element) => element.scrollTop), await source.evaluate((element) => element.scrollTop));
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a module with no errors says what to do next, and the format guide is in the app', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await page.goto(`${server.base}/author`);
  await appReady(page);
  await page.getByLabel('Module file').fill(draftModule(draftCheck('```check', 'correct = true')));
  await page.getByText('No problems found: this module is ready to publish.').waitFor();
  await page.getByText(/add the file to the modules\/ folder of Praxis through the usual review/).waitFor();

  // The same module opened from a file a Windows editor saved with a byte-order mark.
  await page.getByRole('button', { name: 'Start again from the example' }).click();
  await page.getByText('Started again from the example module.').waitFor();
  await page.getByLabel('Open a .md file').setInputFiles({
    name: 'from-notepad.md', mimeType: 'text/markdown',
    buffer: Buffer.from(`\ufeff${draftModule(draftCheck('```check', 'correct = true'))}`, 'utf8'),
  });
  await page.getByText('Loaded from-notepad.md.').waitFor();
  await page.getByText('No problems found: this module is ready to publish.').waitFor();

  await page.getByRole('link', { name: 'guide to writing modules' }).click();
  await page.getByRole('heading', { level: 1, name: 'Writing Praxis modules' }).waitFor();
  await page.getByRole('heading', { name: 'The front matter' }).waitFor();
  // Inline code renders without its backticks.
  await page.getByText(/unknown block type chek: did you mean check\?/).waitFor();
  await page.getByRole('link', { name: 'Back to the editor' }).click();
  await page.getByLabel('Module file').waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();
});

// Markdown, front-matter and block payloads that must render inert.
const PAYLOADS = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 1">',
  '<svg onload="window.__pwned = 1"></svg>',
  '<iframe src="javascript:window.__pwned = 1"></iframe>',
  '<a href="javascript:window.__pwned = 1">click</a>',
  '<details open ontoggle="window.__pwned = 1">x</details>',
  '<body onload="window.__pwned = 1">',
  '<input autofocus onfocus="window.__pwned = 1">',
  '<object data="javascript:window.__pwned = 1"></object>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned = 1">',
  '<base href="http://127.0.0.2/">',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned = 1">',
  '<style>body { display: none }</style>',
  '[click](javascript:window.__pwned=1)',
  '[click](JaVaScRiPt:window.__pwned=1)',
  '[click](java\tscript:window.__pwned=1)',
  '[click](<javascript:window.__pwned=1>)',
  '[click](&#106;avascript:window.__pwned=1)',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](vbscript:msgbox(1))',
  '[click][ref]\n\n[ref]: javascript:window.__pwned=1',
  '![pic](javascript:window.__pwned=1)',
  '![pic](https://127.0.0.2/track.png)',
  // Unicode whitespace that a trim would remove but a browser keeps: the
  // renderer must write out exactly the URL it classified.
  '[click](\u00a0javascript:window.__pwned=1)',
  '[click](&nbsp;javascript:window.__pwned=1)',
  '[click](\ufeffjavascript:window.__pwned=1)',
  '[click](\u2000\u200ajavascript:window.__pwned=1)',
  '[click](<\u2003javascript:window.__pwned=1\u3000>)',
  '[click](&#12288;JaVa&Tab;ScRiPt:window.__pwned=1)',
  '[click][nbsp]\n\n[nbsp]: \u00a0javascript:window.__pwned=1',
  '![pic](\u00a0javascript:window.__pwned=1)',
  '![pic](\u3000//127.0.0.2/track.png)',
  '[t](/cpd "\\"><img src=x onerror=window.__pwned=1>")',
  '```key-point\n<img src=x onerror="window.__pwned = 1">[k](javascript:window.__pwned=1)\n```',
  '```check\nid = "x"\nquestion = "<img src=x onerror=window.__pwned=1>"\nexplanation = "<script>window.__pwned=1</script>"\n\n[[option]]\ntext = "<b onmouseover=window.__pwned=1>a</b>"\ncorrect = true\nfeedback = "<script>window.__pwned=1</script>"\n\n[[option]]\ntext = "b"\nfeedback = "c"\n```',
];

test(`an XSS corpus of ${PAYLOADS.length} payloads typed on /author never runs`, async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  let dialogs = 0;
  page.on('dialog', (dialog) => { dialogs += 1; dialog.dismiss(); });
  await page.goto(`${server.base}/author`);
  await appReady(page);
  const source = page.getByLabel('Module file');
  const preview = page.locator('.author__preview');
  for (const [index, payload] of PAYLOADS.entries()) {
    const title = `Payload ${index} <img src=x onerror=window.__pwned=1>`;
    await source.fill(draftModule(`Marker ${index}.\n\n${payload}`, title));
    await preview.getByText(`Marker ${index}.`).waitFor();
    await preview.locator('.choice label, .prose').first().hover().catch(() => {});
    const found = await preview.evaluate((root) => {
      const bad = [];
      for (const element of root.querySelectorAll('*')) {
        const tag = element.tagName.toLowerCase();
        if (['script', 'iframe', 'object', 'embed', 'svg', 'math', 'style', 'base', 'meta', 'details', 'body'].includes(tag)) bad.push(`<${tag}>`);
        for (const attribute of element.attributes) {
          if (attribute.name.startsWith('on')) bad.push(`${tag}[${attribute.name}]`);
          if (['href', 'src', 'data', 'action'].includes(attribute.name) && /^\s*(javascript|data|vbscript):/i.test(attribute.value)) bad.push(`${tag}[${attribute.name}=${attribute.value}]`);
          if (attribute.name === 'src' && /^https?:/i.test(attribute.value)) bad.push(`remote ${tag}[src]`);
          // The URL as this browser parses it, not as a pattern guesses: only web and mail links.
          if (['href', 'src'].includes(attribute.name)) {
            let url;
            try { url = new URL(attribute.value, document.baseURI); } catch { url = null; }
            if (!url || !['http:', 'https:', 'mailto:'].includes(url.protocol)) bad.push(`${tag}[${attribute.name}] is ${url?.protocol ?? 'unparseable'}`);
            if (attribute.name === 'src' && url?.origin !== location.origin) bad.push(`remote ${tag}[src] from ${url?.origin}`);
          }
        }
      }
      return bad;
    });
    assert.deepEqual(found, [], `payload ${index} left live markup: ${payload}`);
  }
  // Clicking every link in the last-rendered payloads must not run anything either.
  for (const link of await preview.locator('a').all()) await link.click({ trial: true }).catch(() => {});
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(dialogs, 0);
  assert.deepEqual(page.problems, []);
  await context.close();
});

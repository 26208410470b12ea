// The benchmark behind scripts/bench: every figure is taken beside its
// reference in the same run (these machines are noisy), as the median of
// repeated, interleaved runs, and printed as one table with the ratio and
// the target (issue #17). Nothing here fails a build; see bench/README.md
// for what each row means and what each page load waits for.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { launchBrowser, storedText } from '../tests/e2e/harness.mjs';

const quick = process.argv.includes('--quick');
// `--only career,browser-rollup`: just those parts, while working on one of them.
const PARTS = ['scaling', 'sizes', 'cli-rollup', 'pages', 'career', 'browser-rollup'];
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt < 0 ? PARTS : process.argv[onlyAt + 1]?.split(',') ?? [];
const unknownPart = only.find((part) => !PARTS.includes(part));
if (unknownPart !== undefined) throw new Error(`--only takes some of ${PARTS.join(', ')}; not ${unknownPart}`);
const running = (part) => only.includes(part);
const RUNS = quick ? 3 : 7;
const PHONE_RUNS = quick ? 3 : 5;
const BROWSER_ROLLUP_FILES = 1000;
const CLI_ROLLUP_FILES = 10000;
const root = fileURLToPath(new URL('../', import.meta.url));
const dist = join(root, 'dist');
const work = join(root, 'target/bench');
const cli = join(root, 'target/release/praxis-cli');
const MODULE = 'what-ai-is';
const rows = [];
const notes = [];

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value) => `${value.toFixed(0)} ms`;
const times = (value, reference, what) => `${(value / Math.max(reference, 0.1)).toFixed(2)}× ${what}`;
/** One row of the table; `met` undefined means the row is reported, not judged. */
function row(figure, value, reference, ratio, target, met) {
  rows.push({ figure, value, reference, ratio, target, verdict: met === undefined ? '' : met ? 'met' : 'MISSED' });
}
function log(message) { process.stderr.write(`--> ${message}\n`); }

// Lighthouse's mobile profile (its "slow 4G" numbers: 150 ms round trip,
// 1.6 Mb/s down, 750 kb/s up, CPU 4× slower) applied through the DevTools
// protocol, on the screen of a common phone. DevTools throttles per request
// (each response waits at least the round trip), not per packet.
const PROFILES = {
  loopback: { name: 'loopback', runs: RUNS, context: {} },
  phone: {
    name: 'phone',
    runs: PHONE_RUNS,
    context: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
    cpuSlowdown: 4,
    network: { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
  },
};

// ---------------------------------------------------------------------------
// One server for the app and its references, gzipped as a real host would.

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.webmanifest': 'application/manifest+json', '.woff2': 'font/woff2', '.woff': 'font/woff',
  '.ttf': 'font/ttf', '.eot': 'application/vnd.ms-fontobject', '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = /^(text\/|application\/(wasm|json|manifest\+json|vnd\.ms-fontobject)|image\/svg|font\/ttf)/;
// Trunk (and mdBook) put a content hash in file names that change; a host
// lets browsers keep those for a year and asks again for everything else.
const HASHED = /[-.][0-9a-f]{8,}(_bg)?\.[a-z0-9]+$/;

/**
 * Serves the app's dist/ at `/` (a path that is not a file gets the page a
 * static host would give it: `path.html`, `path/index.html`, else the app's
 * index.html) and each of `mounts` under its own prefix. Text, wasm, js and
 * css go gzipped (level 9, as a host that precompresses would), with an
 * ETag so that revalidation costs no body.
 */
async function serve(mounts) {
  const cache = new Map();
  const resolve = (pathname) => {
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (pathname.startsWith(`${prefix}/`)) {
        const file = join(dir, normalize(pathname.slice(prefix.length)));
        if (existsSync(file) && statSync(file).isFile()) return file;
        return existsSync(join(file, 'index.html')) ? join(file, 'index.html') : null;
      }
    }
    const file = join(dist, normalize(pathname));
    for (const candidate of [file, `${file}.html`, join(file, 'index.html')]) {
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    return extname(pathname) ? null : join(dist, 'index.html');
  };
  const server = createServer((request, response) => {
    const file = resolve(decodeURIComponent(new URL(request.url, 'http://x').pathname));
    if (!file) { response.writeHead(404).end(); return; }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    const key = `${file}|${gzip}`;
    if (!cache.has(key)) {
      const raw = readFileSync(file);
      const body = gzip ? gzipSync(raw, { level: 9 }) : raw;
      cache.set(key, { body, etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"` });
    }
    const { body, etag } = cache.get(key);
    const headers = {
      'content-type': type, etag, vary: 'accept-encoding',
      'cache-control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    };
    if (request.headers['if-none-match'] === etag) { response.writeHead(304, headers).end(); return; }
    response.writeHead(200, { ...headers, 'content-length': body.length });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { base: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((done) => server.close(done)) };
}

// ---------------------------------------------------------------------------
// The references: the same module as a page of an mdBook built from
// modules/, and as a bare HTML page (the floor: text and nothing else).

function buildReferences() {
  const book = join(work, 'book');
  rmSync(book, { recursive: true, force: true });
  mkdirSync(join(book, 'src'), { recursive: true });
  const chapters = readdirSync(join(root, 'modules')).filter((f) => f.endsWith('.md') && f !== 'README.md').sort();
  let title = '';
  for (const file of chapters) {
    const source = readFileSync(join(root, 'modules', file), 'utf8');
    const [, front, body] = source.split(/^\+\+\+$/m);
    const heading = /^title = "(.*)"$/m.exec(front)[1];
    if (file === `${MODULE}.md`) title = heading;
    writeFileSync(join(book, 'src', file), `# ${heading}\n${body}`);
  }
  writeFileSync(join(book, 'src/SUMMARY.md'), `# Summary\n\n${chapters.map((f) => `- [${f}](${f})`).join('\n')}\n`);
  writeFileSync(join(book, 'book.toml'), '[book]\ntitle = "Praxis modules"\n[output.html]\n');
  execFileSync('mdbook', ['build', book], { stdio: 'ignore' });
  const page = readFileSync(join(book, 'book', `${MODULE}.html`), 'utf8');
  const main = /<main>([\s\S]*)<\/main>/.exec(page)[1];
  const plain = join(work, 'plain');
  mkdirSync(plain, { recursive: true });
  writeFileSync(join(plain, `${MODULE}.html`), `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><body><main>${main}</main></body></html>`);
  return { book: join(book, 'book'), plain };
}

// ---------------------------------------------------------------------------
// Page loads.

/**
 * Installed before any page script: records first contentful paint, the
 * latest largest-contentful-paint candidate, and when the page became
 * interactive. For the app that is the first moment both hold: the app
 * has set its `praxis:mounted` mark (src/web/mod.rs, after mounting; static
 * or prerendered HTML cannot set it) and a knowledge check on the page has
 * an enabled radio or checkbox; `interactive` is the task after the next
 * frame, which shows it. The times are on the page's own clock.
 */
function observePage() {
  const seen = { fcp: undefined, lcp: undefined, inputsAt: undefined, ready: undefined, interactive: undefined };
  window.__bench = seen;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') seen.fcp = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) seen.lcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  const answerable = () => [...document.querySelectorAll('form.check input[type=radio], form.check input[type=checkbox]')]
    .some((input) => input.matches(':enabled'));
  const update = () => {
    if (seen.interactive !== undefined) return;
    const mounted = performance.getEntriesByName('praxis:mounted')[0];
    if (!mounted || seen.inputsAt === undefined || !answerable() || seen.ready) return;
    // Answerable once the learner can see it: the task after the next frame, which painted it.
    seen.ready = Math.max(mounted.startTime, seen.inputsAt);
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { seen.interactive = performance.now(); };
      channel.port2.postMessage(null);
    });
  };
  new MutationObserver(() => {
    if (answerable()) seen.inputsAt ??= performance.now();
    else seen.inputsAt = undefined;
    update();
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
  new PerformanceObserver(update).observe({ type: 'mark', buffered: true });
}

/** A fresh browser context and page under `profile`, cache off if `cold`; the DevTools session is returned too. */
async function openProfiled(browser, profile, { cold = true } = {}) {
  // Service workers are blocked: the app registers one only after it has
  // started, and its precaching would otherwise be counted as the page's bytes.
  const context = await browser.newContext({ ...profile.context, serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: cold });
  if (profile.network) await cdp.send('Network.emulateNetworkConditions', profile.network);
  if (profile.cpuSlowdown) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown });
  await page.addInitScript(observePage);
  return { context, page, cdp };
}

/** Every response the page's document fetched so far (Resource Timing, the document included). */
function fetched(page) {
  return page.evaluate(() => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
    .map((e) => ({ url: e.name, bytes: e.transferSize, end: e.responseEnd })));
}

/**
 * One cold load of `url` under `profile`. `app` loads wait until the page is
 * interactive (see observePage); references until their load event, which
 * stands for their "interactive". Then the page is left to settle so the
 * last LCP candidate is painted. Bytes are counted up to the interactive moment.
 */
async function coldLoad(browser, profile, url, { app }) {
  const { context, page } = await openProfiled(browser, profile);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120000 });
    if (app) {
      await page.waitForFunction(() => window.__bench.interactive !== undefined, null, { polling: 50, timeout: 120000 })
        .catch(() => { throw new Error(`${url} never became interactive: no praxis:mounted mark with an enabled check input`); });
    }
    await page.waitForTimeout(profile.cpuSlowdown ? 1000 : 300);
    const seen = await page.evaluate(() => ({ ...window.__bench, load: performance.getEntriesByType('navigation')[0].loadEventEnd }));
    const interactive = app ? seen.interactive : seen.load;
    const responses = await fetched(page);
    const before = responses.filter((r) => r.end <= interactive);
    return { fcp: seen.fcp, lcp: seen.lcp, interactive, bytes: before.reduce((sum, r) => sum + r.bytes, 0), responses: before };
  } finally {
    await context.close();
  }
}

const stat = (runs, key) => median(runs.map((r) => r[key]));

/** Cold loads of the module page and its references, interleaved, under each profile. */
async function pageLoads(browser, base) {
  const urls = { app: `${base}/modules/${MODULE}`, book: `${base}/book/${MODULE}.html`, plain: `${base}/plain/${MODULE}.html` };
  const results = {};
  for (const profile of Object.values(PROFILES)) {
    log(`cold loads, ${profile.name} profile (${profile.runs} runs each)`);
    // The bare page is the floor on loopback only; under the phone profile it adds nothing to a target.
    const names = profile.cpuSlowdown ? ['app', 'book'] : ['app', 'book', 'plain'];
    const runs = Object.fromEntries(names.map((n) => [n, []]));
    for (let run = 0; run < profile.runs; run += 1) {
      for (const name of names) runs[name].push(await coldLoad(browser, profile, urls[name], { app: name === 'app' }));
    }
    results[profile.name] = runs;
    const target = profile.cpuSlowdown ? 1.5 : 1.2;
    for (const [key, label] of [['fcp', 'first contentful paint'], ['lcp', 'largest contentful paint']]) {
      const [app, book] = [stat(runs.app, key), stat(runs.book, key)];
      const plain = runs.plain ? `; bare HTML ${ms(stat(runs.plain, key))}` : '';
      row(`Module text, ${label} (${profile.name})`, ms(app), `mdBook ${ms(book)}${plain}`, times(app, book, 'mdBook'), `≤ ${target}× mdBook`, app <= target * book);
    }
    const [app, book] = [stat(runs.app, 'interactive'), stat(runs.book, 'interactive')];
    row(`Interactive: a check can be answered (${profile.name})`, ms(app), `mdBook load event ${ms(book)}`, times(app, book, 'mdBook'),
      profile.cpuSlowdown ? 'aim ≤ 2× mdBook' : 'reported', profile.cpuSlowdown ? app <= 2 * book : undefined);
  }
  const phone = results.phone;
  const shell = stat(phone.app, 'bytes');
  row('Learner shell: bytes before interactive (phone, cold)', kb(shell), `mdBook page to load ${kb(stat(phone.book, 'bytes'))}`,
    times(shell, stat(phone.book, 'bytes'), 'mdBook'), '≤ 250 KB', shell <= 250 * 1024);
  const sample = phone.app[0].responses.filter((r) => r.bytes > 0).sort((a, b) => b.bytes - a.bytes);
  notes.push(`Learner shell, first phone run (${kb(sample.reduce((s, r) => s + r.bytes, 0))}): ` +
    sample.map((r) => `${new URL(r.url).pathname} ${kb(r.bytes)}`).join(', '));
}

/**
 * What opening a tool adds: a module page loaded until interactive (cache
 * on, as a returning visitor's browser has it), then the tool's address,
 * until it shows `ready` after a `praxis:mounted` mark and the network has
 * been quiet for a second. Counted from the DevTools protocol, so a page
 * that hands over to another (the learners' app loading the tools' page)
 * is counted whole: the bytes each response took on the wire (cache hits are 0).
 * A tool that does not open is a row that says so, not a failed run.
 */
async function toolBytes(browser, base) {
  const tools = [
    { path: '/author', ready: '#module-source' },
    { path: '/employer', ready: '#staff-files' },
  ];
  for (const { path, ready } of tools) {
    const { context, page, cdp } = await openProfiled(browser, PROFILES.loopback, { cold: false });
    try {
      const urls = new Map(), bytes = new Map();
      let inFlight = 0, lastChange = Date.now();
      const change = (delta) => { inFlight = Math.max(0, inFlight + delta); lastChange = Date.now(); };
      cdp.on('Network.requestWillBeSent', (e) => { urls.set(e.requestId, e.request.url); change(1); });
      cdp.on('Network.loadingFinished', (e) => { bytes.set(e.requestId, e.encodedDataLength); change(-1); });
      cdp.on('Network.loadingFailed', () => change(-1));
      await page.goto(`${base}/modules/${MODULE}`);
      await page.waitForFunction(() => window.__bench.interactive !== undefined, null, { timeout: 60000 });
      urls.clear();
      bytes.clear();
      await page.goto(`${base}${path}`);
      const opened = await page.waitForFunction((selector) => performance.getEntriesByName('praxis:mounted').length > 0 && document.querySelector(selector),
        ready, { timeout: 30000 }).then(() => true, () => false);
      const deadline = Date.now() + 30000;
      while ((inFlight > 0 || Date.now() - lastChange < 1000) && Date.now() < deadline) await page.waitForTimeout(100);
      const fetchedHere = [...bytes].filter(([id, n]) => n > 0 && urls.has(id)).map(([id, n]) => ({ url: urls.get(id), bytes: n }));
      const total = fetchedHere.reduce((sum, r) => sum + r.bytes, 0);
      const files = fetchedHere.sort((a, b) => b.bytes - a.bytes).map((r) => `${new URL(r.url).pathname} ${kb(r.bytes)}`).join(', ');
      row(`Opening ${path} after a module page adds`, opened ? kb(total) : 'did not open',
        opened ? files || 'nothing fetched' : `no ${ready} after a praxis:mounted mark within 30 s at ${new URL(page.url()).pathname} (fetched: ${files || 'nothing'})`,
        '', 'only when opened', undefined);
    } finally {
      await context.close();
    }
  }
}

// ---------------------------------------------------------------------------
// What is in dist/, and what makes the wasm big.

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

function sizes() {
  const files = walk(dist).filter((f) => /\.(wasm|js|css)$/.test(f) && !f.endsWith('sw.js'));
  for (const file of files) {
    const bytes = readFileSync(file);
    const gzip = gzipSync(bytes, { level: 9 }).length;
    const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    row(`dist/${relative(dist, file)}`, `${kb(gzip)} gzip`, `raw ${kb(bytes.length)}; brotli ${kb(brotli)}`, '', '', undefined);
  }
  const markdown = Buffer.concat(readdirSync(join(root, 'modules')).filter((f) => f.endsWith('.md'))
    .map((f) => readFileSync(join(root, 'modules', f))));
  const [raw, curriculum] = [markdown.length, gzipSync(markdown, { level: 9 }).length];
  notes.push(`The curriculum's Markdown (inside the wasm's .rodata): ${kb(raw)} raw, ${kb(curriculum)} gzip -9.`);
}

/**
 * Which crate (or, inside Praxis, which module) an item of `twiggy top`
 * belongs to: the first path of its demangled name, e.g. `toml` for
 * `<toml::de::ValueDeserializer as serde::Deserializer>::deserialize_struct`.
 */
function owner(name) {
  if (/^("function names"|custom section)/.test(name)) return '(custom sections: function names, not shipped)';
  if (/^(export "__wbindgen_describe|__wbindgen_describe)/.test(name)) return '(wasm-bindgen descriptors, not shipped)';
  if (name.startsWith('data segment')) return `(data: ${name.slice('data segment '.length)})`;
  // A blanket impl on a type parameter (`<T as tachys::…>`) belongs to the trait's crate.
  const blanket = /^<[A-Z]\w* as ([A-Za-z_]\w*)/.exec(name);
  if (blanket) return blanket[1];
  const path = /^[<&\s]*(?:mut |dyn )?([A-Za-z_]\w*(?:::[A-Za-z_]\w*)*)/.exec(name);
  if (!path) return '(other: tables, types, imports, exports)';
  const segments = path[1].split('::');
  return segments[0] === 'praxis' ? segments.slice(0, 3).join('::') : segments[0];
}

/**
 * twiggy on each wasm as Trunk handed it to wasm-opt (after wasm-bindgen,
 * which keeps the function names that wasm-opt then strips): the biggest
 * items, the dominator tree, and shallow bytes summed by crate (Praxis by module).
 */
function twiggy() {
  const built = join(root, 'target/wasm-bindgen/release');
  const wasms = existsSync(built) ? readdirSync(built).filter((f) => f.endsWith('_bg.wasm')) : [];
  if (wasms.length === 0) throw new Error(`no wasm in ${built}: run trunk build --release first`);
  const reports = [];
  for (const file of wasms) {
    const wasm = join(built, file);
    const run = (...args) => execFileSync('twiggy', [...args, wasm], { maxBuffer: 1 << 28 }).toString();
    const byOwner = new Map();
    for (const { name, shallow_size: size } of JSON.parse(run('top', '-f', 'json'))) {
      byOwner.set(owner(name), (byOwner.get(owner(name)) ?? 0) + size);
    }
    // The dominator tree's top is the indirect-call table, which keeps nearly
    // everything alive; what matters is the biggest subtrees under it.
    const subtrees = [];
    const visit = (node) => {
      for (const child of node.children ?? []) {
        if (/^(table|elem)\[/.test(child.name)) visit(child);
        else if (!child.name.startsWith('"function names"')) subtrees.push(child);
      }
    };
    JSON.parse(run('dominators', '-f', 'json')).items.forEach(visit);
    const dominators = subtrees.sort((a, b) => b.retained_size - a.retained_size).slice(0, 25)
      .map((n) => `${kb(n.retained_size).padStart(10)}  ${n.name}`).join('\n');
    const owners = [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, 25)
      .map(([name, size]) => `${kb(size).padStart(10)}  ${name}`).join('\n');
    reports.push(`### ${file} (${kb(statSync(wasm).size)} with names, before wasm-opt)\n\n` +
      `twiggy top -n 15:\n\n${run('top', '-n', '15')}\ntwiggy top --retained -n 25:\n\n${run('top', '--retained', '-n', '25')}\n` +
      `twiggy dominators, the 25 biggest subtrees below the function table (retained bytes):\n\n${dominators}\n\nShallow bytes by crate (Praxis by module), top 25:\n\n${owners}\n`);
  }
  return reports.join('\n');
}

// ---------------------------------------------------------------------------
// A 40-year career in the browser: storage, load + dashboard, exports.

async function career(browser, base) {
  const backupPath = join(work, 'career-40.json');
  writeFileSync(backupPath, execFileSync(cli, ['sample', '--years', '40', '--seed', '40', '--end', '2026-11-01'], { maxBuffer: 1 << 28 }));
  const backup = JSON.parse(readFileSync(backupPath, 'utf8'));
  backup.record.profile.regulator = 'nmc';
  const context = await browser.newContext({ acceptDownloads: true, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${base}/settings`);
  await page.locator('main h1').waitFor();
  // Stored as this version of the app stores it (the backup's format version is the stored one).
  const stored = JSON.stringify({ schema_version: backup.schema_version, record: backup.record });
  await storedText(page, 'put', 'record', stored);
  const footprint = Buffer.byteLength(await storedText(page, 'get'));
  const reference = readFileSync(backupPath).length;
  row('40-year record in storage', kb(footprint), `backup file ${kb(reference)}`, times(footprint, reference, 'file'), '≤ 1.5 MB', footprint <= 1.5 * 1024 * 1024);

  // The reference: JSON.parse alone of the text the app reads, already in memory.
  const parseStored = () => page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('praxis');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction('kv').objectStore('kv').get('record');
      request.onsuccess = () => {
        open.result.close();
        const started = performance.now();
        JSON.parse(request.result);
        resolve(performance.now() - started);
      };
    };
  }));
  const dashboard = [], parse = [], steps = [];
  // Where the time goes: reading the record, mounting the app, drawing the dashboard.
  const STEPS = ['praxis:load-start', 'praxis:record-opened', 'praxis:mounted', 'praxis:dashboard-rendered'];
  for (let run = 0; run < RUNS; run += 1) {
    await page.goto(`${base}/`);
    await page.waitForFunction(() => performance.getEntriesByName('praxis:dashboard-rendered').length > 0);
    const at = await page.evaluate((names) => names.map((name) => performance.getEntriesByName(name)[0].startTime), STEPS);
    dashboard.push(at[3] - at[0]);
    steps.push(at.slice(1).map((time, i) => time - at[i]));
    parse.push(await parseStored());
  }
  const [d, p] = [median(dashboard), median(parse)];
  row('40-year record: load + dashboard', ms(d), `JSON.parse ${ms(p)}`, times(d, p, 'parse'), '≤ 4× parse', d <= 4 * p);
  const step = (i) => ms(median(steps.map((s) => s[i])));
  notes.push(`Load + dashboard, medians by step: record read and decoded ${step(0)}, app mounted ${step(1)}, dashboard drawn ${step(2)}.`);

  const exports = { backup: 'Download backup (JSON)', csv: 'Completion spreadsheet (CSV)', badges: 'Open Badges 3.0 (JSON)', xapi: 'Download xAPI statements (JSON)' };
  const exportRow = (name, values) => row(`40-year record: export ${name}`, ms(median(values)), `JSON.parse ${ms(p)}`, times(median(values), p, 'parse'), '≤ 100 ms', median(values) <= 100);
  for (const [name, button] of Object.entries(exports)) {
    const values = [];
    for (let run = 0; run < RUNS; run += 1) {
      await page.goto(`${base}/export`);
      await page.getByRole('button', { name: button }).waitFor();
      await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
      values.push(await page.evaluate((n) => performance.getEntriesByName(`praxis:export:${n}`).at(-1).duration, name));
    }
    exportRow(name, values);
  }
  const portfolio = [];
  for (let run = 0; run < RUNS; run += 1) {
    await page.goto(`${base}/portfolio`);
    await page.waitForFunction(() => performance.getEntriesByName('praxis:export:portfolio').length > 0);
    portfolio.push(await page.evaluate(() => performance.getEntriesByName('praxis:export:portfolio').at(-1).duration));
  }
  exportRow('portfolio', portfolio);
  await context.close();
}

// ---------------------------------------------------------------------------
// Employer roll-up: in the browser, and with praxis-cli, each against a
// pass that only reads and parses the same files.

function staffFiles() {
  const dir = join(work, `staff-${CLI_ROLLUP_FILES}`);
  if (!existsSync(dir) || readdirSync(dir).length !== CLI_ROLLUP_FILES) {
    rmSync(dir, { recursive: true, force: true });
    log(`writing ${CLI_ROLLUP_FILES} synthetic staff backups (kept for later runs)`);
    execFileSync(cli, ['sample', '--years', '1', '--count', String(CLI_ROLLUP_FILES), '--out', dir, '--end', '2026-11-01']);
  }
  return { dir, files: readdirSync(dir).sort().map((f) => join(dir, f)) };
}

async function browserRollup(browser, base, files) {
  const chosen = files.slice(0, BROWSER_ROLLUP_FILES);
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const app = [], reference = [];
  for (let run = 0; run < (quick ? 1 : 3); run += 1) {
    await page.goto(`${base}/employer`);
    const input = page.getByLabel('Add staff files (you can also drop them here)');
    if (!await input.waitFor({ timeout: 30000 }).then(() => true, () => false)) {
      row(`Roll-up of ${chosen.length} backups, browser`, 'not measured', `/employer showed no staff-file field within 30 s (at ${new URL(page.url()).pathname})`, '', '≤ 1.5× parse', undefined);
      await context.close();
      return;
    }
    await input.setInputFiles(chosen);
    await page.waitForFunction(() => performance.getEntriesByName('praxis:rollup').length > 0, null, { timeout: 600000 });
    app.push(await page.evaluate(() => performance.getEntriesByName('praxis:rollup')[0].duration));
    // The app clears its input after taking the files, so the reference gets an input of its own.
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('input'), { type: 'file', id: 'reference', multiple: true })));
    await page.setInputFiles('#reference', chosen);
    reference.push(await page.evaluate(async () => {
      const started = performance.now();
      for (const file of document.getElementById('reference').files) JSON.parse(await file.text());
      return performance.now() - started;
    }));
  }
  await context.close();
  const [a, r] = [median(app), median(reference)];
  row(`Roll-up of ${chosen.length} backups, browser`, ms(a), `read + JSON.parse ${ms(r)}`, times(a, r, 'parse'), '≤ 1.5× parse', a <= 1.5 * r);
}

/** Wall time, and CPU time (user + system, from /usr/bin/time) which other people's builds on this machine disturb less. */
function timeProcess(command, args) {
  const cpuFile = join(work, 'cpu-time.txt');
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%U %S', '-o', cpuFile, command, ...args], { stdio: ['ignore', 'ignore', 'ignore'] });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  const [user, system] = readFileSync(cpuFile, 'utf8').trim().split(/\s+/).map(Number);
  return { wall, cpu: (user + system) * 1000 };
}

function cliRollup(dir, count) {
  const parseAll = 'import json,sys,pathlib\nfor p in sorted(pathlib.Path(sys.argv[1]).iterdir()): json.loads(p.read_bytes())';
  const cliRuns = [], pythonRuns = [];
  for (let run = 0; run < (quick ? 1 : 3); run += 1) {
    cliRuns.push(timeProcess(cli, ['rollup', dir]));
    pythonRuns.push(timeProcess('python3', ['-c', parseAll, dir]));
  }
  const [c, p] = [stat(cliRuns, 'wall'), stat(pythonRuns, 'wall')];
  const [cc, pc] = [stat(cliRuns, 'cpu'), stat(pythonRuns, 'cpu')];
  row(`Roll-up of ${count} backups, praxis-cli`, ms(c), `Python json.loads ${ms(p)} (CPU: ${ms(cc)} vs ${ms(pc)})`,
    `${times(c, p, 'Python')} (CPU ${times(cc, pc, 'Python')})`, '≤ 1.2× Python', c <= 1.2 * p);
}

// Growth with input size: merge, the /author checker, the CSV reader and
// the roll-up's combine, timed at n, 2n and 4n by praxis-cli. A ratio near
// 2 per doubling is linear; near 4 is quadratic (issue #15).
function scaling() {
  const results = JSON.parse(execFileSync(cli, ['bench-scaling', '--json', '--scale', quick ? '1' : '2']).toString());
  for (const { what, sizes: n, ms: taken, ratios } of results) {
    row(`Scaling: ${what} (${n.join('/')})`, `${taken.map((t) => t.toFixed(1)).join(' / ')} ms`, 'n, 2n, 4n',
      `${ratios.map((r) => r.toFixed(2)).join(', ')}× per doubling`, '≤ 2.5× per doubling', Math.max(...ratios) <= 2.5);
  }
}

// ---------------------------------------------------------------------------

const started = Date.now();
mkdirSync(work, { recursive: true });
if (running('scaling')) {
  log('scaling (praxis-cli)');
  scaling();
}
let wasmReport = '(not measured in this run)';
if (running('sizes')) {
  log('sizes and twiggy');
  sizes();
  wasmReport = twiggy();
}
const staff = running('cli-rollup') || running('browser-rollup') ? staffFiles() : undefined;
if (running('cli-rollup')) {
  log(`praxis-cli roll-up of ${CLI_ROLLUP_FILES} files against Python`);
  cliRollup(staff.dir, staff.files.length);
}
if (running('pages') || running('career') || running('browser-rollup')) {
  const { book, plain } = running('pages') ? buildReferences() : {};
  const server = await serve(running('pages') ? { '/book': book, '/plain': plain } : {});
  const browser = await launchBrowser();
  try {
    if (running('pages')) {
      await pageLoads(browser, server.base);
      log('bytes the tools add');
      await toolBytes(browser, server.base);
    }
    if (running('career')) {
      log('40-year career');
      await career(browser, server.base);
    }
    if (running('browser-rollup')) {
      log(`browser roll-up of ${BROWSER_ROLLUP_FILES} files`);
      await browserRollup(browser, server.base, staff.files);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

// Issue #17's rows first, then the record, the roll-ups, growth, and what is in dist/.
const GROUPS = [/^(Module text|Interactive|Learner shell|Opening)/, /^40-year/, /^Roll-up/, /^Scaling/, /^dist\//];
const group = (r) => GROUPS.findIndex((pattern) => pattern.test(r.figure));
rows.sort((a, b) => group(a) - group(b));
const columns = ['figure', 'value', 'reference', 'ratio', 'target', 'verdict'];
const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
const line = (cells) => `| ${cells.map((cell, i) => String(cell).padEnd(widths[i])).join(' | ')} |`;
const table = [line(columns), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map((r) => line(columns.map((c) => r[c])))].join('\n');
const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).stdout.toString().trim();
const summary = `Medians of ${RUNS} runs (phone profile: ${PHONE_RUNS}; roll-ups: ${quick ? 1 : 3}), ` +
  `commit ${commit}, ${((Date.now() - started) / 1000).toFixed(0)} s.`;
const report = `${table}\n\n${summary}\n\n${notes.map((n) => `- ${n}`).join('\n')}\n\n## What makes the wasm big\n\n${wasmReport}`;
console.log(report);
writeFileSync(join(work, 'results.md'), `${report}\n`);
writeFileSync(join(work, 'results.json'), `${JSON.stringify({ commit, quick, rows, notes }, null, 2)}\n`);
log(`also written to ${relative(root, join(work, 'results.md'))} and results.json`);

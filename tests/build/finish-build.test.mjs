// scripts/finish-build.mjs on a made-up build, without Trunk or a browser:
// the modules' images land in DIST/images/ and the service worker precaches
// them under the public URL, so a module's `/images/…` works offline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const script = new URL('../../scripts/finish-build.mjs', import.meta.url).pathname;
const boot = '<script type="module" src="/boot.js" id="praxis-boot"></script>';

/** A DIST and TOOLS pair as Trunk leaves them, and an images folder holding `images`. */
async function madeUpBuild(images) {
  const root = await mkdtemp(join(tmpdir(), 'praxis-finish-build-'));
  const [dist, tools, folder] = ['dist', 'tools', 'images'].map((name) => join(root, name));
  await mkdir(dist);
  await mkdir(tools);
  await writeFile(join(dist, 'index.html'), `<html><head>${boot}</head></html>`);
  await writeFile(join(dist, 'praxis-1_bg.wasm'), 'wasm');
  await writeFile(join(tools, 'index.html'), `<html><head><meta name="praxis-tools-pages" content="/author /employer">${boot}</head></html>`);
  for (const [name, bytes] of Object.entries(images)) {
    await mkdir(join(folder, name, '..'), { recursive: true });
    await writeFile(join(folder, name), bytes);
  }
  return { dist, tools, folder };
}

function finish({ dist, tools, folder }, base = '/learning/praxis/') {
  execFileSync(process.execPath, [script, dist, tools, base, folder], { stdio: 'pipe' });
  return readFile(join(dist, 'sw.js'), 'utf8');
}

const listed = (worker, name) => JSON.parse(new RegExp(`const ${name} = (\\[[^\\]]*\\]);`).exec(worker)[1]);
const cacheName = (worker) => /const CACHE = '([^']+)'/.exec(worker)[1];

test('the images are copied into the build and precached under the public URL', async () => {
  const build = await madeUpBuild({ 'scan.png': 'scan bytes', 'ward/chart.png': 'chart bytes' });
  const worker = await finish(build);
  assert.equal(await readFile(join(build.dist, 'images', 'scan.png'), 'utf8'), 'scan bytes');
  assert.equal(await readFile(join(build.dist, 'images', 'ward', 'chart.png'), 'utf8'), 'chart bytes');
  const learnerFiles = listed(worker, 'LEARNER_FILES');
  assert.ok(learnerFiles.includes('/learning/praxis/images/scan.png'), learnerFiles.join(' '));
  assert.ok(learnerFiles.includes('/learning/praxis/images/ward/chart.png'), learnerFiles.join(' '));
  assert.ok(!listed(worker, 'TOOLS_FILES').some((file) => file.includes('/images/')));
});

test('a changed image ships a new cache', async () => {
  const before = cacheName(await finish(await madeUpBuild({ 'scan.png': 'first' })));
  const after = cacheName(await finish(await madeUpBuild({ 'scan.png': 'second' })));
  assert.notEqual(before, after);
});

test('without an images folder the build has none, and none left from before', async () => {
  const build = await madeUpBuild({});
  await mkdir(join(build.dist, 'images'));
  await writeFile(join(build.dist, 'images', 'removed.png'), 'stale');
  const worker = await finish(build);
  assert.equal(existsSync(join(build.dist, 'images')), false);
  assert.ok(!listed(worker, 'LEARNER_FILES').some((file) => file.includes('/images/')));
  assert.ok(listed(worker, 'LEARNER_FILES').includes('/learning/praxis/praxis-1_bg.wasm'), 'the made-up build is listed');
});

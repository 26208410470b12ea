// The exports, checked by readers and validators Praxis did not write:
// the backup against its own published JSON Schema (Ajv, draft 2020-12),
// the completion spreadsheet through csv-parse, Learning Locker's xAPI
// 1.0.3 statement validator, and 1EdTech's JSON Schema for an Open Badges
// 3.0 AchievementCredential (vendored in tests/schemas/, see its README). The exports come from the native
// `praxis-cli`, run on a sampled five-year career; no browser is needed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const validateStatement = require('@learninglocker/xapi-validation').default;
const Ajv2019 = require('ajv/dist/2019').default;
const Ajv2020 = require('ajv/dist/2020').default;
const { parse: parseCsv } = require('csv-parse/sync');
const addFormats = require('ajv-formats').default;

const root = fileURLToPath(new URL('../..', import.meta.url));
const schemaPath = join(root, 'tests/schemas/ob_v3p0_achievementcredential_schema.json');
const CONTEXT = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'];
const BASE = 'https://praxis.invalid/';
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let dir, cli, backup, statements, credentials;

/** `praxis-cli ARGS` as text; the binary is built first if it is stale. */
function praxis(...args) {
  return execFileSync(cli, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

before(() => {
  execFileSync('cargo', ['build', '--quiet', '--features', 'cli', '--bin', 'praxis-cli'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  cli = join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'debug', 'praxis-cli');
  dir = mkdtempSync(join(tmpdir(), 'praxis-standards-'));
  backup = join(dir, 'backup.json');
  writeFileSync(backup, praxis('sample', '--years', '5', '--seed', '1'));
  statements = JSON.parse(praxis('export', '--format', 'xapi', backup));
  credentials = JSON.parse(praxis('export', '--format', 'badges', backup));
});
after(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

/** Every problem the validator finds in `statement`, as text. */
function xapiProblems(statement) {
  return validateStatement(statement).map((w) => `${w.path?.join('.')}: ${w.constructor.name} ${JSON.stringify(w.data)}`);
}

function obValidator() {
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
}

test('every xAPI statement passes the Learning Locker xAPI 1.0.3 validator', (t) => {
  assert.ok(statements.length > 100, `a five-year career gives many statements (${statements.length})`);
  const failing = statements
    .map((statement) => ({ id: statement.id, problems: xapiProblems(statement) }))
    .filter((s) => s.problems.length > 0);
  t.diagnostic(`xAPI: ${statements.length} statements, ${failing.length} with problems`);
  assert.deepEqual(failing.slice(0, 5), []);
});

test('the validators are live: they reject broken copies', () => {
  const [statement] = statements;
  const broken = structuredClone(statement);
  broken.result = { ...broken.result, duration: 'P16559.14S' };
  broken.timestamp = '2015-01-01T00:00:00.0000000';
  broken.actor = { objectType: 'Agent', mbox: 'someone@example.org' };
  assert.ok(xapiProblems(broken).length >= 3, xapiProblems(broken).join('\n'));

  const validate = obValidator();
  const credential = structuredClone(credentials[0]);
  delete credential.validFrom;
  credential['@context'] = [...CONTEXT].reverse();
  credential.credentialSubject.achievement.criteria = 'complete it';
  assert.equal(validate(credential), false);
  const messages = validate.errors.map((e) => `${e.instancePath} ${e.message}`).join('\n');
  assert.match(messages, /validFrom/);
  assert.match(messages, /@context/);
  assert.match(messages, /criteria/);
});

test('statements: unique ids, UTC timestamps in the past, PT durations, an opaque actor', () => {
  const ids = statements.map((s) => s.id);
  assert.equal(new Set(ids).size, ids.length, 'an LRS rejects a batch with a repeated id');
  const { record } = JSON.parse(readFileSync(backup, 'utf8'));
  const now = new Date().toISOString();
  const text = JSON.stringify(statements);
  for (const statement of statements) {
    assert.match(statement.id, UUID);
    assert.match(statement.timestamp, TIMESTAMP);
    assert.ok(statement.timestamp <= now, `${statement.timestamp} is in the future`);
    assert.deepEqual(statement.actor, { objectType: 'Agent', account: { homePage: BASE, name: record.learner_id } });
    for (const field of ['version', 'stored', 'authority']) assert.equal(statement[field], undefined, field);
    if (statement.result?.duration) assert.match(statement.result.duration, /^PT\d+M$/);
    if (statement.object.objectType === 'Activity') {
      assert.ok(statement.object.id.startsWith(BASE), statement.object.id);
      assert.match(statement.verb.id, /^http:\/\/adlnet\.gov\/expapi\/verbs\/(completed|answered|experienced)$/);
      assert.equal(statement.context.platform, 'Praxis');
    }
  }
  assert.ok(!text.includes('X-Experience-API-Version'), 'the version is a request header, not statement content');
  for (const identifying of [record.profile.name, record.profile.staff_number, record.profile.registration_number]) {
    if (identifying) assert.ok(!text.includes(identifying), `${identifying} must not be in a statement`);
  }
  const reflections = Object.values(record.progress).flatMap((p) => Object.values(p.reflections ?? {}));
  for (const reflection of reflections.filter((r) => r.text.trim().length > 20)) {
    assert.ok(!text.includes(reflection.text), 'reflection text stays on the device');
  }
  const verbs = new Set(statements.map((s) => s.verb.id.split('/').pop()));
  assert.deepEqual([...verbs].sort(), ['answered', 'completed', 'experienced']);
});

test('exporting the same backup again gives the same statements', () => {
  const again = JSON.parse(praxis('export', '--format', 'xapi', backup));
  assert.deepEqual(again.map((s) => s.id), statements.map((s) => s.id));
  assert.deepEqual(again, statements);
});

test('every credential passes the 1EdTech Open Badges 3.0 AchievementCredential schema', (t) => {
  const validate = obValidator();
  const failing = credentials
    .map((credential) => ({ id: credential.id, valid: validate(credential), errors: validate.errors }))
    .filter((c) => !c.valid);
  t.diagnostic(`Open Badges: ${credentials.length} credentials, ${failing.length} failing the schema`);
  assert.ok(credentials.length > 0);
  assert.deepEqual(failing.slice(0, 3), []);
});

test('credentials: contexts in order, VC 2.0 dates, stable urn ids, and plainly self-asserted', () => {
  const { record } = JSON.parse(readFileSync(backup, 'utf8'));
  assert.equal(credentials.length, Object.keys(record.completions).length, 'one per completed module');
  const ids = credentials.map((c) => c.id);
  assert.equal(new Set(ids).size, ids.length);
  const text = JSON.stringify(credentials);
  for (const credential of credentials) {
    assert.deepEqual(credential['@context'], CONTEXT);
    assert.deepEqual(credential.type, ['VerifiableCredential', 'OpenBadgeCredential']);
    assert.match(credential.id, /^urn:uuid:/);
    assert.match(credential.validFrom, TIMESTAMP);
    assert.equal(credential.issuanceDate, undefined, 'VC 1.1 issuanceDate is not in the 3.0.3 context');
    assert.equal(credential.proof, undefined);
    assert.match(credential.name, /self-asserted, unsigned/);
    assert.match(credential.description, /unsigned/);
    assert.match(credential.issuer.name, /Self-asserted by the learner/);
    assert.equal(credential.credentialSubject.id, credential.issuer.id);
    assert.ok(credential.credentialSubject.achievement.id.startsWith(`${BASE}modules/`));
  }
  if (record.profile.name) assert.ok(!text.includes(record.profile.name));
  const again = JSON.parse(praxis('export', '--format', 'badges', backup));
  assert.deepEqual(again.map((c) => c.id), ids, 'the same completions give the same ids');
});

test('every backup praxis-cli writes passes the published backup schema, and broken ones do not', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(readFileSync(join(root, 'public/praxis-backup.schema.json'), 'utf8')));
  for (const [years, seed] of [['0', '9'], ['1', '2'], ['5', '3'], ['40', '4']]) {
    const produced = JSON.parse(praxis('sample', '--years', years, '--seed', seed));
    assert.ok(validate(produced), `${years} years: ${ajv.errorsText(validate.errors)}`);
    const again = JSON.parse(praxis('export', '--format', 'backup', backup));
    assert.ok(validate(again), ajv.errorsText(validate.errors));
  }
  for (const broken of ['unknown-record-field.json', 'hours-as-string.json', 'score-out-of-range.json', 'other-format.json']) {
    const file = JSON.parse(readFileSync(join(root, 'tests/hostile_imports', broken), 'utf8'));
    assert.equal(validate(file), false, `${broken} must fail the schema`);
  }
});

test('the completion spreadsheet reads as RFC 4180 with every formula neutralised', () => {
  const hostile = JSON.parse(readFileSync(join(root, 'tests/hostile_imports/formula-in-name.json'), 'utf8'));
  const path = join(dir, 'hostile.json');
  writeFileSync(path, JSON.stringify(hostile));
  for (const source of [backup, path]) {
    const text = praxis('export', '--format', 'csv', source);
    assert.ok(text.startsWith('\ufeff'), 'UTF-8 with a byte-order mark');
    assert.ok(!/[^\r]\n/.test(text), 'CRLF line ends');
    const rows = parseCsv(text, { bom: true, columns: true, relax_column_count: false });
    assert.ok(rows.length > 20);
    for (const row of rows) {
      for (const [column, cell] of Object.entries(row)) {
        assert.ok(!/^[=+\-@\t\r\n]/.test(cell), `${column} is a live formula: ${cell}`);
      }
      assert.match(row['Row check'], /^[0-9a-f]{16}$/);
      if (row['Score (%)']) assert.match(row['Score (%)'], /^\d{1,3}$/);
      if (row['Completed on']) assert.match(row['Completed on'], /^\d{4}-\d{2}-\d{2}$/);
    }
  }
  const rows = parseCsv(praxis('export', '--format', 'csv', path), { bom: true, columns: true });
  assert.equal(rows[0].Name, "'=cmd|' /C calc'!A0", 'the name survives, made literal');
  assert.equal(rows[0]['Staff number'], "'+44 7700");
});

// The schema's half of the agreement between docs/schema.json and the reader (#21): ajv (JSON
// Schema 2020-12) accepts every file in tests/fixtures/schema/valid/, the released v9 fixture and
// every JSON example of docs/format.md, and refuses every file in tests/fixtures/schema/invalid/.
// The reader's half, on the same files, is tests/fixtures.rs
// (the_reader_agrees_with_the_schema_on_every_schema_fixture and
// json_examples_in_the_format_doc_import). No browser needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const schemaDir = path.join(repoRoot, 'tests', 'fixtures', 'schema');

async function validator() {
  const schema = JSON.parse(await readFile(path.join(repoRoot, 'docs', 'schema.json'), 'utf8'));
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

async function files(verdict) {
  const dir = path.join(schemaDir, verdict);
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  assert.ok(names.length >= 5, `too few files in ${dir}`);
  return Promise.all(names.map(async (n) => [n, JSON.parse(await readFile(path.join(dir, n), 'utf8'))]));
}

test('the schema accepts every file the reader must accept', async () => {
  const validate = await validator();
  for (const [name, file] of await files('valid')) {
    assert.ok(validate(file), `${name}: ${JSON.stringify(validate.errors)}`);
  }
  const v9 = JSON.parse(await readFile(path.join(repoRoot, 'tests', 'fixtures', 'v9.json'), 'utf8'));
  assert.ok(validate(v9), `v9.json: ${JSON.stringify(validate.errors)}`);
});

test('the schema refuses every file the reader must refuse', async () => {
  const validate = await validator();
  for (const [name, file] of await files('invalid')) {
    assert.equal(validate(file), false, `${name} passes the schema, the reader refuses it`);
  }
});

// The schema describes the current version; the doc's examples of older files (which the reader
// migrates) are left to the reader's test.
test('every JSON example of docs/format.md in the current version passes the schema', async () => {
  const validate = await validator();
  const doc = await readFile(path.join(repoRoot, 'docs', 'format.md'), 'utf8');
  const examples = doc.split('```json\n').slice(1).map((b) => b.split('```')[0]);
  assert.ok(examples.length >= 2, 'the doc has its examples');
  let checked = 0;
  for (const [i, text] of examples.entries()) {
    const file = JSON.parse(text);
    if (file.schema_version !== 9) continue;
    checked += 1;
    assert.ok(validate(file), `example ${i + 1}: ${JSON.stringify(validate.errors)}\n${text.slice(0, 200)}`);
  }
  assert.ok(checked >= 2, 'the doc has examples of the current version');
});

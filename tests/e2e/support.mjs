// Shared set-up for the browser tests: one Chromium, a fresh context per test, and the checks
// every test makes (no console errors, no request leaving the origin, axe-core).
import { chromium } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../..');
/** The build under test: dist/, or E2E_DIST (a build made with node tools/build.mjs --dist DIR). */
export const distDir = process.env.E2E_DIST ?? path.join(repoRoot, 'dist');
const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

export const STORAGE_PREFIX = 'cto-workbench/v1/';

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Starts the server and the browser once per test file. */
export async function startApp() {
  const server = await startServer(distDir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: LAUNCH_ARGS,
  });
  return {
    url: server.url,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * A fresh browser context and page, recording console errors, page errors and every request
 * that leaves the origin. `finish()` asserts none happened.
 */
export async function openPage(app, { viewport = { width: 1280, height: 900 }, ...contextOptions } = {}) {
  const context = await app.browser.newContext({ acceptDownloads: true, viewport, ...contextOptions });
  const page = await context.newPage();
  const problems = [];
  const offOrigin = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  context.on('request', (req) => {
    const u = req.url();
    if (!(u.startsWith(app.url + '/') || u.startsWith('data:') || u.startsWith('blob:'))) {
      offOrigin.push(u);
    }
  });
  return {
    context,
    page,
    problems,
    offOrigin,
    async goto(route = '/') {
      await page.goto(app.url + route);
      await page.locator('.app-header').waitFor();
    },
    async close() {
      await context.close();
    },
  };
}

/** Everything this app keeps in localStorage, as an object of key -> raw string. */
export async function storageSnapshot(page) {
  return page.evaluate((prefix) => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k.startsWith(prefix)) out[k] = localStorage.getItem(k);
    }
    return out;
  }, STORAGE_PREFIX);
}

/**
 * A stored value's JSON. Large values are raw deflate, written `z2:<length>:<flag>` + characters
 * of 15 bits each (U+4000..U+BFFF; the flag says whether the last byte is padding); builds before
 * that wrote `z1:` + base64url. Decoded here independently of the app's Rust code.
 */
export function unpackStored(raw) {
  if (raw.startsWith('z1:')) return zlib.inflateRawSync(Buffer.from(raw.slice(3), 'base64url')).toString('utf8');
  if (!raw.startsWith('z2:')) return raw;
  const colon = raw.indexOf(':', 3);
  const length = Number(raw.slice(3, colon));
  const body = raw.slice(colon + 1);
  const bytes = new Uint8Array(Math.floor(((body.length - 1) * 15) / 8));
  let n = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 1; i < body.length; i++) {
    acc = (acc << 15) | (body.charCodeAt(i) - 0x4000);
    bits += 15;
    while (bits >= 8) {
      bits -= 8;
      bytes[n++] = (acc >> bits) & 0xff;
    }
    acc &= (1 << bits) - 1;
  }
  const json = zlib.inflateRawSync(bytes.subarray(0, n - (body[0] === '1' ? 1 : 0))).toString('utf8');
  if (Buffer.byteLength(json) !== length) throw new Error(`stored length ${length}, unpacked ${json.length}`);
  return json;
}

/** A stored assessment record parsed (its bulky lists stay in their part keys: see `storedAssessments`). */
export function decodeStored(raw) {
  return JSON.parse(unpackStored(raw));
}

export async function storedAssessments(page) {
  const snap = await storageSnapshot(page);
  const index = JSON.parse(snap[`${STORAGE_PREFIX}index`] ?? '[]');
  return index.map((id) => {
    const record = decodeStored(snap[`${STORAGE_PREFIX}assessment/${id}`]);
    // Bulky lists stored apart: the record names each part's key.
    for (const [name, ref] of Object.entries(record.parts ?? {})) {
      record.assessment[name] = JSON.parse(unpackStored(snap[`${STORAGE_PREFIX}part/${id}/${name}/${ref}`]));
    }
    return record.assessment;
  });
}

/** Runs axe-core on the page as it is now and returns the violations (ids and targets). */
export async function axeViolations(page) {
  // Evaluated through the debugging protocol: the page's CSP rightly forbids inline scripts.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  return result;
}

/** Waits until the save indicator says the work is stored. */
export async function waitSaved(page) {
  await page.getByTestId('save-status').filter({ hasText: 'Saved' }).waitFor();
}

/** Creates an assessment from the list or welcome screen and names the company. */
export async function newAssessment(page, company, stage) {
  await page.getByRole('button', { name: 'New assessment' }).first().click();
  await page.getByLabel('Company name').fill(company);
  if (stage) await page.getByLabel('Stage').selectOption(stage);
  await waitSaved(page);
  return page.url().match(/\/a\/([0-9a-f-]{36})/)[1];
}

/**
 * Exports the open assessment, clears storage, imports the download on the list page and waits
 * until the assessment named `heading` is open and saved again.
 */
export async function exportClearImport(page, appUrl, heading) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export this assessment' }).click(),
  ]);
  const text = await readFile(await download.path(), 'utf8');
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${appUrl}/`);
  await page.locator('#import-file').setInputFiles({
    name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text),
  });
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await waitSaved(page);
}

/**
 * Records every Content-Security-Policy violation on `page`, across navigations, into the
 * returned array (directive, blocked URL, source and sample). An init script adds the listener
 * before any page script runs, and each page also keeps its own list in
 * `window.__cspViolations` for in-page checks.
 */
export async function recordCspViolations(page) {
  const violations = [];
  await page.exposeFunction('__reportCspViolation', (v) => violations.push(v));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      const v = {
        directive: e.effectiveDirective || e.violatedDirective,
        blocked: e.blockedURI,
        source: `${e.sourceFile}:${e.lineNumber}`,
        sample: e.sample,
        page: location.pathname,
      };
      window.__cspViolations.push(v);
      window.__reportCspViolation?.(v);
    }, true);
  });
  return violations;
}

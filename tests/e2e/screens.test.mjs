// Screens and themes (issue 10): every route of the demo company at 360, 768, 1440 and 1920 px
// wide without sideways scrolling of the page, with screenshots in target/screens/ for a person to
// look at; dark mode from the system setting and from the header switch, axe-clean on every
// route, and the switch's choice surviving a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import {
  startApp, openPage, axeViolations, waitSaved, newAssessment, repoRoot,
} from './support.mjs';

const SHOTS = path.join(repoRoot, 'target/screens');
const PREF_THEME = 'cto-workbench/prefs/theme';

let app;
before(async () => {
  app = await startApp();
  await mkdir(SHOTS, { recursive: true });
});
after(async () => { await app?.close(); });

/**
 * Opens the demo company in a fresh page and returns the page and every route to visit: the list
 * page, each section, and one page of each kind reached by id (an area, a KPI, an initiative, a
 * partner and a tool scorecard), the ids read from the links the app itself shows.
 */
async function demo(options) {
  const s = await openPage(app, options);
  const { page } = s;
  await s.goto('/');
  await page.getByRole('button', { name: 'Open demo' }).click();
  await waitSaved(page);
  const base = page.url().match(/^.*\/a\/[0-9a-f-]{36}/)[0].slice(app.url.length);
  const sections = ['overview', 'profile', 'assessment', 'results', 'goals', 'roadmap', 'budget',
    'team', 'risks', 'partners', 'tools', 'snapshots', 'compare', 'report'];
  const routes = [{ name: 'list', path: '/' }];
  for (const name of sections) routes.push({ name, path: `${base}/${name}` });
  const firstLink = async (section, pattern) => {
    await visit(page, `${base}/${section}`);
    const hrefs = await page.locator('main a[href]').evaluateAll(
      (as) => as.map((a) => a.getAttribute('href')),
    );
    const href = hrefs.find((h) => pattern.test(h));
    assert.ok(href, `a link matching ${pattern} on ${section}`);
    return href;
  };
  routes.push({ name: 'area', path: await firstLink('assessment', /\/assessment\/[^/]+$/) });
  routes.push({ name: 'kpi', path: await firstLink('goals', /\/goals\/kpi\/[^/]+$/) });
  routes.push({ name: 'initiative', path: await firstLink('roadmap', /\/roadmap\/[^/]+$/) });
  routes.push({ name: 'partner', path: await firstLink('partners', /\/partners\/[^/]+$/) });
  routes.push({ name: 'tool', path: await firstLink('tools', /\/tools\/[^/]+$/) });
  return { s, page, routes };
}

/** Goes to a route and waits until its content is on screen and laid out. */
async function visit(page, route) {
  await page.goto(app.url + route);
  await page.locator('.app-header').waitFor();
  // The list page has only an h1; every page of an assessment also has its section's h2.
  await page.locator(route === '/' ? 'main h1' : 'main h2').first().waitFor();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * How far the page scrolls sideways (0 when it does not), and the elements where the overflow
 * starts: those sticking out of the viewport whose parent does not, outside any box that scrolls
 * or clips its own content.
 */
async function overflow(page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const vw = root.clientWidth;
    const excess = Math.max(0, root.scrollWidth - vw, root.scrollWidth - window.innerWidth);
    if (excess === 0) return { excess, offenders: [] };
    // Whether a box between the element and the page scrolls or clips it. An absolutely placed
    // element escapes every such box below its containing block (its nearest placed ancestor),
    // and a fixed one escapes them all.
    const clips = (el) => {
      const position = getComputedStyle(el).position;
      if (position === 'fixed') return false;
      let p = el.parentElement;
      if (position === 'absolute') {
        while (p && p !== document.body && getComputedStyle(p).position === 'static') p = p.parentElement;
      }
      for (; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible') return true;
      }
      return false;
    };
    const describe = (el) => {
      const cls = el.classList.length ? '.' + [...el.classList].join('.') : '';
      const chain = [];
      for (let p = el.parentElement; p && chain.length < 3 && p !== document.body; p = p.parentElement) {
        chain.unshift(p.tagName.toLowerCase() + (p.classList.length ? '.' + [...p.classList].join('.') : ''));
      }
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${chain.join(' > ')} > ${el.tagName.toLowerCase()}${cls} right=${Math.round(el.getBoundingClientRect().right)} "${text}"`;
    };
    const sticking = new Set();
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > vw + 0.5 && !clips(el)) sticking.add(el);
    }
    // Only where it starts: an element sticking out inside one that already does is its effect.
    const offenders = [...sticking].filter((el) => !sticking.has(el.parentElement)).slice(0, 8);
    return { excess, offenders: offenders.map(describe) };
  });
}

/**
 * Opens the "Share as link" dialog on the overview (a dialog with the longest content: the link
 * itself), and returns how it sits in the viewport; the dialog stays open for the caller.
 */
async function openDialog(page, routes) {
  await visit(page, routes.find((r) => r.name === 'overview').path);
  await page.getByRole('button', { name: 'Share as link' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  return dialog.evaluate((d) => {
    const r = d.getBoundingClientRect();
    return {
      left: r.left, right: r.right, top: r.top, bottom: r.bottom,
      vw: document.documentElement.clientWidth, vh: window.innerHeight,
    };
  });
}

/** Asserts the open dialog lies inside the viewport and the page does not scroll sideways. */
async function assertDialogFits(page, box, label) {
  assert.ok(box.left >= 0 && box.right <= box.vw, `${label}: dialog ${box.left}..${box.right} within 0..${box.vw}`);
  assert.ok(box.top >= 0 && box.bottom <= box.vh, `${label}: dialog ${box.top}..${box.bottom} within 0..${box.vh}`);
  const { excess, offenders } = await overflow(page);
  assert.equal(excess, 0, `${label}: ${offenders.join('; ')}`);
}

const WIDTHS = [360, 768, 1440];
const LONG_WORD = 'Supercalifragilisticexpialidocious-Logistik-Aktiengesellschaft-international';
// The widest screen is checked on the pages with the most layout: tables, charts and grids.
const WIDEST = { width: 1920, routes: ['list', 'overview', 'results', 'roadmap', 'budget', 'report'] };

test('every route fits 360, 768 and 1440 px (and 1920 for the busiest) without sideways scrolling', async () => {
  const started = Date.now();
  const failures = [];
  let checked = 0;
  for (const { width, only } of [...WIDTHS.map((width) => ({ width })),
    { width: WIDEST.width, only: WIDEST.routes }]) {
    const { s, page, routes } = await demo({ viewport: { width, height: 900 } });
    for (const route of routes) {
      if (only && !only.includes(route.name)) continue;
      await visit(page, route.path);
      const { excess, offenders } = await overflow(page);
      checked += 1;
      if (excess > 0) {
        failures.push(`${width}px ${route.name}: page is ${excess}px too wide; starts at:\n    ${offenders.join('\n    ')}`);
      }
      await page.screenshot({ path: path.join(SHOTS, `${width}-${route.name}.png`), fullPage: true });
    }
    if (!only) {
      await assertDialogFits(page, await openDialog(page, routes), `${width}px share dialog`);
      await page.screenshot({ path: path.join(SHOTS, `${width}-share-dialog.png`) });
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    }
    if (width === 360) {
      // A name with no place to break (a pasted address, a long compound word) wraps too.
      await visit(page, '/');
      const id = await newAssessment(page, LONG_WORD);
      for (const route of ['/', `/a/${id}/overview`, `/a/${id}/profile`]) {
        await visit(page, route);
        const { excess, offenders } = await overflow(page);
        checked += 1;
        if (excess > 0) failures.push(`360px long name on ${route}: ${excess}px too wide at ${offenders.join('; ')}`);
      }
      await page.screenshot({ path: path.join(SHOTS, '360-long-name.png'), fullPage: true });
    }
    assert.deepEqual(s.problems, [], `${width}px`);
    assert.deepEqual(s.offOrigin, [], `${width}px`);
    await s.close();
  }
  assert.equal(checked, 3 * 20 + 3 + WIDEST.routes.length, 'every route at every width was checked');
  assert.deepEqual(failures, [], failures.join('\n'));
  console.log(`# ${checked} route x width checks in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

/** The page background as [r, g, b]. */
async function background(page) {
  const c = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const bodyIsClear = /rgba\(0, 0, 0, 0\)|transparent/.test(c);
  const colour = bodyIsClear
    ? await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)
    : c;
  return colour.match(/\d+/g).slice(0, 3).map(Number);
}
const isDark = ([r, g, b]) => 0.2126 * r + 0.7152 * g + 0.0722 * b < 80;

test('dark mode from the system setting: every route dark and without axe violations, at 1440 and 360 px', async () => {
  for (const width of [1440, 360]) {
    const { s, page, routes } = await demo({ viewport: { width, height: 900 }, colorScheme: 'dark' });
    assert.equal(await page.locator('html').getAttribute('data-theme'), null, 'system is the default');
    assert.equal(await page.getByLabel('Colour theme').inputValue(), 'system');
    const violations = [];
    for (const route of routes) {
      await visit(page, route.path);
      assert.ok(isDark(await background(page)), `${route.name} background is dark`);
      // axe once per route, at the wide screen; the narrow one is for overflow and screenshots.
      if (width === 1440) {
        const v = await axeViolations(page);
        if (v.length) violations.push({ route: route.name, v });
      }
      const { excess, offenders } = await overflow(page);
      assert.equal(excess, 0, `dark ${width}px ${route.name}: ${offenders.join('; ')}`);
      await page.screenshot({ path: path.join(SHOTS, `dark-${width}-${route.name}.png`), fullPage: true });
    }
    await assertDialogFits(page, await openDialog(page, routes), `dark ${width}px share dialog`);
    await page.screenshot({ path: path.join(SHOTS, `dark-${width}-share-dialog.png`) });
    if (width === 1440) {
      const v = await axeViolations(page);
      if (v.length) violations.push({ route: 'share dialog', v });
    }
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 1));
    assert.deepEqual(s.problems, []);
    await s.close();
  }
});

test('the theme switch: dark on a light system, light on a dark one, remembered across a reload, axe-clean', async () => {
  const { s, page, routes } = await demo({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
  const menu = page.getByLabel('Colour theme');
  assert.ok(!isDark(await background(page)), 'light system, no choice: light');

  await menu.selectOption({ label: 'Theme: dark' });
  assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
  assert.ok(isDark(await background(page)), 'switched to dark');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), PREF_THEME), 'dark');

  await page.reload();
  await page.locator('main h2').first().waitFor();
  assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark', 'remembered');
  assert.equal(await page.getByLabel('Colour theme').inputValue(), 'dark');
  assert.ok(isDark(await background(page)), 'still dark after the reload');

  // Dark by choice is as readable as dark by system setting, on every route.
  const violations = [];
  for (const route of routes) {
    await visit(page, route.path);
    assert.ok(isDark(await background(page)), `${route.name} background is dark`);
    const v = await axeViolations(page);
    if (v.length) violations.push({ route: route.name, v });
  }
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 1));

  // The choice survives a change of language, which rebuilds the header.
  await visit(page, routes.find((r) => r.name === 'overview').path);
  const language = page.locator('.language-switch select');
  await language.selectOption('zh-Hans');
  await page.getByLabel('颜色主题').waitFor();
  assert.equal(await page.getByLabel('颜色主题').inputValue(), 'dark');
  assert.equal(await page.getByLabel('颜色主题').locator('option:checked').innerText(), '主题：深色');
  assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
  await language.selectOption('en');
  await page.getByLabel('Colour theme').waitFor();

  // Back to following the system: the attribute and the stored choice are gone.
  await page.getByLabel('Colour theme').selectOption({ label: 'Theme: as system' });
  assert.equal(await page.locator('html').getAttribute('data-theme'), null);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), PREF_THEME), null);
  assert.ok(!isDark(await background(page)), 'following a light system again');

  // On a dark system, "light" wins over the system setting, and is remembered too.
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.ok(isDark(await background(page)), 'following a dark system');
  await page.getByLabel('Colour theme').selectOption({ label: 'Theme: light' });
  assert.ok(!isDark(await background(page)), 'light chosen on a dark system');
  await page.reload();
  await page.locator('main h2').first().waitFor();
  assert.equal(await page.getByLabel('Colour theme').inputValue(), 'light');
  assert.ok(!isDark(await background(page)), 'still light after the reload on a dark system');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(s.problems, []);
  await s.close();
});

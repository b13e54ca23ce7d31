// The core journey with the keyboard alone (#10): new assessment, profile, answer questions, see
// results, export. No mouse: only Tab, Shift+Tab, Enter, Space, arrows and typing. Each step checks
// that the focused control shows a visible focus indicator.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startApp, openPage, storedAssessments, waitSaved, axeViolations } from './support.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

/** What a screen reader would roughly call the focused element, and whether focus is visible. */
async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { name: '', visible: false, tag: '' };
    const labelled = el.id && document.querySelector(`label[for="${el.id}"]`);
    const wrapping = el.closest('label');
    const name = (el.getAttribute('aria-label') || (labelled && labelled.innerText)
      || (wrapping && wrapping.innerText) || el.innerText || el.value || '').trim();
    const style = getComputedStyle(el);
    const visible = el.matches(':focus-visible')
      && ((style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
        || style.boxShadow !== 'none');
    return { name, visible, tag: el.tagName.toLowerCase(), type: el.type ?? '' };
  });
}

/** Presses Tab until the focused element's name matches, asserting visible focus there. */
async function tabTo(page, pattern, { max = 250, back = false } = {}) {
  const seen = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    seen.push(f.name.slice(0, 40));
    if (pattern.test(f.name)) {
      assert.ok(f.visible, `focus is visible on “${f.name}”`);
      return f;
    }
  }
  throw new Error(`no focusable element matching ${pattern} after ${max} Tabs: ${seen.slice(-15).join(' | ')}`);
}

test('the core journey with the keyboard alone: create, profile, answer, results, export', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;

  // The skip link is the first stop and moves focus to the main content.
  await page.keyboard.press('Tab');
  const skip = await focused(page);
  assert.equal(skip.name, 'Skip to content');
  assert.ok(skip.visible, 'skip link visible when focused');

  await tabTo(page, /^New assessment$/);
  await page.keyboard.press('Enter');
  await page.getByLabel('Company name').waitFor();
  await tabTo(page, /^Company name/);
  await page.keyboard.type('Keyboard Labs');
  await tabTo(page, /^Stage/);
  // A select changes with the arrow keys while closed.
  await page.keyboard.press('ArrowDown');
  await waitSaved(page);

  // To the self-assessment, then the first area.
  await tabTo(page, /^Assessment$/);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Self-assessment' }).waitFor();
  await tabTo(page, /^Continue with Business goals/);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 2, name: 'Business goals' }).waitFor();

  // Answer the first two questions: Tab into each radio group, arrows choose the level.
  for (const steps of [2, 3]) {
    const f = await tabTo(page, /^0 · /);
    assert.equal(f.type, 'radio');
    for (let i = 0; i < steps; i += 1) await page.keyboard.press('ArrowDown');
  }
  await waitSaved(page);
  const [stored] = await storedAssessments(page);
  assert.equal(stored.profile.company_name, 'Keyboard Labs');
  assert.notEqual(stored.profile.stage, undefined);
  const levels = Object.values(stored.answers).map((a) => a.current).filter((l) => l != null).sort();
  assert.deepEqual(levels, [2, 3], 'two answers stored with the levels chosen by arrow keys');

  // Results, reached from the section navigation.
  await tabTo(page, /^Results$/, { back: true });
  await page.keyboard.press('Enter');
  await page.getByRole('row', { name: /^Business goals/ }).waitFor();
  assert.match(await page.getByRole('row', { name: /^Business goals/ }).innerText(), /2 of \d\s+2\.5/);
  assert.deepEqual(await axeViolations(page), []);

  // Export with Enter: the file holds what was typed.
  await tabTo(page, /^Export this assessment$/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(file.assessments[0].profile.company_name, 'Keyboard Labs');
  assert.equal(Object.keys(file.assessments[0].answers).length, 2);
  assert.deepEqual(s.problems, []);
  await s.close();
});

// Every dialog is one shared modal (#18): labelled by its title, Tab kept inside, Escape closes
// the ones that may be dismissed, and focus goes back to what opened it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage, newAssessment, storedAssessments, axeViolations, STORAGE_PREFIX } from './support.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

/** The focused element's accessible name, roughly, and whether it is inside `dialog`. */
async function focusIn(dialog) {
  return dialog.evaluate((d) => {
    const el = document.activeElement;
    const name = (el.getAttribute('aria-label') || el.innerText || el.getAttribute('id') || el.tagName).trim();
    return { name, inside: d.contains(el) };
  });
}

/** The names Chromium itself gives the open dialogs (its accessibility tree, not our markup). */
async function dialogNames(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes
    .filter((n) => ['dialog', 'alertdialog'].includes(n.role?.value) && !n.ignored)
    .map((n) => ({ role: n.role.value, name: n.name?.value ?? '' }));
}

/** The dialog's title element, found through its aria-labelledby, and whether aria-modal is set. */
async function titleOf(dialog) {
  return dialog.evaluate((d) => {
    const id = d.getAttribute('aria-labelledby');
    const title = id && document.getElementById(id);
    return { id, tag: title?.tagName.toLowerCase(), text: title?.textContent.trim(), modal: d.getAttribute('aria-modal') };
  });
}

/** From the list of assessments, presses “Delete <name>” and returns it and the confirmation. */
async function openDeleteConfirm(page, name) {
  await page.getByRole('link', { name: 'All assessments' }).click();
  const opener = page.getByRole('button', { name: `Delete ${name}` });
  await opener.click();
  const confirm = page.getByRole('alertdialog', { name: `Delete “${name}”?` });
  await confirm.waitFor();
  return { opener, confirm };
}

test('Escape closes the delete confirmation, nothing is deleted, and focus returns to the Delete button', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await newAssessment(page, 'Escapy');
  const { opener, confirm } = await openDeleteConfirm(page, 'Escapy');
  assert.deepEqual(await focusIn(confirm), { name: 'Cancel', inside: true }, 'the safe answer has focus on open');

  await page.keyboard.press('Escape');
  await confirm.waitFor({ state: 'detached' });
  assert.equal(await page.getByRole('alertdialog').count(), 0, 'no dialog is left');
  assert.ok(await opener.evaluate((el) => el === document.activeElement), 'focus is back on “Delete Escapy”');
  assert.deepEqual((await storedAssessments(page)).map((a) => a.profile.company_name), ['Escapy']);
  assert.deepEqual(s.problems, []);
  await s.close();
});

test('the share dialog opened from the keyboard: Tab wraps inside it both ways, Escape closes it and focus returns to its button', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await newAssessment(page, 'Tabby');

  const opener = page.getByRole('button', { name: 'Share as link' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Share as link' });
  await dialog.waitFor();
  assert.deepEqual(await focusIn(dialog), { name: 'Copy link', inside: true }, 'Copy link has focus on open');

  // Copy link -> Close (the last stop) -> wraps to the link text (the first) -> back to Close.
  await page.keyboard.press('Tab');
  assert.deepEqual(await focusIn(dialog), { name: 'Close', inside: true });
  await page.keyboard.press('Tab');
  assert.deepEqual(await focusIn(dialog), { name: 'share-link', inside: true }, 'Tab from the last stop wraps to the first');
  await page.keyboard.press('Shift+Tab');
  assert.deepEqual(await focusIn(dialog), { name: 'Close', inside: true }, 'Shift+Tab from the first stop wraps to the last');
  // Round and round: focus never leaves.
  for (let i = 0; i < 7; i += 1) {
    await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
    assert.equal((await focusIn(dialog)).inside, true, `focus inside after key ${i + 1}`);
  }

  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await page.getByRole('dialog').count(), 0, 'no dialog is left');
  assert.ok(await opener.evaluate((el) => el === document.activeElement), 'focus is back on “Share as link”');
  assert.deepEqual(s.problems, []);
  await s.close();
});

test('Tab from the last button of the delete confirmation wraps to the first, and Shift+Tab back', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await newAssessment(page, 'Wrappy');
  const { confirm } = await openDeleteConfirm(page, 'Wrappy');

  assert.deepEqual(await focusIn(confirm), { name: 'Cancel', inside: true });
  await page.keyboard.press('Tab');
  assert.deepEqual(await focusIn(confirm), { name: 'Delete', inside: true }, 'Tab from Cancel (last) wraps to Delete (first)');
  await page.keyboard.press('Shift+Tab');
  assert.deepEqual(await focusIn(confirm), { name: 'Cancel', inside: true }, 'Shift+Tab from Delete wraps to Cancel');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await confirm.waitFor({ state: 'detached' });
  assert.equal((await storedAssessments(page)).length, 1);
  assert.deepEqual(s.problems, []);
  await s.close();
});

test('each dialog is labelled by its own title: the browser names it with the title text', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await newAssessment(page, 'Namey');
  const ids = new Set();

  // A dialog (share) ...
  await page.getByRole('button', { name: 'Share as link' }).click();
  const share = page.getByRole('dialog');
  await share.waitFor();
  let title = await titleOf(share);
  assert.deepEqual({ tag: title.tag, text: title.text, modal: title.modal }, { tag: 'h2', text: 'Share as link', modal: 'true' });
  assert.deepEqual(await dialogNames(page), [{ role: 'dialog', name: 'Share as link' }]);
  assert.deepEqual(await axeViolations(page), []);
  ids.add(title.id);
  await page.keyboard.press('Escape');
  await share.waitFor({ state: 'detached' });

  // ... an alert dialog (delete confirmation) ...
  const { confirm } = await openDeleteConfirm(page, 'Namey');
  title = await titleOf(confirm);
  assert.deepEqual({ tag: title.tag, text: title.text, modal: title.modal }, { tag: 'h2', text: 'Delete “Namey”?', modal: 'true' });
  assert.deepEqual(await dialogNames(page), [{ role: 'alertdialog', name: 'Delete “Namey”?' }]);
  ids.add(title.id);
  await page.keyboard.press('Escape');
  await confirm.waitFor({ state: 'detached' });

  // ... and a refused file, whose title carries the file's name.
  await page.locator('#import-file').setInputFiles({
    name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ not json'),
  });
  const refused = page.getByRole('alertdialog');
  await refused.waitFor();
  title = await titleOf(refused);
  assert.equal(title.text, 'Could not import broken.json');
  assert.deepEqual(await dialogNames(page), [{ role: 'alertdialog', name: 'Could not import broken.json' }]);
  ids.add(title.id);
  assert.equal(ids.size, 3, 'each dialog its own title id');
  assert.deepEqual(await axeViolations(page), []);
  await page.keyboard.press('Escape');
  await refused.waitFor({ state: 'detached' });
  assert.deepEqual(s.problems, []);
  await s.close();
});

test('the recovery screen must be answered: Escape leaves it open, its title has focus, Tab stays inside', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await newAssessment(page, 'Sturdy Co');
  await page.evaluate((key) => localStorage.setItem(key, '{"format":"cto-workbench","schema_version'), `${STORAGE_PREFIX}assessment/00000000-0000-4000-8000-00000000c0de`);
  await page.reload();
  const screen = page.getByRole('alertdialog', { name: 'Some saved work could not be opened' });
  await screen.waitFor();
  assert.deepEqual(await focusIn(screen), { name: 'Some saved work could not be opened', inside: true }, 'the title has focus');

  await page.keyboard.press('Escape');
  assert.equal(await screen.count(), 1, 'Escape does not dismiss it');
  // Shift+Tab from the title goes round to the last button, Tab from there back to the first.
  await page.keyboard.press('Shift+Tab');
  assert.deepEqual(await focusIn(screen), { name: 'Continue with the rest', inside: true });
  await page.keyboard.press('Tab');
  assert.deepEqual(await focusIn(screen), { name: 'Download this data', inside: true });

  await screen.getByRole('button', { name: 'Continue with the rest' }).click();
  await screen.waitFor({ state: 'detached' });
  await s.close();
});

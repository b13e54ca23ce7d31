// Retired questions (#22): a version-8 file answering the two questions the second edition
// retired. The written goals' answer moves to the yearly goals; the data-protection answer has no
// honest new home, so it stays, and the Security page shows it under "Retired questions" with the
// old level text, the note, why it was retired, the questions that ask it now and what to do.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, openPage, waitSaved, storedAssessments, axeViolations } from './support.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

const file = JSON.stringify({
  format: 'cto-workbench',
  schema_version: 8,
  assessments: [{
    name: 'Kestrel before the second edition',
    answers: {
      'business-goals.written-goals': { current: 2, notes: 'OKRs agreed with the board' },
      'security.data-protection': { current: 3, notes: 'Restores rehearsed every quarter' },
    },
  }],
});

test('a retired answer without a move is kept and shown on its area page; one with a move lands on the new question', async () => {
  const s = await openPage(app);
  await s.goto('/');
  const { page } = s;
  await page.getByRole('button', { name: 'New assessment' }).first().waitFor();
  await page.locator('#import-file').setInputFiles({ name: 'kestrel.cto.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await page.getByText(/Imported 1 assessment from kestrel\.cto\.json/).first().waitFor();
  await waitSaved(page);

  const [stored] = await storedAssessments(page);
  assert.equal(stored.answers['business-goals.yearly-goals'].current, 2);
  assert.equal(stored.answers['business-goals.yearly-goals'].notes, 'OKRs agreed with the board');
  assert.equal(stored.answers['business-goals.written-goals'], undefined);
  assert.equal(stored.answers['security.data-protection'].current, 3, 'kept, never dropped');

  await page.goto(`${app.url}/a/${stored.id}/assessment/security`);
  const section = page.locator('section.retired-answers');
  await section.getByRole('heading', { name: 'Retired questions' }).waitFor();
  const text = await section.innerText();
  assert.match(text, /How do you protect customer and company data, and could you recover it if it were lost\?/);
  assert.match(text, /Level 3 \(Managed\): A named owner maintains the data list/);
  assert.match(text, /Restores rehearsed every quarter/);
  assert.match(text, /This question asked about two different things at once/);
  assert.match(text, /Do you know what personal data you hold/);
  assert.match(text, /If your data or systems were lost tomorrow/);
  assert.match(text, /Answer the new questions above; this old answer no longer counts in the score\./);
  assert.deepEqual(await axeViolations(page), []);

  // The moved answer left nothing retired behind: no section on the business goals page.
  await page.goto(`${app.url}/a/${stored.id}/assessment/business-goals`);
  await page.locator('article.question').first().waitFor();
  assert.equal(await page.locator('section.retired-answers').count(), 0);

  assert.deepEqual(s.problems, []);
  assert.deepEqual(s.offOrigin, []);
  await s.close();
});

// Takes the README screenshot from the built app: `node tests/e2e/screenshot.mjs` after a release
// build. It shows the demo company's results.
import path from 'node:path';
import { startApp, openPage, repoRoot, waitSaved } from './support.mjs';

const app = await startApp();
const s = await openPage(app, { viewport: { width: 1280, height: 860 } });
await s.goto('/');
await s.page.getByRole('button', { name: 'Open demo' }).click();
await s.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Results' }).click();
await s.page.getByTestId('maturity-summary').waitFor();
await waitSaved(s.page);
await s.page.screenshot({ path: path.join(repoRoot, 'docs/screenshot.png') });
await s.close();
await app.close();

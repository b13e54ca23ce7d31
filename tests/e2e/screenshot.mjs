// Takes the README screenshots from the built app: `node screenshot.mjs` after a release build.
import path from 'node:path';
import { startApp, openPage, repoRoot, waitSaved } from './support.mjs';

const app = await startApp();
const s = await openPage(app, { viewport: { width: 1280, height: 760 } });
await s.goto('/');
await s.page.getByRole('button', { name: 'Open demo' }).click();
await s.page.getByRole('heading', { name: 'Overview' }).waitFor();
await s.page.getByRole('link', { name: 'Profile' }).click();
await s.page.getByRole('heading', { name: 'Company profile' }).waitFor();
await waitSaved(s.page);
await s.page.screenshot({ path: path.join(repoRoot, 'docs/screenshot.png') });
await s.close();
await app.close();

// The npm packages the benchmarks borrow from tests/e2e (one package.json, one lock file):
// node resolves bare imports from the importing file's folder upwards, which never reaches
// tests/e2e/node_modules from here, so they are required through that folder explicitly.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
/** tests/e2e, whose node_modules holds playwright-core, ajv and lighthouse. */
export const e2eDir = path.resolve(here, '../e2e');
/** `require` resolving from tests/e2e. */
export const e2eRequire = createRequire(path.join(e2eDir, 'package.json'));

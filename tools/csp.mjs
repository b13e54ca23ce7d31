// The page's Content-Security-Policy check, run by tools/build.mjs on the built index.html.
//
// Owns: the policy index.html must declare and the list of what breaks it (inline scripts,
// styles or handlers, a missing or weakened policy). The build writes the boot script and the
// stylesheet as files, so the strict policy needs no 'unsafe-inline'; this refuses a build
// whose HTML would. Plain node, no packages, so it runs on a fresh machine.
//
// Usage: node tools/csp.mjs dist/    (checks a built page by hand)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Directives index.html must declare, exactly as issue #8 asks. */
export const REQUIRED = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/** The policy of the first CSP <meta> as directive -> sources, or null when there is none. */
export function policyOf(html) {
  const meta = html.match(/<meta\b[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>/i);
  if (!meta) return null;
  const content = meta[0].match(/\bcontent=(["'])([\s\S]*?)\1/i);
  if (!content) return null;
  const out = {};
  for (const part of content[2].split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out[name.toLowerCase()] = sources;
  }
  return out;
}

/** Everything wrong with `html` for a strict policy, in plain words (empty when it is fine). */
export function problemsOf(html) {
  const problems = [];
  const policy = policyOf(html);
  if (!policy) {
    problems.push('no <meta http-equiv="Content-Security-Policy"> in the page');
  } else {
    for (const [name, sources] of Object.entries(REQUIRED)) {
      const got = policy[name];
      if (!got) problems.push(`the policy has no ${name}`);
      else if (got.join(' ') !== sources.join(' ')) {
        problems.push(`${name} is "${got.join(' ')}", expected "${sources.join(' ')}"`);
      }
    }
    // A policy only governs what comes after it.
    const metaAt = html.search(/<meta\b[^>]*http-equiv=["']Content-Security-Policy/i);
    const firstLoad = html.search(/<script\b|<link\b[^>]*rel=["']?(stylesheet|modulepreload|preload)/i);
    if (firstLoad !== -1 && firstLoad < metaAt) problems.push('the policy comes after a script or style');
  }
  for (const [, attrs, body] of html.matchAll(SCRIPT)) {
    if (!/\bsrc=/i.test(attrs) && body.trim()) problems.push('an inline <script> is left');
  }
  if (/<style\b/i.test(html)) problems.push('an inline <style> element');
  if (/<[a-z][^>]*\sstyle=/i.test(html)) problems.push('an inline style="" attribute');
  if (/<[a-z][^>]*\son[a-z]+=/i.test(html)) problems.push('an inline event handler (on...=)');
  if (/javascript:/i.test(html)) problems.push('a javascript: URL');
  return problems;
}

function main() {
  const dir = process.argv[2];
  if (!dir) {
    console.error('csp: give the built directory');
    process.exit(2);
  }
  const file = path.join(dir, 'index.html');
  const problems = problemsOf(readFileSync(file, 'utf8'));
  if (problems.length) {
    console.error(`csp: ${file} breaks the Content-Security-Policy:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`csp: ${file} keeps the policy`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();

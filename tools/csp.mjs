// Trunk post-build step: makes the built index.html obey its own Content-Security-Policy.
//
// Owns: moving every inline <script> Trunk writes (the wasm loader, and under `trunk serve` the
// autoreload client) into a file of its own, and refusing a build whose HTML still needs
// 'unsafe-inline' or lacks the policy. Never edits anything but the staged HTML and the script
// files it writes; plain node, no packages, so it runs on a fresh machine.
//
// Why a file and not a hash: `trunk serve` rewrites placeholders inside the served HTML (the
// autoreload address), which would change a hashed script's bytes; a file is the same in
// `trunk build` and `trunk serve`, and the policy in index.html stays a constant.
//
// Usage (from Trunk.toml): node tools/csp.mjs   (reads TRUNK_STAGING_DIR and TRUNK_PUBLIC_URL)
//        or by hand:       node tools/csp.mjs dist/
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
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

/**
 * Moves each inline script of `html` into `dir/boot-<hash>.js` and returns the new HTML and
 * the files written. `trunk serve`'s address placeholders are resolved the way Trunk does it
 * when the request has no Host header, since the server only rewrites HTML responses.
 */
export function externalize(html, dir, publicUrl) {
  const base = publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`;
  const written = [];
  const out = html.replace(SCRIPT, (whole, attrs, body) => {
    if (/\bsrc=/i.test(attrs) || !body.trim()) return whole;
    const code = body
      .replaceAll("'{{__TRUNK_ADDRESS__}}'", 'window.location.host')
      .replaceAll('`{{__TRUNK_ADDRESS__}}`', 'window.location.host')
      .replaceAll('{{__TRUNK_WS_BASE__}}', base);
    const bytes = Buffer.from(code, 'utf8');
    const name = `boot-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.js`;
    writeFileSync(path.join(dir, name), bytes);
    written.push(name);
    const integrity = `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
    // Keep type="module" and anything else Trunk set; a nonce means nothing for a file.
    const kept = attrs.replace(/\s+nonce=("[^"]*"|'[^']*'|\S+)/gi, '');
    return `<script${kept} src="${base}${name}" integrity="${integrity}"></script>`;
  });
  return { html: out, written };
}

function main() {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error('csp: give the built directory, or run me as a Trunk hook');
    process.exit(2);
  }
  const file = path.join(dir, 'index.html');
  const { html, written } = externalize(
    readFileSync(file, 'utf8'),
    dir,
    process.env.TRUNK_PUBLIC_URL ?? '/',
  );
  const problems = problemsOf(html);
  if (problems.length) {
    console.error(`csp: ${file} breaks the Content-Security-Policy:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  writeFileSync(file, html);
  console.log(`csp: ${written.length} inline script(s) moved to ${written.join(', ') || '-'}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();

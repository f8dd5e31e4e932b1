// Builds the staff console into public/console/, where Firebase Hosting (and the local stack) serve it.
//   node build.mjs                  a deployable build: Google sign-in with GOOGLE_CLIENT_ID
//   node build.mjs --local          the local stack's build: a role picker fed by the demo tokens
//   --out=DIR                       somewhere else than public/console/
// The role picker is compiled out of the deployable build (LOCAL_SIGN_IN is a constant esbuild folds).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const outArg = process.argv.find((a) => a.startsWith('--out='));
const out = outArg ? outArg.slice('--out='.length) : join(here, '..', 'public', 'console');
const local = process.argv.includes('--local');
const clientId = process.env.GOOGLE_CLIENT_ID || '';
if (!local && !clientId) {
  console.error('a deployable build needs GOOGLE_CLIENT_ID (the OAuth client of Google sign-in); --local for the local stack');
  process.exit(1);
}

mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(here, 'src', 'main.jsx')],
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2020'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  outfile: join(out, 'app.js'),
  define: {
    LOCAL_SIGN_IN: String(local),
    GOOGLE_CLIENT_ID: JSON.stringify(clientId),
  },
  legalComments: 'none',
  logLevel: 'warning',
});
for (const file of ['index.html', 'console.css']) {
  copyFileSync(join(here, file), join(out, file));
}
const bytes = statSync(join(out, 'app.js')).size;
const gzipped = gzipSync(readFileSync(join(out, 'app.js'))).length;
console.log(`console built (${local ? 'local sign-in' : 'Google sign-in'}): app.js ${(bytes / 1024).toFixed(1)} KiB, ${(gzipped / 1024).toFixed(1)} KiB gzip`);

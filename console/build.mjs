// Builds the staff console into public/console/, where Firebase Hosting (and the local stack) serve it.
//   node build.mjs                  a deployable build: Google sign-in with GOOGLE_CLIENT_ID
//   node build.mjs --local          the local stack's build: a role picker fed by the demo tokens
//   --out=DIR                       somewhere else than public/console/
// The role picker is compiled out of the deployable build (LOCAL_SIGN_IN is a constant esbuild folds).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parse } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const outArg = process.argv.find((a) => a.startsWith('--out='));
const out = outArg ? outArg.slice('--out='.length) : join(here, '..', 'public', 'console');
const local = process.argv.includes('--local');
const clientId = process.env.GOOGLE_CLIENT_ID || '';
if (!local && !clientId) {
  console.error('a deployable build needs GOOGLE_CLIENT_ID (the OAuth client of Google sign-in); --local for the local stack');
  process.exit(1);
}

// The console calls the API by operation name (operationId), as a client generated from the API
// descriptions would: the method and path of each come from api/*.openapi.yaml, and a name the
// descriptions do not have stops the build.
const APIS = { staff: 'incident-lifecycle', vault: 'evidence-vault' };
const operations = {};
for (const [api, name] of Object.entries(APIS)) {
  const description = parse(readFileSync(join(here, '..', 'api', `${name}.openapi.yaml`), 'utf8'));
  for (const [path, item] of Object.entries(description.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!operation || !operation.operationId) continue;
      if (operations[operation.operationId]) throw new Error(`operationId ${operation.operationId} is in two descriptions`);
      operations[operation.operationId] = [method.toUpperCase(), path, api];
    }
  }
}
const used = {};
const sources = (dir) => readdirSync(dir, { withFileTypes: true })
  .flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : [join(dir, e.name)]));
for (const file of sources(join(here, 'src'))) {
  const code = readFileSync(file, 'utf8');
  for (const [, name] of code.matchAll(/\b(?:read|send)\('([A-Za-z]+)'/g)) {
    if (!operations[name]) {
      console.error(`${file}: '${name}' names no operation of api/${Object.values(APIS).join('|')}.openapi.yaml`);
      process.exit(1);
    }
  }
  // Only the operations the console names go into the bundle (also those handed on by name).
  for (const [, name] of code.matchAll(/'([A-Za-z]+)'/g)) {
    if (operations[name]) used[name] = operations[name];
  }
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
    API_OPERATIONS: JSON.stringify(used),
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

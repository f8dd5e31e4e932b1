// Prints the figures of this ./bench.sh run (target/bench/figures.jsonl) beside their targets and the
// previous run's (bench/previous.jsonl, kept in the repository), and appends the table to
// target/bench/figures.md. With --keep, this run becomes the previous one for the next.
import { appendFileSync, copyFileSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CURRENT = join(ROOT, 'target/bench/figures.jsonl');
const PREVIOUS = join(ROOT, 'bench/previous.jsonl');

const read = (file) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : []);
const current = read(CURRENT);
const previous = new Map(read(PREVIOUS).map((f) => [f.name, f]));
const shown = (v) => (v === undefined ? '–' : Number.isInteger(v) ? v.toLocaleString('en') : v.toFixed(2));

const rows = current.map((f) => `| ${f.name} | **${shown(f.value)}** | ${shown(previous.get(f.name)?.value)} | ${f.target} | ${f.met ? 'met' : 'MISSED'} |`);
const table = `### Every figure beside its target and the previous run

| figure | this run | previous run | target | |
|---|---|---|---|---|
${rows.join('\n')}
`;
console.log(`\n${table}`);
appendFileSync(join(ROOT, 'target/bench/figures.md'), `${table}\n`);
if (process.argv.includes('--keep')) {
  copyFileSync(CURRENT, PREVIOUS);
  console.log(`kept as ${PREVIOUS}`);
}

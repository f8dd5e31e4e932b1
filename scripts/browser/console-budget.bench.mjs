// The staff console's budgets, measured against the running local stack after SeedIncidents put 10,000
// incidents in it (bench.sh does both): the board's first page shown after navigation (target < 1.5 s),
// an incident page shown complete after a click on the board (target < 1 s), and the JavaScript bundle
// (target <= 150 KB gzip). Prints the figures and appends them to target/bench/figures.md; never fails
// on speed.
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, closeBrowser, openPage, startBrowser } from './support.mjs';

const SITE = process.env.FORM_URL || 'http://localhost:5000/';
const CONSOLE = new URL('console/', SITE).href;
const RUNS = 7;
const CONDITION = process.env.CONDITION || 'as the stack runs';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

await startBrowser();
const { page } = await openPage(CONSOLE, 'en-GB');
await page.locator('#role-picker button', { hasText: /^responder$/ }).click();
await page.locator('#incidents tbody tr').first().waitFor();
const total = await page.evaluate(async () => {
  const token = sessionStorage.getItem('meldekette.token');
  let count = 0;
  let pageToken = '';
  do {
    const answer = await fetch(`/api/staff/incidents?pageSize=200${pageToken ? `&pageToken=${encodeURIComponent(pageToken)}` : ''}`,
      { headers: { Authorization: `Bearer ${token}` } });
    const body = await answer.json();
    count += body.incidents.length;
    pageToken = body.nextPageToken;
  } while (pageToken);
  return count;
});

// Times are taken in the page (performance.now()), from a MutationObserver and the next animation
// frame: Playwright's waitFor polls at growing intervals (up to 500 ms), which would be measured too.
await page.addInitScript(() => {
  window.shownAt = (selector) => new Promise((resolve) => {
    const shown = () => requestAnimationFrame(() => resolve(performance.now()));
    if (document.querySelector(selector)) return shown();
    const observer = new MutationObserver(() => {
      if (document.querySelector(selector)) {
        observer.disconnect();
        shown();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  // The board, from the navigation's start (performance.now() counts from it).
  window.boardShown = window.shownAt('#incidents tbody tr');
});
const board = [];
const incident = [];
for (let i = 0; i < RUNS; i++) {
  await page.goto('about:blank');
  await page.goto(CONSOLE); // the token stays in this tab's sessionStorage
  board.push(Math.round(await page.evaluate(() => window.boardShown)));
  incident.push(Math.round(await page.evaluate(async (n) => {
    const complete = window.shownAt('#clocks tbody tr'); // the overview, with every part read
    const clicked = performance.now();
    document.querySelectorAll('#incidents tbody tr a')[n].click();
    return (await complete) - clicked;
  }, i)));
  await page.locator('#clocks-heading').waitFor(); // and it is the incident page
}
await closeBrowser();

const bundle = readFileSync(join(ROOT, 'public/console/app.js'));
const css = readFileSync(join(ROOT, 'public/console/console.css'));
const kib = (bytes) => (bytes / 1024).toFixed(1);
const gzip = gzipSync(bundle).length;
const section = `### Staff console budgets (local stack, ${total.toLocaleString('en')} incidents, ${CONDITION}, median of ${RUNS})

| what | median | all runs (ms) | target |
|---|---|---|---|
| board: first page shown after navigation | ${median(board)} ms | ${board.join(', ')} | < 1,500 ms: ${median(board) < 1500 ? 'met' : 'MISSED'} |
| incident page complete after a click on the board | ${median(incident)} ms | ${incident.join(', ')} | < 1,000 ms: ${median(incident) < 1000 ? 'met' : 'MISSED'} |
| JavaScript bundle | ${kib(gzip)} KiB gzip (${kib(bundle.length)} KiB) | | <= 150 KB gzip: ${gzip <= 150_000 ? 'met' : 'MISSED'} |
| stylesheet | ${kib(gzipSync(css).length)} KiB gzip | | |

`;
console.log(`\n${section}`);
mkdirSync(join(ROOT, 'target/bench'), { recursive: true });
appendFileSync(join(ROOT, 'target/bench/figures.md'), section);
// The figures beside their targets, for ./bench.sh's summary against the previous run.
const figure = (name, value, target, met) => JSON.stringify({ name: `${name} (${CONDITION})`, value, target, met });
appendFileSync(join(ROOT, 'target/bench/figures.jsonl'), [
  figure('console board, first page, ms', median(board), '< 1500', median(board) < 1500),
  figure('console incident page complete, ms', median(incident), '< 1000', median(incident) < 1000),
].join('\n') + '\n');

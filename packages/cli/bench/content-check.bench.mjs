// Benchmark: how long `onward content check` takes on the shipped content (2 question sets, 3 locales), run
// against the BUILT engine (pnpm build first). Prints a median per check; nothing is asserted.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkContent, readingEase, scanJson } from '@onward/engine';
import { readContentDir } from '../dist/index.js';

const dir = join(import.meta.dirname, '..', '..', '..', 'schemas');
const sources = readContentDir(dir, 'schemas');
const texts = [...sources.questionSets, ...sources.locales];
const bytes = texts.reduce((n, f) => n + Buffer.byteLength(f.text), 0);

function median(fn, runs) {
  for (let i = 0; i < 5; i++) fn(); // warm up
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const check = median(() => checkContent(sources), 50);
const scan = median(() => {
  for (const f of texts) scanJson(f.text);
}, 50);
const parse = median(() => {
  for (const f of texts) JSON.parse(f.text);
}, 50);
const report = checkContent(sources);
const ease = median(() => {
  for (const s of report.scores) readingEase(s.text);
}, 200);
console.log(
  `content: ${texts.length} files, ${(bytes / 1024).toFixed(1)} KiB, ${report.scores.length} English questions scored`,
);
console.log(`checkContent (whole check):   ${check.toFixed(2)} ms median of 50`);
console.log(`scanJson (all files):         ${scan.toFixed(2)} ms (JSON.parse: ${parse.toFixed(2)} ms)`);
console.log(`readingEase (${report.scores.length} questions): ${ease.toFixed(3)} ms`);

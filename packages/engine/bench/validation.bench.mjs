// Validation benchmark, in Node, against the built package (`pnpm --filter @onward/engine build` first):
// validations a second of a full valid checklist (66 answers, each with a note) through validateChecklist, which
// runs the generated fast pass and the full validator only when the fast pass cannot vouch for the document;
// beside it the precompiled full validator alone (every error collected, as before), ajv compiled at run time
// (first error only, and every error), and validateChecklist on an invalid document (the full error list).
// Measured, not asserted. BENCH_MS sets the time per figure (default 1500 ms).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emptyChecklist, questionSet, setAnswer, validateChecklist } from '../dist/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../..');
const require = createRequire(join(root, 'package.json'));
const MS = Number(process.env.BENCH_MS ?? 1500);

const set = questionSet();
let doc = emptyChecklist(set);
for (const q of set.questions)
  doc = setAnswer(
    set,
    doc,
    q.id,
    { value: 'yes', note: 'Things are going well with this one.', help: false },
    {
      by: 'young-person',
      locale: 'en-GB',
      variant: 'standard',
      at: new Date(Date.UTC(2026, 2, 1, 9, 30)).toISOString(),
    },
  );
const invalid = structuredClone(doc);
invalid.answers.housing.heating.note = 'x'.repeat(501);
invalid.answers.money['bank-account'].value = 'maybe';

const full = (await import(join(root, 'schemas/generated/outcomes.v2.validate.js'))).default;
const fast = (await import(join(root, 'schemas/generated/outcomes.v2.fast.validate.js'))).default;
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;
const schema = require(join(root, 'schemas/outcomes/outcomes.v2.schema.json'));
function runtimeAjv(allErrors) {
  const ajv = new Ajv2020({ allErrors, strict: false });
  addFormats(ajv, ['date', 'date-time', 'email', 'uri']);
  return ajv.compile(schema);
}
const ajvFirst = runtimeAjv(false);
const ajvAll = runtimeAjv(true);

function opsPerSecond(fn) {
  for (let i = 0; i < 2000; i++) fn();
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < MS) {
    for (let i = 0; i < 200; i++) fn();
    n += 200;
    now = performance.now();
  }
  return Math.round(n / ((now - start) / 1000));
}
const check = (label, ok) => {
  if (!ok) throw new Error(`${label}: gave the wrong answer`);
};
check('validateChecklist', validateChecklist(doc).ok && !validateChecklist(invalid).ok);
check('fast pass', fast(doc) === true && fast(invalid) === false);
check('full', full(doc) && !full(invalid));

const rows = [
  ['validateChecklist, full valid answer set (fast pass)', opsPerSecond(() => validateChecklist(doc))],
  ['  the generated fast pass alone', opsPerSecond(() => fast(doc))],
  ['precompiled ajv standalone, every error (the full validator; before: the only one)', opsPerSecond(() => full(doc))],
  ['ajv compiled at run time (new Function), first error only', opsPerSecond(() => ajvFirst(doc))],
  ['ajv compiled at run time, every error', opsPerSecond(() => ajvAll(doc))],
  ['validateChecklist, invalid answer set (two errors, in words)', opsPerSecond(() => validateChecklist(invalid))],
];
const base = rows[2][1];
console.log(`\nValidation, Node ${process.version}, a full checklist (${set.questions.length} answers with notes):\n`);
console.log('| What | Validations a second | ÷ full validator |\n| --- | ---: | ---: |');
for (const [what, ops] of rows)
  console.log(`| ${what} | ${ops.toLocaleString('en-GB')} | ${(ops / base).toFixed(2)}× |`);

// Render the reference look committed in docs/pdf-reference/: the sample plan's cover and a domain page, a Welsh
// page, the agreement's first page, and a page with an Arabic note, at 60 dpi (pdftoppm from poppler-utils). Compare by eye after a layout change.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', '..', '..', 'docs', 'pdf-reference');
const tmp = mkdtempSync(join(tmpdir(), 'onward-pdf-ref-'));
const r = spawnSync(process.execPath, [join(here, 'run-ts.mjs'), join(here, 'render-sample.mts'), tmp], {
  stdio: 'inherit',
});
if (r.status !== 0) process.exit(r.status ?? 1);
mkdirSync(out, { recursive: true });
const shots = [
  ['plan.pdf', 1, 'plan-page-1-cover'],
  ['plan.pdf', 3, 'plan-page-3-housing'],
  ['plan.pdf', 11, 'plan-page-11-contingency-engagement'],
  ['plan.pdf', 12, 'plan-page-12-sign-offs'],
  ['plan-cy.pdf', 2, 'plan-cy-page-2'],
  ['agreement-young-person.pdf', 1, 'agreement-young-person-page-1'],
  ['plan-arabic-note.pdf', 2, 'plan-page-2-arabic-note'],
];
for (const [pdf, page, name] of shots) {
  const base = join(tmp, name);
  execFileSync('pdftoppm', [
    '-r',
    '60',
    '-png',
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    join(tmp, pdf),
    base,
  ]);
  renameSync(`${base}.png`, join(out, `${name}.png`));
  console.log(`docs/pdf-reference/${name}.png`);
}

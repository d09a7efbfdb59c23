#!/usr/bin/env node
// Regenerates data/*.json from the widget test fixtures (packages/widgets/test/fixtures.ts), so the example, the
// stories and the tests show the same invented young person. Run: node examples/embed-portal/make-data.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const widgets = join(here, '../../packages/widgets');
const r = await esbuild.build({
  entryPoints: [join(widgets, 'test/fixtures.ts')],
  absWorkingDir: widgets,
  bundle: true,
  format: 'esm',
  platform: 'node',
  write: false,
  conditions: ['source'],
  logLevel: 'error',
});
const f = await import(`data:text/javascript;base64,${Buffer.from(r.outputFiles[0].text).toString('base64')}`);
const out = {
  'plan.json': f.samplePlan(),
  'plan-lifecycle.json': f.planLifecycle('draft'),
  'plan-lifecycle-submitted.json': f.planLifecycle('submitted'),
  'agreement.json': f.sampleAgreement(),
};
for (const [name, value] of Object.entries(out))
  writeFileSync(join(here, 'data', name), `${JSON.stringify(value, null, 2)}\n`);
console.log(`Wrote ${Object.keys(out).length} files to examples/embed-portal/data/`);

// Every package's Node entry from the installed tarballs, used as a server or a script would: prints one JSON
// object of results for the test to check. plan.json (a valid pathway plan) is written beside this file.
import { readFileSync } from 'node:fs';
import { COMMANDS } from '@onward/cli';
import { dashboardTables, toCsvFile } from '@onward/dashboard/node';
import {
  allShippedWording,
  buildInsightsIndex,
  loadLocale,
  questionSet,
  syntheticRecords,
  validateChecklist,
  validatePlan,
} from '@onward/engine';
import { renderPlanPdf } from '@onward/pdf';
import { schemaIds } from '@onward/schemas';
import enGB from '@onward/schemas/locales/en-GB.js';
import validateOutcomes from '@onward/schemas/validate/outcomes.v2';
import { createOnwardServer, openStore } from '@onward/server';

const plan = JSON.parse(readFileSync(new URL('./plan.json', import.meta.url), 'utf8'));
const results = {};

results.questions = questionSet().questions.length;
results.invalidChecklist = validateChecklist(
  { questionSet: 'onward.outcomes', version: 2, answers: { housing: 3 } },
  {
    locale: 'cy',
  },
).errors?.[0]?.message;
results.planValid = validatePlan(plan).ok;
results.welsh = (await loadLocale('cy'))?.meta.name;
results.enGB = enGB.meta.locale;
results.rawValidator = validateOutcomes({});
results.schemaId = schemaIds.outcomesV2;

const pdf = await renderPlanPdf(plan, {
  wording: allShippedWording(),
  council: { name: 'Riverside Council' },
  createdAt: new Date('2026-03-02T10:00:00Z'),
});
results.pdf = Buffer.from(pdf.subarray(0, 5)).toString('latin1');

results.dashboardNode =
  typeof dashboardTables === 'function' &&
  toCsvFile({ name: 't', title: 'T', columns: ['a', 'b'], rows: [{ a: 1, b: 'x, y' }] });
results.synthetic = syntheticRecords({ seed: 1, people: 5, to: '2026-03-31' }).length;
results.index = buildInsightsIndex(syntheticRecords({ seed: 1, people: 5, to: '2026-03-31' })) !== undefined;

const store = await openStore(); // PGlite in memory
try {
  const { app } = createOnwardServer({ store, secureCookies: false });
  results.health = await (await app.request('/api/health')).json();
  results.openapi = (await (await app.request('/api/openapi.json')).json()).openapi;
} finally {
  await store.close();
}
results.commands = COMMANDS.map((c) => c.name);
console.log(JSON.stringify(results));

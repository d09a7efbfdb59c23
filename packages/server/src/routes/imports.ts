// Onboarding from the case-management system: POST /api/imports/young-people takes the young people CSV
// (Content-Type: text/csv) and imports it in one transaction, or with ?dryRun=true checks it and saves nothing.
// The work is importYoungPeople's (import/young-people-import.ts), which the CLI calls too.
import type { Hono } from 'hono';
import { BODY_LIMIT, tooLarge } from '../http/body-limit.js';
import { type Ctx, type Env, user } from '../http/context.js';
import type { Deps } from '../http/deps.js';
import type { Operation } from '../http/operation.js';
import { HttpProblem } from '../http/problem.js';
import { importYoungPeople } from '../import/young-people-import.js';

/** The request body as UTF-8 text, when it is sent as text/csv. */
async function readCsv(c: Ctx): Promise<string> {
  const type = c.req.header('content-type') ?? '';
  if (!/^text\/csv\b/i.test(type))
    throw new HttpProblem(
      415,
      'unsupported-media-type',
      'Send the file as CSV with the header Content-Type: text/csv.',
    );
  const buf = new Uint8Array(await c.req.arrayBuffer());
  if (buf.byteLength > BODY_LIMIT) throw tooLarge();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new HttpProblem(
      400,
      'invalid-body',
      'The file is not UTF-8 text. Save it from the spreadsheet as "CSV UTF-8".',
      [{ path: '', message: 'The file is not UTF-8 text.' }],
    );
  }
}

/** This module's routes for OpenAPI, each naming its permission (openapi.ts gathers every module's). */
export const IMPORT_OPERATIONS: readonly Operation[] = [
  {
    method: 'post',
    path: '/api/imports/young-people',
    summary:
      'Import young people from a case-management CSV (Content-Type: text/csv): all or nothing, a re-import updates rather than duplicates; dryRun=true checks and saves nothing',
    who: 'admin',
    permission: 'importYoungPeople',
    body: 'csv',
    ok: 200,
    query: ['dryRun'],
  },
];

export function registerImportRoutes(app: Hono<Env>, d: Deps): void {
  app.post('/api/imports/young-people', async (c) => {
    const u = user(c);
    const dryRun = c.req.query('dryRun');
    if (dryRun !== undefined && dryRun !== 'true' && dryRun !== 'false')
      throw new HttpProblem(400, 'invalid-body', 'dryRun is true or false.', [
        { path: 'dryRun', message: 'dryRun is true or false.' },
      ]);
    const text = await readCsv(c);
    const result = await importYoungPeople(d.store, text, {
      councilId: u.councilId,
      actor: { id: u.id, role: u.role },
      requestId: c.get('requestId'),
      now: d.now(),
      dryRun: dryRun === 'true',
    });
    if (!result.ok) {
      const n = result.problems.length;
      return c.body(
        JSON.stringify({
          ...new HttpProblem(
            400,
            'invalid-body',
            `${n === 1 ? '1 problem' : `${n} problems`} in the file; nothing was imported.`,
            result.problems,
          ).body(c.get('requestId')),
          importId: result.importId,
          dryRun: result.dryRun,
        }),
        400,
        { 'content-type': 'application/problem+json' },
      );
    }
    return c.json(result);
  });
}

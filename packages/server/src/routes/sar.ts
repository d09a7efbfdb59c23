// Subject access: GET /api/young-people/:id/subject-access gives an admin, or the team manager of the young
// person's team, a zip of everything held about them (sar/subject-access.ts). Producing it is audited as an
// export of their record, so it shows in their own audit trail and the next zip.
import type { Hono } from 'hono';
import { managesYoungPerson, seesCase } from '../access.js';
import { audit, type Env, user } from '../http/context.js';
import type { Deps } from '../http/deps.js';
import type { Operation } from '../http/operation.js';
import { forbidden, notFound } from '../http/problem.js';
import { subjectAccessZip } from '../sar/subject-access.js';
import type { PendingPdf } from '../storage/frozen-plans.js';

/** This module's routes for OpenAPI, each naming its permission (openapi.ts gathers every module's). */
export const SUBJECT_ACCESS_OPERATIONS: readonly Operation[] = [
  {
    method: 'get',
    path: '/api/young-people/:id/subject-access',
    summary:
      'A subject access request: a zip of everything held about one young person (record, plans, check-ins, Staying Put, PDFs, event history, who saw their record) with a readable index; audited as an export',
    who: 'admin, team-manager of their team',
    permission: 'subjectAccess',
    ok: 200,
    returns: 'zip',
  },
];

export function registerSubjectAccessRoutes(app: Hono<Env>, d: Deps): void {
  app.get('/api/young-people/:id/subject-access', async (c) => {
    const u = user(c);
    const yp = await d.store.getYoungPerson(c.req.param('id'));
    if (!yp || yp.councilId !== u.councilId) throw notFound();
    // The permission table admits admins and team managers; of those, an admin or this young person's team manager.
    if (!managesYoungPerson(u, yp)) {
      if (seesCase(u, yp))
        throw forbidden("Only an admin or this young person's team manager can produce their subject access request.");
      throw notFound();
    }
    const now = d.now();
    const freezes = d.pdfFreezes;
    const { zip } = await subjectAccessZip(d.store, yp, {
      producedBy: { id: u.id, name: u.name, role: u.role },
      now,
      ...(d.options.renderAgreementPdf ? { renderAgreementPdf: d.options.renderAgreementPdf } : {}),
      ...(freezes ? { planPdf: (p: PendingPdf) => freezes.pdfFor(p) } : {}),
    });
    await audit(c, d.store, now, 'export', 'subject-access', yp.id, yp.id);
    return c.body(zip as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="subject-access-${yp.id.replace(/[^A-Za-z0-9_.-]/g, '_')}-${now
        .toISOString()
        .slice(0, 10)}.zip"`,
      'cache-control': 'no-store',
    });
  });
}

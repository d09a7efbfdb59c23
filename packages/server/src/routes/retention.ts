// Retention (issue 14): a team manager's review list of the records due for destruction, legal holds, and the
// destruction of one record on the manager's explicit confirmation. When a record is due, and what a hold does, is
// the engine's rule (retentionStatus, destructionRefusal); the storage module (storage/retention.ts) knows which rows
// are the person's and removes them in one transaction. Team managers only (the permission `retention`), of their
// own council: a record of another council is not found. Records this old have usually outlived their team, so a
// team manager reviews the whole council's.
import {
  destructionRefusal,
  RETENTION_LEGAL_BASIS,
  type RetentionStatus,
  retentionStatus,
  ukDate,
  type YoungPersonRecord,
} from '@onward/engine';
import type { Hono } from 'hono';
import { audit, auditEntry, audited, body, type Ctx, type Env, user } from '../http/context.js';
import type { Deps } from '../http/deps.js';
import type { Operation } from '../http/operation.js';
import { conflict, HttpProblem, notFound } from '../http/problem.js';
import { bodies } from '../http/validators.js';
import { ConflictError } from '../storage/rows.js';
import type { LegalHold } from '../storage/store.js';

/** This module's routes for OpenAPI, each naming its permission (openapi.ts gathers every module's). */
export const RETENTION_OPERATIONS: readonly Operation[] = [
  {
    method: 'get',
    path: '/api/retention',
    summary:
      'The review list: records due for destruction (past their retention date), oldest first, with the reason and the date each became due; records under a legal hold shown as held; the destructions already done',
    who: 'team-manager (their council)',
    permission: 'retention',
    ok: 200,
    returns: 'json',
  },
  {
    method: 'get',
    path: '/api/retention/:id',
    summary:
      "One record's retention: whether it is due, held or kept, its hold's history, and how many rows of each kind a destruction would remove",
    who: 'team-manager (their council)',
    permission: 'retention',
    ok: 200,
    returns: 'json',
  },
  {
    method: 'post',
    path: '/api/retention/:id/legal-hold',
    summary: 'Puts the record under a legal hold, with the reason (recorded and audited): it cannot be destroyed',
    who: 'team-manager (their council)',
    permission: 'retention',
    body: 'apiLegalHoldSchema',
    ok: 201,
    returns: 'json',
  },
  {
    method: 'post',
    path: '/api/retention/:id/legal-hold/lift',
    summary: 'Lifts the legal hold, with the reason (recorded and audited)',
    who: 'team-manager (their council)',
    permission: 'retention',
    body: 'apiLegalHoldSchema',
    ok: 200,
    returns: 'json',
  },
  {
    method: 'post',
    path: '/api/retention/:id/destruction',
    summary:
      "Destroys a record past its retention date and not held, once the manager confirms it by typing the record's reference: every row about the young person is removed in one transaction, and a destruction record (no personal data) is kept and audited",
    who: 'team-manager (their council)',
    permission: 'retention',
    body: 'apiDestructionSchema',
    ok: 201,
    returns: 'json',
  },
];

/** One record on the review list. */
export interface RetentionItem {
  youngPersonId: string;
  name: string;
  preferredName?: string;
  dateOfBirth: string;
  status: RetentionStatus['status'];
  mayDestroy: boolean;
  basis: RetentionStatus['basis'];
  dueFrom: string;
  keepUntil: string;
  reason: string;
  hold?: { reason: string; heldBy: string; heldByName?: string; heldAt: string };
}

export function registerRetentionRoutes(app: Hono<Env>, d: Deps): void {
  const { store } = d;
  const today = () => ukDate(d.now());

  const item = (yp: YoungPersonRecord, hold: LegalHold | undefined, names: Map<string, string>): RetentionItem => {
    const r = retentionStatus({ dateOfBirth: yp.dateOfBirth, legalHold: hold !== undefined }, today());
    const heldByName = hold ? names.get(hold.heldBy) : undefined;
    return {
      youngPersonId: yp.id,
      name: yp.name,
      ...(yp.preferredName ? { preferredName: yp.preferredName } : {}),
      dateOfBirth: yp.dateOfBirth,
      status: r.status,
      mayDestroy: r.mayDestroy,
      basis: r.basis,
      dueFrom: r.dueFrom,
      keepUntil: r.keepUntil,
      reason: r.reason,
      ...(hold
        ? {
            hold: {
              reason: hold.reason,
              heldBy: hold.heldBy,
              ...(heldByName ? { heldByName } : {}),
              heldAt: hold.heldAt,
            },
          }
        : {}),
    };
  };

  /** The young person named in the address, of the caller's council (else 404). */
  const load = async (c: Ctx) => {
    const u = user(c);
    const yp = await store.getYoungPerson(c.req.param('id') ?? '');
    if (!yp || yp.councilId !== u.councilId) throw notFound();
    return { u, yp };
  };

  const names = async (councilId: string) =>
    new Map((await store.listUsers(councilId)).map((x) => [x.id, x.name] as const));

  app.get('/api/retention', async (c) => {
    const u = user(c);
    const [people, holds, destructions, who] = await Promise.all([
      store.listYoungPeople(u.councilId),
      store.retention.listHolds(u.councilId),
      store.retention.listDestructions(u.councilId),
      names(u.councilId),
    ]);
    const held = new Map(holds.map((h) => [h.youngPersonId, h]));
    // Due or held only; the oldest due first (the date each became due), then by name.
    const items = people
      .map((yp) => item(yp, held.get(yp.id), who))
      .filter((i) => i.status !== 'keep')
      .sort((a, b) => a.dueFrom.localeCompare(b.dueFrom) || a.name.localeCompare(b.name));
    await audit(c, store, d.now(), 'read', 'retention-review', u.councilId);
    return c.json({
      today: today(),
      legalBasis: RETENTION_LEGAL_BASIS,
      items,
      destructions: destructions.map((x) => ({ ...x, confirmedByName: who.get(x.confirmedBy) })),
    });
  });

  app.get('/api/retention/:id', async (c) => {
    const { u, yp } = await load(c);
    const [hold, history, removes, who] = await Promise.all([
      store.retention.getHold(yp.id),
      store.retention.holdHistory(yp.id),
      store.retention.count(yp.id),
      names(u.councilId),
    ]);
    await audit(c, store, d.now(), 'read', 'retention', yp.id, yp.id);
    return c.json({
      today: today(),
      legalBasis: RETENTION_LEGAL_BASIS,
      item: item(yp, hold, who),
      holdHistory: history.map((h) => ({ ...h, actorName: who.get(h.actorId) })),
      removes,
    });
  });

  const changeHold = (type: 'set' | 'lifted') => async (c: Ctx) => {
    const { u, yp } = await load(c);
    const b = await body(c, bodies.legalHold);
    const reason = b.reason.trim();
    if (!reason)
      throw new HttpProblem(400, 'invalid-body', '1 problem with what was sent.', [
        { path: 'reason', message: 'Fill in "reason": say why.' },
      ]);
    const now = d.now();
    try {
      await audited(
        store,
        () =>
          store.retention.changeHold({
            type,
            youngPersonId: yp.id,
            councilId: u.councilId,
            reason,
            actor: { id: u.id, role: u.role },
            at: now,
          }),
        () => [auditEntry(c, now, type === 'set' ? 'create' : 'update', 'legal-hold', yp.id, yp.id)],
      );
    } catch (e) {
      if (e instanceof ConflictError) throw conflict(e.message);
      throw e;
    }
    const hold = await store.retention.getHold(yp.id);
    return c.json({ item: item(yp, hold, await names(u.councilId)) }, type === 'set' ? 201 : 200);
  };
  app.post('/api/retention/:id/legal-hold', changeHold('set'));
  app.post('/api/retention/:id/legal-hold/lift', changeHold('lifted'));

  app.post('/api/retention/:id/destruction', async (c) => {
    const { u, yp } = await load(c);
    const b = await body(c, bodies.destruction);
    // The manager's explicit confirmation: the record's reference, typed again, for this very record.
    if (b.confirmReference.trim() !== yp.id)
      throw new HttpProblem(400, 'invalid-body', '1 problem with what was sent.', [
        {
          path: 'confirmReference',
          message: `The reference typed does not match this record's. Type ${yp.id} exactly to confirm, or go back.`,
        },
      ]);
    const now = d.now();
    const on = ukDate(now);
    let record: Awaited<ReturnType<typeof store.retention.destroy>>;
    try {
      record = await store.retention.destroy({
        youngPersonId: yp.id,
        councilId: u.councilId,
        confirmedBy: { id: u.id, role: u.role },
        at: now,
        ...dueOf(yp.dateOfBirth, on),
        legalBasis: RETENTION_LEGAL_BASIS,
        // Checked again under the lock: a hold set a moment ago, or a date of birth corrected, still stops it.
        check: (s) => {
          const refusal = destructionRefusal({ dateOfBirth: s.dateOfBirth, legalHold: s.held }, on);
          if (refusal) throw new ConflictError(refusal);
        },
        audit: (id) => auditEntry(c, now, 'destroy', 'destruction', id),
      });
    } catch (e) {
      if (e instanceof ConflictError) throw conflict(e.message);
      throw e;
    }
    return c.json({ destruction: record }, 201);
  });
}

function dueOf(dateOfBirth: string, on: string): { dueFrom: string; basis: RetentionStatus['basis'] } {
  const r = retentionStatus({ dateOfBirth }, on);
  return { dueFrom: r.dueFrom, basis: r.basis };
}

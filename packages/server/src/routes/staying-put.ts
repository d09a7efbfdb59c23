// Staying Put: arrangements, the Living Together Agreement, their lifecycle steps and the deadline tracker.
import {
  ageOn,
  agreementForViewer,
  arrangementRules,
  birthday,
  type CouncilSettings,
  dueDates,
  type LivingTogetherAgreement,
  recordEvents,
  requiredSigners,
  type StayingPutContext,
  stayingPutRules,
  ukDate,
} from '@onward/engine';
import type { Hono } from 'hono';
import {
  caseloadScope,
  holdsRole,
  isArrangementParty,
  lifecycleActor,
  ownArrangementsScope,
  seesCase,
} from '../access.js';
import { newId } from '../auth/crypto.js';
import { audit, auditEntry, auditList, body, type Ctx, type Env, user } from '../http/context.js';
import type { Deps } from '../http/deps.js';
import type { Operation } from '../http/operation.js';
import { conflict, forbidden, HttpProblem, notFound } from '../http/problem.js';
import { bodies } from '../http/validators.js';
import { allowed, momentOf } from '../lifecycle.js';
import type { ArrangementRecord, Role, YoungPersonRecord } from '../storage/projection.js';
import type { User } from '../storage/store.js';
import { visibleYoungPerson } from './cases.js';

const FINISHED = new Set(['ended', 'withdrawn']);

/** This module's routes for OpenAPI, each naming its permission (openapi.ts gathers every module's). */
export const STAYING_PUT_OPERATIONS: readonly Operation[] = [
  {
    method: 'post',
    path: '/api/young-people/:id/staying-put',
    summary: 'Start a Staying Put arrangement',
    who: 'their PA or social worker',
    permission: 'startStayingPut',
    body: 'apiStayingPutCreateSchema',
    ok: 201,
  },
  {
    method: 'get',
    path: '/api/young-people/:id/staying-put',
    summary: 'Their Staying Put arrangement',
    who: 'the young person, their PA, social worker, team manager',
    permission: 'readCase',
    ok: 200,
  },
  {
    method: 'get',
    path: '/api/staying-put/:id',
    summary: 'A Staying Put arrangement',
    who: 'case workers, the young person, its carers and supervising social worker',
    permission: 'readArrangement',
    ok: 200,
  },
  {
    method: 'put',
    path: '/api/staying-put/:id/agreement',
    summary: 'Save the Living Together Agreement (a new draft)',
    who: 'their PA or social worker',
    permission: 'writeAgreement',
    body: 'livingTogetherAgreementSchema',
    ok: 200,
  },
  {
    method: 'post',
    path: '/api/staying-put/:id/events',
    summary: 'Take a Staying Put step: discuss, sign, approve …',
    who: 'per the staying-put lifecycle',
    permission: 'readArrangement',
    body: 'apiLifecycleEventSchema',
    ok: 200,
  },
  {
    method: 'get',
    path: '/api/staying-put/:id/agreement.pdf',
    summary: 'The agreement as PDF',
    who: 'as GET /api/staying-put/:id',
    permission: 'readArrangement',
    ok: 200,
    returns: 'pdf',
  },
  {
    method: 'get',
    path: '/api/my-arrangements',
    summary: 'The Staying Put arrangements the carer or supervising social worker is named on',
    who: 'carer, supervising-social-worker (their own)',
    permission: 'myArrangements',
    ok: 200,
  },
  {
    method: 'get',
    path: '/api/staying-put-people',
    summary: "The council's carers and supervising social workers, to name on an arrangement",
    who: 'pa, social-worker, team-manager',
    permission: 'stayingPutPeople',
    ok: 200,
  },
  {
    method: 'get',
    path: '/api/staying-put-tracker',
    summary: 'Staying Put deadlines for the caseload',
    who: 'pa, social-worker, team-manager',
    permission: 'stayingPutTracker',
    ok: 200,
  },
];

export function registerStayingPutRoutes(app: Hono<Env>, d: Deps): void {
  const { store, now } = d;

  // The council's settings: its deadline periods are read whenever deadlines are shown.
  const settingsOf = (u: User): Promise<CouncilSettings> => store.councilSettings.settingsFor(u.councilId);
  const view = (u: User, a: ArrangementRecord, settings: CouncilSettings) => {
    // What this viewer may see of the agreement (the carer's allowance): the engine's one rule.
    const agreement = a.agreement && agreementForViewer(a.agreement, u);
    const snap = a.lifecycle;
    const ctx = a.lifecycle.context as unknown as StayingPutContext;
    return {
      id: a.id,
      youngPersonId: a.youngPersonId,
      state: a.state,
      ...(agreement ? { agreement } : {}),
      carerUserIds: a.carerUserIds,
      ...(a.supervisingSocialWorkerId ? { supervisingSocialWorkerId: a.supervisingSocialWorkerId } : {}),
      allowedEvents: allowed('staying-put', lifecycleActor(u), a.lifecycle, now()),
      version: a.version,
      // Who must come to the meeting and sign, and the nation's law: the rules this arrangement runs under.
      rules: arrangementRules(ctx),
      // Who must sign the agreement now and who has (the lifecycle's signatures): the engine's requiredSigners.
      ...(ctx.agreementId
        ? {
            signing: requiredSigners(ctx).map((s) => {
              const done = ctx.signatures.find((x) => x.by === s.id);
              return { party: s.party, id: s.id, ...(done ? { signedAt: done.at } : {}) };
            }),
          }
        : {}),
      // Each deadline with where it stands today: the engine's one rule (dueDates).
      deadlines: dueDates(snap, now(), settings).map((x) => ({
        step: x.step,
        label: x.label,
        due: x.dueBy,
        status: x.status,
        overdue: x.status === 'overdue',
      })),
    };
  };

  /** An arrangement the user may see: case roles for the young person, or a carer / SSW named on it. */
  const load = async (c: Ctx): Promise<{ a: ArrangementRecord; yp: YoungPersonRecord; u: User }> => {
    const u = user(c);
    const a = await store.getArrangement(c.req.param('id') as string);
    if (!a) throw notFound('Staying Put arrangement');
    const yp = await store.getYoungPerson(a.youngPersonId);
    if (!yp || !(seesCase(u, yp) || isArrangementParty(u, a))) throw notFound('Staying Put arrangement');
    return { a, yp, u };
  };

  app.post('/api/young-people/:id/staying-put', async (c) => {
    const u = user(c);
    const yp = await visibleYoungPerson(d, c, c.req.param('id'));
    const b = await body(c, bodies.stayingPutCreate);
    const errors: { path: string; message: string }[] = [];
    for (const [i, id] of b.carerUserIds.entries()) {
      const carer = await store.getUser(id);
      if (!holdsRole(carer, 'carer', u.councilId))
        errors.push({ path: `carerUserIds.${i}`, message: 'There is no such carer in your council.' });
    }
    if (b.supervisingSocialWorkerId) {
      const s = await store.getUser(b.supervisingSocialWorkerId);
      if (!holdsRole(s, 'supervising-social-worker', u.councilId)) {
        errors.push({
          path: 'supervisingSocialWorkerId',
          message: 'There is no such supervising social worker in your council.',
        });
      }
    }
    if (errors.length)
      throw new HttpProblem(400, 'invalid-body', `${errors.length} problem(s) with what was sent.`, errors);
    const existing = await store.listArrangements({ youngPersonIds: [yp.id] });
    if (existing.some((x) => !FINISHED.has(x.state)))
      throw conflict('This young person already has a Staying Put arrangement.');
    const id = newId('sp');
    const at = now();
    const m = momentOf(u, { councilId: yp.councilId, youngPersonId: yp.id }, at);
    const rules = stayingPutRules(await settingsOf(u));
    const states = await store.events.append(
      [
        recordEvents.stayingPutCreated(m, {
          arrangementId: id,
          youngPersonId: yp.id,
          dateOfBirth: yp.dateOfBirth,
          carerIds: b.carerUserIds,
          paId: yp.paId,
          ...(yp.socialWorkerId ? { socialWorkerId: yp.socialWorkerId } : {}),
          ...(b.supervisingSocialWorkerId ? { supervisingSocialWorkerId: b.supervisingSocialWorkerId } : {}),
          // The council's attendance, signing and nation rules, kept by the arrangement from now on.
          rules,
        }),
      ],
      { audit: [auditEntry(c, at, 'create', 'staying-put', id, yp.id)] },
    );
    return c.json(view(u, states.get(yp.id)?.arrangements.get(id) as ArrangementRecord, await settingsOf(u)), 201);
  });

  app.get('/api/young-people/:id/staying-put', async (c) => {
    const u = user(c);
    const yp = await visibleYoungPerson(d, c, c.req.param('id'));
    const [a] = await store.listArrangements({ youngPersonIds: [yp.id] });
    if (!a) throw notFound('Staying Put arrangement');
    await audit(c, store, now(), 'read', 'staying-put', a.id, yp.id);
    return c.json(view(u, a, await settingsOf(u)));
  });

  app.get('/api/staying-put/:id', async (c) => {
    const { a, yp, u } = await load(c);
    await audit(c, store, now(), 'read', 'staying-put', a.id, yp.id);
    return c.json(view(u, a, await settingsOf(u)));
  });

  app.put('/api/staying-put/:id/agreement', async (c) => {
    const { a, yp, u } = await load(c);
    const agreement = await body(c, bodies.agreement);
    const errors: { path: string; message: string }[] = [];
    if (agreement.youngPerson.id !== yp.id)
      errors.push({ path: 'youngPerson.id', message: 'The agreement must be for this young person.' });
    if (agreement.council !== yp.councilId)
      errors.push({ path: 'council', message: 'The agreement must belong to your council.' });
    // The agreement names its parties, and each of them signs: the young person, every carer in the arrangement and
    // the allocated workers. A worker the agreement leaves out is filled in from the allocation, by name.
    const ctx = a.lifecycle.context as {
      carerIds?: string[];
      paId?: string;
      socialWorkerId?: string;
      supervisingSocialWorkerId?: string;
    };
    for (const [i, carer] of agreement.carers.entries()) {
      if (!a.carerUserIds.includes(carer.id))
        errors.push({ path: `carers.${i}.id`, message: 'Each carer must be one of the carers in this arrangement.' });
    }
    const workers = [
      ['pa', 'paId', 'PA'],
      ['socialWorker', 'socialWorkerId', 'social worker'],
      ['supervisingSocialWorker', 'supervisingSocialWorkerId', 'supervising social worker'],
    ] as const;
    for (const [field, idKey, words] of workers) {
      const allocatedId = ctx[idKey];
      const named = agreement[field];
      if (named && allocatedId && named.id !== allocatedId)
        errors.push({ path: `${field}.id`, message: `The ${words} must be the one allocated to this arrangement.` });
      if (!named && allocatedId) {
        const worker = await store.getUser(allocatedId);
        if (worker) agreement[field] = { id: worker.id, name: worker.name };
      }
    }
    if (errors.length)
      throw new HttpProblem(400, 'invalid-body', `${errors.length} problem(s) with what was sent.`, errors);
    // A new draft clears the signatures (the lifecycle does the same); sign-offs come only from signing.
    const at = now();
    const states = await store.events.append([recordEvents.agreementSaved(momentOf(u, a, at), a.id, agreement)], {
      expect: { arrangements: { [a.id]: a.version } },
      audit: [auditEntry(c, at, 'update', 'staying-put-agreement', a.id, yp.id)],
    });
    return c.json(view(u, states.get(yp.id)?.arrangements.get(a.id) as ArrangementRecord, await settingsOf(u)));
  });

  app.post('/api/staying-put/:id/events', async (c) => {
    const { a, yp, u } = await load(c);
    const b = await body(c, bodies.lifecycleEvent);
    if (!b.type.startsWith('stayingPut.') || b.type === 'stayingPut.agreement.draft') {
      throw new HttpProblem(400, 'invalid-body', '1 problem with what was sent.', [
        {
          path: 'type',
          message:
            'Give a Staying Put step, such as stayingPut.discuss or stayingPut.agreement.sign. To draft the agreement, save it.',
        },
      ]);
    }
    const at = now();
    const states = await store.events.append(
      [recordEvents.stayingPutStep(momentOf(u, a, at), a.id, { ...b }, { id: u.id, name: u.name })],
      {
        expect: { arrangements: { [a.id]: a.version } },
        audit: [auditEntry(c, at, 'event', 'staying-put', a.id, yp.id)],
      },
    );
    return c.json(view(u, states.get(yp.id)?.arrangements.get(a.id) as ArrangementRecord, await settingsOf(u)));
  });

  app.get('/api/staying-put/:id/agreement.pdf', async (c) => {
    const { a, yp, u } = await load(c);
    if (!a.agreement) throw notFound('agreement yet');
    if (!d.options.renderAgreementPdf) throw notFound('agreement PDF: this server has no PDF renderer');
    const council = (await store.getCouncil(a.councilId)) ?? { id: a.councilId, name: a.councilId };
    const shown = view(u, a, await settingsOf(u)).agreement as LivingTogetherAgreement;
    const pdf = await d.options.renderAgreementPdf(shown, {
      council,
      locale: yp.language ?? 'en-GB',
      viewer: { role: u.role },
    });
    await audit(c, store, now(), 'read', 'staying-put-agreement-pdf', a.id, yp.id);
    return c.body(pdf as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'application/pdf',
      'content-disposition': 'attachment; filename="living-together-agreement.pdf"',
    });
  });

  // The arrangements a carer or a supervising social worker is named on (and nothing else): their way in.
  app.get('/api/my-arrangements', async (c) => {
    const u = user(c);
    const list = await store.listArrangements(ownArrangementsScope(u));
    const items = [];
    for (const a of list.filter((x) => isArrangementParty(u, x))) {
      const yp = await store.getYoungPerson(a.youngPersonId);
      if (!yp || yp.councilId !== u.councilId) continue;
      const v = view(u, a, await settingsOf(u));
      items.push({
        id: a.id,
        youngPersonId: a.youngPersonId,
        name: yp.preferredName ?? yp.name,
        state: a.state,
        allowedEvents: v.allowedEvents,
        deadlines: v.deadlines,
      });
    }
    await auditList(
      c,
      store,
      now(),
      'read',
      'staying-put-parties',
      u.id,
      items.map((x) => x.youngPersonId),
    );
    return c.json({ items });
  });

  // The council's carers and supervising social workers, by name: whom a PA or social worker can name on an
  // arrangement (the carers' sign-ins; the supervising social worker who records the fostering panel's approval).
  app.get('/api/staying-put-people', async (c) => {
    const u = user(c);
    if (!caseloadScope(u))
      throw forbidden('Only PAs, social workers and team managers can see who can be named on an arrangement.');
    const users = await store.listUsers(u.councilId);
    const named = (role: Role) =>
      users
        .filter((x) => holdsRole(x, role, u.councilId) && !x.disabled)
        .map((x) => ({ id: x.id, name: x.name }))
        .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
    await audit(c, store, now(), 'read', 'staying-put-people', u.id);
    return c.json({ carers: named('carer'), supervisingSocialWorkers: named('supervising-social-worker') });
  });

  app.get('/api/staying-put-tracker', async (c) => {
    const u = user(c);
    const scope = caseloadScope(u);
    if (!scope) throw forbidden('Only PAs, social workers and team managers see the Staying Put tracker.');
    const yps = await store.listYoungPeople(u.councilId, scope);
    const arrangements = yps.length ? await store.listArrangements({ youngPersonIds: yps.map((y) => y.id) }) : [];
    const today = ukDate(now());
    const settings = await settingsOf(u);
    const items = yps
      .map((y) => {
        const a = arrangements.find((x) => x.youngPersonId === y.id);
        const age = ageOn(y.dateOfBirth, today);
        if (!a && (age < 15 || age >= 21)) return undefined;
        return {
          youngPersonId: y.id,
          name: y.preferredName ?? y.name,
          dateOfBirth: y.dateOfBirth,
          ...(a ? { arrangementId: a.id, state: a.state } : {}),
          deadlines: a ? view(u, a, settings).deadlines : [],
          // The engine's birthday: a 29 February birthday falls on 1 March in a common year, never on 29 February.
          eighteenthBirthday: birthday(y.dateOfBirth, 18),
        };
      })
      .filter((x) => x !== undefined);
    await auditList(
      c,
      store,
      now(),
      'read',
      'staying-put-tracker',
      u.id,
      items.map((x) => x.youngPersonId),
    );
    return c.json({ items });
  });
}

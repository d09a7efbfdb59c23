// Upgrades stored events to the current format, when they are read. Format 1 (before typed events) carried the
// lifecycle's resulting snapshot on each event and no facts of the moment; format 2 carries the lifecycle's start
// input or its event, and the young person's team, category and PA at the event. The upgrade works on one young
// person's log in sequence order (the facts come from the registration and the allocations before each event)
// and proves each lifecycle event it reconstructs: re-running the upgraded events through the machines must give
// the snapshots recorded then, or the upgrade stops with an EventUpgradeError naming the event.
import { startLifecycle, transition } from '../machines/lifecycle.js';
import type { LifecycleName, LifecycleSnapshot } from '../machines/types.js';
import { lifecycleActorOf } from './projection.js';
import { type EventFacts, RECORD_SCHEMA_VERSION, type RecordEvent } from './types.js';

/** An event as stored, in any format: format 1 rows have no schemaVersion and no facts. */
export interface StoredEventAnyVersion {
  schemaVersion?: number;
  id: string;
  councilId: string;
  youngPersonId: string;
  sequence: number;
  actorId: string;
  actorRole: string;
  type: string;
  at: string;
  facts?: unknown;
  payload: Record<string, unknown>;
}

export class EventUpgradeError extends Error {
  override readonly name = 'EventUpgradeError';
  constructor(
    readonly event: { id: string; sequence: number; type: string },
    reason: string,
  ) {
    super(`Event ${event.id} (${event.type}, number ${event.sequence}) cannot be upgraded: ${reason}`);
  }
}

type Json = Record<string, unknown>;
type Step = { type: string; [k: string]: unknown };

/** JSON with object keys sorted, so two snapshots compare by content. */
function canonical(x: unknown): string {
  const norm = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(norm)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v as Json)
              .sort()
              .map((k) => [k, norm((v as Json)[k])]),
          )
        : v;
  return JSON.stringify(norm(x));
}

/** Same state and context (the time of the snapshot may differ by the milliseconds between two clock reads). */
function sameSnapshot(a: LifecycleSnapshot, b: LifecycleSnapshot): boolean {
  return a.state === b.state && canonical(a.context) === canonical(b.context);
}

/** The step made the recorded state, and every fact it changed has the recorded value. */
function sameChanges(before: LifecycleSnapshot, result: LifecycleSnapshot, recorded: LifecycleSnapshot): boolean {
  if (result.state !== recorded.state) return false;
  const b = before.context as Json;
  const r = result.context as Json;
  const rec = recorded.context as Json;
  return Object.keys(r).every((k) => canonical(r[k]) === canonical(b[k]) || canonical(r[k]) === canonical(rec[k]));
}

function pick(ctx: Json, keys: readonly string[]): Json {
  return Object.fromEntries(keys.filter((k) => ctx[k] !== undefined).map((k) => [k, ctx[k]]));
}

/** The start input each format-1 lifecycle was started with, read back from its first snapshot's context. */
const START_INPUT: Record<LifecycleName, (ctx: Json) => Json> = {
  'pathway-plan': (ctx) => ({
    ...pick(ctx, ['planId', 'youngPersonId', 'dateOfBirth', 'paId']),
    startedBy: (ctx.authorIds as string[] | undefined)?.[0],
    ...pick(ctx, ['previousPlanId', 'category', 'eligibleOn', 'migratedOn']),
    // A format-1 plan began before council rules were recorded: replayed under the old ones (`rules: null`).
    rules: ctx.rules ?? null,
  }),
  'staying-put': (ctx) => ({
    ...pick(ctx, [
      'arrangementId',
      'youngPersonId',
      'dateOfBirth',
      'carerIds',
      'paId',
      'socialWorkerId',
      'supervisingSocialWorkerId',
      'carerFostersOthers',
      'upperAge',
      'identifiedOn',
    ]),
    // As for plans: an arrangement of format 1 keeps the checks it began under.
    rules: ctx.rules ?? null,
  }),
  'check-in': (ctx) => pick(ctx, ['checkInId', 'youngPersonId', 'paId']),
};

class V1Upgrader {
  /** Each process's snapshot (plan, check-in, arrangement id), as re-running the upgraded events gives it. */
  private readonly snapshots = new Map<string, LifecycleSnapshot>();
  private facts: Partial<EventFacts>;

  constructor(known: Partial<EventFacts> = {}) {
    this.facts = { ...known };
  }
  /** The event being upgraded. */
  private e!: StoredEventAnyVersion;

  private fail(reason: string): never {
    throw new EventUpgradeError(this.e, reason);
  }

  private recorded(p: Json): LifecycleSnapshot {
    const l = p.lifecycle as LifecycleSnapshot | undefined;
    if (!l || typeof l !== 'object' || typeof l.state !== 'string') this.fail('it has no lifecycle snapshot');
    return l;
  }

  /** The start input whose start gives the recorded snapshot (kept as the process's snapshot). */
  start(name: LifecycleName, id: string, after: LifecycleSnapshot): Json {
    const input = START_INPUT[name](after.context as Json);
    let started: LifecycleSnapshot;
    try {
      started = startLifecycle(name, input, new Date(this.e.at));
    } catch (err) {
      this.fail(`its lifecycle cannot be started again (${(err as Error).message})`);
    }
    if (!sameSnapshot(started, after)) this.fail('starting its lifecycle again does not give the recorded state');
    this.snapshots.set(id, started);
    return input;
  }

  /**
   * The candidate step that takes `before` to the recorded `after`, with the snapshot it gives. The first candidate
   * that gives exactly the recorded snapshot wins; failing that, the first whose changes agree with it. (The seed
   * of format 1 sorted its events by time after computing their snapshots, so a recorded snapshot can already
   * hold what an event a few minutes later changed.)
   */
  step(
    name: LifecycleName,
    before: LifecycleSnapshot | undefined,
    after: LifecycleSnapshot,
    candidates: Step[],
  ): { event: Step; snapshot: LifecycleSnapshot } {
    if (!before) this.fail('no earlier event started its lifecycle');
    const actor = lifecycleActorOf({ id: this.e.actorId, role: this.e.actorRole }, this.e.youngPersonId);
    const tried = candidates.flatMap((event) => {
      const r = transition(name, actor, event, before, new Date(this.e.at));
      return r.ok ? [{ event, snapshot: r.snapshot }] : [];
    });
    const found =
      tried.find((t) => sameSnapshot(t.snapshot, after)) ?? tried.find((t) => sameChanges(before, t.snapshot, after));
    return found ?? this.fail(`no lifecycle step takes it from "${before.state}" to the recorded "${after.state}"`);
  }

  upgrade(e: StoredEventAnyVersion): RecordEvent {
    this.e = e;
    const p = e.payload;
    let payload: Json;
    const lifecycleStep = (name: LifecycleName, key: string, candidates: Step[]): Step => {
      const id = String(p[key]);
      const s = this.step(name, this.snapshots.get(id), this.recorded(p), candidates);
      this.snapshots.set(id, s.snapshot);
      return s.event;
    };
    switch (e.type) {
      case 'young-person.registered': {
        const { id: _id, ...youngPerson } = p.youngPerson as Json;
        payload = { youngPerson };
        this.facts = {
          teamId: youngPerson.teamId,
          category: youngPerson.category,
          paId: youngPerson.paId,
        } as EventFacts;
        break;
      }
      case 'young-person.allocated':
        payload = pick(p, ['teamId', 'paId', 'socialWorkerId', 'preferredName', 'language']);
        if (typeof p.teamId === 'string') this.facts.teamId = p.teamId;
        if (typeof p.paId === 'string') this.facts.paId = p.paId;
        break;
      case 'plan.created': {
        const after = this.recorded(p);
        const plan = p.plan as Json;
        payload = { plan, start: this.start('pathway-plan', String(plan.id), after) };
        break;
      }
      case 'plan.saved':
        payload = pick(p, ['planId', 'plan']);
        break;
      case 'plan.views-saved':
        payload = pick(p, ['planId', 'youngPerson', 'disagreements']);
        break;
      case 'plan.checklist-saved': {
        const ways = [undefined, 'together', 'together-by-phone', 'apart'] as const;
        const event = lifecycleStep(
          'pathway-plan',
          'planId',
          ways.map((how) => ({ type: 'plan.checklist.update', ...(how ? { how } : {}) })),
        );
        payload = { planId: p.planId, checklist: p.checklist, event };
        break;
      }
      case 'plan.engagement-attempt': {
        const a = p.attempt as Json;
        const event = lifecycleStep('pathway-plan', 'planId', [
          { type: 'plan.engagement.record', method: a.method, outcome: a.outcome },
        ]);
        payload = { planId: p.planId, attempt: a, event };
        break;
      }
      case 'plan.transition': {
        const sent = p.event as Step;
        const after = this.recorded(p);
        // The seed left the next plan's id out of a review's start; the recorded snapshot has it.
        const candidates = [sent];
        if (sent.type === 'plan.review.start' && sent.nextPlanId === undefined)
          candidates.push({ ...sent, nextPlanId: (after.context as Json).nextPlanId });
        const event = lifecycleStep('pathway-plan', 'planId', candidates);
        payload = { planId: p.planId, event, ...(p.by ? { by: p.by } : {}) };
        break;
      }
      case 'check-in.recorded': {
        const after = this.recorded(p);
        const checkIn = p.checkIn as Json;
        const ctx = after.context as Json;
        const input = START_INPUT['check-in'](ctx);
        const opened = startLifecycle('check-in', input, new Date(e.at));
        const base = { type: 'checkIn.submit', moods: checkIn.moods };
        const s = this.step('check-in', opened, after, [{ ...base, locale: checkIn.locale }, base]);
        this.snapshots.set(String(checkIn.id), s.snapshot);
        payload = { checkIn, start: input, event: s.event };
        break;
      }
      case 'check-in.acknowledged':
        payload = {
          checkInId: p.checkInId,
          event: lifecycleStep('check-in', 'checkInId', [{ type: 'checkIn.acknowledge' }]),
        };
        break;
      case 'staying-put.created': {
        const after = this.recorded(p);
        payload = {
          ...pick(p, ['arrangementId', 'carerUserIds', 'supervisingSocialWorkerId']),
          start: this.start('staying-put', String(p.arrangementId), after),
        };
        break;
      }
      case 'staying-put.agreement-saved': {
        const agreement = p.agreement as Json;
        payload = { arrangementId: p.arrangementId, agreement };
        // The route drafted with the save (one event); the seed drafted with a step of its own before it.
        if (p.lifecycle)
          payload.event = lifecycleStep('staying-put', 'arrangementId', [
            { type: 'stayingPut.agreement.draft', agreementId: agreement.id },
          ]);
        break;
      }
      case 'staying-put.transition': {
        const event = lifecycleStep('staying-put', 'arrangementId', [p.event as Step]);
        payload = { arrangementId: p.arrangementId, event, ...(p.by ? { by: p.by } : {}) };
        break;
      }
      default:
        return this.fail('its type is not one format 1 had');
    }
    const { teamId, category, paId } = this.facts;
    if (!teamId || !category || !paId) this.fail('it comes before the young person was registered');
    return {
      schemaVersion: RECORD_SCHEMA_VERSION,
      id: e.id,
      councilId: e.councilId,
      youngPersonId: e.youngPersonId,
      sequence: e.sequence,
      actorId: e.actorId,
      actorRole: e.actorRole,
      type: e.type,
      at: e.at,
      facts: { teamId, category, paId },
      payload,
    } as RecordEvent;
  }
}

/**
 * Upgrades one young person's events, in sequence order, to the current format. Events already in it pass
 * through unchanged (a log holds format-1 events followed by format-2 ones once the service is upgraded).
 */
export function upgradeRecord(
  events: readonly StoredEventAnyVersion[],
  /** The young person's team, category and PA before the first of `events` (when their registration is not among them). */
  known: Partial<EventFacts> = {},
): RecordEvent[] {
  const v1 = new V1Upgrader(known);
  return events.map((e) => {
    const version = e.schemaVersion ?? 1;
    if (version === RECORD_SCHEMA_VERSION) return e as unknown as RecordEvent;
    if (version !== 1) throw new EventUpgradeError(e, `format ${version} is not known`);
    return v1.upgrade(e);
  });
}

// The one API the server and the widgets share: start a process, ask whether a step is allowed, take it, list the
// allowed steps. Everything is pure: snapshots in, snapshots out, JSON all the way.
import { type AnyMachineSnapshot, and, initialTransition, or, transition as xstateTransition } from 'xstate';
import { daysBetween, type IsoDate, ukDate } from '../dates/civil-date.js';
import { type CouncilSettings, DEFAULT_COUNCIL_SETTINGS, type Nation } from '../settings/council-settings.js';
import { inNationWords } from '../settings/nation-words.js';
import { checkInLifecycle } from './check-in.machine.js';
import type { GuardSpec, LifecycleDefinition } from './define.js';
import { pathwayPlanLifecycle } from './pathway-plan.machine.js';
import { checkSnapshot } from './snapshot.js';
import { stayingPutLifecycle } from './staying-put.machine.js';
import {
  type Actor,
  type Decision,
  type Effect,
  LIFECYCLE_NAMES,
  type LifecycleEvent,
  LifecycleInputError,
  type LifecycleName,
  type LifecycleSnapshot,
  type MachineEvent,
  type OverdueStep,
  ROLE_NAMES,
  ROLES,
  type Role,
  type TransitionResult,
} from './types.js';

// biome-ignore lint/suspicious/noExplicitAny: a registry of definitions with different context types.
type AnyDefinition = LifecycleDefinition<any, any>;

/** The three lifecycles, by name. */
export const LIFECYCLES: Readonly<Record<LifecycleName, AnyDefinition>> = {
  'pathway-plan': pathwayPlanLifecycle,
  'staying-put': stayingPutLifecycle,
  'check-in': checkInLifecycle,
};

function definition(name: LifecycleName): AnyDefinition {
  const def = LIFECYCLES[name];
  if (!def)
    throw new LifecycleInputError('name', `expected one of ${LIFECYCLE_NAMES.join(', ')}, got ${JSON.stringify(name)}`);
  return def;
}

/**
 * Start a new process. `input` depends on the lifecycle: PathwayPlanStart, StayingPutStart or CheckInStart.
 * Throws LifecycleInputError naming the field when the input is wrong.
 */
export function startLifecycle(name: LifecycleName, input: unknown, now: Date): LifecycleSnapshot {
  const def = definition(name);
  const today = ukDate(now);
  const machineInput = def.start(input, today);
  const [first] = initialTransition(def.machine, machineInput);
  return toSnapshot(name, first, now);
}

/** Snapshots are JSON, so a JSON copy is a deep copy. */
function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function toSnapshot(name: LifecycleName, snap: AnyMachineSnapshot, now: Date): LifecycleSnapshot {
  return {
    lifecycle: name,
    schemaVersion: 1,
    state: String(snap.value),
    context: clone(snap.context),
    updatedAt: now.toISOString(),
  } as LifecycleSnapshot;
}

/** Restore a stored snapshot into its XState machine (checked against the schema first). */
export function restoreLifecycle(name: LifecycleName, stored: unknown): AnyMachineSnapshot {
  const def = definition(name);
  const snapshot = checkSnapshot(stored);
  if (snapshot.lifecycle !== name) {
    throw new LifecycleInputError('lifecycle', `this snapshot is a ${snapshot.lifecycle}, not a ${name}`);
  }
  return def.machine.resolveState({ value: snapshot.state, context: clone(snapshot.context) });
}

function machineEvent(actor: Actor, event: LifecycleEvent, now: Date): MachineEvent {
  if (typeof actor !== 'object' || actor === null || typeof actor.id !== 'string' || !ROLES.includes(actor.role)) {
    throw new LifecycleInputError('actor', `expected { id, role } with role one of ${ROLES.join(', ')}`);
  }
  if (typeof event !== 'object' || event === null || typeof event.type !== 'string') {
    throw new LifecycleInputError('event.type', 'expected an event with a type');
  }
  // Who and when come from the caller's session, never from the payload.
  return { ...event, actor: { id: actor.id, role: actor.role }, at: now.toISOString(), today: ukDate(now) };
}

// ---- guard trees ------------------------------------------------------------------------------------------------

const AND_CHECK = (and([]) as unknown as { check: unknown }).check;
const OR_CHECK = (or([]) as unknown as { check: unknown }).check;

/** A transition's guard as written in the machine: a guard name, or and()/or() of guards. */
export type GuardTree = { name: string } | { all: GuardTree[] } | { any: GuardTree[] };

/** Reads an XState guard (string, and(), or()) into a GuardTree. */
export function guardTree(guard: unknown): GuardTree | undefined {
  if (guard === undefined) return undefined;
  if (typeof guard === 'string') return { name: guard };
  if (typeof guard === 'function' && 'check' in guard && 'guards' in guard) {
    const children = (guard.guards as unknown[]).map((g) => guardTree(g)!);
    if (guard.check === AND_CHECK) return { all: children };
    if (guard.check === OR_CHECK) return { any: children };
  }
  throw new Error('Lifecycle guards must be guard names combined with and() or or().');
}

interface Failure {
  guard: string;
  spec: GuardSpec<unknown>;
}

/** Evaluates a guard tree; on failure returns the guard that failed (for `or`, the one about the actor's role). */
function evaluate(
  tree: GuardTree | undefined,
  def: AnyDefinition,
  context: unknown,
  event: MachineEvent,
  onlyWho = false,
): Failure | null {
  if (!tree) return null;
  if ('name' in tree) {
    const spec = def.guards[tree.name];
    if (!spec) throw new Error(`Guard ${tree.name} has no spec in ${def.name}`);
    if (onlyWho && spec.kind !== 'who') return null;
    return spec.test(context, event) ? null : { guard: tree.name, spec };
  }
  if ('all' in tree) {
    for (const child of tree.all) {
      const f = evaluate(child, def, context, event, onlyWho);
      if (f) return f;
    }
    return null;
  }
  const failures: Failure[] = [];
  for (const child of tree.any) {
    const f = evaluate(child, def, context, event, onlyWho);
    if (!f) return null;
    failures.push(f);
  }
  return failures.find((f) => f.spec.roles?.includes(event.actor.role)) ?? failures[0]!;
}

/** Whether `role` could pass the tree (true), could never (false); guards not about role count as passable. */
export function rolePasses(
  tree: GuardTree | undefined,
  guards: Readonly<Record<string, GuardSpec<never>>>,
  role: Role,
): boolean {
  if (!tree) return true;
  if ('name' in tree) {
    const roles = guards[tree.name]?.roles;
    return roles ? roles.includes(role) : true;
  }
  if ('all' in tree) return tree.all.every((t) => rolePasses(t, guards, role));
  return tree.any.some((t) => rolePasses(t, guards, role));
}

/** One transition of a machine, read from its definition. */
export interface TransitionInfo {
  from: string;
  event: string;
  to: string;
  guard: GuardTree | undefined;
}

const transitionCache = new WeakMap<AnyDefinition, TransitionInfo[]>();

/** Every transition of a lifecycle, in definition order, read from the XState machine. */
export function transitionsOf(name: LifecycleName): TransitionInfo[] {
  const def = definition(name);
  const cached = transitionCache.get(def);
  if (cached) return cached;
  const out: TransitionInfo[] = [];
  for (const [stateKey, node] of Object.entries(def.machine.states)) {
    for (const [eventType, list] of Object.entries(node.on)) {
      for (const t of list) {
        out.push({
          from: stateKey,
          event: eventType,
          to: t.target?.[0]?.key ?? stateKey,
          guard: guardTree(t.guard),
        });
      }
    }
  }
  transitionCache.set(def, out);
  return out;
}

const rolesCache = new Map<string, Role[]>();

/** The roles that can ever send `eventType` in this lifecycle (in some state, if other rules allow). */
export function rolesFor(name: LifecycleName, eventType: string): Role[] {
  const key = `${name} ${eventType}`;
  const cached = rolesCache.get(key);
  if (cached) return [...cached];
  const def = definition(name);
  const ts = transitionsOf(name).filter((t) => t.event === eventType);
  const roles = ROLES.filter((r) => ts.some((t) => rolePasses(t.guard, def.guards, r)));
  rolesCache.set(key, roles);
  return [...roles];
}

function joinOr(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

function refuse(status: 403 | 409, reason: string): Decision & { ok: false } {
  return { ok: false, status, reason };
}

/** As decideIn, with the reason in the words of the process's nation ("When I am Ready" in Wales). */
function decide(def: AnyDefinition, actor: Actor, ev: MachineEvent, snapshot: LifecycleSnapshot): Decision {
  const d = decideIn(def, actor, ev, snapshot);
  if (d.ok) return d;
  const nation = nationOf(snapshot, DEFAULT_COUNCIL_SETTINGS);
  return nation === 'england' ? d : { ...d, reason: inNationWords(d.reason, nation) };
}

function decideIn(def: AnyDefinition, actor: Actor, ev: MachineEvent, snapshot: LifecycleSnapshot): Decision {
  const spec = Object.hasOwn(def.events, ev.type) ? def.events[ev.type] : undefined;
  const what =
    def.name === 'pathway-plan' ? 'pathway plan' : def.name === 'staying-put' ? 'Staying Put arrangement' : 'check-in';
  if (!spec) return refuse(403, `There is no step called "${ev.type}" in a ${what}.`);
  const roles = rolesFor(def.name, ev.type);
  if (!roles.includes(actor.role)) {
    return refuse(403, `Only ${joinOr(roles.map((r) => ROLE_NAMES[r].one))} can ${spec.label}.`);
  }
  // Who the actor is can rule them out for good, whatever the state: e.g. another young person, or a manager who
  // wrote the plan. That is a 403 in every state, so a refusal never depends on (or reveals) where the process is.
  const everywhere = transitionsOf(def.name).filter((t) => t.event === ev.type);
  const whoFailures = everywhere.map((t) => evaluate(t.guard, def, snapshot.context, ev, true));
  if (everywhere.length > 0 && whoFailures.every((f) => f !== null)) {
    const mine = whoFailures.find((f) => f?.spec.roles?.includes(actor.role)) ?? whoFailures[0]!;
    return refuse(403, mine.spec.refusal(snapshot.context, ev));
  }
  const candidates = everywhere.filter((t) => t.from === snapshot.state);
  const state = def.states[snapshot.state];
  if (candidates.length === 0) {
    return refuse(409, `You cannot ${spec.label} while ${state?.whileText ?? `it is ${snapshot.state}`}.`);
  }
  const failures: Failure[] = [];
  for (const t of candidates) {
    const f = evaluate(t.guard, def, snapshot.context, ev);
    if (!f) return { ok: true };
    failures.push(f);
  }
  const real = failures.filter((f) => f.spec.kind !== 'branch');
  const who = real.find((f) => f.spec.kind === 'who');
  const when = real.find((f) => f.spec.kind === 'when');
  // A rule about "now" failing means the actor could take the step later; only "who" failures are permanent.
  if (when) return refuse(409, when.spec.refusal(snapshot.context, ev));
  if (who) return refuse(403, who.spec.refusal(snapshot.context, ev));
  return refuse(409, `You cannot ${spec.label} now.`);
}

function checkedSnapshot(name: LifecycleName, snapshot: LifecycleSnapshot): LifecycleSnapshot {
  if (typeof snapshot !== 'object' || snapshot === null || snapshot.lifecycle !== name) {
    throw new LifecycleInputError('snapshot.lifecycle', `expected a ${name} snapshot`);
  }
  return snapshot;
}

/**
 * May `actor` take step `event` now? Pure and cheap: widgets call it to show only allowed actions, the server to
 * enforce. 403: this actor may never take it; 409: not now. The payload is not checked here (see transition()).
 */
export function can(
  name: LifecycleName,
  actor: Actor,
  event: LifecycleEvent,
  snapshot: LifecycleSnapshot,
  now: Date = new Date(),
): Decision {
  const def = definition(name);
  return decide(def, actor, machineEvent(actor, event, now), checkedSnapshot(name, snapshot));
}

/**
 * Take a step: checks who and when (as can()), then the payload (422 naming the field), and returns the next
 * snapshot plus effects the caller must carry out (e.g. notify the named PA).
 */
export function transition(
  name: LifecycleName,
  actor: Actor,
  event: LifecycleEvent,
  snapshot: LifecycleSnapshot,
  now: Date,
): TransitionResult {
  const def = definition(name);
  const ev = machineEvent(actor, event, now);
  const current = checkedSnapshot(name, snapshot);
  const decision = decide(def, actor, ev, current);
  // A payload that is wrong in itself is reported as such (422 naming the field) before a rule about now (409).
  const problem =
    decision.ok || decision.status === 409 ? def.events[ev.type]?.check?.(ev, current.context) : undefined;
  if (problem) return { ok: false, status: 422, reason: `${problem.field}: ${problem.message}`, field: problem.field };
  if (!decision.ok) return decision;
  const restored = restoreLifecycle(name, current);
  const [next, actions] = xstateTransition(def.machine, restored, ev);
  if (next.value === restored.value && next.context === restored.context) {
    // The machine took no transition though the guards passed: a definition bug, not the caller's fault.
    throw new Error(`${name}: ${ev.type} was allowed in ${current.state} but the machine did not move`);
  }
  const out = toSnapshot(name, next, now);
  checkSnapshot(out); // a step never produces a snapshot the schema rejects
  const effects: Effect[] = [];
  for (const a of actions) {
    const e = def.effect?.(a.type, next.context);
    if (e) effects.push(e);
  }
  return { ok: true, snapshot: out, effects };
}

/** The steps `actor` can take now, in the order the machine lists them. */
export function allowedEvents(
  name: LifecycleName,
  actor: Actor,
  snapshot: LifecycleSnapshot,
  now: Date = new Date(),
): string[] {
  const def = definition(name);
  checkedSnapshot(name, snapshot);
  return Object.keys(def.events).filter((type) => can(name, actor, { type }, snapshot, now).ok);
}

/**
 * Every deadline that still applies to the process, with its due date, using the council's periods (`settings`,
 * England's defaults when not given): change a deadline in the settings and the dates here change with it. Labels
 * are in the words of the process's nation ("When I am Ready" in Wales).
 */
export function deadlines(
  snapshot: LifecycleSnapshot,
  settings: CouncilSettings = DEFAULT_COUNCIL_SETTINGS,
): { step: string; dueBy: IsoDate; label: string }[] {
  const s = checkSnapshot(snapshot);
  const nation = nationOf(s, settings);
  return definition(s.lifecycle)
    .overdue(s.context, s.state, settings)
    .map((d) => ({ ...d, label: inNationWords(d.label, nation) }));
}

/** The steps that should have been done by `now` and are not (UK dates; due on the day, overdue the day after). */
export function overdueSteps(
  snapshot: LifecycleSnapshot,
  now: Date,
  settings: CouncilSettings = DEFAULT_COUNCIL_SETTINGS,
): OverdueStep[] {
  const today = ukDate(now);
  return deadlines(snapshot, settings)
    .filter((d) => d.dueBy < today)
    .map((d) => ({ ...d, daysOverdue: daysBetween(d.dueBy, today) }));
}

/** The nation whose words and law a process follows: its own rules, else the council's settings. */
function nationOf(s: LifecycleSnapshot, settings: CouncilSettings): Nation {
  const rules = (s.context as { rules?: { nation?: Nation } }).rules;
  return rules?.nation ?? settings.nation;
}

/**
 * A step's name for a button or list, in sentence case: "Submit the plan to a manager". In Wales (`nation`),
 * Staying Put steps say "When I am Ready".
 */
export function eventLabel(name: LifecycleName, eventType: string, nation: Nation = 'england'): string {
  const events = definition(name).events;
  const spec = Object.hasOwn(events, eventType) ? events[eventType] : undefined;
  if (!spec) throw new LifecycleInputError('event.type', `there is no step called "${eventType}" in ${name}`);
  return inNationWords(spec.label.charAt(0).toUpperCase() + spec.label.slice(1), nation);
}

/** A state's name for people: "Returned with comments" (in the words of `nation`). */
export function stateTitle(name: LifecycleName, state: string, nation: Nation = 'england'): string {
  const states = definition(name).states;
  const spec = Object.hasOwn(states, state) ? states[state] : undefined;
  if (!spec) throw new LifecycleInputError('state', `${name} has no state called "${state}"`);
  return inNationWords(spec.title, nation);
}

// The pieces each machine file declares beside its XState machine: what each named guard means (who or when), what
// each event is called in plain words and what payload it needs. can(), the docs generator and the tests read these;
// the machine itself refers to the same guards by name, so the two cannot disagree.
import type { AnyStateMachine } from 'xstate';
import { isIsoDate } from '../dates/civil-date.js';
import type { CouncilSettings } from '../settings/council-settings.js';
import {
  type Actor,
  type Effect,
  LifecycleInputError,
  type LifecycleName,
  type MachineEvent,
  type Role,
} from './types.js';

/**
 * A named guard.
 * - `who`: about the person taking the step (their role, or being the right young person, not the author, …).
 *   Failing it is a 403. `roles` lists the roles that can pass it; leave it out for a check that is not about role.
 * - `when`: a rule about the process now (three attempts made, 18th birthday reached, …). Failing it is a 409.
 * - `branch`: picks between two outcomes of one event (e.g. the last signature completes the agreement). Never a
 *   reason to refuse.
 */
export interface GuardSpec<C> {
  readonly kind: 'who' | 'when' | 'branch';
  readonly roles?: readonly Role[];
  /** True for a guard that checks the role alone (the permissions table shows it as a tick, not a rule). */
  readonly roleOnly?: boolean;
  /** For the docs: what must be true, e.g. "the plan's own young person". */
  readonly describe: string;
  /** The plain-English reason when it fails. */
  readonly refusal: (context: C, event: MachineEvent) => string;
  readonly test: (context: C, event: MachineEvent) => boolean;
}

/** A problem with an event's payload. */
export interface PayloadProblem {
  readonly field: string;
  readonly message: string;
}

export interface EventSpec<C = unknown> {
  /** What the step does, as it reads after "can" or "cannot": "submit the plan". */
  readonly label: string;
  /** The payload fields, for the docs: `comment` (required), `on` (optional date). */
  readonly payload?: string;
  /** Checks the payload (against the process's own rules where they matter); returns the first problem. */
  readonly check?: (event: Record<string, unknown>, context: C) => PayloadProblem | undefined;
}

export interface StateSpec {
  /** For the docs. */
  readonly title: string;
  /** Completes "You cannot … while …": "the plan is waiting for a manager". */
  readonly whileText: string;
}

export interface LifecycleDefinition<C, I> {
  readonly name: LifecycleName;
  readonly title: string;
  readonly machine: AnyStateMachine;
  readonly guards: Readonly<Record<string, GuardSpec<C>>>;
  readonly events: Readonly<Record<string, EventSpec<C>>>;
  readonly states: Readonly<Record<string, StateSpec>>;
  /** Checks the start input and makes the machine input; throws LifecycleInputError naming the field. */
  readonly start: (input: unknown, today: string) => I;
  /** Every deadline that applies now, with the council's periods (`settings`). */
  readonly overdue: (
    context: C,
    state: string,
    settings: CouncilSettings,
  ) => { step: string; dueBy: string; label: string }[];
  /** Turns a custom action the machine asked for into an Effect for the caller to carry out. */
  readonly effect?: (actionType: string, context: C) => Effect | undefined;
}

/** Turns guard specs into XState guard implementations with the same names. */
export function xstateGuards<C, S extends Record<string, GuardSpec<C>>>(
  specs: S,
): { [K in keyof S]: (args: { context: C; event: MachineEvent }) => boolean } {
  const out: Record<string, (args: { context: C; event: MachineEvent }) => boolean> = {};
  for (const [name, spec] of Object.entries(specs)) out[name] = ({ context, event }) => spec.test(context, event);
  return out as { [K in keyof S]: (args: { context: C; event: MachineEvent }) => boolean };
}

/** A `who` guard passed by anyone holding one of `roles`. */
export function roleGuard<C>(roles: readonly Role[], describe: string, doing: string): GuardSpec<C> {
  return {
    kind: 'who',
    roles,
    roleOnly: true,
    describe,
    refusal: () => `Only ${describe} can ${doing}.`,
    test: (_c, e) => roles.includes(e.actor.role),
  };
}

/** A `who` guard passed by one named person holding `role` (`idOf` reads their id from the context). */
export function personGuard<C>(
  role: Role,
  idOf: (context: C) => string | readonly string[] | undefined,
  describe: string,
  refusal: string,
): GuardSpec<C> {
  return {
    kind: 'who',
    roles: [role],
    describe,
    refusal: () => refusal,
    test: (c, e) => {
      if (e.actor.role !== role) return false;
      const id = idOf(c);
      return typeof id === 'string' ? id === e.actor.id : Array.isArray(id) && id.includes(e.actor.id);
    },
  };
}

export function sameActor(a: Actor, b: Actor): boolean {
  return a.id === b.id && a.role === b.role;
}

// ---- payload checks ---------------------------------------------------------------------------------------------

type Check = (event: Record<string, unknown>) => PayloadProblem | undefined;

export function checks(...all: Check[]): Check {
  return (event) => {
    for (const c of all) {
      const p = c(event);
      if (p) return p;
    }
    return undefined;
  };
}

export function text(field: string, opts: { required?: boolean; max: number }): Check {
  return (event) => {
    const v = event[field];
    if (v === undefined && !opts.required) return undefined;
    if (typeof v !== 'string' || v.trim() === '') return { field, message: 'Write something here.' };
    if (v.length > opts.max) return { field, message: `Use ${opts.max} characters or fewer.` };
    return undefined;
  };
}

const ID = /^[A-Za-z0-9_.:-]{1,64}$/;
export function id(field: string, opts: { required?: boolean } = {}): Check {
  return (event) => {
    const v = event[field];
    if (v === undefined && !opts.required) return undefined;
    if (typeof v !== 'string' || !ID.test(v)) {
      return { field, message: 'Give an id of 1 to 64 letters, digits, dots, colons, dashes or underscores.' };
    }
    return undefined;
  };
}

export function oneOf(field: string, values: readonly (string | number)[], opts: { required?: boolean } = {}): Check {
  return (event) => {
    const v = event[field];
    if (v === undefined && !opts.required) return undefined;
    if (!values.includes(v as string | number)) {
      return { field, message: `Choose one of: ${values.join(', ')}.` };
    }
    return undefined;
  };
}

export function flag(field: string): Check {
  return (event) =>
    event[field] === undefined || typeof event[field] === 'boolean'
      ? undefined
      : { field, message: 'Use true or false.' };
}

/** An optional date, not after today (a step cannot be recorded as done in the future). */
export function pastDate(field: string, opts: { required?: boolean } = {}): Check {
  return (event) => {
    const v = event[field];
    if (v === undefined && !opts.required) return undefined;
    if (!isIsoDate(v)) return { field, message: 'Give a real date written YYYY-MM-DD.' };
    const today = event.today;
    if (typeof today === 'string' && v > today) return { field, message: 'The date cannot be in the future.' };
    return undefined;
  };
}

export function dateList(field: string): Check {
  return (event) => {
    const v = event[field];
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || v.length > 100) return { field, message: 'Give a list of up to 100 dates.' };
    const bad = v.findIndex((d) => !isIsoDate(d));
    return bad === -1 ? undefined : { field: `${field}.${bad}`, message: 'Give a real date written YYYY-MM-DD.' };
  };
}

/** Reads an input object for startLifecycle, throwing errors that name the field. */
export function inputObject(input: unknown): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new LifecycleInputError('input', 'expected an object');
  }
  return input as Record<string, unknown>;
}

export function requireInput(obj: Record<string, unknown>, check: Check): void {
  const p = check(obj);
  if (p) throw new LifecycleInputError(p.field, p.message);
}

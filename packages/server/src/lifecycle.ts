// The server's door to the engine's lifecycles and event builders. A step is taken when its event is appended (the projection re-runs
// the machine in the append's transaction); a refusal becomes a problem document: 403 may never, 409 not now,
// 422 bad payload, naming the field.
import {
  allowedEvents,
  type LifecycleName,
  LifecycleRefusedError,
  type LifecycleSnapshot,
  type Moment,
} from '@onward/engine';
import { HttpProblem } from './http/problem.js';
import type { Role } from './storage/projection.js';

export type LifecycleActor = { id: string; role: Role };

/** The problem document for a step a lifecycle refused. */
export function lifecycleProblem(e: LifecycleRefusedError): HttpProblem {
  const type = e.status === 403 ? 'forbidden' : e.status === 409 ? 'conflict' : 'unprocessable';
  return new HttpProblem(
    e.status,
    type,
    e.reason,
    e.field ? [{ path: e.field, message: e.reason.replace(/^[^:]+: /, '') }] : undefined,
  );
}
export { LifecycleRefusedError };

/** The steps the user can take now (none for an API token). */
export function allowed(
  name: LifecycleName,
  actor: LifecycleActor | undefined,
  snapshot: LifecycleSnapshot,
  now: Date,
): string[] {
  if (!actor) return [];
  return allowedEvents(name, actor, snapshot, now);
}

/** Whose record, who acts and when: what every event builder (engine `recordEvents`) is given. */
export function momentOf(
  u: { id: string; role: Role },
  subject: { councilId: string; youngPersonId: string },
  at: Date,
): Moment {
  return { councilId: subject.councilId, youngPersonId: subject.youngPersonId, actor: { id: u.id, role: u.role }, at };
}

// The server's one door to the engine's lifecycles: turns a refusal into a problem document (403 may never,
// 409 not now, 422 bad payload), and input errors into 422 naming the field.

import type { Effect } from '@onward/engine';
import {
  allowedEvents,
  LifecycleInputError,
  type LifecycleName,
  type LifecycleSnapshot,
  startLifecycle,
  transition,
} from '@onward/engine';
import { HttpProblem } from './http/problem.js';
import type { Role, StoredLifecycle } from './storage/projection.js';

export type LifecycleActor = { id: string; role: Role };

export function start(name: LifecycleName, input: unknown, now: Date): StoredLifecycle {
  try {
    return startLifecycle(name, input, now) as unknown as StoredLifecycle;
  } catch (e) {
    if (e instanceof LifecycleInputError) {
      throw new HttpProblem(422, 'unprocessable', e.message, [
        { path: e.field, message: e.message.replace(/^[^:]+: /, '') },
      ]);
    }
    throw e;
  }
}

export function step(
  name: LifecycleName,
  actor: LifecycleActor,
  event: { type: string; [k: string]: unknown },
  snapshot: StoredLifecycle,
  now: Date,
): { snapshot: StoredLifecycle; effects: Effect[] } {
  const r = transition(name, actor, event, snapshot as unknown as LifecycleSnapshot, now);
  if (!r.ok) {
    const type = r.status === 403 ? 'forbidden' : r.status === 409 ? 'conflict' : 'unprocessable';
    throw new HttpProblem(
      r.status,
      type,
      r.reason,
      r.field ? [{ path: r.field, message: r.reason.replace(/^[^:]+: /, '') }] : undefined,
    );
  }
  return { snapshot: r.snapshot as unknown as StoredLifecycle, effects: r.effects };
}

export function allowed(
  name: LifecycleName,
  actor: LifecycleActor | undefined,
  snapshot: StoredLifecycle,
  now: Date,
): string[] {
  if (!actor) return [];
  return allowedEvents(name, actor, snapshot as unknown as LifecycleSnapshot, now);
}

// Snapshots are JSON: they survive a round trip, validate against the schema, and restore into their machine,
// which then behaves exactly as before.
import { describe, expect, it } from 'vitest';
import {
  allowedEvents,
  checkSnapshot,
  LIFECYCLES,
  LifecycleInputError,
  type LifecycleName,
  restoreLifecycle,
  schemas,
  validateLifecycleSnapshot,
} from '../../src/index.js';
import { CAST, NOW, reachableSnapshots } from './fixtures.js';

for (const name of Object.keys(LIFECYCLES) as LifecycleName[]) {
  describe(`${name} snapshots`, () => {
    const snapshots = reachableSnapshots(name);

    it('round-trip through JSON, validate and restore into the machine', () => {
      expect(snapshots.length).toBeGreaterThan(3);
      for (const snap of snapshots) {
        const stored = JSON.parse(JSON.stringify(snap));
        expect(stored).toEqual(snap);
        expect(validateLifecycleSnapshot(stored)).toEqual({ ok: true, value: stored });
        const restored = restoreLifecycle(name, stored);
        expect(String(restored.value)).toBe(snap.state);
        expect(restored.context).toEqual(snap.context);
        expect(restored.status).toBe(LIFECYCLES[name].machine.states[snap.state]?.type === 'final' ? 'done' : 'active');
        for (const actor of CAST)
          expect(allowedEvents(name, actor, stored, NOW)).toEqual(allowedEvents(name, actor, snap, NOW));
      }
    }, 60_000);
  });
}

describe('the snapshot schema', () => {
  it('lists exactly the states of each machine', () => {
    const branches = schemas.lifecycleSnapshotSchema.oneOf;
    for (const name of Object.keys(LIFECYCLES) as LifecycleName[]) {
      const branch = branches.find((b) => b.properties.lifecycle.const === name)!;
      expect([...branch.properties.state.enum].sort()).toEqual(Object.keys(LIFECYCLES[name].machine.states).sort());
    }
  });
});

describe('bad snapshots', () => {
  const plan = reachableSnapshots('pathway-plan')[0]!;

  it('name the bad field', () => {
    const missing = JSON.parse(JSON.stringify(plan));
    delete missing.context.paId;
    const r = validateLifecycleSnapshot(missing);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContainEqual({ path: 'context', message: 'context is missing paId' });
    expect(() => checkSnapshot(missing)).toThrow(LifecycleInputError);
  });

  it('refuse a state the machine does not have', () => {
    const r = validateLifecycleSnapshot({ ...plan, state: 'lost' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ path: 'state' });
  });

  it('refuse a bad date and unknown fields', () => {
    const r = validateLifecycleSnapshot({ ...plan, context: { ...plan.context, dateOfBirth: '2008-13-01', extra: 1 } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['context', 'context.dateOfBirth']));
    }
  });

  it('refuse a snapshot of another lifecycle', () => {
    expect(() => restoreLifecycle('check-in', plan)).toThrow(/this snapshot is a pathway-plan, not a check-in/);
    expect(() => allowedEvents('check-in', CAST[0]!, plan, NOW)).toThrow(/snapshot\.lifecycle/);
  });

  it('refuse what is not a snapshot at all', () => {
    expect(validateLifecycleSnapshot(null).ok).toBe(false);
    expect(validateLifecycleSnapshot('draft').ok).toBe(false);
    expect(() => restoreLifecycle('pathway-plan', { lifecycle: 'pathway-plan' })).toThrow(LifecycleInputError);
  });
});

// Model-based tests: xstate/graph walks each machine from its start (every member of the cast trying every event
// with valid payloads) and gives the shortest path to every distinct state. Each path is replayed through the public
// API (startLifecycle + transition), and at the end of each path every possible event is tried through can() and
// transition() and compared with what the XState machine itself does. Together the paths (from a process under the
// council's rules and from one recorded before council rules existed) must take every transition the machine
// defines and reach every state.
import { describe, expect, it } from 'vitest';
import type { AnyMachineSnapshot } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import {
  can,
  LIFECYCLES,
  type LifecycleName,
  type LifecycleSnapshot,
  rolesFor,
  startLifecycle,
  transition,
  transitionsOf,
  validateLifecycleSnapshot,
} from '../../src/index.js';
import { callerEvent, MODEL_STARTS, machineEvents, NOW, summary, whenOf } from './fixtures.js';

for (const name of Object.keys(LIFECYCLES) as LifecycleName[]) {
  describe(`${name}: model-based paths`, () => {
    const def = LIFECYCLES[name];
    const types = Object.keys(def.events);
    const events = machineEvents(types);
    const starts = MODEL_STARTS[name].map(({ label, input, without = [] }) => {
      const start = startLifecycle(name, input, NOW);
      const mine = events.filter((e) => !without.includes(e.type));
      const paths = getShortestPaths(def.machine, {
        input: start.context,
        events: () => mine,
        serializeState: (s) => summary(name, s as AnyMachineSnapshot),
      });
      return { label, start, paths };
    });
    const covered = new Set<string>();
    const reached = new Set<string>();

    it('finds paths', () => {
      for (const { paths } of starts) expect(paths.length).toBeGreaterThan(Object.keys(def.states).length - 1);
    });

    // Thousands of checks: a generous timeout so a busy CI machine does not fail it (speed is not what is tested).
    it('replays every path through the API, and the API agrees with the machine at the end of each', () => {
      for (const { start, paths } of starts) for (const path of paths) replay(start, path);
    }, 240_000);

    type Path = (typeof starts)[number]['paths'][number];
    function replay(start: LifecycleSnapshot, path: Path) {
      let snap: LifecycleSnapshot = start;
      for (const step of path.steps) {
        const ev = step.event as unknown as Parameters<typeof callerEvent>[0];
        if (!ev.actor) continue; // the initial step
        const r = transition(name, ev.actor, callerEvent(ev), snap, whenOf(ev));
        expect(r.ok, `${ev.type} by ${ev.actor.role} in ${snap.state}: ${r.ok ? '' : r.reason}`).toBe(true);
        if (!r.ok) return;
        expect(summary(name, def.machine.resolveState({ value: r.snapshot.state, context: r.snapshot.context }))).toBe(
          summary(name, step.state as AnyMachineSnapshot),
        );
        snap = r.snapshot;
      }
      reached.add(snap.state);
      // Every event from here: the API must say yes exactly when the machine would move.
      const here = def.machine.resolveState({ value: snap.state, context: snap.context });
      for (const ev of events) {
        const machineCan = here.can(ev);
        const d = can(name, ev.actor, callerEvent(ev), snap, whenOf(ev));
        expect(d.ok, `${ev.type} by ${ev.actor.id} in ${snap.state}: ${d.ok ? 'allowed' : d.reason}`).toBe(machineCan);
        if (d.ok) {
          const r = transition(name, ev.actor, callerEvent(ev), snap, whenOf(ev));
          expect(r.ok).toBe(true);
          if (!r.ok) continue;
          expect(validateLifecycleSnapshot(JSON.parse(JSON.stringify(r.snapshot))).ok).toBe(true);
          covered.add(`${snap.state} --${ev.type}--> ${r.snapshot.state}`);
        } else {
          expect([403, 409]).toContain(d.status);
          expect(d.reason.length).toBeGreaterThan(10);
          if (!rolesFor(name, ev.type).includes(ev.actor.role)) expect(d.status).toBe(403);
        }
      }
    }

    it('reaches every state and takes every transition the machine defines', () => {
      expect([...reached].sort()).toEqual(Object.keys(def.machine.states).sort());
      const defined = new Set(transitionsOf(name).map((t) => `${t.from} --${t.event}--> ${t.to}`));
      expect([...defined].filter((t) => !covered.has(t))).toEqual([]);
      expect([...covered].filter((t) => !defined.has(t))).toEqual([]);
    });
  });
}

// Format-1 events (a copy captured from the code before typed events: record-v1.fixture.json.gz) upgrade to the
// current format, fit its schemas, and replayed through the machines give exactly the projections stored then.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  type RecordEvent,
  replayRecord,
  type StoredEventAnyVersion,
  upgradeRecord,
  validateRecordEvent,
} from '../../src/index.js';

interface Captured {
  youngPerson: Record<string, unknown>;
  events: StoredEventAnyVersion[];
  plans: { id: string }[];
  checkIns: { id: string }[];
  arrangements: { id: string }[];
}
const fixture = JSON.parse(
  gunzipSync(readFileSync(new URL('./record-v1.fixture.json.gz', import.meta.url))).toString('utf8'),
) as { seed: Captured[]; api: Captured[] };
const people = [...fixture.seed, ...fixture.api];
const byId = <T extends { id: string }>(xs: Iterable<T>) => [...xs].sort((a, b) => a.id.localeCompare(b.id));

describe('upgrading format-1 events', () => {
  it('covers every event type format 1 had, from the seed and from the API', () => {
    const types = new Set(people.flatMap((p) => p.events.map((e) => e.type)));
    expect([...types].sort()).toEqual([
      'check-in.acknowledged',
      'check-in.recorded',
      'plan.checklist-saved',
      'plan.created',
      'plan.engagement-attempt',
      'plan.saved',
      'plan.transition',
      'plan.views-saved',
      'staying-put.agreement-saved',
      'staying-put.created',
      'staying-put.transition',
      'young-person.allocated',
      'young-person.registered',
    ]);
  });

  for (const p of people) {
    it(`${String(p.youngPerson.id)}: upgrades, fits the schemas, and replays to the stored projections`, () => {
      const upgraded = upgradeRecord(p.events);
      expect(upgraded).toHaveLength(p.events.length);
      for (const e of upgraded) {
        const r = validateRecordEvent(e);
        expect(r.ok, `${e.type} ${e.sequence}: ${JSON.stringify(!r.ok && r.errors)}`).toBe(true);
        expect(JSON.stringify(e.payload)).not.toContain('"lifecycle"');
      }
      const state = replayRecord(upgraded);
      expect(state.youngPerson).toEqual(p.youngPerson);
      expect(byId(state.plans.values())).toEqual(byId(p.plans));
      expect(byId(state.checkIns.values())).toEqual(byId(p.checkIns));
      expect(byId(state.arrangements.values())).toEqual(byId(p.arrangements));
    });
  }

  it('records the facts of each moment: the team before and after an allocation', () => {
    const moved = fixture.api.find((p) => p.events.some((e) => e.type === 'young-person.allocated'));
    const upgraded = upgradeRecord(moved?.events ?? []) as RecordEvent[];
    expect(upgraded[0]?.facts.teamId).toBe('t2');
    expect(upgraded.at(-1)?.facts.teamId).toBe('t1');
    expect(upgraded.every((e) => e.facts.category === 'relevant')).toBe(true);
  });

  it('refuses an event whose recorded lifecycle no step can reach, naming it', () => {
    const p = fixture.api[0] as Captured;
    const events = structuredClone(p.events);
    const i = events.findIndex((e) => e.type === 'plan.transition');
    const lifecycle = (events[i] as StoredEventAnyVersion).payload.lifecycle as { state: string };
    lifecycle.state = 'closed';
    expect(() => upgradeRecord(events)).toThrow(/cannot be upgraded: no lifecycle step takes it/);
  });

  it('passes events already in the current format through', () => {
    const upgraded = upgradeRecord(fixture.seed[0]?.events ?? []);
    expect(upgradeRecord(upgraded as unknown as StoredEventAnyVersion[])).toEqual(upgraded);
  });
});

import { describe, expect, it } from 'vitest';
import { type Actor, allowedEvents, can, ROLES, startLifecycle, transition } from '../../src/index.js';

const NOW = new Date('2026-03-02T18:00:00Z');
const YP: Actor = { id: 'yp-1', role: 'young-person' };
const PA: Actor = { id: 'pa-1', role: 'pa' };
const open = () => startLifecycle('check-in', { checkInId: 'ci-1', youngPersonId: 'yp-1', paId: 'pa-1' }, NOW);
const moods = {
  housing: { mood: 'good' },
  money: { mood: 'bad', help: true, note: '<script>x</script> rent' },
  identity: { mood: 'ok', help: true },
};

describe('check-in', () => {
  it('only the young person can write it; no worker can author or edit one', () => {
    const s = open();
    for (const role of ROLES.filter((r) => r !== 'young-person')) {
      expect(can('check-in', { id: 'w', role }, { type: 'checkIn.submit', moods }, s, NOW)).toEqual({
        ok: false,
        status: 403,
        reason: 'Only the young person can send the check-in.',
      });
    }
    expect(can('check-in', { id: 'yp-2', role: 'young-person' }, { type: 'checkIn.submit' }, s, NOW)).toEqual({
      ok: false,
      status: 403,
      reason: 'Only the young person can write their own check-in.',
    });
    expect(allowedEvents('check-in', YP, s, NOW)).toEqual(['checkIn.submit']);
  });

  it('a help flag tells the named PA, who acknowledges it', () => {
    const r = transition('check-in', YP, { type: 'checkIn.submit', moods }, open(), NOW);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.snapshot.state).toBe('helpRequested');
    expect(r.snapshot.context).toMatchObject({
      helpDomains: ['money', 'identity'],
      submittedAt: '2026-03-02T18:00:00.000Z',
    });
    // The young person's note is not copied into the lifecycle; the check-in document keeps it.
    expect(JSON.stringify(r.snapshot)).not.toContain('rent');
    expect(r.effects).toEqual([
      {
        type: 'notify',
        recipientId: 'pa-1',
        reason: 'check-in.help',
        youngPersonId: 'yp-1',
        subjectId: 'ci-1',
        domains: ['money', 'identity'],
      },
    ]);
    expect(can('check-in', YP, { type: 'checkIn.submit', moods }, r.snapshot, NOW)).toMatchObject({ status: 409 });
    expect(can('check-in', { id: 'pa-2', role: 'pa' }, { type: 'checkIn.acknowledge' }, r.snapshot, NOW)).toMatchObject(
      { status: 403 },
    );
    const ack = transition(
      'check-in',
      PA,
      { type: 'checkIn.acknowledge' },
      r.snapshot,
      new Date('2026-03-03T09:00:00Z'),
    );
    expect(ack.ok && ack.snapshot).toMatchObject({ state: 'acknowledged', context: { acknowledgedBy: 'pa-1' } });
    expect(ack.ok && ack.effects).toEqual([]);
  });

  it('without a help flag, no one is notified', () => {
    const r = transition(
      'check-in',
      YP,
      { type: 'checkIn.submit', moods: { health: { mood: 'ok', help: false } } },
      open(),
      NOW,
    );
    expect(r.ok && r.snapshot.state).toBe('submitted');
    expect(r.ok && r.effects).toEqual([]);
  });

  it('checks the moods, naming the field', () => {
    const s = open();
    expect(
      transition('check-in', YP, { type: 'checkIn.submit', moods: { housing: { mood: 'meh' } } }, s, NOW),
    ).toMatchObject({
      ok: false,
      status: 422,
      field: 'moods.housing.mood',
    });
    expect(transition('check-in', YP, { type: 'checkIn.submit', moods: {} }, s, NOW)).toMatchObject({
      status: 422,
      field: 'moods',
    });
    expect(transition('check-in', YP, { type: 'checkIn.submit' }, s, NOW)).toMatchObject({ status: 422 });
  });
});

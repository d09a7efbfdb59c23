// Who is told when an event is appended: the named PA, for help asked (check-in or checklist), a plan returned or
// authorised; never the actor themselves; the message holds a line and a link, nothing about the young person.
import { describe, expect, it } from 'vitest';
import {
  appendWithNotices,
  type EventDraft,
  emptyProjection,
  NOTICE_KINDS,
  noticeLanguage,
  noticeMessage,
  type PathwayPlan,
  type ProjectionState,
  recordEvents,
} from '../../src/index.js';
import { validCheckIn, validPlan, who } from '../validation.fixtures.js';

const at = '2026-02-01T10:00:00.000Z';
const base = { councilId: 'bridgeford', youngPersonId: 'yp-1', at };
const YP = { ...base, actor: { id: 'yp-1', role: 'young-person' as const } };
const PA = { ...base, actor: { id: 'pa-1', role: 'pa' as const } };
const TM = { ...base, actor: { id: 'tm-1', role: 'team-manager' as const } };

let seq = 0;
function add(state: ProjectionState, draft: EventDraft) {
  seq += 1;
  return appendWithNotices(state, draft, { id: `ev-${seq}`, sequence: seq }).notices;
}

function registered(): ProjectionState {
  const s = emptyProjection();
  add(
    s,
    recordEvents.youngPersonRegistered(PA, {
      name: 'Alex Morgan',
      dateOfBirth: '2008-02-29',
      category: 'relevant',
      teamId: 'team-1',
      paId: 'pa-1',
    }),
  );
  return s;
}

function noHelpPlan(): PathwayPlan {
  const p = validPlan();
  return {
    ...p,
    checklist: {
      questionSet: 'onward.outcomes',
      version: 2,
      answers: { money: { 'bank-account': { ...who, value: 'yes' } } },
    } as PathwayPlan['checklist'],
  };
}

describe('appendWithNotices', () => {
  it('tells the named PA when a check-in asks for help, and nobody when it does not', () => {
    const s = registered();
    expect(add(s, recordEvents.checkInRecorded(YP, validCheckIn(), 'pa-1'))).toEqual([
      { kind: 'help-asked-check-in', recipientId: 'pa-1', youngPersonId: 'yp-1', subjectId: 'ci-1' },
    ]);
    const calm = { ...validCheckIn(), id: 'ci-2', moods: { housing: { mood: 'good' as const } } };
    expect(add(s, recordEvents.checkInRecorded(YP, calm, 'pa-1'))).toEqual([]);
  });

  it('tells the PA of a help flag the young person adds to the checklist, once', () => {
    const s = registered();
    const plan = noHelpPlan();
    expect(add(s, recordEvents.planCreated(PA, plan))).toEqual([]);
    const withHelp = validPlan().checklist;
    expect(add(s, recordEvents.checklistSaved(YP, plan, withHelp))).toEqual([
      { kind: 'help-asked-checklist', recipientId: 'pa-1', youngPersonId: 'yp-1', subjectId: plan.id },
    ]);
    // The same flags saved again: nothing new to tell.
    expect(add(s, recordEvents.checklistSaved(YP, plan, withHelp))).toEqual([]);
  });

  it('does not tell the PA about a help flag they recorded themselves', () => {
    const s = registered();
    const plan = noHelpPlan();
    add(s, recordEvents.planCreated(PA, plan));
    expect(add(s, recordEvents.checklistSaved(PA, plan, validPlan().checklist, 'together'))).toEqual([]);
  });

  it('tells the PA when a manager returns or authorises their plan, not when they submit it', () => {
    const s = registered();
    const plan = validPlan();
    add(s, recordEvents.planCreated(PA, plan));
    add(s, recordEvents.checklistSaved(YP, plan, plan.checklist));
    expect(add(s, recordEvents.planStep(PA, plan.id, { type: 'plan.submit' }, { id: 'pa-1', name: 'Sam' }))).toEqual(
      [],
    );
    const back = recordEvents.planStep(
      TM,
      plan.id,
      { type: 'plan.return', comment: 'Add more.' },
      { id: 'tm-1', name: 'Jo' },
    );
    expect(add(s, back).map((n) => n.kind)).toEqual(['plan-returned']);
    add(s, recordEvents.planStep(PA, plan.id, { type: 'plan.submit' }, { id: 'pa-1', name: 'Sam' }));
    const current = s.plans.get(plan.id)?.doc as PathwayPlan;
    const ok = add(s, recordEvents.planAuthorised(TM, current, { id: 'tm-1', name: 'Jo' }));
    expect(ok).toEqual([{ kind: 'plan-authorised', recipientId: 'pa-1', youngPersonId: 'yp-1', subjectId: plan.id }]);
  });

  it('decides nothing for an event that does not apply', () => {
    const s = registered();
    const bad = recordEvents.planStep(TM, 'no-such-plan', { type: 'plan.authorise' }, { id: 'tm-1', name: 'Jo' });
    expect(() => add(s, bad)).toThrow();
  });
});

describe('noticeMessage', () => {
  it('holds one line and the link, in English, or Welsh first then English for a council in Wales', () => {
    expect(noticeLanguage('england')).toBe('en');
    expect(noticeLanguage('wales')).toBe('cy-en');
    const link = 'https://plans.example.gov.uk/help-requests';
    const en = noticeMessage('help-asked-check-in', 'en', link);
    expect(en.text).toBe(`A young person you support has asked for help.\n\nSign in to see it: ${link}\n`);
    const both = noticeMessage('help-asked-check-in', 'cy-en', link);
    expect(both.subject).toBe('Mae person ifanc wedi gofyn am help / A young person has asked for help');
    expect(both.text.indexOf('Mewngofnodwch')).toBeLessThan(both.text.indexOf('Sign in'));
    for (const kind of NOTICE_KINDS) {
      const m = noticeMessage(kind, 'cy-en', link);
      expect(m.text.split(link)).toHaveLength(3);
      expect(m.subject.length).toBeLessThan(100);
    }
  });
});

// Example documents shared by the widget tests, the stories and the embed-portal example (via make-data.mjs).
// Invented people; no real data.
import {
  type AnyChecklist,
  type CheckIn,
  emptyChecklist,
  type LifecycleSnapshot,
  type LivingTogetherAgreement,
  type PathwayPlan,
  questionSet,
  setAnswer,
  startLifecycle,
  transition,
} from '@onward/engine';

const AT = '2026-03-02T10:00:00.000Z';
const who = { by: 'young-person' as const, locale: 'en-GB', variant: 'standard' as const, at: AT };

/** A checklist with the first `count` questions answered (cycling yes / no / not relevant); some notes and help. */
export function checklistWith(count: number): AnyChecklist {
  const set = questionSet();
  let doc = emptyChecklist(set);
  const values = ['yes', 'no', 'not-relevant'] as const;
  set.questions.slice(0, count).forEach((q, i) => {
    const note =
      i === 1
        ? 'The boiler breaks a lot in winter.'
        : i === 4
          ? 'Landlord says <script>alert(1)</script> is "fine"'
          : undefined;
    doc = setAnswer(set, doc, q.id, { value: values[i % 3]!, ...(note ? { note } : {}), help: i === 1 }, who);
  });
  return doc;
}

export const emptyChecklistDoc = (): AnyChecklist => emptyChecklist(questionSet());
export const partChecklist = (): AnyChecklist => checklistWith(20);
export const completeChecklist = (): AnyChecklist => checklistWith(questionSet().questions.length);

export function samplePlan(): PathwayPlan {
  return {
    schemaVersion: 1,
    id: 'plan-1',
    council: 'northbridge',
    youngPerson: {
      id: 'yp-1',
      name: 'Jordan Example',
      preferredName: 'Jo',
      dateOfBirth: '2008-05-14',
      category: 'relevant',
      language: 'en-GB',
    },
    pa: { id: 'pa-1', name: 'Sam Adviser' },
    manager: { id: 'tm-1', name: 'Alex Manager' },
    started: '2026-02-01',
    nextReview: '2026-08-01',
    checklist: partChecklist() as PathwayPlan['checklist'],
    domains: {
      housing: {
        goingWell: 'I like my room and my flatmate.',
        needs: 'Help to sort the heating with the landlord.',
        goals: [
          {
            id: 'goal-1',
            goal: 'Get the boiler fixed before winter.',
            actions: [
              {
                id: 'action-1',
                what: 'Write to the landlord about the boiler',
                who: 'Jo with Sam',
                byWhen: '2026-04-01',
              },
              { id: 'action-2', what: 'Chase a repair date', who: 'Sam Adviser', byWhen: '2026-05-01', done: false },
            ],
          },
        ],
        paNotes: 'Landlord has been slow to reply before.',
      },
      money: { goingWell: 'I have a bank account now.', goals: [] },
    },
    contactAndSupport: { what: 'A visit or a call from Sam', howOften: 'Every two weeks', who: 'Sam Adviser' },
    contingency: 'If the flat stops working out, Jo can call the duty team on the number on the card.',
    views: { youngPerson: 'I want to stay in this area near my college. <b>Not</b> moving again!', disagreements: '' },
    engagement: { attempts: [], completedBy: 'together' },
    signOffs: [],
  } as unknown as PathwayPlan;
}

/** A lifecycle snapshot of the plan: `draft` (the young person has added answers) or `submitted`. */
export function planLifecycle(state: 'draft' | 'submitted' = 'draft'): LifecycleSnapshot {
  const now = new Date('2026-03-02T10:00:00Z');
  let s = startLifecycle(
    'pathway-plan',
    { planId: 'plan-1', youngPersonId: 'yp-1', dateOfBirth: '2008-05-14', paId: 'pa-1' },
    now,
  );
  const step = (actor: { id: string; role: 'young-person' | 'pa' }, event: { type: string; [k: string]: unknown }) => {
    const r = transition('pathway-plan', actor, event, s, now);
    if (!r.ok) throw new Error(`fixture: ${event.type} refused: ${r.reason}`);
    s = r.snapshot;
  };
  step({ id: 'yp-1', role: 'young-person' }, { type: 'plan.checklist.update' });
  if (state === 'submitted') step({ id: 'pa-1', role: 'pa' }, { type: 'plan.submit' });
  return s;
}

export function sampleAgreement(): LivingTogetherAgreement {
  return {
    schemaVersion: 1,
    id: 'lta-1',
    council: 'northbridge',
    youngPerson: { id: 'yp-1', name: 'Jordan Example', dateOfBirth: '2008-05-14' },
    carers: [{ id: 'carer-1', name: 'Pat Carer' }],
    pa: { id: 'pa-1', name: 'Sam Adviser' },
    address: '12 Example Road, Northbridge, NB1 2AA',
    dates: { agreed: '2026-04-20', starts: '2026-05-14', firstReview: '2026-06-11' },
    checks: { dbsNeeded: false, inPathwayPlan: true },
    houseRules: {
      visitors: 'Friends are welcome until 10pm. Let Pat know first.',
      keys: 'Jo has a front door key.',
      smoking: 'No smoking indoors.',
    },
    skills: [{ skill: 'Cook a meal for the house once a week', targetDate: '2026-07-01' }],
    money: {
      contribution: {
        amountPence: 2500,
        period: 'week',
        method: 'Bank transfer on Fridays',
        covers: 'Food, heating and internet',
      },
      benefits: 'Sam helps Jo claim Universal Credit.',
      carerAllowance: { amountPence: 25000, period: 'week', visibleToYoungPerson: false },
    },
    support: [{ from: 'carer', what: 'Help with budgeting and cooking', howOften: 'Weekly' }],
    responsibilities: {
      youngPerson: 'Keep my room tidy and pay my contribution on time.',
      carer: 'Give notice before any change to the rules.',
    },
    disagreements: 'Talk to Sam first. An advocate from the children’s rights service can help.',
    ending: {
      noticeByYoungPerson: '4 weeks',
      noticeByCarer: '8 weeks',
      moveOnSteps: 'Apply for the housing register six months before.',
    },
    signOffs: [],
  };
}

export function sampleCheckIn(): CheckIn {
  return {
    id: 'ci-1',
    youngPersonId: 'yp-1',
    author: 'young-person',
    at: AT,
    locale: 'en-GB',
    moods: {
      housing: { mood: 'good' },
      money: { mood: 'bad', help: true, note: 'Rent went up. مرحبا' },
      health: { mood: 'ok' },
    },
  };
}

// Check-in: only the young person writes one, once. If they ask for help in any area, their named PA is told
// (an `Effect` returned by transition()) and acknowledges it. No worker can write or change a check-in.
import { and, assign, or, setup } from 'xstate';
import { validateCheckIn } from '../validation/validate.js';
import {
  checks,
  type GuardSpec,
  id,
  inputObject,
  type LifecycleDefinition,
  personGuard,
  requireInput,
  roleGuard,
  xstateGuards,
} from './define.js';
import type { CheckInContext as Ctx, MachineEvent } from './types.js';

type Domain = Ctx['helpDomains'][number];

/** The areas the young person asked for help with in a check-in payload, in checklist order. */
export function helpDomains(moods: unknown): Domain[] {
  if (typeof moods !== 'object' || moods === null) return [];
  const order: Domain[] = [
    'housing',
    'health',
    'relationships',
    'activities',
    'money',
    'careers',
    'independence',
    'identity',
  ];
  return order.filter((d) => (moods as Record<string, { help?: unknown } | undefined>)[d]?.help === true);
}

const guards = {
  byTheYoungPerson: personGuard<Ctx>(
    'young-person',
    (c) => c.youngPersonId,
    'the young person the check-in is for',
    'Only the young person can write their own check-in.',
  ),
  byTheirPa: personGuard<Ctx>(
    'pa',
    (c) => c.paId,
    "the young person's named PA",
    "Only the young person's named PA (or a team manager covering) can do this.",
  ),
  byTeamManager: roleGuard<Ctx>(['team-manager'], 'a team manager', 'do this'),
  asksForHelp: {
    kind: 'branch',
    describe: 'the young person asked for help in at least one area',
    refusal: () => 'The check-in does not ask for help.',
    test: (_c, e) => helpDomains(e.moods).length > 0,
  },
} satisfies Record<string, GuardSpec<Ctx>>;

export const checkInMachine = setup({
  types: { context: {} as Ctx, events: {} as MachineEvent, input: {} as Ctx },
  guards: xstateGuards<Ctx, typeof guards>(guards),
  actions: {
    record: assign(({ event }) => ({ submittedAt: event.at, helpDomains: helpDomains(event.moods) })),
    acknowledge: assign(({ event }) => ({ acknowledgedBy: event.actor.id, acknowledgedAt: event.at })),
    // Carried out by the caller (server): see `Effect` in transition()'s result.
    notifyPa: () => {},
  },
}).createMachine({
  id: 'check-in',
  initial: 'open',
  context: ({ input }) => input,
  states: {
    open: {
      on: {
        'checkIn.submit': [
          { guard: and(['byTheYoungPerson', 'asksForHelp']), target: 'helpRequested', actions: ['record', 'notifyPa'] },
          { guard: 'byTheYoungPerson', target: 'submitted', actions: 'record' },
        ],
      },
    },
    submitted: {
      on: {
        'checkIn.acknowledge': {
          guard: or(['byTheirPa', 'byTeamManager']),
          target: 'acknowledged',
          actions: 'acknowledge',
        },
      },
    },
    helpRequested: {
      on: {
        'checkIn.acknowledge': {
          guard: or(['byTheirPa', 'byTeamManager']),
          target: 'acknowledged',
          actions: 'acknowledge',
        },
      },
    },
    acknowledged: { type: 'final' },
  },
});

/** What startLifecycle('check-in', input, now) needs. */
export interface CheckInStart {
  checkInId: string;
  youngPersonId: string;
  /** The named PA, told when help is asked for. */
  paId: string;
}

export const checkInLifecycle: LifecycleDefinition<Ctx, Ctx> = {
  name: 'check-in',
  title: 'Check-in',
  machine: checkInMachine,
  guards,
  states: {
    open: { title: 'Not written yet', whileText: 'the check-in has not been written yet' },
    submitted: { title: 'Sent', whileText: 'the check-in has been sent' },
    helpRequested: { title: 'Help asked for', whileText: 'the young person is waiting to hear back about help' },
    acknowledged: { title: 'Seen by the PA', whileText: 'the check-in has already been seen' },
  },
  events: {
    'checkIn.submit': {
      label: 'send the check-in',
      payload: '`moods` (per area: mood good | ok | bad, `help`, `note`), `locale` (default en-GB)',
      check: (e) => {
        const doc = {
          id: 'check',
          youngPersonId: 'check',
          author: 'young-person',
          at: typeof e.at === 'string' ? e.at : new Date(0).toISOString(),
          locale: e.locale ?? 'en-GB',
          moods: e.moods,
        };
        const r = validateCheckIn(doc);
        if (r.ok) return undefined;
        const first = r.errors[0]!;
        return { field: first.path || 'moods', message: first.message };
      },
    },
    'checkIn.acknowledge': { label: 'mark the check-in as seen' },
  },
  start(raw) {
    const input = inputObject(raw);
    requireInput(
      input,
      checks(
        id('checkInId', { required: true }),
        id('youngPersonId', { required: true }),
        id('paId', { required: true }),
      ),
    );
    return {
      checkInId: input.checkInId as string,
      youngPersonId: input.youngPersonId as string,
      paId: input.paId as string,
      helpDomains: [],
    };
  },
  overdue: () => [],
  effect: (actionType, c) =>
    actionType === 'notifyPa'
      ? {
          type: 'notify',
          recipientId: c.paId,
          reason: 'check-in.help',
          youngPersonId: c.youngPersonId,
          subjectId: c.checkInId,
          domains: [...c.helpDomains],
        }
      : undefined,
};

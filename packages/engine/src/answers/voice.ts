// The young person's voice in a plan, derived from who actually gave each answer (`answer.by`) at the moment it is
// asked for: never from a flag set earlier. A plan the PA once marked "without the young person" that the young
// person answered afterwards says so. The PDF, the plan widget, the reference app and the insights all call this.
import type { PathwayPlan } from '@onward/schemas';
import type { Answer } from '../content/question-set.js';

/**
 * - `young-person`: every answer was given by the young person on their own;
 * - `together`: every answer came from the young person, some or all with their worker;
 * - `mixed`: some answers came from the young person (alone or with their worker), the rest the worker wrote on
 *   their behalf;
 * - `worker-without-young-person`: no answer came from the young person; the worker went ahead without them after
 *   unsuccessful attempts to reach them;
 * - `worker`: no answer came from the young person, with no record of going ahead without them;
 * - `no-answers`: nothing answered yet.
 */
export type VoiceMode = 'young-person' | 'together' | 'mixed' | 'worker-without-young-person' | 'worker' | 'no-answers';
export const VOICE_MODES: readonly VoiceMode[] = [
  'young-person',
  'together',
  'mixed',
  'worker-without-young-person',
  'worker',
  'no-answers',
];

export interface PlanVoice {
  readonly mode: VoiceMode;
  /** Answers by who gave them (`by` on each answer). */
  readonly answers: {
    readonly youngPerson: number;
    readonly together: number;
    readonly worker: number;
    readonly total: number;
  };
  /** How answers given together were given, as the plan records it. */
  readonly together?: 'in-person' | 'by-phone';
  /** The worker recorded going ahead without the young person (even if the young person answered afterwards). */
  readonly wentAheadWithout: boolean;
  /** Unsuccessful attempts to reach the young person since they last took part. */
  readonly unsuccessfulAttempts: number;
  /** The young person's own words are in the plan (their views or what they disagree with). */
  readonly ownWords: boolean;
}

type Attempt = PathwayPlan['engagement']['attempts'][number];

/** Unsuccessful attempts since the young person last took part, in the order they were made. */
export function unsuccessfulAttemptsInRow(attempts: readonly Pick<Attempt, 'at' | 'outcome'>[]): number {
  let n = 0;
  for (const a of [...attempts].sort((x, y) => x.at.localeCompare(y.at))) n = a.outcome === 'engaged' ? 0 : n + 1;
  return n;
}

/** Who gave each answer of a checklist, counted. */
export function countAnswersBy(checklist: unknown): PlanVoice['answers'] {
  let youngPerson = 0;
  let together = 0;
  let worker = 0;
  const domains = ((checklist as { answers?: unknown } | null)?.answers ?? {}) as Record<
    string,
    Record<string, Answer> | undefined
  >;
  for (const domain of Object.values(domains)) {
    for (const a of Object.values(domain ?? {})) {
      if (a.by === 'young-person') youngPerson++;
      else if (a.by === 'together') together++;
      else worker++;
    }
  }
  return { youngPerson, together, worker, total: youngPerson + together + worker };
}

/** The voice of a plan now, from its answers, its engagement record and the young person's own words. */
export function planVoice(plan: Pick<PathwayPlan, 'checklist' | 'engagement' | 'views'>): PlanVoice {
  const answers = countAnswersBy(plan.checklist);
  const wentAheadWithout = plan.engagement.completedBy === 'worker-without-young-person';
  const fromYoungPerson = answers.youngPerson + answers.together;
  const mode: VoiceMode =
    answers.total === 0
      ? 'no-answers'
      : fromYoungPerson === 0
        ? wentAheadWithout
          ? 'worker-without-young-person'
          : 'worker'
        : answers.worker > 0
          ? 'mixed'
          : answers.together > 0
            ? 'together'
            : 'young-person';
  return {
    mode,
    answers,
    ...(answers.together > 0
      ? {
          together:
            plan.engagement.completedBy === 'together-by-phone' ? ('by-phone' as const) : ('in-person' as const),
        }
      : {}),
    wentAheadWithout,
    unsuccessfulAttempts: unsuccessfulAttemptsInRow(plan.engagement.attempts),
    ownWords: Boolean(plan.views.youngPerson || plan.views.disagreements),
  };
}

/** The plan's stored `engagement.completedBy` that matches a voice (for documents that must carry one). */
export function completedByOf(voice: PlanVoice): PathwayPlan['engagement']['completedBy'] {
  if (voice.mode === 'worker-without-young-person' || voice.mode === 'worker') return 'worker-without-young-person';
  if (voice.mode === 'young-person') return 'young-person';
  return voice.together === 'by-phone' ? 'together-by-phone' : 'together';
}

/** The voice in one or two plain sentences, English or Welsh, for the PDF, the plan widget and the app. */
export function voiceStatement(voice: PlanVoice, language: 'en' | 'cy' = 'en'): string {
  const { youngPerson: alone, together, worker, total } = voice.answers;
  const k = voice.unsuccessfulAttempts;
  if (language === 'cy') {
    const how = voice.together === 'by-phone' ? 'dros y ffôn' : 'wyneb yn wyneb';
    const after =
      voice.wentAheadWithout && voice.mode !== 'worker-without-young-person'
        ? ` Ar ôl ${k} ymgais aflwyddiannus i gysylltu â nhw, aeth y gweithiwr ymlaen hebddynt; yna ychwanegodd y person ifanc eu hatebion.`
        : '';
    switch (voice.mode) {
      case 'no-answers':
        return 'Nid oes neb wedi ateb y rhestr wirio eto.';
      case 'young-person':
        return `Rhoddodd y person ifanc bob un o’r ${total} ateb ar eu pen eu hunain.${after}`;
      case 'together':
        return alone === 0
          ? `Rhoddodd y person ifanc bob un o’r ${total} ateb gyda’u gweithiwr, ${how}.${after}`
          : `Rhoddodd y person ifanc bob un o’r ${total} ateb: ${alone} ar eu pen eu hunain a ${together} gyda’u gweithiwr, ${how}.${after}`;
      case 'mixed':
        return `Rhoddodd y person ifanc ${alone + together} o’r ${total} ateb (${alone} ar eu pen eu hunain, ${together} gyda’u gweithiwr). Ysgrifennodd eu gweithiwr y ${worker} arall ar eu rhan.${after}`;
      case 'worker-without-young-person':
        return `Ni chymerodd y person ifanc ran. Ysgrifennodd eu gweithiwr yr atebion ar ôl ${k} ymgais aflwyddiannus i gysylltu â nhw.`;
      case 'worker':
        return `Ni chymerodd y person ifanc ran: ysgrifennodd eu gweithiwr bob un o’r ${total} ateb ar eu rhan.`;
    }
  }
  const how = voice.together === 'by-phone' ? 'by phone' : 'in person';
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const after =
    voice.wentAheadWithout && voice.mode !== 'worker-without-young-person'
      ? ` After ${plural(k, 'unsuccessful attempt', 'unsuccessful attempts')} to reach them the worker went ahead without them; the young person then added their answers.`
      : '';
  switch (voice.mode) {
    case 'no-answers':
      return 'The checklist has not been answered yet.';
    case 'young-person':
      return `The young person gave ${total === 1 ? 'the only answer' : `all ${total} answers`} on their own.${after}`;
    case 'together':
      return alone === 0
        ? `The young person gave ${total === 1 ? 'the only answer' : `all ${total} answers`} with their worker, ${how}.${after}`
        : `The young person gave all ${total} answers: ${alone} on their own and ${together} with their worker, ${how}.${after}`;
    case 'mixed':
      return `The young person gave ${alone + together} of the ${total} answers (${alone} on their own, ${together} with their worker). Their worker wrote the other ${worker} on their behalf.${after}`;
    case 'worker-without-young-person':
      return `The young person did not take part. Their worker wrote the answers after ${plural(k, 'unsuccessful attempt', 'unsuccessful attempts')} to reach them.`;
    case 'worker':
      return `The young person did not take part: their worker wrote ${total === 1 ? 'the only answer' : `all ${total} answers`} on their behalf.`;
  }
}

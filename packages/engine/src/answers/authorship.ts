// Who gave an answer is a fact the server records from the session, never a claim in the body: a worker cannot
// label an answer as the young person's own, and a young person's answers are theirs. One home for the rule; the
// server calls it on every checklist write.
import type { Answer, AnsweredBy } from '../content/question-set.js';
import type { AnyChecklist } from './answers.js';
import { sameAnswer } from './merge.js';

/** How a worker is doing the checklist: with the young person (in person or by phone) or on their own. */
export type WayOfWorking = 'together' | 'together-by-phone' | 'apart';

/**
 * What `by` an answer given now gets. A young person's sign-in: `young-person`. A worker's: `together` when they
 * say they are working with the young person, otherwise `worker`.
 */
export function answeredByFor(role: string, how: WayOfWorking = 'apart'): AnsweredBy {
  if (role === 'young-person') return 'young-person';
  return how === 'together' || how === 'together-by-phone' ? 'together' : 'worker';
}

/**
 * The checklist as it should be stored: answers unchanged since `previous` keep exactly who gave them and when;
 * every new or changed answer is stamped with `by` and `at` (the wording shown, locale and variant, stays as sent:
 * only the person's device knows it). An answer made offline and sent later may carry `madeAt`, the time it was made
 * on the phone: kept when it is before `at`. Returns a new checklist.
 */
export function stampAuthorship(
  previous: AnyChecklist | undefined,
  next: AnyChecklist,
  stamp: { by: AnsweredBy; at: string },
): AnyChecklist {
  const before = (previous?.answers ?? {}) as Record<string, Record<string, Answer> | undefined>;
  const answers: Record<string, Record<string, Answer>> = {};
  for (const [domain, qs] of Object.entries(next.answers as Record<string, Record<string, Answer> | undefined>)) {
    if (!qs) continue;
    const out: Record<string, Answer> = {};
    for (const [key, answer] of Object.entries(qs)) {
      const old = before[domain]?.[key];
      if (old && sameAnswer(old, answer)) out[key] = old;
      else {
        const { madeAt, ...rest } = answer as Answer & { madeAt?: string };
        // Made earlier on a phone with no connection: that time is kept beside the time it arrived, when it is a
        // real time before it (a time after arrival is a wrong clock, dropped).
        const made = madeAt && Date.parse(madeAt) < Date.parse(stamp.at) ? { madeAt } : {};
        out[key] = { ...rest, by: stamp.by, at: stamp.at, ...made } as Answer;
      }
    }
    answers[domain] = out;
  }
  return { ...next, answers } as AnyChecklist;
}

// A plan's voice in the figures is the engine's one reading of who gave the answers (planVoice), never the plan's
// own mark of how it was completed: a plan marked "young person" whose answers were all given by the worker counts
// as the worker's.
import type { PathwayPlan } from '@onward/schemas';
import { describe, expect, it } from 'vitest';
import { insightsVoice, VOICES } from '../../src/index.js';

type Doc = Pick<PathwayPlan, 'checklist' | 'engagement' | 'views'>;

/** A plan whose housing answers were given by `by` (one answer each), marked as completed `completedBy`. */
function doc(by: readonly string[], completedBy: string): Doc {
  const housing: Record<string, unknown> = {};
  const questions = ['heating', 'internet', 'enough-help'];
  by.forEach((who, i) => {
    housing[questions[i]!] = {
      value: 'yes',
      by: who,
      locale: 'en-GB',
      variant: 'standard',
      at: '2026-03-02T10:00:00Z',
    };
  });
  return {
    checklist: { questionSet: 'onward.outcomes', version: 2, answers: { housing } },
    engagement: { attempts: [], completedBy },
    views: {},
  } as unknown as Doc;
}

describe('insightsVoice: who gave the answers, as the figures count it', () => {
  it('reads the answers, not the mark on the plan', () => {
    expect(insightsVoice(doc(['young-person', 'young-person'], 'together'))).toBe('young-person');
    expect(insightsVoice(doc(['together', 'together'], 'together'))).toBe('together-in-person');
    expect(insightsVoice(doc(['together'], 'together-by-phone'))).toBe('together-by-phone');
    // One answer each: partly the young person, partly the worker.
    expect(insightsVoice(doc(['young-person', 'worker'], 'young-person'))).toBe('mixed');
    // Marked as the young person's, but every answer is the worker's.
    expect(insightsVoice(doc(['worker', 'worker'], 'young-person'))).toBe('worker');
    expect(insightsVoice(doc(['worker'], 'worker-without-young-person'))).toBe('worker-without-young-person');
    expect(insightsVoice(doc([], 'young-person'))).toBe('no-answers');
  });

  it('gives only the voices the insights input allows', () => {
    for (const by of [['young-person'], ['together'], ['worker'], ['young-person', 'worker'], []])
      for (const completedBy of ['young-person', 'together', 'together-by-phone', 'worker-without-young-person'])
        expect(VOICES).toContain(insightsVoice(doc(by, completedBy)));
  });
});

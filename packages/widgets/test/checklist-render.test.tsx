// How much work one answer costs: only the card of the question answered renders again (fine-grained signals),
// words are looked up once per locale and variant, and the local draft is written off the input path.
import { allShippedWording, questionSet, type Resolved, Wording, type WordingRequest } from '@onward/engine';
import { fireEvent, screen } from '@testing-library/preact';
import { options, type VNode } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Checklist, type ChecklistSave, type Draft, memoryStorage } from '../src/index.js';
import { cleanup, render, tick } from './helpers.js';

afterEach(cleanup);
const set = questionSet();
const housing = set.domains[0]!.questions;

/** A Wording that counts its lookups. */
class CountingWording extends Wording {
  calls = 0;
  override question(q: Parameters<Wording['question']>[0], req: WordingRequest): Resolved {
    this.calls++;
    return super.question(q, req);
  }
  override hint(q: Parameters<Wording['hint']>[0], req: WordingRequest) {
    this.calls++;
    return super.hint(q, req);
  }
  override domain(id: string, req: WordingRequest) {
    this.calls++;
    return super.domain(id, req);
  }
  override ui(name: string, req: WordingRequest, vars?: Record<string, string | number>) {
    this.calls++;
    return super.ui(name, req, vars);
  }
}

/** Counts the renders of each component (by name) from the moment it is called. */
function renderCounter() {
  const counts = new Map<string, number>();
  const prev = options.diffed;
  options.diffed = (vnode: VNode) => {
    if (typeof vnode.type === 'function') {
      const name = (vnode.type as { name?: string }).name ?? '?';
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    prev?.(vnode);
  };
  return {
    counts,
    reset: () => counts.clear(),
    stop: () => {
      options.diffed = prev;
    },
  };
}

const legend = (id: string) =>
  screen
    .getByText(allShippedWording().question(id, { locale: 'en-GB', variant: 'standard' }).text, {
      selector: 'legend',
    })
    .closest('fieldset') as HTMLFieldSetElement;

describe('Checklist rendering cost', () => {
  it('an answer renders that question’s card and the progress, not every card', async () => {
    render(<Checklist drafts={memoryStorage()} />);
    await screen.findByRole('heading', { name: 'Housing', level: 2 });
    const counter = renderCounter();
    try {
      fireEvent.click(legend(housing[0]!.id).querySelector('input[value="yes"]')!);
      expect(counter.counts.get('QuestionCard')).toBe(1);
      expect(counter.counts.get('ChecklistView') ?? 0).toBe(0);
      expect(counter.counts.get('OverallProgress')).toBe(1);
      expect(counter.counts.get('TaskList')).toBe(1);
      counter.reset();
      // Typing a note: the one card again.
      fireEvent.input(legend(housing[3]!.id).querySelector('textarea')!, { target: { value: 'a' } });
      expect(counter.counts.get('QuestionCard')).toBe(1);
      expect(counter.counts.get('ChecklistView') ?? 0).toBe(0);
      // Changing section renders the new section's cards, each once.
      counter.reset();
      fireEvent.click(screen.getByRole('button', { name: 'Next section' }));
      expect(counter.counts.get('QuestionCard')).toBe(set.domains[1]!.questions.length);
    } finally {
      counter.stop();
    }
    expect(document.body.textContent).toContain(`1 of ${set.questions.length} questions answered`);
  });

  it('looks words up once per locale and variant, not on every answer', async () => {
    const wording = new CountingWording(allShippedWording().list());
    render(<Checklist wording={wording} drafts={memoryStorage()} />);
    await screen.findByRole('heading', { name: 'Housing', level: 2 });
    // The first answer shows words not needed before ("Clear answer", "In progress"): each is looked up once.
    fireEvent.click(legend(housing[0]!.id).querySelector('input[value="no"]')!);
    wording.calls = 0;
    for (const q of housing.slice(1, 6)) fireEvent.click(legend(q.id).querySelector('input[value="no"]')!);
    fireEvent.input(legend(housing[0]!.id).querySelector('textarea')!, { target: { value: 'Cold' } });
    expect(wording.calls).toBe(0);
    // Easy read: new words, looked up once more.
    fireEvent.click(screen.getByRole('button', { name: 'Easy read' }));
    expect(wording.calls).toBeGreaterThan(0);
    const afterSwitch = wording.calls;
    const easy = new Wording(allShippedWording().list());
    const easyText = easy.question(housing[7]!.id, { locale: 'en-GB', variant: 'easy' }).text;
    const card = screen.getByText(easyText, { selector: 'legend' }).closest('fieldset')!;
    fireEvent.click(card.querySelector('input[value="yes"]')!);
    expect(wording.calls).toBe(afterSwitch);
  });

  it('writes the local draft after the input, never during it, and loses nothing on unmount', async () => {
    const drafts = memoryStorage<Draft<ChecklistSave>>();
    let writes = 0;
    const counting = {
      load: drafts.load,
      save: (k: string, v: Draft<ChecklistSave>) => {
        writes++;
        return drafts.save(k, v);
      },
    };
    const { unmount } = render(<Checklist drafts={counting} storageKey="yp-9" saveDelayMs={10_000} />);
    await screen.findByRole('heading', { name: 'Housing', level: 2 });
    const ta = legend(housing[0]!.id).querySelector('textarea')!;
    for (const text of ['H', 'He', 'Hel', 'Hell', 'Hello']) fireEvent.input(ta, { target: { value: text } });
    // Five keystrokes, no draft written yet: the write waits until the input has been handled.
    expect(writes).toBe(0);
    await tick(400);
    expect(writes).toBe(1);
    expect(drafts.data.get('yp-9')!.data.pending[housing[0]!.id]).toEqual({ note: 'Hello' });
    // Typed just before the widget goes away: written when it does.
    fireEvent.input(ta, { target: { value: 'Hello again' } });
    unmount();
    expect(drafts.data.get('yp-9')!.data.pending[housing[0]!.id]).toEqual({ note: 'Hello again' });
  });
});

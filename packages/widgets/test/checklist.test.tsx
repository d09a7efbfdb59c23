import { type AnyChecklist, allShippedWording, getAnswer, questionSet } from '@onward/engine';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Checklist, type ChecklistSave, type Draft, memoryStorage } from '../src/index.js';
import { partChecklist } from './fixtures.js';
import { cleanup, recorder, render, tick } from './helpers.js';

afterEach(cleanup);
const set = questionSet();
const first = set.questions[0]!;
const wording = allShippedWording();
const questionText = (id: string, variant: 'standard' | 'easy' = 'standard', locale = 'en-GB') =>
  wording.question(id, { locale, variant }).text;

async function setup(props: Partial<Parameters<typeof Checklist>[0]> = {}) {
  const rec = recorder();
  const drafts = memoryStorage<Draft<ChecklistSave>>();
  const utils = render(<Checklist drafts={drafts} saveDelayMs={0} onEvent={rec.onEvent} {...props} />);
  await screen.findByRole('heading', { name: 'Housing', level: 2 });
  return { ...utils, rec, drafts };
}

function group(text: string): HTMLFieldSetElement {
  const legend = screen.getByText(text, { selector: 'legend' });
  return legend.closest('fieldset') as HTMLFieldSetElement;
}

describe('Checklist', () => {
  it('answers a question, records who answered in which words, and shows progress', async () => {
    const { rec, container } = await setup();
    const fs = group(questionText(first.id));
    fireEvent.click(fs.querySelector('input[value="yes"]')!);
    const change = rec.of('onward-change').at(-1)!;
    expect(change.widget).toBe('checklist');
    const doc = (change.value as ChecklistSave).checklist;
    const a = getAnswer(doc, first.id)!;
    expect(a).toMatchObject({ value: 'yes', by: 'young-person', locale: 'en-GB', variant: 'standard' });
    expect(container.textContent).toContain(`1 of ${set.questions.length} questions answered`);
    expect((fs.querySelector('input[value="yes"]') as HTMLInputElement).checked).toBe(true);
  });

  it('clears an answer but keeps the note typed for it', async () => {
    const { rec } = await setup();
    const fs = group(questionText(first.id));
    fireEvent.click(fs.querySelector('input[value="no"]')!);
    fireEvent.input(fs.querySelector('textarea')!, { target: { value: 'Keep me' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Clear answer' })[0]!);
    const last = rec.of('onward-change').at(-1)!.value as ChecklistSave;
    expect(getAnswer(last.checklist, first.id)).toBeUndefined();
    expect(last.pending[first.id]).toEqual({ note: 'Keep me' });
    expect((fs.querySelector('textarea') as HTMLTextAreaElement).value).toBe('Keep me');
    fireEvent.click(fs.querySelector('input[value="yes"]')!);
    const again = rec.of('onward-change').at(-1)!.value as ChecklistSave;
    expect(getAnswer(again.checklist, first.id)).toMatchObject({ value: 'yes', note: 'Keep me' });
    expect(again.pending[first.id]).toBeUndefined();
  });

  it('keeps a note exactly as written and shows markup as text, never as HTML', async () => {
    const note = '<script>alert("hi")</script> & <b>bold</b>  two spaces\nnew line';
    const { rec, container } = await setup();
    const fs = group(questionText(first.id));
    fireEvent.click(fs.querySelector('input[value="yes"]')!);
    fireEvent.input(fs.querySelector('textarea')!, { target: { value: note } });
    const doc = (rec.of('onward-change').at(-1)!.value as ChecklistSave).checklist;
    expect(getAnswer(doc, first.id)!.note).toBe(note);
    cleanup();
    // Read-only, the note is shown in a field as text; no element is created from it.
    render(<Checklist value={doc} readOnly drafts={memoryStorage()} />);
    await screen.findByRole('heading', { name: 'Housing', level: 2 });
    expect(document.querySelector('script')).toBeNull();
    expect(document.querySelector('b')).toBeNull();
    expect((document.querySelector('textarea') as HTMLTextAreaElement).value).toBe(note);
    expect(container.querySelector('input[type="radio"]:not([disabled])')).toBeNull();
  });

  it('marks the note for British English spell checking, with a 500-character counter', async () => {
    await setup();
    const ta = group(questionText(first.id)).querySelector('textarea')!;
    expect(ta.getAttribute('lang')).toBe('en-GB');
    expect(ta.getAttribute('spellcheck')).toBe('true');
    expect(document.getElementById(ta.getAttribute('aria-describedby')!.split(' ').at(-1)!)!.textContent).toBe(
      'Characters left: 500',
    );
    fireEvent.input(ta, { target: { value: 'x'.repeat(510) } });
    expect(document.body.textContent).toContain('Too long by 10 characters');
  });

  it('autosaves, and a reload restores typed text (draft first, then the host storage)', async () => {
    const storage = memoryStorage<ChecklistSave>();
    const { drafts, rec, unmount } = await setup({ storage, storageKey: 'yp-1' });
    const fs = group(questionText(first.id));
    // A note typed before any answer is chosen is kept too.
    fireEvent.input(fs.querySelector('textarea')!, { target: { value: 'Typed before answering' } });
    fireEvent.click(fs.querySelector('input[value="no"]')!);
    await waitFor(() => expect(rec.of('onward-save').length).toBeGreaterThan(0));
    expect(getAnswer(storage.data.get('yp-1')!.checklist, first.id)!.note).toBe('Typed before answering');
    unmount();
    // "Reload": a new widget with the same storage.
    render(<Checklist storage={storage} drafts={drafts} storageKey="yp-1" />);
    await screen.findByRole('heading', { name: 'Housing', level: 2 });
    const again = group(questionText(first.id));
    expect((again.querySelector('textarea') as HTMLTextAreaElement).value).toBe('Typed before answering');
    expect((again.querySelector('input[value="no"]') as HTMLInputElement).checked).toBe(true);
  });

  it('keeps the draft and reports when the host storage fails, then retries', async () => {
    let fail = true;
    const stored = new Map<string, ChecklistSave>();
    const storage = {
      load: (k: string) => stored.get(k),
      save: (k: string, v: ChecklistSave) => {
        if (fail) throw new Error('Network down');
        stored.set(k, v);
      },
    };
    const { drafts, rec, unmount } = await setup({ storage, storageKey: 'yp-2', retryDelaysMs: [20] });
    const fs = group(questionText(first.id));
    fireEvent.click(fs.querySelector('input[value="yes"]')!);
    fireEvent.input(fs.querySelector('textarea')!, { target: { value: 'Do not lose me' } });
    await waitFor(() => expect(rec.of('onward-save-error').length).toBeGreaterThan(0));
    const err = rec.of('onward-save-error')[0]!;
    expect(err).toMatchObject({ widget: 'checklist', key: 'yp-2', message: 'Network down', attempt: 1, retryInMs: 20 });
    expect(JSON.stringify(err)).not.toContain('Do not lose me');
    await screen.findByText(/Not saved yet/);
    const draft = drafts.data.get('yp-2')!;
    expect(draft.synced).toBe(false);
    expect(getAnswer(draft.data.checklist, first.id)!.note).toBe('Do not lose me');
    unmount();
    // Reload while still offline: the unsent draft wins.
    const rec2 = recorder();
    render(
      <Checklist storage={storage} drafts={drafts} storageKey="yp-2" retryDelaysMs={[20]} onEvent={rec2.onEvent} />,
    );
    await screen.findByRole('heading', { name: 'Housing', level: 2 });
    expect((group(questionText(first.id)).querySelector('textarea') as HTMLTextAreaElement).value).toBe(
      'Do not lose me',
    );
    // Back online: the retry stores it.
    fail = false;
    await waitFor(() => expect(stored.get('yp-2')).toBeDefined(), { timeout: 2000 });
    expect(getAnswer(stored.get('yp-2')!.checklist, first.id)!.note).toBe('Do not lose me');
    await waitFor(() => expect(drafts.data.get('yp-2')!.synced).toBe(true));
  });

  it('switches to easy read at any time, and records the words shown', async () => {
    const { rec } = await setup();
    const toggle = screen.getByRole('button', { name: 'Easy read' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(questionText(first.id, 'easy')).not.toBe(questionText(first.id));
    fireEvent.click(toggle);
    expect(rec.of('onward-variant-change')).toEqual([{ widget: 'checklist', variant: 'easy' }]);
    expect(screen.getByRole('button', { name: 'Easy read' }).getAttribute('aria-pressed')).toBe('true');
    const fs = group(questionText(first.id, 'easy'));
    expect(screen.getAllByText('Not for me', { selector: 'span', exact: true }).length).toBe(
      set.domains[0]!.questions.length,
    );
    fireEvent.click(fs.querySelector('input[value="yes"]')!);
    const doc = (rec.of('onward-change').at(-1)!.value as ChecklistSave).checklist;
    expect(getAnswer(doc, first.id)!.variant).toBe('easy');
  });

  it('shows an error summary linking to each field when validation fails', async () => {
    const { rec } = await setup();
    const fs = group(questionText(first.id));
    fireEvent.click(fs.querySelector('input[value="yes"]')!);
    fireEvent.input(fs.querySelector('textarea')!, { target: { value: 'y'.repeat(501) } });
    // A note on a question with no answer is a problem too.
    const second = group(questionText(set.questions[1]!.id));
    fireEvent.input(second.querySelector('textarea')!, { target: { value: 'no answer yet' } });
    // Go to the last section and send.
    for (let i = 0; i < 7; i++) fireEvent.click(screen.getByRole('button', { name: 'Next section' }));
    fireEvent.click(screen.getByRole('button', { name: 'Send my answers' }));
    await tick();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('There is a problem');
    const links = alert.querySelectorAll('a');
    expect(links.length).toBe(2);
    expect(links[0]!.textContent).toContain('is too long. Use 500 characters or fewer.');
    expect(links[1]!.textContent).toContain('Choose an answer');
    expect(rec.of('onward-invalid')[0]!.errors.length).toBe(2);
    expect(rec.of('onward-submit')).toEqual([]);
    // The link brings back the section and focuses the field.
    fireEvent.click(links[0]!);
    await tick(5);
    expect(screen.getByRole('heading', { name: 'Housing', level: 2 })).toBeTruthy();
    expect(document.activeElement?.tagName).toBe('TEXTAREA');
    expect(document.activeElement?.id).toBe(links[0]!.getAttribute('href')!.slice(1));
  });

  it('sends a valid checklist', async () => {
    const value = partChecklist();
    const { rec } = await setup({ value });
    for (let i = 0; i < 7; i++) fireEvent.click(screen.getByRole('button', { name: 'Next section' }));
    fireEvent.click(screen.getByRole('button', { name: 'Send my answers' }));
    await waitFor(() => expect(rec.of('onward-submit').length).toBe(1));
    const sent = rec.of('onward-submit')[0]!.value as AnyChecklist;
    expect(sent).toEqual(value);
    expect(screen.getByText('Thank you. Your answers have been sent.')).toBeTruthy();
  });

  it('sets lang and dir on its root: Welsh wording, and right-to-left', async () => {
    const { container } = render(<Checklist locale="cy" drafts={memoryStorage()} />);
    const tai = await screen.findByRole('heading', {
      name: wording.domain('housing', { locale: 'cy', variant: 'standard' }).title,
      level: 2,
    });
    expect(tai.textContent).toBe('Tai');
    const root = container.querySelector('.onward')!;
    expect(root.getAttribute('lang')).toBe('cy');
    expect(root.getAttribute('dir')).toBe('ltr');
    expect(screen.getAllByText('Ie').length).toBeGreaterThan(0);
    expect(container.querySelector('textarea')!.getAttribute('lang')).toBe('cy');
    cleanup();
    const rtl = render(<Checklist locale="ar" dir="rtl" drafts={memoryStorage()} />);
    // Arabic is shipped (a draft): the areas are in Arabic.
    const sakan = wording.domain('housing', { locale: 'ar', variant: 'standard' }).title;
    expect(sakan).not.toBe('Housing');
    await screen.findByRole('heading', { name: sakan, level: 2 });
    expect(rtl.container.querySelector('.onward')!.getAttribute('dir')).toBe('rtl');
    expect(rtl.container.querySelector('.onward')!.getAttribute('lang')).toBe('ar');
    // Notes follow their own direction (an Arabic note in an English form).
    expect(rtl.container.querySelector('textarea')!.getAttribute('dir')).toBe('auto');
  });

  it('lets a locale file override UI words', async () => {
    const custom = allShippedWording();
    const en = custom.list().find((f) => f.meta.locale === 'en-GB' && f.meta.variant === 'standard')!;
    custom.add({ ...en, meta: { ...en.meta, council: 'northbridge' }, ui: { 'checklist.submit': 'Send it to my PA' } });
    render(<Checklist wording={custom} drafts={memoryStorage()} />);
    await screen.findByRole('heading', { name: 'Housing', level: 2 });
    for (let i = 0; i < 7; i++) fireEvent.click(screen.getByRole('button', { name: 'Next section' }));
    expect(screen.getByRole('button', { name: 'Send it to my PA' })).toBeTruthy();
  });
});

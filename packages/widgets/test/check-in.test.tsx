import { validateCheckIn } from '@onward/engine';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CheckInWidget, type Draft, memoryStorage } from '../src/index.js';
import { sampleCheckIn } from './fixtures.js';
import { cleanup, recorder, render } from './helpers.js';

afterEach(cleanup);

async function setup(props: Partial<Parameters<typeof CheckInWidget>[0]> = {}) {
  const rec = recorder();
  const utils = render(
    <CheckInWidget
      youngPersonId="yp-1"
      drafts={memoryStorage()}
      saveDelayMs={0}
      onEvent={rec.onEvent}
      newId={() => 'ci-test'}
      {...props}
    />,
  );
  await screen.findByRole('heading', { name: 'How are things?' });
  return { ...utils, rec };
}
const card = (title: string) => screen.getByText(title, { selector: 'legend' }).closest('fieldset')!;

describe('Check-in', () => {
  it('once sent, its empty draft is written at once, so a host putting the answers back is not overwritten', async () => {
    const drafts = memoryStorage<Draft<Record<string, never>>>();
    const { rec } = await setup({ drafts, storageKey: 'ci-yp-1' });
    fireEvent.click(card('Housing').querySelector('input[value="good"]')!);
    fireEvent.click(screen.getByRole('button', { name: 'Send my check-in' }));
    await waitFor(() => expect(rec.of('onward-submit').length).toBe(1));
    expect(drafts.data.get('ci-yp-1')).toMatchObject({ synced: false, data: {} });
  });

  it('picks a smiley per area with a visible label and text alternative, and sends a valid check-in', async () => {
    const { rec } = await setup();
    const housing = card('Housing');
    const good = housing.querySelector('input[value="good"]') as HTMLInputElement;
    // The face is decoration; the choice is named by its visible text.
    expect(good.closest('label')!.textContent).toBe('Good');
    expect(good.closest('label')!.querySelector('svg')!.getAttribute('aria-hidden')).toBe('true');
    fireEvent.click(good);
    fireEvent.click(card('Money').querySelector('input[value="bad"]')!);
    fireEvent.click(card('Money').querySelector('input[type="checkbox"]')!);
    fireEvent.input(card('Money').querySelector('textarea')!, { target: { value: 'Rent went up <again>' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send my check-in' }));
    await waitFor(() => expect(rec.of('onward-submit').length).toBe(1));
    const sent = rec.of('onward-submit')[0]!.value as ReturnType<typeof sampleCheckIn>;
    expect(validateCheckIn(sent).ok).toBe(true);
    expect(sent).toMatchObject({ id: 'ci-test', youngPersonId: 'yp-1', author: 'young-person', locale: 'en-GB' });
    expect(sent.moods).toEqual({
      housing: { mood: 'good' },
      money: { mood: 'bad', help: true, note: 'Rent went up <again>' },
    });
    expect(screen.getByText('Thanks. Your check-in has been sent.')).toBeTruthy();
  });

  it('asks for at least one face, and for a face where a note was written', async () => {
    const { rec } = await setup();
    fireEvent.click(screen.getByRole('button', { name: 'Send my check-in' }));
    await screen.findByRole('alert');
    expect(screen.getByRole('alert').textContent).toContain('Pick a face for at least one part of your life.');
    fireEvent.click(card('Health').querySelector('input[type="checkbox"]')!);
    fireEvent.click(screen.getByRole('button', { name: 'Send my check-in' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Pick a face for Health'));
    expect(rec.of('onward-submit')).toEqual([]);
  });

  it('limits the note to 280 characters', async () => {
    await setup();
    const ta = card('Housing').querySelector('textarea')!;
    expect(ta.getAttribute('lang')).toBe('en-GB');
    fireEvent.input(ta, { target: { value: 'z'.repeat(281) } });
    expect(document.body.textContent).toContain('Too long by 1 characters');
    fireEvent.click(card('Housing').querySelector('input[value="ok"]')!);
    fireEvent.click(screen.getByRole('button', { name: 'Send my check-in' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Use 280 characters or fewer'));
  });

  it('is read-only for anyone but the young person, showing their words as written', async () => {
    render(<CheckInWidget value={sampleCheckIn()} viewerRole="pa" drafts={memoryStorage()} />);
    await screen.findByRole('heading', { name: 'How are things?' });
    expect(screen.getByText(/Only the young person can fill in a check-in/)).toBeTruthy();
    expect(document.querySelector('input')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Send my check-in' })).toBeNull();
    const note = screen.getByText('Rent went up. مرحبا');
    expect(note.getAttribute('dir')).toBe('auto');
    expect(screen.getByText('Wants help')).toBeTruthy();
  });
});

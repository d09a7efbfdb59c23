import type { Actor, PathwayPlan } from '@onward/engine';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryStorage, Plan } from '../src/index.js';
import { planLifecycle, samplePlan } from './fixtures.js';
import { cleanup, recorder, render } from './helpers.js';

afterEach(cleanup);

async function setup(viewer: Actor, props: Partial<Parameters<typeof Plan>[0]> = {}) {
  const rec = recorder();
  const utils = render(
    <Plan
      value={samplePlan()}
      viewer={viewer}
      drafts={memoryStorage()}
      saveDelayMs={0}
      onEvent={rec.onEvent}
      {...props}
    />,
  );
  await screen.findByRole('heading', { name: 'Pathway plan for Jo' });
  return { ...utils, rec };
}
const actionButtons = () =>
  [...document.querySelectorAll('button[data-action]')].map((b) => b.getAttribute('data-action'));

describe('Plan', () => {
  it('shows the young person’s own words first, exactly as written', async () => {
    const { container } = await setup({ id: 'yp-1', role: 'young-person' }, { lifecycle: planLifecycle() });
    const h2s = [...container.querySelectorAll('h2')].map((h) => h.textContent);
    expect(h2s[1]).toBe('In Jo’s own words');
    expect(screen.getByText('I want to stay in this area near my college. <b>Not</b> moving again!')).toBeTruthy();
    expect(container.querySelector('b')).toBeNull();
    // Help asked for in the checklist, with the young person's note.
    expect(screen.getByText('“The boiler breaks a lot in winter.”')).toBeTruthy();
    expect(screen.getByText('Write to the landlord about the boiler')).toBeTruthy();
  });

  it('shows lifecycle actions only to roles the engine allows', async () => {
    await setup({ id: 'yp-1', role: 'young-person' }, { lifecycle: planLifecycle() });
    expect(actionButtons()).toEqual([]);
    cleanup();
    await setup({ id: 'pa-1', role: 'pa' }, { lifecycle: planLifecycle(), mode: 'edit' });
    expect(actionButtons()).toEqual(['plan.submit']);
    cleanup();
    await setup({ id: 'tm-1', role: 'team-manager' }, { lifecycle: planLifecycle('submitted') });
    expect(actionButtons()).toEqual(['plan.authorise', 'plan.return']);
    cleanup();
    // A manager cannot submit a draft, an analyst can do nothing, and nobody gets actions without a lifecycle.
    await setup({ id: 'tm-1', role: 'team-manager' }, { lifecycle: planLifecycle() });
    expect(actionButtons()).toEqual([]);
    cleanup();
    await setup({ id: 'an-1', role: 'analyst' }, { lifecycle: planLifecycle('submitted') });
    expect(actionButtons()).toEqual([]);
    cleanup();
    await setup({ id: 'tm-1', role: 'team-manager' });
    expect(actionButtons()).toEqual([]);
  });

  it('returns a plan only with a comment', async () => {
    const { rec } = await setup({ id: 'tm-1', role: 'team-manager' }, { lifecycle: planLifecycle('submitted') });
    fireEvent.click(screen.getByRole('button', { name: 'Return with comments' }));
    fireEvent.click(screen.getByRole('button', { name: 'Return the plan' }));
    await screen.findByRole('alert');
    expect(screen.getByRole('alert').textContent).toContain('Enter Your comments for the PA');
    expect(rec.of('onward-action')).toEqual([]);
    fireEvent.input(screen.getByLabelText('Your comments for the PA'), {
      target: { value: 'Please add a date for the repair.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Return the plan' }));
    expect(rec.of('onward-action')).toEqual([
      { widget: 'plan', type: 'plan.return', comment: 'Please add a date for the repair.' },
    ]);
  });

  it('lets the PA add goals and actions (what, who, by when), checks them before submitting', async () => {
    const { rec } = await setup({ id: 'pa-1', role: 'pa' }, { lifecycle: planLifecycle(), mode: 'edit' });
    fireEvent.click(screen.getByRole('button', { name: 'Add a goal (Money)' }));
    let plan = rec.of('onward-change').at(-1)!.value as PathwayPlan;
    expect(plan.domains.money!.goals).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Send to a manager' }));
    await screen.findByRole('alert');
    expect(screen.getByRole('alert').textContent).toContain('Enter Money, Goal 1, Goal');
    expect(rec.of('onward-action')).toEqual([]);
    const goal = document.getElementById(
      screen.getByRole('alert').querySelector('a')!.getAttribute('href')!.slice(1),
    ) as HTMLTextAreaElement;
    fireEvent.input(goal, { target: { value: 'Save £10 a week' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Add an action' }).at(-1)!);
    plan = rec.of('onward-change').at(-1)!.value as PathwayPlan;
    const a = plan.domains.money!.goals![0]!.actions[0]!;
    const id = (f: string) =>
      document.querySelector(`[id$="domains-money-goals-0-actions-0-${f}"]`) as HTMLInputElement;
    fireEvent.input(id('what'), { target: { value: 'Open a savings pot' } });
    fireEvent.input(id('who'), { target: { value: 'Jo' } });
    fireEvent.input(id('byWhen'), { target: { value: '2026-06-30' } });
    plan = rec.of('onward-change').at(-1)!.value as PathwayPlan;
    expect(plan.domains.money!.goals![0]).toEqual({
      id: expect.any(String),
      goal: 'Save £10 a week',
      actions: [{ id: a.id, what: 'Open a savings pot', who: 'Jo', byWhen: '2026-06-30' }],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send to a manager' }));
    await waitFor(() => expect(rec.of('onward-action')).toEqual([{ widget: 'plan', type: 'plan.submit' }]));
    expect(rec.of('onward-submit')).toHaveLength(1);
  });

  it('lets the young person write only their own views; workers write the rest', async () => {
    const { rec } = await setup({ id: 'yp-1', role: 'young-person' }, { lifecycle: planLifecycle(), mode: 'edit' });
    const mine = screen.getByLabelText('What I want people to know') as HTMLTextAreaElement;
    expect(mine.getAttribute('lang')).toBe('en-GB');
    fireEvent.input(mine, { target: { value: 'My words, my plan.' } });
    expect((rec.of('onward-change').at(-1)!.value as PathwayPlan).views.youngPerson).toBe('My words, my plan.');
    expect(screen.queryByLabelText('If the plan stops working', { selector: 'textarea' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Add a goal/ })).toBeNull();
    cleanup();
    await setup({ id: 'pa-1', role: 'pa' }, { lifecycle: planLifecycle(), mode: 'edit' });
    expect(screen.queryByLabelText('What I want people to know')).toBeNull();
    expect(screen.getByText('I want to stay in this area near my college. <b>Not</b> moving again!')).toBeTruthy();
    expect(screen.getByLabelText('If the plan stops working', { selector: 'textarea' })).toBeTruthy();
    cleanup();
    // Once submitted, nobody edits.
    await setup({ id: 'pa-1', role: 'pa' }, { lifecycle: planLifecycle('submitted'), mode: 'edit' });
    expect(document.querySelector('textarea')).toBeNull();
  });

  it('prints and downloads a PDF through the injected renderer only', async () => {
    const renderPlanPdf = vi.fn(async () => new Uint8Array([37, 80, 68, 70]));
    const load = vi.fn(async () => ({ renderPlanPdf }));
    const created: string[] = [];
    URL.createObjectURL = vi.fn(() => {
      created.push('blob');
      return 'blob:test';
    });
    URL.revokeObjectURL = vi.fn();
    await setup(
      { id: 'yp-1', role: 'young-person' },
      { mode: 'print', loadPdfRenderer: load, councilName: 'Northbridge' },
    );
    expect(screen.getByRole('button', { name: 'Print' })).toBeTruthy();
    expect(load).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Download PDF' }));
    await waitFor(() => expect(renderPlanPdf).toHaveBeenCalledTimes(1));
    const [plan, options] = renderPlanPdf.mock.calls[0] as unknown as [PathwayPlan, { council: { name: string } }];
    expect(plan.id).toBe('plan-1');
    expect(options.council).toEqual({ name: 'Northbridge' });
    await waitFor(() => expect(created).toHaveLength(1));
  });
});

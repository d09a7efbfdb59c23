import type { LivingTogetherAgreement } from '@onward/engine';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Agreement, memoryStorage, parsePounds } from '../src/index.js';
import { sampleAgreement } from './fixtures.js';
import { cleanup, recorder, render } from './helpers.js';

afterEach(cleanup);

async function setup(viewer: { id: string; role: string }, value: LivingTogetherAgreement = sampleAgreement()) {
  const rec = recorder();
  const utils = render(
    <Agreement value={value} viewer={viewer} drafts={memoryStorage()} saveDelayMs={0} onEvent={rec.onEvent} />,
  );
  await screen.findByRole('heading', { name: 'Living Together Agreement' });
  return { ...utils, rec };
}

describe('Living Together Agreement', () => {
  it('shows every section of the agreement', async () => {
    await setup({ id: 'pa-1', role: 'pa' });
    for (const title of [
      'Who this agreement is between',
      'Dates',
      'Checks',
      'House rules',
      'Skills to practise',
      'Money',
      'Support',
      'Who is responsible for what',
      'If you disagree',
      'Ending the arrangement',
      'Signing the agreement',
    ])
      expect(screen.getByRole('heading', { name: title })).toBeTruthy();
  });

  it('hides the carer’s allowance from the young person when the agreement says so', async () => {
    await setup({ id: 'yp-1', role: 'young-person' });
    expect(screen.queryByText(/Allowance the council pays/)).toBeNull();
    expect(document.body.textContent).not.toContain('£250');
    expect(screen.getByText('£25')).toBeTruthy();
    cleanup();
    await setup({ id: 'pa-1', role: 'pa' });
    expect((screen.getByLabelText('Allowance the council pays the carer (£)') as HTMLInputElement).value).toBe('250');
    cleanup();
    const visible = sampleAgreement();
    visible.money.carerAllowance!.visibleToYoungPerson = true;
    await setup({ id: 'yp-1', role: 'young-person' }, visible);
    expect(screen.getByText('£250')).toBeTruthy();
  });

  it('hides the allowance from the young person when the agreement does not say it is visible', async () => {
    const unsaid = sampleAgreement();
    delete unsaid.money.carerAllowance!.visibleToYoungPerson;
    await setup({ id: 'yp-1', role: 'young-person' }, unsaid);
    expect(screen.queryByText(/Allowance the council pays/)).toBeNull();
    expect(document.body.textContent).not.toContain('£250');
    cleanup();
    await setup({ id: 'carer-1', role: 'carer' }, unsaid);
    expect(screen.getByText('£250')).toBeTruthy();
  });

  it('lets each party sign once, and staff mark the copy given', async () => {
    const { rec } = await setup({ id: 'carer-1', role: 'carer' });
    expect(document.querySelector('input, textarea')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Sign as Carer' }));
    expect(rec.of('onward-action')).toEqual([
      { widget: 'agreement', type: 'stayingPut.agreement.sign', payload: { party: 'carer' } },
    ]);
    const signed = rec.of('onward-change').at(-1)!.value as LivingTogetherAgreement;
    expect(signed.signOffs).toEqual([{ party: 'carer', name: 'Pat Carer', at: expect.any(String), copyGiven: false }]);
    expect(screen.queryByRole('button', { name: 'Sign as Carer' })).toBeNull();
    cleanup();
    const pa = await setup({ id: 'pa-1', role: 'pa' }, signed);
    fireEvent.click(screen.getByLabelText('Copy given'));
    expect((pa.rec.of('onward-change').at(-1)!.value as LivingTogetherAgreement).signOffs[0]!.copyGiven).toBe(true);
  });

  it('lets staff edit, with money in pounds, and checks before saving', async () => {
    const { rec } = await setup({ id: 'pa-1', role: 'pa' });
    const amount = screen.getByLabelText('Young person’s contribution (£)') as HTMLInputElement;
    fireEvent.input(amount, { target: { value: '30.5' } });
    expect((rec.of('onward-change').at(-1)!.value as LivingTogetherAgreement).money.contribution.amountPence).toBe(
      3050,
    );
    fireEvent.input(amount, { target: { value: 'thirty' } });
    fireEvent.input(screen.getByLabelText('Address'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check and save' }));
    await screen.findByRole('alert');
    const text = screen.getByRole('alert').textContent!;
    expect(text).toContain('Enter Address');
    expect(text).toContain('Enter Young person’s contribution (£) in pounds');
    expect(rec.of('onward-submit')).toEqual([]);
    fireEvent.input(amount, { target: { value: '£30' } });
    fireEvent.input(screen.getByLabelText('Address'), { target: { value: '1 New Street' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check and save' }));
    await waitFor(() => expect(rec.of('onward-submit')).toHaveLength(1));
    expect((rec.of('onward-submit')[0]!.value as LivingTogetherAgreement).money.contribution.amountPence).toBe(3000);
  });

  it('reads pounds strictly', () => {
    expect(parsePounds('25')).toBe(2500);
    expect(parsePounds('£ 25.5')).toBe(2550);
    expect(parsePounds('0.07')).toBe(7);
    expect(parsePounds('25.555')).toBeUndefined();
    expect(parsePounds('-3')).toBeUndefined();
  });
});

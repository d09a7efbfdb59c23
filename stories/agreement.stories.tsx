import { allShippedWording } from '@onward/engine';
import { Agreement, memoryStorage } from '@onward/widgets';
import type { Meta, StoryObj } from '@storybook/preact-vite';
import { logEvents, phone, rtlSample, sampleAgreement } from './support.js';

const empty = () => ({
  ...sampleAgreement(),
  houseRules: {},
  skills: [],
  support: [],
  responsibilities: {},
  ending: {},
  checks: {},
  disagreements: undefined,
  money: { contribution: { amountPence: 0, period: 'week' as const } },
});
const partSigned = () => ({
  ...sampleAgreement(),
  signOffs: [{ party: 'carer' as const, name: 'Pat Carer', at: '2026-04-20T15:00:00Z', copyGiven: true }],
});
const allSigned = () => ({
  ...sampleAgreement(),
  signOffs: [
    { party: 'young-person' as const, name: 'Jordan Example', at: '2026-04-20T15:00:00Z', copyGiven: true },
    { party: 'carer' as const, name: 'Pat Carer', at: '2026-04-20T15:05:00Z', copyGiven: true },
    { party: 'pa' as const, name: 'Sam Adviser', at: '2026-04-20T15:10:00Z', copyGiven: true },
  ],
});

const meta = {
  title: 'Widgets/Living Together Agreement',
  component: Agreement,
  render: (args) => <Agreement {...args} drafts={memoryStorage()} onEvent={logEvents} />,
} satisfies Meta<typeof Agreement>;
export default meta;
type Story = StoryObj<typeof meta>;

const pa = { id: 'pa-1', role: 'pa' };
const yp = { id: 'yp-1', role: 'young-person' };
const carer = { id: 'carer-1', role: 'carer' };

export const Empty: Story = { args: { value: empty(), viewer: pa } };
export const PartDone: Story = { name: 'Part done (carer has signed)', args: { value: partSigned(), viewer: pa } };
export const Complete: Story = { name: 'Complete (everyone signed)', args: { value: allSigned(), viewer: yp } };
export const YoungPersonView: Story = {
  name: 'Young person (allowance hidden)',
  args: { value: sampleAgreement(), viewer: yp },
};
export const CarerSigning: Story = { args: { value: partSigned(), viewer: carer } };
export const EasyRead: Story = {
  name: 'Easy read (young person)',
  args: { value: sampleAgreement(), viewer: yp, variant: 'easy' },
};
export const Welsh: Story = { args: { value: sampleAgreement(), viewer: yp, locale: 'cy' } };
export const RightToLeft: Story = {
  args: { value: sampleAgreement(), viewer: yp, locale: 'ar', wording: allShippedWording([rtlSample]) },
};
export const ReadOnly: Story = { args: { value: sampleAgreement(), viewer: pa, readOnly: true } };
export const WithErrors: Story = {
  args: { value: { ...sampleAgreement(), address: '', skills: [{ skill: '' }] }, viewer: pa },
  play: async ({ canvasElement }) => {
    await new Promise((ok) => setTimeout(ok, 50));
    [...canvasElement.querySelectorAll('button')].find((b) => b.textContent === 'Check and save')?.click();
  },
};
export const Phone: Story = { args: { value: sampleAgreement(), viewer: yp }, ...phone };

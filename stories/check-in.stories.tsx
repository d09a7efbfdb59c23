import { allShippedWording } from '@onward/engine';
import { type CheckInEntries, CheckInWidget, type Draft, memoryStorage } from '@onward/widgets';
import type { Meta, StoryObj } from '@storybook/preact-vite';
import { logEvents, phone, rtlSample, sampleCheckIn } from './support.js';

/** Drafts holding moods already chosen (as if the young person started earlier). */
const started = (entries: CheckInEntries) =>
  memoryStorage<Draft<CheckInEntries>>({
    'check-in': { v: 1, changedAt: '2026-03-02T10:00:00Z', synced: false, data: entries },
  });
const all: CheckInEntries = {
  housing: { mood: 'good' },
  health: { mood: 'ok' },
  relationships: { mood: 'good' },
  activities: { mood: 'ok', note: 'Joined the climbing club.' },
  money: { mood: 'bad', help: true, note: 'Rent went up.' },
  careers: { mood: 'good' },
  independence: { mood: 'ok' },
  identity: { mood: 'good' },
};

const meta = {
  title: 'Widgets/Check-in',
  component: CheckInWidget,
  render: (args) => <CheckInWidget youngPersonId="yp-1" drafts={memoryStorage()} onEvent={logEvents} {...args} />,
} satisfies Meta<typeof CheckInWidget>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = { args: {} };
export const PartDone: Story = {
  args: { drafts: started({ housing: { mood: 'good' }, money: { mood: 'bad', help: true } }) },
};
export const Complete: Story = { args: { drafts: started(all) } };
export const EasyRead: Story = { args: { variant: 'easy' } };
export const Welsh: Story = { args: { locale: 'cy', drafts: started({ health: { mood: 'ok' } }) } };
export const RightToLeft: Story = {
  args: {
    locale: 'ar',
    wording: allShippedWording([rtlSample]),
    drafts: started({ money: { mood: 'bad', note: 'ارتفع الإيجار.' } }),
  },
};
export const ReadOnly: Story = { name: 'Read-only (seen by a PA)', args: { value: sampleCheckIn(), viewerRole: 'pa' } };
export const WithErrors: Story = {
  args: { drafts: started({ health: { help: true, note: 'x'.repeat(300) } }) },
  play: async ({ canvasElement }) => {
    await new Promise((ok) => setTimeout(ok, 50));
    const send = [...canvasElement.querySelectorAll('button')].find((b) => b.textContent === 'Send my check-in');
    send?.click();
  },
};
export const Phone: Story = { args: { drafts: started({ housing: { mood: 'good' } }) }, ...phone };

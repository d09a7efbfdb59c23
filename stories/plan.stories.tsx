import { allShippedWording, emptyChecklist, questionSet } from '@onward/engine';
import { memoryStorage, Plan } from '@onward/widgets';
import type { Meta, StoryObj } from '@storybook/preact-vite';
import { completeChecklist, logEvents, phone, planLifecycle, rtlSample, samplePlan } from './support.js';

const empty = () =>
  ({
    ...samplePlan(),
    checklist: emptyChecklist(questionSet()),
    domains: {},
    views: {},
    contingency: undefined,
    contactAndSupport: undefined,
  }) as ReturnType<typeof samplePlan>;
const complete = () => {
  const p = samplePlan();
  return {
    ...p,
    authorised: '2026-03-10',
    checklist: completeChecklist(),
    views: { ...p.views, pa: 'Jo has worked hard on this plan.', manager: 'Authorised. Good, clear actions.' },
    signOffs: [
      { role: 'young-person', name: 'Jordan Example', at: '2026-03-08T12:00:00Z' },
      { role: 'team-manager', name: 'Alex Manager', at: '2026-03-10T09:00:00Z' },
    ],
  } as ReturnType<typeof samplePlan>;
};
const pdf = async () => ({
  renderPlanPdf: async () => {
    throw new Error('Stories do not include the PDF package: the host injects it.');
  },
});

const meta = {
  title: 'Widgets/Plan',
  component: Plan,
  render: (args) => <Plan {...args} drafts={memoryStorage()} onEvent={logEvents} />,
} satisfies Meta<typeof Plan>;
export default meta;
type Story = StoryObj<typeof meta>;

const yp = { id: 'yp-1', role: 'young-person' as const };
const pa = { id: 'pa-1', role: 'pa' as const };
const tm = { id: 'tm-1', role: 'team-manager' as const };

export const Empty: Story = { args: { value: empty(), viewer: pa, mode: 'edit', lifecycle: planLifecycle() } };
export const PartDone: Story = { args: { value: samplePlan(), viewer: yp, lifecycle: planLifecycle() } };
export const Complete: Story = { args: { value: complete(), viewer: yp } };
export const EasyRead: Story = { args: { value: samplePlan(), viewer: yp, variant: 'easy' } };
export const Welsh: Story = { args: { value: samplePlan(), viewer: yp, locale: 'cy' } };
export const RightToLeft: Story = {
  args: { value: samplePlan(), viewer: yp, locale: 'ar', wording: allShippedWording([rtlSample]) },
};
export const ReadOnly: Story = {
  args: { value: samplePlan(), viewer: pa, mode: 'edit', readOnly: true, lifecycle: planLifecycle() },
};
export const PaEditor: Story = {
  name: 'PA editor',
  args: { value: samplePlan(), viewer: pa, mode: 'edit', lifecycle: planLifecycle() },
};
export const ManagerReview: Story = {
  args: { value: samplePlan(), viewer: tm, lifecycle: planLifecycle('submitted') },
};
export const WithErrors: Story = {
  args: {
    value: {
      ...samplePlan(),
      domains: {
        money: { goals: [{ id: 'goal-x', goal: '', actions: [{ id: 'action-x', what: '', who: 'Jo', byWhen: '' }] }] },
      },
    } as ReturnType<typeof samplePlan>,
    viewer: pa,
    mode: 'edit',
    lifecycle: planLifecycle(),
  },
  play: async ({ canvasElement }) => {
    await new Promise((ok) => setTimeout(ok, 50));
    [...canvasElement.querySelectorAll('button')].find((b) => b.textContent === 'Send to a manager')?.click();
  },
};
export const Print: Story = {
  name: 'Print view (the PDF as HTML)',
  args: { value: complete(), viewer: yp, mode: 'print', loadPdfRenderer: pdf },
};
export const Phone: Story = { args: { value: samplePlan(), viewer: yp }, ...phone };

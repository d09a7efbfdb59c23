import { allShippedWording } from '@onward/engine';
import { Checklist, memoryStorage } from '@onward/widgets';
import type { Meta, StoryObj } from '@storybook/preact-vite';
import { checklistWith, completeChecklist, logEvents, partChecklist, phone, rtlSample } from './support.js';

const meta = {
  title: 'Widgets/Checklist',
  component: Checklist,
  render: (args) => <Checklist {...args} drafts={memoryStorage()} onEvent={logEvents} />,
} satisfies Meta<typeof Checklist>;
export default meta;
type Story = StoryObj<typeof meta>;

const longNote = () => {
  const doc = checklistWith(3);
  const heating = (doc.answers as Record<string, Record<string, { note?: string }>>).housing!.heating!;
  heating.note = 'It is cold. '.repeat(45);
  return doc;
};

export const Empty: Story = { args: {} };
export const PartDone: Story = { args: { value: partChecklist() } };
export const Complete: Story = { args: { value: completeChecklist() } };
export const EasyRead: Story = { args: { value: partChecklist(), variant: 'easy' } };
export const Welsh: Story = { args: { value: partChecklist(), locale: 'cy' } };
export const RightToLeft: Story = {
  args: { locale: 'ar', wording: allShippedWording([rtlSample]), value: checklistWith(2) },
};
export const ReadOnly: Story = { args: { value: partChecklist(), readOnly: true } };
export const WithErrors: Story = {
  args: {
    value: longNote(),
    errors: [{ path: 'answers.housing.heating.note', rule: 'maxLength', message: 'Too long' }],
  },
};
export const Phone: Story = { args: { value: partChecklist() }, ...phone };
export const PhoneEasyRead: Story = { args: { value: checklistWith(5), variant: 'easy' }, ...phone };
export const OldQuestionSet: Story = { name: 'Question set version 1', args: { questionSetVersion: 1 } };

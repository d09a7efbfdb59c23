// JSON Forms (React, vanilla renderers) with the same 66 questions: one category (tab) per section, per question a
// group with the answer as radio buttons, a note, "I'd like help with this", and "What would help?" shown by a
// rule when the answer is "no". Its own defaults otherwise.
import { JsonForms } from '@jsonforms/react';
import { vanillaCells, vanillaRenderers } from '@jsonforms/vanilla-renderers';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ANSWERS, adapter, type BenchQuestion, data, helpers } from './data.js';

const prop = (q: BenchQuestion) => q.id.replace('.', '__');
const schema = {
  type: 'object',
  properties: Object.fromEntries(
    data.domains.flatMap((d) =>
      d.questions.map((q) => [
        prop(q),
        {
          type: 'object',
          properties: {
            value: { type: 'string', oneOf: ANSWERS.map(([v, t]) => ({ const: v, title: t })) },
            note: { type: 'string', maxLength: 500 },
            help: { type: 'boolean' },
            whatWouldHelp: { type: 'string' },
          },
        },
      ]),
    ),
  ),
};
const uischema = {
  type: 'Categorization',
  elements: data.domains.map((d) => ({
    type: 'Category',
    label: d.title,
    elements: d.questions.map((q) => ({
      type: 'Group',
      label: q.text,
      elements: [
        {
          type: 'Control',
          scope: `#/properties/${prop(q)}/properties/value`,
          label: 'Answer',
          options: { format: 'radio' },
        },
        {
          type: 'Control',
          scope: `#/properties/${prop(q)}/properties/note`,
          label: data.ui.note,
          options: { multi: true },
        },
        { type: 'Control', scope: `#/properties/${prop(q)}/properties/help`, label: data.ui.help },
        {
          type: 'Control',
          scope: `#/properties/${prop(q)}/properties/whatWouldHelp`,
          label: data.ui.whatWouldHelp,
          rule: {
            effect: 'SHOW',
            condition: { scope: `#/properties/${prop(q)}/properties/value`, schema: { const: 'no' } },
          },
        },
      ],
    })),
  })),
};

function App() {
  const [value, setValue] = useState({});
  return (
    <JsonForms
      schema={schema}
      uischema={uischema}
      data={value}
      renderers={vanillaRenderers}
      cells={vanillaCells}
      onChange={({ data: d }) => setValue(d)}
    />
  );
}
createRoot(document.getElementById('app')!).render(<App />);

const root = () => document.getElementById('app');
const group = (q: BenchQuestion) =>
  [...(root()?.querySelectorAll('fieldset, .group-layout') ?? [])].find(
    (g) => g.querySelector('legend, .group-layout-label, label')?.textContent?.trim() === q.text,
  ) as HTMLElement | undefined;
const whatWouldHelp = (q: BenchQuestion) =>
  [...(group(q)?.querySelectorAll('label') ?? [])].find((l) => l.textContent?.trim() === data.ui.whatWouldHelp);
const visible = (el: Element | undefined) => Boolean(el && (el as HTMLElement).offsetParent !== null);
const tabs = () => [...(root()?.querySelectorAll('.categorization-master li') ?? [])] as HTMLElement[];
const ready = (i: number) => {
  const qs = data.domains[i]!.questions;
  return Boolean(group(qs[0]!)) && Boolean(group(qs[qs.length - 1]!)?.querySelector('input[type=radio]'));
};
adapter('jsonforms', {
  root,
  paged: true,
  sectionReady: ready,
  showSection: (i) => tabs()[i]!.click(),
  toSection: async (i) => {
    tabs()[i]!.click();
    await helpers().until(() => ready(i));
  },
  radio: (q, v) => group(q)!.querySelector(`input[type=radio][value="${v}"]`) as HTMLInputElement,
  answered: () => true,
  reveal(q) {
    return [() => this.radio(q, 'no').click(), () => visible(whatWouldHelp(q))];
  },
  hide(q) {
    return [() => this.radio(q, 'yes').click(), () => !visible(whatWouldHelp(q))];
  },
});

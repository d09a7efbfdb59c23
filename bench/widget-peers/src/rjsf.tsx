// react-jsonschema-form with the same 66 questions: one object per section, per question its answer as radio
// buttons, a note (textarea), "I'd like help with this", and "What would help?" shown (if/then) when the answer
// is "no". RJSF draws the whole form at once; its own defaults otherwise.
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import { createRoot } from 'react-dom/client';
import { ANSWERS, adapter, type BenchQuestion, data } from './data.js';

const question = (q: BenchQuestion) => ({
  type: 'object',
  title: q.text,
  ...(q.hint ? { description: q.hint } : {}),
  properties: {
    value: { type: 'string', title: 'Answer', oneOf: ANSWERS.map(([v, t]) => ({ const: v, title: t })) },
    note: { type: 'string', title: data.ui.note, maxLength: 500 },
    help: { type: 'boolean', title: data.ui.help },
  },
  if: { properties: { value: { const: 'no' } }, required: ['value'] },
  // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then, not a promise.
  then: { properties: { whatWouldHelp: { type: 'string', title: data.ui.whatWouldHelp } } },
});
const schema = {
  type: 'object',
  properties: Object.fromEntries(
    data.domains.map((d) => [
      d.id,
      {
        type: 'object',
        title: d.title,
        description: d.description,
        properties: Object.fromEntries(d.questions.map((q) => [q.key, question(q)])),
      },
    ]),
  ),
};
const uiSchema = Object.fromEntries(
  data.domains.map((d) => [
    d.id,
    Object.fromEntries(
      d.questions.map((q) => [q.key, { value: { 'ui:widget': 'radio' }, note: { 'ui:widget': 'textarea' } }]),
    ),
  ]),
);
createRoot(document.getElementById('app')!).render(
  // biome-ignore lint/suspicious/noExplicitAny: the bench's generated schema is not a typed literal
  <Form schema={schema as any} uiSchema={uiSchema} validator={validator} />,
);

const root = () => document.getElementById('app');
const fieldset = (q: BenchQuestion) => document.getElementById(`root_${q.id.replace('.', '_')}`);
const wwh = (q: BenchQuestion) => document.getElementById(`root_${q.id.replace('.', '_')}_whatWouldHelp`);
const ready = (i: number) => {
  const qs = data.domains[i]!.questions;
  return Boolean(fieldset(qs[0]!)) && Boolean(fieldset(qs[qs.length - 1]!)?.querySelector('input[type=radio]'));
};
const radio = (q: BenchQuestion, v: string) => {
  const label = ANSWERS.find(([x]) => x === v)![1];
  return [...(fieldset(q)?.querySelectorAll('label') ?? [])]
    .find((l) => l.textContent?.trim() === label)
    ?.querySelector('input[type=radio]') as HTMLInputElement;
};
adapter('rjsf', {
  root,
  paged: false,
  sectionReady: ready,
  showSection: () => {},
  toSection: async () => {},
  radio,
  answered: () => true,
  reveal: (q) => [() => radio(q, 'no').click(), () => Boolean(wwh(q))],
  hide: (q) => [() => radio(q, 'yes').click(), () => !wwh(q)],
});

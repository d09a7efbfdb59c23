// SurveyJS (survey-core with its React UI) with the same 66 questions: one page per section, per question a panel
// with the answer as radio buttons, a note, "I'd like help with this", and "What would help?" shown (visibleIf)
// when the answer is "no". Its own default theme otherwise.
import 'survey-core/survey-core.min.css';
import { createRoot } from 'react-dom/client';
import { Model } from 'survey-core';
import { Survey } from 'survey-react-ui';
import { ANSWERS, adapter, type BenchQuestion, data, helpers } from './data.js';

const name = (q: BenchQuestion) => q.id.replace('.', '__');
const model = new Model({
  showQuestionNumbers: 'off',
  pages: data.domains.map((d) => ({
    name: d.id,
    title: d.title,
    description: d.description,
    elements: d.questions.map((q) => ({
      type: 'panel',
      name: `${name(q)}__panel`,
      title: q.text,
      ...(q.hint ? { description: q.hint } : {}),
      elements: [
        {
          type: 'radiogroup',
          name: `${name(q)}__value`,
          title: 'Answer',
          choices: ANSWERS.map(([v, t]) => ({ value: v, text: t })),
        },
        { type: 'comment', name: `${name(q)}__note`, title: data.ui.note, maxLength: 500 },
        { type: 'boolean', name: `${name(q)}__help`, title: data.ui.help, renderAs: 'checkbox' },
        {
          type: 'comment',
          name: `${name(q)}__wwh`,
          title: data.ui.whatWouldHelp,
          visibleIf: `{${name(q)}__value} = 'no'`,
        },
      ],
    })),
  })),
});
createRoot(document.getElementById('app')!).render(<Survey model={model} />);

const root = () => document.getElementById('app');
const radio = (q: BenchQuestion, v: string) =>
  root()?.querySelector(
    `input[type=radio][name$="${name(q)}__value"][value="${v}"], [data-name="${name(q)}__value"] input[type=radio][value="${v}"]`,
  ) as HTMLInputElement;
const wwh = (q: BenchQuestion) => root()?.querySelector(`[data-name="${name(q)}__wwh"]`);
const ready = (i: number) => {
  const qs = data.domains[i]!.questions;
  return Boolean(radio(qs[0]!, 'yes')) && Boolean(radio(qs[qs.length - 1]!, 'yes'));
};
const toSection = async (i: number) => {
  model.currentPageNo = i;
  await helpers().until(() => ready(i));
};
adapter('surveyjs', {
  root,
  paged: true,
  sectionReady: ready,
  showSection: () => {
    (root()?.querySelector('.sd-navigation__next-btn, input[value="Next"]') as HTMLElement | null)?.click();
  },
  toSection,
  radio,
  answered: () => true,
  reveal: (q) => [() => radio(q, 'no').click(), () => Boolean(wwh(q))],
  hide: (q) => [() => radio(q, 'yes').click(), () => !wwh(q)],
});

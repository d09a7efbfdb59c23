// The floor of the widget benchmark: the same checklist as <onward-checklist> (the same 66 questions and words,
// the same markup and stylesheet), written by hand with plain DOM calls and no framework. It does what the widget
// does for a young person: a task list of sections with progress, one section at a time, yes / no / not relevant,
// "Clear answer" once answered, a note with a character counter, "I'd like help with this", and a draft saved to
// localStorage after a pause. Whatever the widget costs above this page is the price of the library.
const data = window.BENCH_DATA;
const LIMIT = 500;
const ANSWERS = [
  ['yes', data.ui.yes],
  ['no', data.ui.no],
  ['not-relevant', data.ui.notRelevant],
];
// Restore the draft kept on this device, as the widget does before it shows anything.
const answers = (() => {
  try {
    return JSON.parse(localStorage.getItem('floor-draft') ?? 'null')?.answers ?? {};
  } catch {
    return {};
  }
})();
let current = 0;
let saveTimer;

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  if (attrs) for (const k in attrs) if (attrs[k] !== undefined && attrs[k] !== false) e.setAttribute(k, attrs[k]);
  for (const c of children) if (c != null) e.append(c);
  return e;
}

const total = data.domains.reduce((n, d) => n + d.questions.length, 0);
const answeredIn = (d) => d.questions.filter((q) => answers[q.id]?.value).length;
const answeredAll = () => data.domains.reduce((n, d) => n + answeredIn(d), 0);
const statusOf = (d) => {
  const n = answeredIn(d);
  return n === 0 ? 'not-started' : n === d.questions.length ? 'done' : 'in-progress';
};

const root = el('div', { class: 'onward onward-checklist', lang: 'en-GB', dir: 'ltr' });
const overall = el('p', { class: 'o-small' });
const overallBar = el('div', {
  class: 'o-progress',
  role: 'progressbar',
  'aria-valuemin': '0',
  'aria-valuemax': '100',
});
const overallFill = el('span');
overallBar.append(overallFill);
const tasks = el('ul', { class: 'o-tasks' });
const taskButtons = data.domains.map((d, i) => {
  const tag = el('span', { class: 'o-tag' });
  const b = el('button', { type: 'button' }, el('span', null, d.title), tag);
  b.addEventListener('click', () => show(i));
  tasks.append(el('li', null, b));
  return { b, tag };
});
const section = el('section');
const status = el('p', { class: 'o-status o-small o-muted', role: 'status' });
root.append(
  el(
    'div',
    { class: 'o-bar' },
    el('h2', null, data.ui.title),
    el('button', { type: 'button', class: 'o-btn o-secondary o-toggle', 'aria-pressed': 'false' }, data.ui.easyRead),
  ),
  el('p', { class: 'o-muted' }, data.ui.intro),
  overall,
  overallBar,
  el('nav', { 'aria-label': data.ui.sections }, el('h3', null, data.ui.sections), tasks),
  section,
  status,
);

function paintProgress() {
  const n = answeredAll();
  const text = `${n} of ${total} questions answered`;
  overall.textContent = text;
  overallBar.setAttribute('aria-valuenow', String(Math.floor((n / total) * 100)));
  overallBar.setAttribute('aria-label', text);
  overallFill.style.width = `${Math.floor((n / total) * 100)}%`;
  data.domains.forEach((d, i) => {
    const s = statusOf(d);
    taskButtons[i].tag.className = `o-tag o-${s}`;
    taskButtons[i].tag.textContent = data.ui.status[s];
    if (i === current) taskButtons[i].b.setAttribute('aria-current', 'step');
    else taskButtons[i].b.removeAttribute('aria-current');
  });
}

let sectionProgress;
let sectionBar;
function paintSectionProgress() {
  const d = data.domains[current];
  const n = answeredIn(d);
  sectionProgress.textContent = `${n} of ${d.questions.length} answered`;
  sectionBar.setAttribute('aria-valuenow', String(Math.floor((n / d.questions.length) * 100)));
  sectionBar.firstChild.style.width = `${Math.floor((n / d.questions.length) * 100)}%`;
}

function saveLater() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    localStorage.setItem('floor-draft', JSON.stringify({ answers, changedAt: new Date().toISOString() }));
    status.textContent = 'Saved on this device';
  }, 500);
}

function change(q, patch) {
  const a = { ...(answers[q.id] ?? {}), ...patch };
  answers[q.id] = a;
  paintProgress();
  paintSectionProgress();
  saveLater();
}

function card(q, i) {
  const base = `q${i}`;
  const a = answers[q.id] ?? {};
  const fs = el('fieldset', { class: 'o-card', 'aria-describedby': q.hint ? `${base}-hint` : undefined });
  fs.append(el('legend', { id: `${base}-legend` }, q.text));
  if (q.hint) fs.append(el('p', { class: 'o-hint', id: `${base}-hint` }, q.hint));
  const choices = el('div', { class: 'o-choices' });
  const clear = el(
    'button',
    { type: 'button', class: 'o-btn o-link o-small', 'aria-describedby': `${base}-legend` },
    data.ui.clear,
  );
  const radios = ANSWERS.map(([v, label]) => {
    const r = el('input', { type: 'radio', id: `${base}-${v}`, name: `${base}-value`, value: v });
    r.checked = a.value === v;
    r.addEventListener('change', () => {
      change(q, { value: v });
      if (!clear.isConnected) choices.after(clear);
    });
    choices.append(el('label', { class: 'o-choice' }, r, el('span', null, label)));
    return r;
  });
  clear.addEventListener('click', () => {
    for (const r of radios) r.checked = false;
    change(q, { value: undefined });
    clear.remove();
  });
  fs.append(choices);
  if (a.value) fs.append(clear);
  const note = el('textarea', {
    id: `${base}-note`,
    class: 'o-textarea',
    rows: '3',
    lang: 'en-GB',
    spellcheck: 'true',
    dir: 'auto',
    'aria-describedby': `${base}-note-hint ${base}-note-count`,
  });
  note.value = a.note ?? '';
  const count = el('span', { class: 'o-counter o-small', id: `${base}-note-count` });
  const counted = () => {
    const left = LIMIT - [...note.value].length;
    count.textContent = left >= 0 ? `Characters left: ${left}` : `Too long by ${-left} characters`;
    count.className = `o-counter o-small${left < 0 ? ' o-over' : ''}`;
  };
  counted();
  note.addEventListener('input', () => {
    counted();
    change(q, { note: note.value });
  });
  fs.append(
    el(
      'div',
      { class: 'o-field' },
      el('label', { class: 'o-label o-small', for: `${base}-note` }, `${data.ui.note} ${data.ui.optional}`),
      el('span', { class: 'o-hint', id: `${base}-note-hint` }, data.ui.noteHint),
      note,
      count,
    ),
  );
  const help = el('input', { id: `${base}-help`, type: 'checkbox' });
  help.checked = Boolean(a.help);
  help.addEventListener('change', () => change(q, { help: help.checked }));
  fs.append(el('label', { class: 'o-check', for: `${base}-help` }, help, el('span', null, data.ui.help)));
  return fs;
}

function show(i) {
  current = i;
  const d = data.domains[i];
  sectionProgress = el('p', { class: 'o-small' });
  sectionBar = el('div', { class: 'o-progress', role: 'progressbar' }, el('span'));
  const nav = el('div', { class: 'o-nav' });
  if (i > 0) {
    const prev = el('button', { type: 'button', class: 'o-btn o-secondary' }, data.ui.previous);
    prev.addEventListener('click', () => show(i - 1));
    nav.append(prev);
  } else nav.append(el('span'));
  const next = el(
    'button',
    { type: 'button', class: 'o-btn' },
    i < data.domains.length - 1 ? data.ui.next : data.ui.submit,
  );
  if (i < data.domains.length - 1) next.addEventListener('click', () => show(i + 1));
  nav.append(next);
  const offset = data.domains.slice(0, i).reduce((n, x) => n + x.questions.length, 0);
  section.replaceChildren(
    el('p', { class: 'o-muted o-small' }, `Section ${i + 1} of ${data.domains.length}`),
    el('h2', { tabindex: '-1' }, d.title),
    el('p', null, d.description),
    sectionProgress,
    sectionBar,
    ...d.questions.map((q, k) => card(q, offset + k)),
    nav,
  );
  paintProgress();
  paintSectionProgress();
}

show(0);
document.querySelector('#app').append(root);

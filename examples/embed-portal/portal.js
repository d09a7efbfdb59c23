// The portal's own script: gives the widgets their data and storage, and shows the events they send.
// A real portal would fetch the data from its server and save through its API; this example keeps everything in
// this browser (localStorage) and can pretend the connection is lost, to show drafts being kept and retried.

const params = new URLSearchParams(location.search);
/** The viewer: ?role=pa or ?role=team-manager shows the staff view of the plan and agreement. */
const role = params.get('role') ?? 'young-person';
const viewerIds = { 'young-person': 'yp-1', pa: 'pa-1', 'team-manager': 'tm-1', carer: 'carer-1' };
const offline = document.getElementById('offline');

/** A StorageAdapter: { load(key), save(key, value) }. Saves throw while "offline" so the widgets retry. */
const portalStorage = {
  load(key) {
    const raw = localStorage.getItem(`portal:${key}`);
    return raw ? JSON.parse(raw) : undefined;
  },
  async save(key, value) {
    await new Promise((ok) => setTimeout(ok, 50));
    if (offline.checked) throw new Error('No connection to the council server.');
    localStorage.setItem(`portal:${key}`, JSON.stringify(value));
  },
};

async function json(path) {
  const res = await fetch(path);
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return res.json();
}

const log = document.getElementById('event-log');
/** A short, personal-data-free line per event. */
function describe(type, d) {
  const parts = [d?.widget ?? ''];
  if (d?.questionId) parts.push(d.questionId);
  if (type === 'onward-save-error') parts.push(`attempt ${d.attempt}, retry in ${Math.round(d.retryInMs / 1000)} s`);
  if (type === 'onward-invalid') parts.push(`${d.errors.length} problem(s)`);
  if (type === 'onward-action') parts.push(d.type);
  if (type === 'onward-variant-change') parts.push(d.variant);
  if (type === 'onward-submit' && d.widget === 'check-in') parts.push(`${Object.keys(d.value.moods).length} area(s)`);
  return `${type} · ${parts.filter(Boolean).join(' · ')}`;
}
for (const type of [
  'onward-change',
  'onward-submit',
  'onward-invalid',
  'onward-save',
  'onward-save-error',
  'onward-variant-change',
  'onward-action',
  'onward-error',
]) {
  document.addEventListener(type, (e) => {
    // onward-change fires on every keystroke: show only the latest one so the log stays readable.
    const last = log.lastElementChild;
    const text = describe(type, e.detail);
    if (type === 'onward-change' && last?.dataset.type === type && last.textContent.endsWith(text)) return;
    const li = document.createElement('li');
    li.dataset.type = type;
    li.textContent = `${new Date().toLocaleTimeString('en-GB')} ${text}`;
    log.append(li);
  });
}

await customElements.whenDefined('onward-checklist');
const checklist = document.querySelector('onward-checklist');
checklist.storage = portalStorage;
const checkIn = document.querySelector('onward-check-in');
checkIn.storage = portalStorage;

const [plan, lifecycle, submitted, agreement] = await Promise.all([
  json('data/plan.json'),
  json('data/plan-lifecycle.json'),
  json('data/plan-lifecycle-submitted.json'),
  json('data/agreement.json'),
]);
const planEl = document.querySelector('onward-plan');
planEl.viewer = { id: viewerIds[role] ?? role, role };
planEl.lifecycle = role === 'team-manager' ? submitted : lifecycle;
planEl.setAttribute('mode', role === 'pa' ? 'edit' : 'read');
planEl.storage = portalStorage;
planEl.value = plan;

const agreementEl = document.querySelector('onward-agreement');
agreementEl.viewer = { id: viewerIds[role] ?? role, role };
agreementEl.storage = portalStorage;
agreementEl.value = agreement;

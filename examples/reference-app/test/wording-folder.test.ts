// A council's own wording folder (ONWARD_WORDING_DIR): one changed question in its en-GB file and a partial Welsh
// easy-read file are accepted (the partial file with one warning: its other questions fall back, one by one, to
// Welsh standard wording), and a broken file stops the start with errors that name the file and the question. The
// built app started with such a folder shows it in its forms and its checklist widget (Chromium), and records
// with each answer the words the person was shown.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AnyChecklist, cyWording, enGBWording, getAnswer } from '@onward/engine';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '#test-support/browser.js';
import { hasPoppler, pdfText } from '#test-support/pdf.js';
import { loadWordingFolder, WordingFolderError } from '../src/wording.js';
import { type Client, formFields, isBuilt, makeWorld, type World } from './support/world.js';

const CHANGED = 'Do you feel safe where you live now?';
const cyEasy = {
  meta: { locale: 'cy', variant: 'easy', name: 'Cymraeg (hawdd ei ddeall)', dir: 'ltr', status: 'draft' },
  domains: {},
  questions: {
    'housing.safe': 'Wyt ti’n teimlo’n saff gartref?',
    'housing.heating': 'Wyt ti’n gallu cadw’n gynnes?',
    'housing.internet': 'Oes gen ti wifi gartref?',
    'health.gp': 'Oes gen ti feddyg?',
    'money.bank-account': 'Oes gen ti gyfrif banc?',
  },
};

let dirs: string[] = [];
function folder(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'onward-wording-'));
  dirs.push(dir);
  for (const [name, body] of Object.entries(files))
    writeFileSync(join(dir, name), typeof body === 'string' ? body : JSON.stringify(body, null, 2));
  return dir;
}
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

describe('a council wording folder', () => {
  it('uses a changed question and a partial Welsh easy-read file, falling back per question with a warning', () => {
    const enGB = structuredClone(enGBWording);
    enGB.questions['housing.safe'] = CHANGED;
    const w = loadWordingFolder(folder({ 'en-GB.json': enGB, 'cy-easy.json': cyEasy }));
    expect(w.summary).toBe('cy (easy), en-GB');
    expect(w.wording.question('housing.safe', { locale: 'en-GB', variant: 'standard' }).text).toBe(CHANGED);
    // Welsh easy read: the council's words where it has them, Welsh standard wording (shipped) otherwise.
    expect(w.wording.question('health.gp', { locale: 'cy', variant: 'easy' })).toMatchObject({
      text: 'Oes gen ti feddyg?',
      locale: 'cy',
      variant: 'easy',
    });
    const other = w.wording.question('housing.own-space', { locale: 'cy', variant: 'easy' });
    expect(other).toMatchObject({ locale: 'cy', variant: 'standard' });
    expect(w.warnings.filter((l) => l.includes('partial-variant'))).toHaveLength(1);
    expect(w.warnings.join('\n')).toMatch(/cy-easy\.json.*has its own wording for 5 of \d+ questions/);
  });

  it('refuses a broken file with errors naming the file and the question', () => {
    const enGB = structuredClone(enGBWording);
    delete (enGB.questions as Record<string, string>)['housing.own-space'];
    const dir = folder({
      'en-GB.json': enGB,
      'cy-easy.json': { ...cyEasy, questions: { ...cyEasy.questions, 'health.gp': '' } },
    });
    let err: unknown;
    try {
      loadWordingFolder(dir);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(WordingFolderError);
    const e = err as WordingFolderError;
    expect(e.message).toMatch(/has 3 errors; Onward did not start/);
    expect(e.lines.some((l) => l.includes('en-GB.json') && l.includes('"housing.own-space"'))).toBe(true);
    expect(e.lines.some((l) => l.includes('cy-easy.json') && l.includes('"health.gp"'))).toBe(true);
  });

  it('says when the folder is missing, empty or holds a file that is not JSON', () => {
    expect(() => loadWordingFolder(join(tmpdir(), 'no-such-onward-folder'))).toThrow(/cannot be read/);
    expect(() => loadWordingFolder(folder({}))).toThrow(/has no locale files/);
    const bad = (() => {
      try {
        loadWordingFolder(folder({ 'cy-easy.json': '{ "meta": ' }));
      } catch (e) {
        return e as WordingFolderError;
      }
    })();
    expect(bad?.lines.join('\n')).toMatch(/cy-easy\.json/);
  });
});

describe.skipIf(!isBuilt)('a council wording folder, served by the app', () => {
  let w: World;
  let robin: Client;
  let planId = '';

  beforeAll(async () => {
    const enGB = structuredClone(enGBWording);
    enGB.questions['housing.safe'] = CHANGED;
    const councilWording = loadWordingFolder(folder({ 'en-GB.json': enGB, 'cy-easy.json': cyEasy }));
    w = await makeWorld(undefined, { councilWording });
    const pa = await w.as('pa');
    const r = await pa.call('POST', '/api/young-people/nb.yp1/plans', {});
    expect(r.status, r.text).toBe(201);
    planId = r.json().plan.id;
    robin = await w.as('yp');
  }, 120_000);
  afterAll(() => w?.close());

  const as = (lang: 'en' | 'cy', easy: boolean) => {
    robin.cookies.set('onward_lang', lang);
    robin.cookies.set('onward_easy', easy ? '1' : '0');
    return robin;
  };

  it('shows the changed question in the server-rendered form, and the shipped words elsewhere', async () => {
    const r = await as('en', false).call('GET', '/me/checklist/housing', undefined, { accept: 'text/html' });
    expect(r.status).toBe(200);
    expect(r.text).toContain(CHANGED);
    expect(r.text).toContain(enGBWording.questions['housing.own-space']);
  });

  it('shows Welsh easy read where the council wrote it and Welsh standard wording for the rest', async () => {
    const health = await as('cy', true).call('GET', '/me/checklist/health', undefined, { accept: 'text/html' });
    expect(health.text).toContain('Oes gen ti feddyg?');
    const housing = await as('cy', true).call('GET', '/me/checklist/housing', undefined, { accept: 'text/html' });
    expect(housing.text).toContain(cyWording.questions['housing.own-space']);
  });

  it('records with each answer the wording the young person was shown (easy where the council had it)', async () => {
    const page = await as('cy', true).call('GET', '/me/checklist/housing', undefined, { accept: 'text/html' });
    const form = formFields(page.text);
    form.set('housing.safe.value', 'yes');
    form.set('housing.own-space.value', 'no');
    const r = await robin.call('POST', '/me/checklist/housing', form, { accept: 'text/html' });
    expect(r.status, r.text.slice(0, 300)).toBe(303);
    const doc = (await robin.call('GET', `/api/plans/${planId}`)).json().plan.checklist as AnyChecklist;
    expect(getAnswer(doc, 'housing.safe')).toMatchObject({ value: 'yes', locale: 'cy', variant: 'easy' });
    expect(getAnswer(doc, 'housing.own-space')).toMatchObject({ value: 'no', locale: 'cy', variant: 'standard' });
  });

  it('puts the council’s wording in the authorised plan’s PDF (read with pdftotext), not the shipped words', async () => {
    if (!hasPoppler) return;
    // The answers above are in the plan; the PA submits it and the team manager authorises it, which freezes it
    // with its PDF, rendered by the app with the council's wording.
    const pa = await w.as('pa');
    const submitted = await pa.call('POST', `/api/plans/${planId}/events`, { type: 'plan.submit' });
    expect(submitted.status, submitted.text).toBe(200);
    const tm = await w.as('tm');
    const authorised = await tm.call('POST', `/api/plans/${planId}/events`, { type: 'plan.authorise' });
    expect(authorised.status, authorised.text).toBe(200);
    const r = await as('en', false).call('GET', `/api/plans/${planId}/pdf`, undefined, { accept: 'application/pdf' });
    expect(r.status, r.text.slice(0, 200)).toBe(200);
    expect(r.type).toContain('application/pdf');
    const text = pdfText(r.bytes).replace(/\s+/g, ' ');
    expect(text).toContain(CHANGED);
    expect(text).not.toContain(enGBWording.questions['housing.safe']);
    // A question the council did not change keeps the shipped words.
    expect(text).toContain(enGBWording.questions['housing.heating']);
  }, 120_000);

  it('serves the council’s files to the widgets, which show the changed question in Chromium', async () => {
    const files = (await robin.call('GET', '/wording/council.json')).json().files as { meta: { locale: string } }[];
    expect(files.map((f) => f.meta.locale).sort()).toEqual(['cy', 'en-GB']);
    if (!hasChromium) return;
    const browser = await launchChromium();
    try {
      const context = await browser.newContext();
      const host = new URL(w.url).hostname;
      as('en', false);
      await context.addCookies([...robin.cookies].map(([name, value]) => ({ name, value, domain: host, path: '/' })));
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(`error: ${e.message}`));
      await page.goto(`${w.url}/me/checklist`);
      await page.locator('onward-checklist').waitFor({ state: 'attached', timeout: 20_000 });
      await page
        .getByText(CHANGED)
        .first()
        .waitFor({ timeout: 20_000 })
        .catch((e) => {
          throw new Error(`${e}\n${problems.join('\n')}`);
        });
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});

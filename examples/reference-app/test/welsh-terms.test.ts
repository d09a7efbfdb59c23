// A Welsh council's pages use Welsh law's terms, from the engine (arrangementName, inNationWords,
// careLeaverCategoryName): "When I am Ready", not "Staying Put", in the PA's menu, the tracker and the young person's
// page, and the numbered Welsh categories of care leaver on the admin's page. The same pages for an English
// council still say "Staying Put" and "Eligible", so the test fails if the nation is not followed either way.
import { defaultCouncilSettings } from '@onward/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, isBuilt, makeWorld, PASSWORD, type World } from './support/world.js';

/** The menu's links, as [href, words]. */
function menu(html: string): [string, string][] {
  const nav = /<nav[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
  return [...nav.matchAll(/<a[^>]*href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((m) => [m[1]!, m[2]!]);
}
const h1 = (html: string) => /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.replace(/<[^>]+>/g, ' ') ?? '';

describe.skipIf(!isBuilt)('Welsh terms in the reference app', () => {
  let wales: World;
  let england: World;

  async function admin(w: World): Promise<Client> {
    await w.store.createStaffUsers([
      {
        id: 'nb.admin',
        councilId: 'nb',
        role: 'admin',
        name: 'admin name',
        email: 'admin@northbridge.example',
        password: PASSWORD,
      },
    ]);
    return new Client(w.url).signIn('admin@northbridge.example');
  }

  beforeAll(async () => {
    [wales, england] = await Promise.all([makeWorld(), makeWorld()]);
    await wales.store.councilSettings.put({
      councilId: 'nb',
      settings: defaultCouncilSettings('wales'),
      by: 'nb.pa',
      at: '2026-03-01T09:00:00.000Z',
    });
  });
  afterAll(async () => {
    await Promise.all([wales?.close(), england?.close()]);
  });

  it('names the arrangement "When I am Ready" in the menu, on the tracker and on the young person’s page', async () => {
    const pa = await wales.as('pa');
    const caseload = await pa.call('GET', '/caseload');
    expect(caseload.status).toBe(200);
    expect(menu(caseload.text)).toContainEqual(['/staying-put', 'When I am Ready']);
    expect(caseload.text).not.toContain('Staying Put');
    const tracker = await pa.call('GET', '/staying-put');
    expect(h1(tracker.text).trim()).toBe('When I am Ready');
    const robin = await pa.call('GET', '/young-people/nb.yp1');
    expect(robin.text).toContain('Start When I am Ready');
    expect(robin.text).not.toContain('Staying Put');
    const start = await pa.call('GET', '/young-people/nb.yp1/staying-put');
    expect(h1(start.text)).toContain('Start When I am Ready');
    expect(start.text).not.toContain('Staying Put');

    expect((await pa.call('GET', '/prefs?lang=cy&back=/caseload')).status).toBe(303);
    const inWelsh = await pa.call('GET', '/caseload');
    expect(menu(inWelsh.text)).toContainEqual(['/staying-put', 'Pan Fydda i’n Barod']);
  });

  it('an English council’s same pages say "Staying Put"', async () => {
    const pa = await england.as('pa');
    const caseload = await pa.call('GET', '/caseload');
    expect(menu(caseload.text)).toContainEqual(['/staying-put', 'Staying Put']);
    expect(caseload.text).not.toContain('When I am Ready');
    expect(h1((await pa.call('GET', '/staying-put')).text).trim()).toBe('Staying Put');
    expect((await pa.call('GET', '/young-people/nb.yp1')).text).toContain('Start Staying Put');
  });

  it('gives the Welsh category of care leaver on the admin’s page (an English council: the English one)', async () => {
    // Robin is eligible (still looked after, 17): category 1 in Wales.
    const w = await (await admin(wales)).call('GET', '/admin/young-people/nb.yp1');
    expect(w.status).toBe(200);
    expect(h1(w.text)).toContain('Category 1 young person');
    const e = await (await admin(england)).call('GET', '/admin/young-people/nb.yp1');
    expect(h1(e.text)).toContain('Eligible');
    expect(h1(e.text)).not.toContain('Category');
  });
});

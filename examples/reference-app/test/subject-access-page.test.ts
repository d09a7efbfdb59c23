// The young person's record page offers the subject access zip (issue 14) to the staff the server lets make it (the
// permission `subjectAccess`, asked through roleMay: the page keeps no list of its own), and to nobody else; the
// link gives the zip.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBuilt, makeWorld, type World } from './support/world.js';

const LINK = '/api/young-people/nb.yp1/subject-access';

describe.skipIf(!isBuilt)('the subject access download on the record page', () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld();
  });
  afterAll(async () => {
    await w?.close();
  });

  it('is offered to the team manager, and gives the zip', async () => {
    const tm = await w.as('tm');
    const page = await tm.call('GET', '/young-people/nb.yp1');
    expect(page.status).toBe(200);
    expect(page.text).toContain(`href="${LINK}"`);
    expect(page.text).toContain('Download everything we hold (subject access request)');
    const zip = await tm.call('GET', LINK);
    expect(zip.status).toBe(200);
    expect(zip.type).toContain('application/zip');
    // A zip file starts with "PK\x03\x04".
    expect([...zip.bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  it('is not offered to a PA or a social worker, and the server refuses them the zip', async () => {
    for (const who of ['pa', 'sw'] as const) {
      const c = await w.as(who);
      const page = await c.call('GET', '/young-people/nb.yp1');
      expect(page.status, who).toBe(200);
      expect(page.text, who).not.toContain('data-subject-access');
      expect((await c.call('GET', LINK)).status, who).toBe(403);
    }
  });
});

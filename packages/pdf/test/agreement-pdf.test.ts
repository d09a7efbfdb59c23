import { type LivingTogetherAgreement, validateAgreement } from '@onward/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasPoppler, pdfInfo, pdfWordBoxes } from '#test-support/pdf.js';
import { renderAgreementPdf } from '../src/index.js';
import { sampleAgreement } from './fixtures/sample-agreement.js';
import { WELSH_TEST_SENTENCE } from './fixtures/sample-plan.js';
import { missingInOrder, norm, readText } from './support.js';

const council = { name: 'Riverside Council' };
const createdAt = new Date('2026-02-24T12:00:00Z');
const ALLOWANCE = '£268.50 a week';

describe('the sample agreement fixture', () => {
  it('is a valid Living Together Agreement', () => {
    const r = validateAgreement(sampleAgreement());
    expect(r.ok ? [] : r.errors).toEqual([]);
  });
});

describe.skipIf(!hasPoppler)('renderAgreementPdf', () => {
  let staff: Uint8Array;
  let youngPerson: Uint8Array;
  beforeAll(async () => {
    staff = await renderAgreementPdf(sampleAgreement(), { council, createdAt, viewer: 'staff' });
    youngPerson = await renderAgreementPdf(sampleAgreement(), { council, createdAt, viewer: 'young-person' });
  });

  it('shows every section, house rule, skill, support and sign-off in order', () => {
    const a = sampleAgreement();
    const text = readText(staff);
    const expected = [
      'Living Together Agreement',
      'Mira',
      'Amira Haddad',
      'Gwen Pritchard, Alun Pritchard',
      a.address,
      '20 February 2026',
      '14 March 2026',
      'House rules',
      ...Object.values(a.houseRules),
      'Skills to practise',
      ...(a.skills ?? []).map((s) => s.skill),
      '£35.00 a week',
      a.money.contribution.covers ?? '',
      a.money.arrears ?? '',
      ...a.support.map((s) => s.what),
      a.responsibilities.youngPerson ?? '',
      a.disagreements ?? '',
      a.ending.unplanned ?? '',
      'Signed by',
      ...a.signOffs.map((s) => s.name),
    ];
    expect(missingInOrder(text, expected)).toEqual([]);
  });

  it('shows the carer’s allowance on the staff copy and hides it from the young person’s copy when the council says so', () => {
    expect(readText(staff)).toContain(ALLOWANCE);
    expect(readText(staff)).toContain('Allowance paid to the carer');
    const yp = readText(youngPerson);
    expect(yp).not.toContain(ALLOWANCE);
    expect(yp).not.toContain('Allowance paid to the carer');
    expect(yp).not.toContain('268');
    expect(yp).toContain('Young person’s copy');
  });

  it('leaves the allowance out of the young person’s copy when the agreement does not say it is visible', async () => {
    const base = sampleAgreement();
    const unsaid: LivingTogetherAgreement = {
      ...base,
      money: { ...base.money, carerAllowance: { amountPence: 26850, period: 'week' } },
    };
    const yp = readText(await renderAgreementPdf(unsaid, { council, createdAt, viewer: 'young-person' }));
    expect(yp).not.toContain(ALLOWANCE);
    expect(yp).not.toContain('Allowance paid to the carer');
    expect(readText(await renderAgreementPdf(unsaid, { council, createdAt, viewer: 'staff' }))).toContain(ALLOWANCE);
  });

  it('shows the allowance on the young person’s copy when it is visible to them', async () => {
    const base = sampleAgreement();
    const visible: LivingTogetherAgreement = {
      ...base,
      money: { ...base.money, carerAllowance: { amountPence: 26850, period: 'week', visibleToYoungPerson: true } },
    };
    expect(readText(await renderAgreementPdf(visible, { council, createdAt, viewer: 'young-person' }))).toContain(
      ALLOWANCE,
    );
  });

  it('draws every word inside the page margins', () => {
    const outside = pdfWordBoxes(staff).flatMap((p) =>
      p.words
        .filter((w) => w.xMin < 55 || w.xMax > p.width - 55 || w.yMin < 20 || w.yMax > p.height - 20)
        .map((w) => w.text),
    );
    expect(outside).toEqual([]);
  });

  it('shows house rules written with PDF syntax and markup literally', async () => {
    const base = sampleAgreement();
    const odd = '(No) \\ smoking % <script>x</script> “inside” ŵ ŷ';
    const text = readText(
      await renderAgreementPdf({ ...base, houseRules: { ...base.houseRules, smoking: odd } }, { council, createdAt }),
    );
    expect(text).toContain(norm(odd));
  });

  it('is deterministic and carries metadata', async () => {
    const again = await renderAgreementPdf(sampleAgreement(), { council, createdAt, viewer: 'staff' });
    expect(Buffer.compare(Buffer.from(again), Buffer.from(staff))).toBe(0);
    const info = pdfInfo(staff);
    expect(info.Title).toBe('Living Together Agreement for Mira');
    expect(info.Author).toBe('Riverside Council');
    expect(info.CreationDate).toMatch(/Feb\s+24 12:00:00 2026/);
  });

  it('uses Welsh headings for a Welsh copy', async () => {
    const text = readText(await renderAgreementPdf(sampleAgreement(), { council, createdAt, locale: 'cy' }));
    expect(
      missingInOrder(text, [
        'Cytundeb Byw Gyda’n Gilydd',
        'Rheolau’r tŷ',
        'Arian',
        '£35.00 yr wythnos',
        'Llofnodwyd gan',
      ]),
    ).toEqual([]);
  });

  it('gives back the Welsh test sentence (ŵ, ŷ) in an English and a Welsh agreement', async () => {
    const base = sampleAgreement();
    const a = sampleAgreement({ houseRules: { ...base.houseRules, quietHours: WELSH_TEST_SENTENCE } });
    for (const locale of ['en-GB', 'cy']) {
      const text = readText(await renderAgreementPdf(a, { council, createdAt, locale }));
      expect(text, locale).toContain(WELSH_TEST_SENTENCE);
    }
  });

  it('rejects an invalid agreement naming the field, and a bad viewer', async () => {
    const bad = { ...sampleAgreement(), carers: [] } as LivingTogetherAgreement;
    await expect(renderAgreementPdf(bad, { council, createdAt })).rejects.toThrow(/carers/);
    await expect(
      renderAgreementPdf(sampleAgreement(), { council, createdAt, viewer: 'carer' as 'staff' }),
    ).rejects.toThrow(/options\.viewer/);
  });
});

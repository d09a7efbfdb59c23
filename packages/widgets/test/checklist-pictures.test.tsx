// A picture beside each easy-read question: one drawing per question of the current question set, alt text in
// every shipped locale, shown only in easy read, in its own file (not in the first load).
import { allShippedWording, enGBWording, questionSet, shippedLocales, Wording } from '@onward/engine';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PICTURE_MARKUP, pictureSvg } from '../src/checklist/pictures.js';
import { Checklist } from '../src/index.js';
import { cleanup, render } from './helpers.js';

afterEach(cleanup);
const set = questionSet();
const housing = set.domains[0]!.questions;
const pics = () => [...document.querySelectorAll('fieldset.o-card .o-pic')];
const alt = (e: Element) => e.getAttribute('aria-label');

describe('the easy-read pictures', () => {
  it('every current question has a picture, and alt text in every shipped standard locale', () => {
    const standard = shippedLocales().filter((f) => f.meta.variant === 'standard');
    expect(standard.map((f) => f.meta.locale).sort()).toEqual(['ar', 'cy', 'en-GB']);
    for (const q of set.questions) {
      expect(PICTURE_MARKUP[q.id], q.id).toBeTruthy();
      for (const f of standard) expect(f.pictures?.[q.id]?.trim(), `${f.meta.locale} ${q.id}`).toBeTruthy();
    }
    // Each picture is a small line drawing: no text, no scripts, no links, no fill.
    for (const id of Object.keys(PICTURE_MARKUP)) {
      const svg = pictureSvg(id)!;
      expect(svg.length, id).toBeLessThan(1200);
      expect(svg).not.toMatch(/<(text|script|image|a|use|style)\b|href|fill="(?!none)/);
    }
    // No two questions share a drawing, except the retired id-documents (the passport).
    const drawings = Object.entries(PICTURE_MARKUP).filter(([id]) => id !== 'independence.id-documents');
    expect(new Set(drawings.map(([, m]) => m)).size).toBe(drawings.length);
  });

  it('shows a picture with its alt text beside each question in easy read, and none in standard wording', async () => {
    render(<Checklist storage={undefined} />);
    await screen.findByText(enGBWording.questions[housing[0]!.id]!, { selector: 'legend' });
    expect(pics()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Easy read' }));
    await waitFor(() => expect(pics()).toHaveLength(housing.length));
    expect(pics().map(alt)).toEqual(housing.map((q) => enGBWording.pictures![q.id]));
    expect(pics()[0]!.getAttribute('role')).toBe('img');
    expect(pics()[0]!.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    // Off again: no pictures.
    fireEvent.click(screen.getByRole('button', { name: 'Easy read' }));
    expect(pics()).toEqual([]);
  });

  it('in Welsh the alt text is Welsh; a council’s own alt text wins', async () => {
    const cy = allShippedWording()
      .list()
      .find((f) => f.meta.locale === 'cy')!;
    const council = new Wording([
      ...allShippedWording().list(),
      { ...cy, meta: { ...cy.meta, council: 'ynys' }, pictures: { 'housing.heating': 'Gwresogydd' } },
    ]);
    render(<Checklist locale="cy" variant="easy" wording={council} storageKey="pictures-cy" />);
    await waitFor(() => expect(pics()).toHaveLength(housing.length));
    const alts = pics().map(alt);
    expect(alts[housing.findIndex((q) => q.id === 'housing.heating')]).toBe('Gwresogydd');
    expect(alts[0]).toBe(cy.pictures![housing[0]!.id]);
    expect(alts).toContain('Person y tu mewn i dŷ');
  });
});

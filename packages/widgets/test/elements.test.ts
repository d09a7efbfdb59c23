// The custom elements in happy-dom: registration, attributes, properties, DOM events crossing the shadow root.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defineOnwardElements, memoryStorage, type OnwardChecklistElement } from '../src/index.js';
import { partChecklist, samplePlan } from './fixtures.js';
import { tick } from './helpers.js';

beforeAll(() => defineOnwardElements());
afterEach(() => {
  document.body.innerHTML = '';
});

async function until<T>(fn: () => T | undefined | null, ms = 2000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await tick(10);
  }
}

describe('custom elements', () => {
  it('registers all four and is safe to register twice', () => {
    for (const n of ['onward-checklist', 'onward-check-in', 'onward-plan', 'onward-agreement'])
      expect(customElements.get(n)).toBeDefined();
    expect(() => defineOnwardElements()).not.toThrow();
  });

  it('renders in a shadow root with lang and dir, styled without any <style> element', async () => {
    const el = document.createElement('onward-checklist') as OnwardChecklistElement;
    el.setAttribute('locale', 'cy');
    el.drafts = memoryStorage();
    document.body.append(el);
    const root = await until(() => el.shadowRoot?.querySelector('.onward h2'));
    expect(root.closest('.onward')!.getAttribute('lang')).toBe('cy');
    expect(root.closest('.onward')!.getAttribute('dir')).toBe('ltr');
    expect(el.shadowRoot!.querySelector('style')).toBeNull();
    expect(document.querySelector('style')).toBeNull();
  });

  it('takes a value property and sends onward-* events that bubble out of the shadow root', async () => {
    const el = document.createElement('onward-checklist') as OnwardChecklistElement;
    el.drafts = memoryStorage();
    el.value = partChecklist();
    const seen: string[] = [];
    document.addEventListener('onward-change', (e) => seen.push((e as CustomEvent).detail.widget));
    document.body.append(el);
    const radio = await until(() => el.shadowRoot?.querySelector<HTMLInputElement>('input[type="radio"][value="no"]'));
    radio.click();
    expect(seen).toEqual(['checklist']);
    // The first question was "yes" in the fixture; now "no", and still 20 of 66 answered.
    expect((el.value!.answers as { housing: { 'own-space': { value: string } } }).housing['own-space'].value).toBe(
      'no',
    );
    expect(el.shadowRoot!.textContent).toContain('20 of 66 questions answered');
  });

  it('waits for a required property before rendering the plan', async () => {
    const el = document.createElement('onward-plan');
    el.setAttribute('viewer-role', 'young-person');
    document.body.append(el);
    await tick(20);
    expect(el.shadowRoot!.querySelector('.onward')).toBeNull();
    el.value = samplePlan();
    await until(() => el.shadowRoot!.querySelector('h2'));
    expect(el.shadowRoot!.querySelector('h2')!.textContent).toBe('Pathway plan for Jo');
  });

  it('upgrades properties set before the element was defined', async () => {
    const el = document.createElement('onward-agreement-late');
    // Not an Onward element yet: properties land on the plain element.
    expect(el).toBeInstanceOf(HTMLElement);
    const plain = document.createElement('onward-check-in') as HTMLElement & { drafts?: unknown };
    plain.drafts = memoryStorage();
    document.body.append(plain);
    await until(() => plain.shadowRoot?.querySelector('h2'));
    expect(plain.shadowRoot!.querySelector('h2')!.textContent).toBe('How are things?');
  });
});

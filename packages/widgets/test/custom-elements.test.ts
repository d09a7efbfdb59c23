// custom-elements.json (the Custom Elements Manifest, made by scripts/custom-elements.mjs from the element classes
// and docs/embedding.md) follows the manifest's JSON Schema and describes every element as it really is.
import { Ajv } from 'ajv';
import schema from 'custom-elements-manifest/schema.json';
import { expect, it } from 'vitest';
import json from '../custom-elements.json';
import { ELEMENTS } from '../src/index.js';

interface Named {
  name: string;
  description?: string;
}
interface Declaration extends Named {
  tagName: string;
  attributes: Named[];
  members: Named[];
  events: Named[];
  cssProperties: Named[];
}
interface Manifest {
  schemaVersion: string;
  modules: { path: string; declarations: Declaration[]; exports: (Named & { kind: string })[] }[];
}
const manifest = json as unknown as Manifest;

it('is valid against the Custom Elements Manifest schema', () => {
  const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
  expect(validate(manifest), JSON.stringify(validate.errors, null, 2)).toBe(true);
  expect(manifest.schemaVersion).toBe('2.1.0');
});

it('describes each registered element: its tag, observed attributes, properties and events, all with words', () => {
  const declarations = manifest.modules.flatMap((m) => m.declarations);
  expect(declarations.map((d) => d.tagName).sort()).toEqual(Object.keys(ELEMENTS).sort());
  for (const [tag, cls] of Object.entries(ELEMENTS)) {
    const d = declarations.find((x) => x.tagName === tag);
    if (!d) throw new Error(`${tag} is missing`);
    expect(d.name).toBe(cls.name);
    expect(d.attributes.map((a) => a.name)).toEqual([...cls.observedAttributes]);
    for (const x of [...d.attributes, ...d.members, ...d.events])
      expect(x.description, `${tag} ${x.name}`).not.toBe('');
    expect(d.members.map((m) => m.name)).toContain('value');
    expect(d.events.map((e) => e.name)).toEqual(expect.arrayContaining(['onward-change', 'onward-submit']));
    expect(d.cssProperties.map((c) => c.name)).toContain('--onward-colour-primary');
  }
  // The prebuilt script registers every tag.
  const script = manifest.modules.find((m) => m.path === 'dist/onward-elements.js');
  expect(script?.exports.filter((e) => e.kind === 'custom-element-definition').map((e) => e.name)).toEqual(
    Object.keys(ELEMENTS),
  );
});

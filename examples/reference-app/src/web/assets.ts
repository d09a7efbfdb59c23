// The URL of a page asset by its plain name (`app.css`, `widgets/onward-elements.js`, `plan-page.js`): the name
// with its content hash, from the manifest build.mjs writes (dist/public/manifest.json), and the chunks a page
// script imports, for <link rel="modulepreload"> (fetched with the script, not one round trip after it). Without
// a manifest (a development run straight from the sources) the plain name is used and nothing is preloaded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Manifest {
  assets: Record<string, string>;
  preload: Record<string, string[]>;
}
let manifest: Manifest = { assets: {}, preload: {} };

/** Read the manifest of a public folder; called once when the pages are mounted. */
export function useAssetManifest(publicDir: string): void {
  try {
    const m = JSON.parse(readFileSync(join(publicDir, 'manifest.json'), 'utf8')) as Partial<Manifest>;
    manifest = { assets: m.assets ?? {}, preload: m.preload ?? {} };
  } catch {
    manifest = { assets: {}, preload: {} };
  }
}

export function asset(name: string): string {
  return `/assets/${manifest.assets[name] ?? name}`;
}

/** URLs of the chunks a page script imports (to preload). */
export function assetImports(name: string): string[] {
  return (manifest.preload[name] ?? []).map((f) => `/assets/${f}`);
}

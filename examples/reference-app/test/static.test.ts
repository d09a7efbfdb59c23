// Page assets: the brotli or gzip copy made at build time when the browser accepts it, a year's immutable cache for
// names with a content hash, five minutes and an ETag for anything else, and nothing outside the public folder.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { asset, assetImports, useAssetManifest } from '../src/web/assets.js';
import { IMMUTABLE, SHORT, staticAssets } from '../src/web/static.js';

const dir = mkdtempSync(join(tmpdir(), 'onward-static-'));
const js = 'export const x = 1;\n'.repeat(50);
writeFileSync(join(dir, 'plan-page-ABCD1234.js'), js);
writeFileSync(join(dir, 'plan-page-ABCD1234.js.br'), brotliCompressSync(js));
writeFileSync(join(dir, 'plan-page-ABCD1234.js.gz'), gzipSync(js));
mkdirSync(join(dir, 'widgets-0123456789'));
writeFileSync(join(dir, 'widgets-0123456789', 'onward-elements.js'), js);
writeFileSync(join(dir, 'old.css'), 'body{}');
writeFileSync(join(dir, 'secret.txt'), 'no');
writeFileSync(
  join(dir, 'manifest.json'),
  JSON.stringify({
    assets: { 'plan-page.js': 'plan-page-ABCD1234.js' },
    preload: { 'plan-page.js': ['chunk-EFGH5678.js'] },
  }),
);
const app = new Hono();
app.get('/assets/*', staticAssets(dir));
const get = (path: string, headers: Record<string, string> = {}) => app.request(`http://x${path}`, { headers });

describe('page assets', () => {
  it('sends the brotli copy, else the gzip one, else the file, with the right length', async () => {
    const br = await get('/assets/plan-page-ABCD1234.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    const bytes = new Uint8Array(await br.arrayBuffer());
    expect(Number(br.headers.get('content-length'))).toBe(bytes.byteLength);
    expect(bytes.byteLength).toBeLessThan(js.length / 4);
    expect(
      (await get('/assets/plan-page-ABCD1234.js', { 'accept-encoding': 'gzip' })).headers.get('content-encoding'),
    ).toBe('gzip');
    const plain = await get('/assets/plan-page-ABCD1234.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(js);
    expect(plain.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('caches hashed names for a year (immutable), others for five minutes with an ETag and 304', async () => {
    expect((await get('/assets/plan-page-ABCD1234.js')).headers.get('cache-control')).toBe(IMMUTABLE);
    expect((await get('/assets/widgets-0123456789/onward-elements.js')).headers.get('cache-control')).toBe(IMMUTABLE);
    const old = await get('/assets/old.css');
    expect(old.headers.get('cache-control')).toBe(SHORT);
    const etag = old.headers.get('etag')!;
    const again = await get('/assets/old.css', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('serves nothing outside the folder and no unknown kind of file', async () => {
    expect((await get('/assets/secret.txt')).status).toBe(404);
    expect((await get('/assets/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
    expect((await get('/assets/missing-ABCDEFGH.js')).status).toBe(404);
  });

  it('names assets through the manifest, and by their plain name without one', () => {
    useAssetManifest(dir);
    expect(asset('plan-page.js')).toBe('/assets/plan-page-ABCD1234.js');
    expect(asset('other.js')).toBe('/assets/other.js');
    expect(assetImports('plan-page.js')).toEqual(['/assets/chunk-EFGH5678.js']);
    useAssetManifest(join(dir, 'nowhere'));
    expect(asset('plan-page.js')).toBe('/assets/plan-page.js');
  });
});

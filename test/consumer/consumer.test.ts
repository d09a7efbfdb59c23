// The outside-project consumer test: what a developer gets from npm. Packs every published package (`pnpm pack`,
// after `pnpm build`), installs the tarballs with npm into a plain Vite app and a plain esbuild app in a temporary
// folder outside the workspace (no overrides, no workspace links; third-party packages come from the npm registry,
// through npm's own cache), builds both, type-checks them with `skipLibCheck: false`, runs every Node entry, runs
// the README examples, renders the widgets in Chromium, and compares a checklist-only import's size with the
// prebuilt onward-elements.js. The apps are in test/consumer/apps/; docs/size.md has the figures.
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePlan } from '../../packages/pdf/test/fixtures/sample-plan.js';
import { packAll } from '../../scripts/packages.mjs';
import {
  axe,
  describeViolations,
  hasChromium,
  launchChromium,
  type StaticServer,
  serveStatic,
} from '../support/browser.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const apps = join(root, 'test/consumer/apps');
const SETUP_TIMEOUT = 600_000;

/** The version of a package installed in the workspace: the apps use the same third-party versions we test with. */
function version(name: string, from = '.'): string {
  return JSON.parse(readFileSync(join(root, from, 'node_modules', name, 'package.json'), 'utf8')).version;
}

/** npm must not inherit the variables pnpm sets for its own scripts (they point at the workspace). */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!/^(npm_(package|lifecycle|config_user_agent|execpath|node_execpath|command)|PNPM_|pnpm_|INIT_CWD$)/i.test(k))
      env[k] = v;
  return env;
}

function run(cmd: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, { cwd, env: cleanEnv(), encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd} (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r;
}

/** The first ```ts block of a package's README. */
function readmeExample(pkgDir: string): string {
  const text = readFileSync(join(root, pkgDir, 'README.md'), 'utf8');
  const m = /```ts\n([\s\S]*?)```/.exec(text);
  if (!m?.[1]) throw new Error(`${pkgDir}/README.md has no \`\`\`ts example`);
  return `// From ${pkgDir}/README.md\n${m[1]}`;
}

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

let work = '';
let vite = '';
let esb = '';
const timings: Record<string, number> = {};

function timed<T>(name: string, f: () => T): T {
  const t0 = Date.now();
  try {
    return f();
  } finally {
    timings[name] = Date.now() - t0;
  }
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'onward-consumer-'));
  // Nothing above the temporary folder may hold packages Node or a bundler could find instead of the app's own.
  for (let d = dirname(work); ; d = dirname(d)) {
    if (existsSync(join(d, 'node_modules')) || existsSync(join(d, 'package.json')))
      throw new Error(`${d} has a node_modules or package.json: the consumer apps would not be outside a project.`);
    if (dirname(d) === d) break;
  }
  if (!existsSync(join(root, 'packages/widgets/dist/onward-elements.js')))
    throw new Error('The packages are not built: run `pnpm build` first.');
  const tarballs = join(work, 'tarballs');
  const packed: { name: string; tarball: string }[] = timed('pack', () => packAll(tarballs));
  const dep = (name: string) => {
    const p = packed.find((x) => x.name === name);
    if (!p) throw new Error(`${name} was not packed`);
    return `file:${p.tarball}`;
  };
  const peers = {
    preact: version('preact'),
    '@preact/signals': version('@preact/signals', 'packages/widgets'),
    'chart.js': version('chart.js', 'packages/dashboard'),
  };
  const browserPackages = ['@onward/schemas', '@onward/engine', '@onward/widgets', '@onward/pdf', '@onward/dashboard'];
  const manifests = {
    vite: {
      dependencies: { ...Object.fromEntries(browserPackages.map((n) => [n, dep(n)])), ...peers },
      devDependencies: { vite: version('vite'), typescript: version('typescript') },
      readmes: ['packages/widgets', 'packages/dashboard'],
    },
    esbuild: {
      dependencies: { ...Object.fromEntries(packed.map((p) => [p.name, dep(p.name)])), ...peers },
      devDependencies: {
        esbuild: version('esbuild'),
        typescript: version('typescript'),
        '@types/node': version('@types/node'),
      },
      readmes: ['packages/engine', 'schemas', 'packages/pdf', 'packages/server', 'packages/cli'],
    },
  };
  for (const [name, m] of Object.entries(manifests)) {
    const dir = join(work, name);
    cpSync(join(apps, name), dir, { recursive: true });
    const pkg = {
      name: `onward-consumer-${name}`,
      private: true,
      type: 'module',
      dependencies: m.dependencies,
      devDependencies: m.devDependencies,
    };
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
    mkdirSync(join(dir, 'src/readme'), { recursive: true });
    for (const r of m.readmes) writeFileSync(join(dir, 'src/readme', `${r.split('/').at(-1)}.ts`), readmeExample(r));
    timed(`npm install (${name})`, () =>
      run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], dir),
    );
  }
  vite = join(work, 'vite');
  esb = join(work, 'esbuild');
  writeFileSync(join(esb, 'plan.json'), JSON.stringify(samplePlan()));
}, SETUP_TIMEOUT);

afterAll(() => {
  console.log(
    `consumer test timings: ${Object.entries(timings)
      .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
      .join(', ')}`,
  );
  // ONWARD_KEEP_CONSUMER=1 keeps the apps to look at (the folder is printed).
  if (work && !process.env.ONWARD_KEEP_CONSUMER) rmSync(work, { recursive: true, force: true });
  else if (work) console.log(`consumer apps kept in ${work}`);
});

describe('the packages installed from their tarballs, outside the workspace', () => {
  it('installs every @onward package from its tarball, with no overrides', () => {
    for (const dir of [vite, esb]) {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      expect(pkg.overrides).toBeUndefined();
      const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8'));
      const ours = Object.entries(lock.packages as Record<string, { resolved?: string }>).filter(([k]) =>
        k.includes('node_modules/@onward/'),
      );
      expect(ours.length).toBeGreaterThan(0);
      for (const [k, v] of ours) {
        // Each once, at the top, from our tarball: never fetched from a registry, never nested as a second copy.
        expect(k, `${k} is nested`).toMatch(/^node_modules\/@onward\/[\w-]+$/);
        expect(v.resolved, k).toMatch(/^file:/);
      }
      for (const peer of ['preact', '@preact/signals'])
        expect(Object.keys(lock.packages).filter((k) => k.endsWith(`node_modules/${peer}`))).toEqual([
          `node_modules/${peer}`,
        ]);
    }
  });

  it('type-checks both apps and the README examples with skipLibCheck: false', () => {
    for (const dir of [vite, esb]) {
      const tsconfig = JSON.parse(readFileSync(join(dir, 'tsconfig.json'), 'utf8'));
      expect(tsconfig.compilerOptions.skipLibCheck).toBe(false);
      timed(`tsc (${dir === vite ? 'vite' : 'esbuild'})`, () =>
        run(process.execPath, [join(dir, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], dir),
      );
    }
    // Two full tsc runs over the installed packages: about a minute each on a loaded 2-core machine.
  }, 300_000);

  it('builds the Vite app and the esbuild app', () => {
    const out = timed('vite build', () =>
      run(process.execPath, [join(vite, 'node_modules/vite/bin/vite.js'), 'build'], vite),
    );
    const checklistOnly = timed('vite build (checklist page alone)', () =>
      run(process.execPath, [join(vite, 'node_modules/vite/bin/vite.js'), 'build', '--mode', 'checklist'], vite),
    );
    const esbuildOut = timed('esbuild build', () => run(process.execPath, ['build.mjs'], esb));
    // Vite prints "(!)" before a warning, esbuild "▲ [WARNING]".
    for (const o of [out, checklistOnly]) expect(`${o.stdout}${o.stderr}`).not.toMatch(/\(!\)|warning|error/i);
    expect(`${esbuildOut.stdout}${esbuildOut.stderr}`).toBe('');
    expect(existsSync(join(vite, 'dist/.vite/manifest.json'))).toBe(true);
    expect(existsSync(join(esb, 'dist/main.js'))).toBe(true);
  });

  it('runs every Node entry: engine, schemas, pdf, dashboard/node, server on PGlite, cli', () => {
    const r = timed('node entries', () => run(process.execPath, ['node-check.mjs'], esb));
    const res = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}');
    expect(res.questions).toBe(66);
    expect(res.invalidChecklist).toMatch(/\w/); // a Welsh message naming the field
    expect(res.planValid).toBe(true);
    expect(res.welsh).toBe('Cymraeg');
    expect(res.enGB).toBe('en-GB');
    expect(res.rawValidator).toBe(false);
    expect(res.schemaId).toBe('https://onward.example/schemas/outcomes/v2');
    expect(res.pdf).toBe('%PDF-');
    expect(res.dashboardNode).toContain('"x, y"');
    expect(res.synthetic).toBe(5);
    expect(res.index).toBe(true);
    expect(res.health).toEqual({ ok: true });
    expect(res.openapi).toBe('3.1.0');
    expect(res.commands).toEqual(expect.arrayContaining(['content check', 'report']));
  });

  it('runs the onward command on the shipped content, and the engine and schemas README examples', () => {
    const check = spawnSync(
      join(esb, 'node_modules/.bin/onward'),
      ['content', 'check', '--dir', 'node_modules/@onward/schemas'],
      { cwd: esb, env: cleanEnv(), encoding: 'utf8' },
    );
    expect(check.status, `${check.stdout}${check.stderr}`).toBe(0);
    const esbuildBin = join(esb, 'node_modules/esbuild/bin/esbuild');
    for (const name of ['engine', 'schemas']) {
      run(
        esbuildBin,
        [`src/readme/${name}.ts`, `--outfile=readme-${name}.mjs`, '--format=esm', '--log-level=error'],
        esb,
      );
      const out = run(process.execPath, [`readme-${name}.mjs`], esb).stdout;
      expect(out.length, `${name} README example printed nothing`).toBeGreaterThan(0);
    }
    expect(run(process.execPath, ['readme-engine.mjs'], esb).stdout).toMatch(/1 of 66 answered/);
  });

  it('keeps a checklist-only import from npm within 10% of the prebuilt script (gzipped)', () => {
    const manifest = JSON.parse(readFileSync(join(vite, 'dist-checklist/.vite/manifest.json'), 'utf8')) as Record<
      string,
      { file: string; imports?: string[] }
    >;
    const seen = new Set<string>();
    const walk = (key: string) => {
      if (seen.has(key)) return;
      seen.add(key);
      for (const i of manifest[key]?.imports ?? []) walk(i);
    };
    walk('index.html');
    const viteBytes = [...seen].reduce((n, k) => n + gz(join(vite, 'dist-checklist', manifest[k]?.file ?? '')), 0);
    const prebuilt = gz(join(vite, 'node_modules/@onward/widgets/dist/onward-elements.js'));
    const esbuildBytes = gz(join(esb, 'dist/checklist.js'));
    const ratio = viteBytes / prebuilt;
    console.log(
      `checklist-only first load, gzipped: Vite ${kb(viteBytes)}, esbuild (one file) ${kb(esbuildBytes)}; prebuilt onward-elements.js ${kb(prebuilt)}; Vite/prebuilt ${ratio.toFixed(3)}`,
    );
    expect(ratio).toBeLessThanOrEqual(1.1);
    // No PDF, chart or spreadsheet code in the checklist's first load.
    for (const k of seen)
      expect(readFileSync(join(vite, 'dist-checklist', manifest[k]?.file ?? ''), 'utf8')).not.toMatch(
        /jsPDF|Chart\.js|ExcelJS/,
      );
  });
});

describe.skipIf(!hasChromium)('the apps in Chromium', () => {
  let browser: Browser;
  let viteServer: StaticServer;
  let esbServer: StaticServer;

  beforeAll(async () => {
    browser = await launchChromium();
    viteServer = await serveStatic({ '/': join(vite, 'dist') });
    esbServer = await serveStatic({
      '/onward/': join(esb, 'node_modules/@onward/widgets/dist'),
      '/': join(esb, 'dist'),
    });
    // The esbuild app's pages sit beside its bundle.
    cpSync(join(esb, 'index.html'), join(esb, 'dist/index.html'));
    cpSync(join(esb, 'prebuilt.html'), join(esb, 'dist/prebuilt.html'));
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await viteServer?.close();
    await esbServer?.close();
  });

  async function open(url: string): Promise<{ page: Page; errors: string[]; requests: string[] }> {
    const page = await browser.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(url);
    return { page, errors, requests };
  }

  const shadowText = (page: Page, selector: string) =>
    page.evaluate((s) => document.querySelector(s)?.shadowRoot?.textContent ?? '', selector);

  it('Vite, checklist only: renders, takes an answer, and passes axe', async () => {
    const { page, errors } = await open(`${viteServer.url}/index.html`);
    await page.getByRole('heading', { name: 'Your outcomes checklist' }).waitFor();
    await page.getByRole('radio', { name: 'Yes' }).first().check();
    await expect
      .poll(() => page.evaluate(() => JSON.stringify(document.querySelector('onward-checklist')?.value ?? {})))
      .toContain('"value":"yes"');
    const violations = await axe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(errors, errors.join('\n')).toEqual([]);
    await page.close();
  });

  it('Vite, the Preact component in Welsh in the app’s own Preact tree', async () => {
    const { page, errors } = await open(`${viteServer.url}/preact.html`);
    await page.getByRole('heading', { name: 'Eich rhestr wirio canlyniadau' }).waitFor();
    await page.getByRole('radio', { name: 'Ie' }).first().check();
    await expect.poll(() => page.locator('#valid-changes').textContent()).not.toBe('0');
    expect(errors, errors.join('\n')).toEqual([]);
    await page.close();
  });

  it('Vite, every element with on-demand chunks, and the dashboard', async () => {
    const { page, errors } = await open(`${viteServer.url}/all.html`);
    await page.getByRole('heading', { name: 'Eich rhestr wirio canlyniadau' }).waitFor();
    await expect.poll(() => shadowText(page, 'onward-check-in').then((t) => t.length)).toBeGreaterThan(50);
    await expect.poll(() => shadowText(page, 'onward-dashboard').then((t) => t.length)).toBeGreaterThan(200);
    await page.locator('onward-dashboard table').first().waitFor({ state: 'attached' });
    expect(errors, errors.join('\n')).toEqual([]);
    await page.close();
  });

  it('esbuild: every element, and a plan PDF made in the page', async () => {
    const { page, errors } = await open(`${esbServer.url}/index.html`);
    await page.getByRole('heading', { name: 'Your outcomes checklist' }).waitFor();
    await expect.poll(() => shadowText(page, 'onward-check-in').then((t) => t.length)).toBeGreaterThan(50);
    const plan = JSON.parse(readFileSync(join(esb, 'plan.json'), 'utf8'));
    expect(await page.evaluate((p) => window.onwardPdf(p), plan)).toMatch(/^%PDF-/);
    expect(errors, errors.join('\n')).toEqual([]);
    await page.close();
  });

  it('the prebuilt onward-elements.js from the installed package is self-contained', async () => {
    const { page, errors, requests } = await open(`${esbServer.url}/prebuilt.html`);
    await page.getByRole('heading', { name: 'Your outcomes checklist' }).waitFor();
    await expect.poll(() => shadowText(page, 'onward-check-in').then((t) => t.length)).toBeGreaterThan(50);
    const scripts = requests.filter((p) => p.endsWith('.js'));
    expect(scripts).toContain('/onward/onward-elements.js');
    expect(scripts).toContain('/onward/onward-check-in.js');
    // Nothing but its own files beside it: Preact, the engine and the validators are inside.
    expect(scripts.filter((p) => !/^\/onward\/onward-[\w.-]+\.js$/.test(p))).toEqual([]);
    expect(errors, errors.join('\n')).toEqual([]);
    await page.close();
  });
});

declare global {
  interface Window {
    onwardPdf(plan: unknown): Promise<string>;
  }
}

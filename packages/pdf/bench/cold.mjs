// One cold measurement in a fresh Node process, run by bench.mjs: the time of the FIRST call, which also loads jspdf
// and the font (the server's first PDF after a start), as wall-clock and as this process's CPU time. Usage: node cold.mjs <bundle.mjs> onward|floor [lines.json]
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [bundle, which, linesFile] = process.argv.slice(2);
const entry = await import(pathToFileURL(bundle).href);
const lines = linesFile ? JSON.parse(readFileSync(linesFile, 'utf8')) : undefined;
const t = performance.now();
const c = process.cpuUsage();
const bytes = which === 'floor' ? await entry.plainJspdfLoaded(lines) : await entry.renderPlan();
const used = process.cpuUsage(c);
const ms = performance.now() - t;
process.stdout.write(JSON.stringify({ ms, cpu: (used.user + used.system) / 1000, bytes: bytes.length }));

import { defineConfig } from 'tsup';
import { perModuleConfig } from '../../tsup.base';

// Two entries: the dashboard (Preact, DOM) and `node` (figures and exports without a DOM, for servers and the CLI).
// One file per module (tsup.base.ts), so an app's bundle keeps chart.js and ExcelJS out until they are needed.
export default defineConfig(perModuleConfig({ dts: { entry: ['src/index.ts', 'src/node.ts'] } }));

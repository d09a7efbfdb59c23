import { defineConfig } from 'tsup';
import { baseConfig } from '../../tsup.base';

// Two entries: the dashboard (Preact, DOM) and `node` (figures and exports without a DOM, for servers and the CLI).
export default defineConfig(baseConfig({ entry: ['src/index.ts', 'src/node.ts'] }));

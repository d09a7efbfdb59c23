import { defineConfig } from 'tsup';
import { baseConfig } from '../../tsup.base';

// Two entries: the library (run, COMMANDS) and the `onward` executable (dist/bin.js, keeps its #! line).
export default defineConfig(baseConfig({ entry: ['src/index.ts', 'src/bin.ts'] }));

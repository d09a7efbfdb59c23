import { defineConfig } from 'tsup';
import { perModuleConfig } from '../../tsup.base';

// One file per module (tsup.base.ts); scripts/build-elements.mjs then adds the prebuilt, self-contained
// onward-elements.js, whose types (dist/onward-elements.d.ts) are made here from its entry module.
export default defineConfig(
  perModuleConfig({ dts: { entry: { index: 'src/index.ts', 'onward-elements': 'src/elements/auto.ts' } } }),
);

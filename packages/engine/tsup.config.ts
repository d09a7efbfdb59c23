import { defineConfig } from 'tsup';
import { baseConfig } from '../../tsup.base';

// @onward/schemas is content, not a runtime dependency: bundle its generated code and types in.
export default defineConfig(
  baseConfig({
    noExternal: ['@onward/schemas'],
    dts: { resolve: ['@onward/schemas'] },
  }),
);

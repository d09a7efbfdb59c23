import { defineConfig } from 'tsup';
import { perModuleConfig } from '../../tsup.base';

// @onward/schemas (content, validators, types) is a dependency, imported at run time, not bundled in.
export default defineConfig(perModuleConfig());

// @onward/engine public API. This file only re-exports; test/exports.test.ts pins the list.
export * from './content/question-set.js';
export * from './content/wording.js';
export * from './content/migrations.js';
export * from './validation/validate.js';
export type { MessageLocale } from './validation/messages.js';
export * from './answers/answers.js';
export * from './answers/progress.js';
export type { CheckIn, LivingTogetherAgreement, Locale, OutcomesV1, OutcomesV2, PathwayPlan } from '@onward/schemas';

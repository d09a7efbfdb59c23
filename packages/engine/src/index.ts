// @onward/engine public API. This file only re-exports; test/exports.test.ts pins the list.

export type { CheckIn, LivingTogetherAgreement, Locale, OutcomesV1, OutcomesV2, PathwayPlan } from '@onward/schemas';
// JSON Schemas (dereferenced, `as const`) of every document and API body, for servers and OpenAPI documents.
export * as schemas from '@onward/schemas';
export * from './answers/answers.js';
export * from './answers/authorship.js';
export * from './answers/merge.js';
export * from './answers/progress.js';
export * from './answers/voice.js';
export * from './content/check.js';
export type { ReadingLoad } from './content/easy-read.js';
export { EASY_READ_HARD_WORDS, harderBecause, hardWordsIn, readingLoad } from './content/easy-read.js';
export type { DuplicateKey, JsonScan, KeyOccurrence, TextPosition } from './content/json-scan.js';
export { JsonSyntaxError, keyPosition, scanJson } from './content/json-scan.js';
export * from './content/locales.js';
export * from './content/migrations.js';
export * from './content/question-set.js';
export type { ReadingEase } from './content/readability.js';
export { countSyllables, readingEase } from './content/readability.js';
export * from './content/wording.js';
export * from './dates/index.js';
export * from './events/index.js';
export * from './exports/index.js';
export * from './insights/index.js';
export * from './machines/index.js';
export * from './rules/due.js';
export * from './rules/house-rules.js';
export * from './rules/notices.js';
export * from './rules/retention.js';
export * from './rules/visibility.js';
export * from './settings/index.js';
export type { MessageLocale } from './validation/messages.js';
export * from './validation/validate.js';

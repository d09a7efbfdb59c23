// The case-management import record: one row per authorised plan, with stable field names
// (schemas/events/case-management-record.schema.json) and the national return's IN_TOUCH, ACTIV and ACCOM checked
// against its consistency rules. Carries ids and codes only: no names, no notes.

import type { CaseManagementRecord } from '@onward/schemas';
import validateRecord from '@onward/schemas/validate/case-management-record';
import { ANSWER_NEEDS_HELP, CATEGORIES, type InsightsIndex, inStayingPutOn } from '../insights/build-index.js';
import { decodeAccom, decodeActiv, decodeInTouch, ssda903Problems } from '../insights/codes.js';
import { ageOn, formatDay } from '../insights/dates.js';
import { toCsv } from './csv.js';

/** The record's fields, in CSV column order. Never reordered or renamed; new ones go at the end. */
export const CASE_MANAGEMENT_FIELDS = [
  'record_version',
  'plan_id',
  'young_person_id',
  'council',
  'team',
  'pa_id',
  'date_of_birth',
  'age_at_authorisation',
  'category',
  'authorised',
  'question_set_version',
  'staying_put',
  'questions_answered',
  'questions_total',
  'needs_help_count',
  'needs_help_questions',
  'IN_TOUCH',
  'ACTIV',
  'ACCOM',
  'ssda903_consistent',
  'ssda903_problems',
] as const satisfies readonly (keyof CaseManagementRecord)[];

/** One record per authorised plan in the index, oldest first per young person. */
export function caseManagementRecords(index: InsightsIndex): CaseManagementRecord[] {
  const out: CaseManagementRecord[] = [];
  const qc = index.questionCount;
  for (let row = 0; row < index.planCount; row++) {
    const p = index.planPerson[row]!;
    const day = index.planDay[row]!;
    let answered = 0;
    const help: string[] = [];
    for (let q = 0; q < qc; q++) {
      const code = index.planAnswers[row * qc + q]!;
      if (!code) continue;
      answered++;
      if (code & ANSWER_NEEDS_HELP) help.push(index.questionSet.questions[q]!.id);
    }
    const inTouch = decodeInTouch(index.planInTouch[row]!);
    const activ = decodeActiv(index.planActiv[row]!);
    const accom = decodeAccom(index.planAccom[row]!);
    const problems = ssda903Problems(inTouch, activ, accom);
    out.push({
      record_version: 1,
      plan_id: index.planIds[row]!,
      young_person_id: index.personIds[p]!,
      council: index.councils[index.planCouncil[row]!]!,
      team: index.teams[index.planTeam[row]!]!,
      pa_id: index.pas[index.planPa[row]!]!,
      date_of_birth: formatDay(index.planDateOfBirth[row]!),
      age_at_authorisation: ageOn(index.planDateOfBirth[row]!, day),
      category: CATEGORIES[index.planCategory[row]!]!,
      authorised: formatDay(day),
      question_set_version: index.planQuestionSetVersion[row]!,
      staying_put: inStayingPutOn(index, p, day),
      questions_answered: answered,
      questions_total: qc,
      needs_help_count: help.length,
      needs_help_questions: help.join(' '),
      IN_TOUCH: inTouch,
      ACTIV: activ,
      ACCOM: accom,
      ssda903_consistent: problems.length === 0,
      ssda903_problems: problems.join(' '),
    });
  }
  return out;
}

/** True when a record matches its schema (used by tests and by importers). */
export function isCaseManagementRecord(doc: unknown): doc is CaseManagementRecord {
  return (validateRecord as (d: unknown) => boolean)(doc);
}

/** Records as CSV, header row = CASE_MANAGEMENT_FIELDS. */
export function caseManagementCsv(records: readonly CaseManagementRecord[]): string {
  return toCsv(CASE_MANAGEMENT_FIELDS, records as unknown as Record<string, string | number | boolean>[]);
}

/** Records as JSON: `{ "schema": "<$id>", "records": [...] }`. */
export function caseManagementJson(records: readonly CaseManagementRecord[]): string {
  return `${JSON.stringify({ schema: 'https://onward.example/schemas/events/case-management-record/v1', records }, null, 2)}\n`;
}

// Validate an insights input record against its JSON Schema (precompiled, no eval), naming each bad field.

import type { InsightsYoungPerson } from '@onward/schemas';
import validateSchema from '@onward/schemas/validate/insights-young-person';

export interface RecordProblem {
  /** Dotted path, e.g. `plans[0].ssda903.accommodation`; empty for the record itself. */
  readonly path: string;
  readonly message: string;
}

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

function pathOf(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

function messageOf(e: AjvError): string {
  switch (e.keyword) {
    case 'required':
      return `"${String(e.params.missingProperty)}" is missing`;
    case 'additionalProperties':
      return `"${String(e.params.additionalProperty)}" is not a field this record has`;
    case 'enum':
    case 'const':
      return 'is not one of the allowed values';
    case 'format':
      return `must be a ${String(e.params.format)} (dates are written YYYY-MM-DD)`;
    case 'pattern':
      return 'is not written the right way';
    case 'type':
      return `must be ${String(e.params.type)}`;
    default:
      return `breaks the "${e.keyword}" rule`;
  }
}

/** Check one record (schemas/events/insights-young-person.schema.json). Never throws. */
export function validateInsightsRecord(
  doc: unknown,
): { ok: true; value: InsightsYoungPerson } | { ok: false; problems: RecordProblem[] } {
  const v = validateSchema as unknown as ((d: unknown) => boolean) & { errors?: AjvError[] | null };
  let ok = false;
  try {
    ok = v(doc);
  } catch {
    return { ok: false, problems: [{ path: '', message: 'cannot be read as a record' }] };
  }
  if (ok) return { ok: true, value: doc as InsightsYoungPerson };
  // Drop the if/then/else wrapper errors: the branch's own errors say what is wrong.
  const errors = (v.errors ?? []).filter((e) => e.keyword !== 'if');
  const seen = new Set<string>();
  const problems: RecordProblem[] = [];
  for (const e of errors) {
    const p = { path: pathOf(e.instancePath), message: messageOf(e) };
    const key = `${p.path}|${p.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push(p);
    }
  }
  return { ok: false, problems };
}

// Snapshot validation against schemas/lifecycle/lifecycle-snapshot.schema.json (precompiled validator), with
// errors that name the field.
import validateSnapshotSchema from '@onward/schemas/validate/lifecycle-snapshot';
import { LifecycleInputError, type LifecycleSnapshot } from './types.js';

export interface SnapshotError {
  /** Dotted path, e.g. `context.authorIds.0`. */
  readonly path: string;
  readonly message: string;
}

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

const WORDS: Record<string, (p: Record<string, unknown>) => string> = {
  required: (p) => `is missing ${String(p.missingProperty)}`,
  additionalProperties: (p) => `has a field that is not used: ${String(p.additionalProperty)}`,
  enum: (p) => `must be one of: ${(p.allowedValues as unknown[]).join(', ')}`,
  const: (p) => `must be ${JSON.stringify(p.allowedValue)}`,
  type: (p) => `must be of type ${String(p.type)}`,
  format: (p) => `must be a ${String(p.format)}`,
  pattern: () => 'has characters that are not allowed',
  minLength: (p) => `must have at least ${String(p.limit)} characters`,
  maxLength: (p) => `must have at most ${String(p.limit)} characters`,
  minItems: (p) => `must have at least ${String(p.limit)} items`,
  maxItems: (p) => `must have at most ${String(p.limit)} items`,
  uniqueItems: () => 'must not repeat an item',
  minimum: (p) => `must be at least ${String(p.limit)}`,
};

function pathOf(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

/** Checks a stored snapshot; never throws. */
export function validateLifecycleSnapshot(
  doc: unknown,
): { ok: true; value: LifecycleSnapshot } | { ok: false; errors: SnapshotError[] } {
  const v = validateSnapshotSchema as unknown as ((d: unknown) => boolean) & { errors?: AjvError[] | null };
  if (v(doc)) return { ok: true, value: doc as LifecycleSnapshot };
  // A oneOf failure lists the errors of every branch; keep those of the branch the `lifecycle` field names.
  const lifecycle = typeof doc === 'object' && doc !== null ? (doc as { lifecycle?: unknown }).lifecycle : undefined;
  const branch = { 'pathway-plan': 'pathwayPlan', 'staying-put': 'stayingPut', 'check-in': 'checkIn' }[
    String(lifecycle)
  ];
  const all = (v.errors ?? []) as (AjvError & { schemaPath?: string })[];
  const relevant = all.filter(
    (e) => e.keyword !== 'oneOf' && (!branch || !e.schemaPath || e.schemaPath.includes(`/${branch}/`)),
  );
  const errors = (relevant.length ? relevant : all).map((e) => ({
    path: pathOf(e.instancePath),
    message: `${pathOf(e.instancePath) || 'The snapshot'} ${(WORDS[e.keyword] ?? (() => 'is not valid'))(e.params)}`,
  }));
  const unique = errors.filter((e, i) => errors.findIndex((x) => x.message === e.message) === i);
  return { ok: false, errors: unique };
}

/** Checks a stored snapshot; throws LifecycleInputError naming the first bad field. */
export function checkSnapshot(doc: unknown): LifecycleSnapshot {
  const r = validateLifecycleSnapshot(doc);
  if (r.ok) return r.value;
  const first = r.errors[0]!;
  throw new LifecycleInputError(first.path || 'snapshot', r.errors.map((e) => e.message).join('; '));
}

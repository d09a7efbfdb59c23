// What a viewer may see of a document or an event. One rule, used by the server (every route that returns an
// agreement or a plan, and the young person's event log), the agreement widget, the agreement PDF and the exports,
// so that none of them can show more than another.
//
// The carer's allowance: what the council pays the carer is the carer's business and the council's. A young person
// sees it only when the agreement marks it visible to them (`money.carerAllowance.visibleToYoungPerson === true`);
// an agreement that says nothing keeps it hidden from them. Carers and staff working on the arrangement see it.
import type { LivingTogetherAgreement } from '@onward/schemas';
import type { Role } from '../machines/types.js';

/** Who is looking: their role is all these rules need. */
export interface DocumentViewer {
  readonly role: Role | (string & {});
}

/** Roles that always see the carer's allowance: the carer it is paid to and the staff who arrange it. */
const SEE_ALLOWANCE: ReadonlySet<string> = new Set<Role>([
  'carer',
  'pa',
  'social-worker',
  'team-manager',
  'supervising-social-worker',
  'admin',
]);

type CarerAllowance = NonNullable<LivingTogetherAgreement['money']['carerAllowance']>;

function allowanceVisible(allowance: Pick<CarerAllowance, 'visibleToYoungPerson'>, viewer: DocumentViewer): boolean {
  if (SEE_ALLOWANCE.has(viewer.role)) return true;
  return viewer.role === 'young-person' && allowance.visibleToYoungPerson === true;
}

/**
 * Whether `viewer` may see the carer's allowance written in `agreement` (false when there is none). The young
 * person only when it is marked visible to them; anyone whose role is not known to see it, never.
 */
export function showsCarerAllowance(
  agreement: { readonly money?: { readonly carerAllowance?: Pick<CarerAllowance, 'visibleToYoungPerson'> } },
  viewer: DocumentViewer,
): boolean {
  const allowance = agreement.money?.carerAllowance;
  return allowance !== undefined && allowanceVisible(allowance, viewer);
}

/**
 * The agreement as `viewer` may see it: the same object when nothing is hidden from them, otherwise a copy without
 * what they may not see (the carer's allowance). Never changes the agreement given.
 */
export function agreementForViewer<A extends LivingTogetherAgreement>(agreement: A, viewer: DocumentViewer): A {
  if (!agreement.money?.carerAllowance || showsCarerAllowance(agreement, viewer)) return agreement;
  const { carerAllowance: _hidden, ...money } = agreement.money;
  return { ...agreement, money };
}

/** An event from a young person's record, in the shape the event log holds it. */
export interface ViewableEvent {
  readonly type: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

/**
 * The event as `viewer` may see it. Whatever an event carries is held to the same rules as the document itself:
 * a carer's allowance is left out wherever in the payload it sits (an agreement saved, a change of money), so a new
 * event type that carries one is covered without a change here. Returns the same object when nothing is hidden.
 */
export function eventForViewer<E extends ViewableEvent>(event: E, viewer: DocumentViewer): E {
  const payload = viewPayload(event.payload, viewer);
  return payload === event.payload ? event : { ...event, payload };
}

/** Many events for one viewer (the young person's event log). */
export function eventsForViewer<E extends ViewableEvent>(events: readonly E[], viewer: DocumentViewer): E[] {
  return events.map((e) => eventForViewer(e, viewer));
}

// Walks plain objects and arrays (event payloads are JSON), copying only the branches that change.
function viewPayload<T>(value: T, viewer: DocumentViewer): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((v) => {
      const w = viewPayload(v, viewer);
      if (w !== v) changed = true;
      return w;
    });
    return (changed ? out : value) as T;
  }
  const obj = value as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(obj)) {
    // A carer's allowance wherever it sits (an agreement's money, or a payload of its own) follows the one rule.
    if (
      k === 'carerAllowance' &&
      typeof v === 'object' &&
      v !== null &&
      !allowanceVisible(v as CarerAllowance, viewer)
    ) {
      out ??= { ...obj };
      delete out[k];
      continue;
    }
    const w = viewPayload(v, viewer);
    if (w !== v) {
      out ??= { ...obj };
      out[k] = w;
    }
  }
  return (out ?? obj) as T;
}

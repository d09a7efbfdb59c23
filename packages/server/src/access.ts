// Who may see which young person's records. One place, used by every route; the security test walks every route
// with every role to prove it.
import { lifecycleActorOf } from '@onward/engine';
import type { Principal } from './http/context.js';
import { notFound } from './http/problem.js';
import type { ArrangementRecord, Role, YoungPersonRecord } from './storage/projection.js';
import type { User } from './storage/store.js';

/** Roles that work on individual young people's cases. */
export const CASE_ROLES: readonly Role[] = ['young-person', 'pa', 'social-worker', 'team-manager'];
export const STAFF_CASE_ROLES: readonly Role[] = ['pa', 'social-worker', 'team-manager'];

/** Whether a user may see this young person's case records (plans, check-ins, events). Never across councils. */
export function seesCase(u: User, yp: YoungPersonRecord): boolean {
  if (u.councilId !== yp.councilId || u.disabled) return false;
  switch (u.role) {
    case 'young-person':
      return u.youngPersonId === yp.id;
    case 'pa':
      return yp.paId === u.id;
    case 'social-worker':
      return yp.socialWorkerId === u.id;
    case 'team-manager':
      return u.teamId !== undefined && yp.teamId === u.teamId;
    default:
      return false;
  }
}

/** The scope filter for lists of young people for a staff member; undefined = they see no case lists. */
export function caseloadScope(u: User): { paId?: string; socialWorkerId?: string; teamId?: string } | undefined {
  switch (u.role) {
    case 'pa':
      return { paId: u.id };
    case 'social-worker':
      return { socialWorkerId: u.id };
    case 'team-manager':
      return u.teamId ? { teamId: u.teamId } : undefined;
    default:
      return undefined;
  }
}

/** Parties to a Staying Put arrangement beyond the case roles: its carers and supervising social worker. */
export function isArrangementParty(u: User, a: ArrangementRecord): boolean {
  if (u.councilId !== a.councilId || u.disabled) return false;
  if (u.role === 'carer') return a.carerUserIds.includes(u.id);
  if (u.role === 'supervising-social-worker') return a.supervisingSocialWorkerId === u.id;
  return false;
}

/** Throws 404 (not revealing that the record exists) unless the user may see the young person's case. */
export function assertSeesCase(
  p: Principal | undefined,
  yp: YoungPersonRecord | undefined,
): asserts yp is YoungPersonRecord {
  if (!p || !yp) throw notFound();
  if (p.kind === 'token') {
    if (p.councilId !== yp.councilId) throw notFound();
    return;
  }
  if (!seesCase(p.user, yp)) throw notFound();
}

/** The id a user acts under in the engine's lifecycles: a young person acts as themselves (their record id). */
export function lifecycleActor(u: User): { id: string; role: Role } {
  return lifecycleActorOf(u, u.youngPersonId ?? u.id);
}

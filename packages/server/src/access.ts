// Who may see which young person's records. One place, used by every route; the security test walks every route
// with every role to prove it.
import { lifecycleActorOf, type Viewer } from '@onward/engine';
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

/** A carer's or supervising social worker's own arrangements (the permission table admits no one else). */
export function ownArrangementsScope(u: User): {
  councilId: string;
  carerUserId?: string;
  supervisingSocialWorkerId?: string;
} {
  return u.role === 'carer'
    ? { councilId: u.councilId, carerUserId: u.id }
    : { councilId: u.councilId, supervisingSocialWorkerId: u.id };
}

/** Whether a user may change who supports this young person: an admin of their council, or their team's manager. */
export function managesYoungPerson(u: User, yp: YoungPersonRecord): boolean {
  if (u.councilId !== yp.councilId || u.disabled) return false;
  return u.role === 'admin' || (u.role === 'team-manager' && u.teamId !== undefined && yp.teamId === u.teamId);
}

/** Whether a user may register a young person in this team: an admin in any team, a team manager in their own. */
export function registersInTeam(u: User, teamId: string | undefined): boolean {
  return u.role === 'admin' || (u.role === 'team-manager' && teamId === u.teamId);
}

/** An admin sees the council's registry of young people (names, allocation), not their case records. */
export function seesRegistry(u: User): boolean {
  return u.role === 'admin';
}

/** Whose accounts a user may list: 'council' (an admin), a team's staff (its manager), or undefined (none). */
export function staffListScope(u: User): 'council' | { teamId: string } | undefined {
  if (u.role === 'admin') return 'council';
  if (u.role === 'team-manager' && u.teamId) return { teamId: u.teamId };
  return undefined;
}

/** The team whose audit trail a user is limited to (a team manager: their own, none if not in one); undefined for the council's whole trail. */
export function auditTeamOf(u: User): string | undefined {
  return u.role === 'team-manager' ? (u.teamId ?? '\u0000') : undefined;
}

/** How the insights see a user: their role, a PA's own id, a team manager's team. */
export function insightsViewerOf(u: User, opts: { withPa?: boolean } = {}): Viewer {
  return {
    role: u.role,
    ...(opts.withPa && u.role === 'pa' ? { paId: u.id } : {}),
    ...(u.role === 'team-manager' && u.teamId ? { team: u.teamId } : {}),
  };
}

/** The one team a user's dashboard is limited to (a team manager's), else undefined (the council). */
export function dashboardTeamOf(u: User): string | undefined {
  return u.role === 'team-manager' ? u.teamId : undefined;
}

/** A team manager who is in no team yet has no team figures to see. */
export function managerWithoutTeam(u: User): boolean {
  return u.role === 'team-manager' && !u.teamId;
}

/** Whether an account holds this role in this council: who can be named as a carer or supervising social worker. */
export function holdsRole(x: User | undefined, role: Role, councilId: string): x is User {
  return x !== undefined && x.councilId === councilId && x.role === role;
}

/** A young person's own sign-in, as opposed to a staff account (its role cannot change; their PA invites them). */
export function isYoungPersonAccount(x: User): boolean {
  return x.role === 'young-person';
}

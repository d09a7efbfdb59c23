// Who may see what in the insights. Analysts and other staff see only suppressed aggregates; the workers who
// hold young people's cases see exact counts and the person-level lists.

import { InsightsAccessError } from './errors.js';

export type InsightsRole =
  | 'young-person'
  | 'carer'
  | 'pa'
  | 'social-worker'
  | 'supervising-social-worker'
  | 'independent-reviewing-officer'
  | 'team-manager'
  | 'analyst'
  | 'admin';

export const INSIGHTS_ROLES: readonly InsightsRole[] = [
  'young-person',
  'carer',
  'pa',
  'social-worker',
  'supervising-social-worker',
  'independent-reviewing-officer',
  'team-manager',
  'analyst',
  'admin',
];

/** Roles that may see exact small numbers and lists of young people by default. */
export const ROLES_SEEING_INDIVIDUALS: readonly InsightsRole[] = ['pa', 'social-worker', 'team-manager', 'admin'];

/** Roles that may not see insights at all: the insights are about other young people. */
export const ROLES_WITHOUT_INSIGHTS: readonly InsightsRole[] = ['young-person', 'carer'];

/** Who is looking. A PA's lists are limited to their own young people, a team manager's to their team if given. */
export interface Viewer {
  readonly role: InsightsRole;
  /** The PA's staff id: required for a PA's person-level list. */
  readonly paId?: string;
  /** Limit a team manager's person-level list to this team. */
  readonly team?: string;
  /** Override the roles allowed to see individuals (a council's own policy). */
  readonly individualRoles?: readonly InsightsRole[];
}

/** True when the viewer sees exact small numbers (no suppression). */
export function seesIndividuals(viewer: Viewer): boolean {
  return (viewer.individualRoles ?? ROLES_SEEING_INDIVIDUALS).includes(viewer.role);
}

/** Throw when the role may not see insights at all, or is not a known role. */
export function assertMaySeeInsights(viewer: Viewer): void {
  if (!INSIGHTS_ROLES.includes(viewer.role))
    throw new InsightsAccessError(`"${String(viewer.role)}" is not a role Onward knows.`);
  if (ROLES_WITHOUT_INSIGHTS.includes(viewer.role))
    throw new InsightsAccessError(`The ${viewer.role} role cannot see insights about other young people.`);
}

/**
 * True when the viewer sees exact numbers for figures drawn with these filters: a role allowed to see individuals,
 * looking only at young people it may see. A PA sees exact figures for their own young people (filters.pa is just
 * their id); a team manager given a team, for that team. Anything wider is shown with small numbers hidden, as to
 * an analyst, so that exact figures never reveal young people outside the viewer's caseload.
 */
export function exactFor(
  viewer: Viewer,
  filters: { readonly pa?: readonly string[]; readonly team?: readonly string[] } = {},
): boolean {
  if (!seesIndividuals(viewer)) return false;
  if (viewer.role === 'pa') return !!viewer.paId && filters.pa?.length === 1 && filters.pa[0] === viewer.paId;
  if (viewer.team) return !!filters.team?.length && filters.team.every((t) => t === viewer.team);
  return true;
}

// Every permission, in one table. Each API route names the permission it needs in its module's operations
// (http/operation.ts; openapi.ts gathers them into ROUTE_PERMISSIONS); each permission says which callers may use
// the route at all: anyone, anyone signed in, or the roles listed, and whether an integration's API token may
// (read-only). `guardRoutes` checks it for every request before the route's handler runs, so no handler compares
// roles to decide who may call it. Which young person's records a caller may see is the next question, answered
// per record in access.ts (`assertSeesCase`, `managesYoungPerson`, …).
//
// A route missing from the table is refused for everyone (500) and fails permissions.test.ts, which also sends
// every route as every role and checks the answer matches the table.
import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { Env, Principal } from './http/context.js';
import { HttpProblem } from './http/problem.js';
import type { Role } from './storage/projection.js';

export interface Permission {
  /** Who may call the route: anyone (no sign-in), anyone signed in, or these roles. */
  readonly who: 'anyone' | 'signed-in' | readonly Role[];
  /** An integration's API token may call it too (GET only: tokens are read-only). */
  readonly token?: boolean;
  /** The 403 message for a signed-in caller outside `who`. */
  readonly refusal: string;
}

const STAFF_CASE: readonly Role[] = ['pa', 'social-worker', 'team-manager'];
const CASE: readonly Role[] = ['young-person', ...STAFF_CASE];
const WRITERS: readonly Role[] = ['pa', 'social-worker'];

export const PERMISSIONS = {
  anyone: { who: 'anyone', refusal: '' },
  signedIn: { who: 'signed-in', refusal: '' },
  admin: { who: ['admin'], refusal: 'Only an admin can do this.' },
  importYoungPeople: { who: ['admin'], refusal: 'Only an admin can import young people.' },
  caseload: { who: [...STAFF_CASE, 'admin'], refusal: 'Your role does not hold a caseload.' },
  registerYoungPerson: {
    who: ['admin', 'team-manager'],
    refusal: 'Only an admin or a team manager can register a young person.',
  },
  allocateYoungPerson: {
    who: ['admin', 'team-manager'],
    refusal: 'Only an admin or the team manager can change who supports a young person.',
  },
  readCase: { who: CASE, refusal: 'Only the young person and the staff working with them see their records.' },
  readCaseOrToken: {
    who: CASE,
    token: true,
    refusal: 'Only the young person and the staff working with them see their records.',
  },
  subjectAccess: {
    who: ['admin', 'team-manager'],
    refusal: 'Only an admin or a team manager can produce a subject access request.',
  },
  retention: {
    who: ['team-manager'],
    refusal: 'Only a team manager can review records for destruction, set a legal hold or destroy a record.',
  },
  inviteYoungPerson: {
    who: ['pa', 'team-manager'],
    refusal: 'Only their PA or a team manager can invite a young person.',
  },
  startPlan: { who: WRITERS, refusal: 'Only a PA or a social worker can start a pathway plan.' },
  editPlan: { who: WRITERS, refusal: 'Only a PA or a social worker can edit the whole plan.' },
  saveChecklist: {
    who: ['young-person', ...WRITERS],
    refusal: 'Only the young person, their PA or social worker can save the checklist.',
  },
  writeViews: { who: ['young-person'], refusal: 'Only the young person can write their own views.' },
  recordEngagement: { who: WRITERS, refusal: 'Only a PA or a social worker can record an attempt to reach them.' },
  planStep: { who: CASE, refusal: 'Only the young person and the staff working with them can move the plan on.' },
  authorisationQueue: { who: ['team-manager'], refusal: 'Only a team manager has an authorisation queue.' },
  writeCheckIn: { who: ['young-person'], refusal: 'Only the young person can write their own check-in.' },
  helpRequests: { who: STAFF_CASE, refusal: 'Only PAs, social workers and team managers see help requests.' },
  acknowledgeHelp: { who: ['pa', 'team-manager'], refusal: 'Only their PA or a team manager can acknowledge it.' },
  startStayingPut: { who: WRITERS, refusal: 'Only a PA or a social worker can start a Staying Put arrangement.' },
  readArrangement: {
    who: [...CASE, 'carer', 'supervising-social-worker'],
    refusal: 'Only the people in this arrangement see it.',
  },
  writeAgreement: { who: WRITERS, refusal: 'Only a PA or a social worker can write the agreement.' },
  myArrangements: {
    who: ['carer', 'supervising-social-worker'],
    refusal: 'Only carers and supervising social workers have arrangements of their own.',
  },
  stayingPutPeople: {
    who: STAFF_CASE,
    refusal: 'Only PAs, social workers and team managers can see who can be named on an arrangement.',
  },
  stayingPutTracker: {
    who: STAFF_CASE,
    refusal: 'Only PAs, social workers and team managers see the Staying Put tracker.',
  },
  listStaff: { who: ['admin', 'team-manager'], refusal: 'Only an admin or a team manager can list staff.' },
  teams: {
    who: ['pa', 'social-worker', 'team-manager', 'supervising-social-worker', 'analyst', 'admin'],
    refusal: 'Teams are for staff.',
  },
  audit: { who: ['team-manager', 'admin'], refusal: 'Only a team manager or an admin can read the audit trail.' },
  insights: {
    who: ['pa', 'social-worker', 'team-manager', 'supervising-social-worker', 'analyst', 'admin'],
    refusal: 'Only staff and analysts see insights.',
  },
  dashboard: {
    who: ['team-manager', 'analyst', 'admin'],
    refusal: 'Only team managers, analysts and admins see the dashboard.',
  },
  planExport: {
    who: STAFF_CASE,
    token: true,
    refusal: 'Only workers and integrations read the case-management export.',
  },
  caseManagementExport: {
    who: ['team-manager'],
    token: true,
    refusal: 'Only a team manager or an integration reads the whole export.',
  },
} as const satisfies Record<string, Permission>;

export type PermissionName = keyof typeof PERMISSIONS;

/** Whether this caller (undefined: not signed in) passes the permission. Records are checked after, per record. */
export function permits(permission: Permission, caller: Principal | undefined): boolean {
  if (caller?.kind === 'token') return permission.token === true;
  if (permission.who === 'anyone') return true;
  if (!caller) return false;
  if (permission.who === 'signed-in') return true;
  return permission.who.includes(caller.user.role);
}

/**
 * Whether a signed-in user of this role passes the permission: for pages that offer an action only to those the
 * server will let do it (the page asks here; it never keeps its own list of roles). Records are checked after.
 */
export function roleMay(name: PermissionName, role: string): boolean {
  const who: Permission['who'] = PERMISSIONS[name].who;
  return who === 'anyone' || who === 'signed-in' || (who as readonly string[]).includes(role);
}

/** The guard's answer to a caller the permission does not cover (401 signed out, else 403), or undefined: passes. */
export function refusalOf(
  permission: Permission,
  caller: Principal | undefined,
): { status: 401 | 403; detail: string } | undefined {
  if (permits(permission, caller)) return undefined;
  if (!caller) return { status: 401, detail: 'Sign in to see this.' };
  if (caller.kind === 'token')
    return { status: 403, detail: 'API tokens can only read plans, their PDFs and the exports.' };
  return { status: 403, detail: permission.refusal };
}

/** Middleware for /api/*, after the caller is known: refuses a caller the route's permission does not cover. */
export function guardRoutes(routes: Readonly<Record<string, PermissionName>>): MiddlewareHandler<Env> {
  return async (c, next) => {
    // The route this request will reach: the last matched handler that is not middleware or the 404 catch-all.
    const handlers = matchedRoutes(c).filter((r) => r.method !== 'ALL');
    const route = handlers[handlers.length - 1];
    if (!route) return next();
    const name = routes[`${route.method.toUpperCase()} ${route.path}`];
    const permission = name ? PERMISSIONS[name] : undefined;
    if (!permission)
      throw new HttpProblem(500, 'server-error', 'This route has no permission in the table, so it is refused.');
    const refused = refusalOf(permission, c.get('principal'));
    if (!refused) return next();
    throw new HttpProblem(refused.status, refused.status === 401 ? 'unauthenticated' : 'forbidden', refused.detail);
  };
}

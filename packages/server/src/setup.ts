// Setting a council up from nothing: the first council and its first admin on an empty database. Used by the
// `onward setup` command and by the first-run page (POST /api/setup, guarded by a one-time token the server prints
// at start). Both are audited under the actor `system/setup`. After this, the admin adds teams and staff in the app.
import { randomToken } from './auth/crypto.js';
import { passwordProblems } from './auth/password-policy.js';
import type { Council, Store, User } from './storage/store.js';

export const SETUP_ACTOR = { id: 'system/setup', role: 'system' } as const;

export interface FirstCouncilInput {
  councilName: string;
  /** A short id for the council (letters, digits, dashes); default: made from the name. */
  councilId?: string;
  admin: { name: string; email: string; password?: string };
}

export interface FirstCouncil {
  council: Council;
  admin: User;
  /** When no password was given: the admin's one-time link to choose theirs (`/staff-invitation/<token>`). */
  invitation?: { token: string; path: string; expiresAt: string };
}

/** A problem with what was given, naming the field; nothing has been written. */
export class SetupError extends Error {
  override readonly name = 'SetupError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** The council id made from its name: `Northshire County Council` → `northshire-county-council`. */
export function councilIdFrom(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'council'
  );
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Whether the database has no council yet (the only time set-up may run). */
export async function needsSetup(store: Store): Promise<boolean> {
  return (await store.listCouncils()).length === 0;
}

/**
 * Creates the first council and its admin. Refuses (SetupError, nothing written) when the database already has a
 * council, or a field is wrong. Without `admin.password` the admin gets a one-time link to choose one.
 */
export async function setUpFirstCouncil(
  store: Store,
  input: FirstCouncilInput,
  options: { now: Date; requestId?: string },
): Promise<FirstCouncil> {
  const councilName = input.councilName.trim();
  const name = input.admin.name.trim();
  const email = input.admin.email.trim();
  if (councilName.length < 2 || councilName.length > 120)
    throw new SetupError('councilName', 'Give the council’s name (2 to 120 characters).');
  if (!name || name.length > 120) throw new SetupError('adminName', 'Give the admin’s name (up to 120 characters).');
  if (!EMAIL.test(email) || email.length > 254)
    throw new SetupError('adminEmail', 'Give the admin’s work email address, like name@council.gov.uk.');
  const password = input.admin.password;
  if (password !== undefined) {
    const weak = passwordProblems(password, { email, names: [name] }, 'adminPassword');
    if (weak[0]) throw new SetupError('adminPassword', weak[0].message);
  }
  const id = input.councilId ?? councilIdFrom(councilName);
  if (!/^[a-z0-9][a-z0-9-]{0,47}$/.test(id))
    throw new SetupError('councilId', 'The council id takes lower-case letters, digits and dashes (up to 48).');
  // The council, its admin, the invitation and their audit rows are saved together, or none of them.
  return store.transaction(async (tx) => {
    let invitation: FirstCouncil['invitation'];
    const existing = await store.listCouncils();
    if (existing.length)
      throw new SetupError(
        'database',
        `This database already has a council (${existing.map((c) => c.name).join(', ')}). Its admin adds staff and teams in the app.`,
      );
    const council = await store.createCouncil({ id, name: councilName });
    const admin = await store.createStaffUser({
      councilId: id,
      email,
      name,
      role: 'admin',
      // No password given: a random one nobody is told; the invitation link replaces it with the admin's own.
      password: password ?? randomToken(32),
      actor: SETUP_ACTOR,
    });
    const at = options.now.toISOString();
    const requestId = options.requestId ?? `setup_${randomToken(6)}`;
    const entries = [
      { recordType: 'council', recordId: id },
      { recordType: 'user', recordId: admin.id },
    ].map((r) => ({
      councilId: id,
      actorId: SETUP_ACTOR.id,
      actorRole: SETUP_ACTOR.role,
      action: 'create' as const,
      ...r,
      requestId,
      at,
    }));
    if (password === undefined) {
      const inv = await store.staffInvitations.create({
        councilId: id,
        userId: admin.id,
        createdBy: SETUP_ACTOR.id,
        now: options.now,
      });
      invitation = { token: inv.token, path: staffInvitationPath(inv.token), expiresAt: inv.expiresAt };
      entries.push({ ...entries[1]!, recordType: 'staff-invitation' });
    }
    await store.recordAudit(entries, tx);
    return { council, admin, ...(invitation ? { invitation } : {}) };
  });
}

/** The page where someone invited as staff chooses their password. */
export function staffInvitationPath(token: string): string {
  return `/staff-invitation/${encodeURIComponent(token)}`;
}

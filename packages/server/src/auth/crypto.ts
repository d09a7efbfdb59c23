// Password hashing (scrypt from node:crypto, per-user salt, constant-time compare) and random tokens.
// Stored format: scrypt$N$r$p$<salt base64url>$<key base64url>, so the cost can be raised and old hashes still
// verify; a sign-in with an older cost stores a new hash at the current one (needsRehash).
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';

export interface ScryptParams {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/**
 * OWASP's Password Storage Cheat Sheet: scrypt with N=2^17 (128 MiB), r=8, p=1. That is about 0.3 s on a
 * current server core (1 s on the slow shared test machine), for every sign-in and password change.
 */
export const OWASP_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
let current: ScryptParams = OWASP_SCRYPT;
const KEY_LENGTH = 64;

/**
 * Changes the cost new hashes are made with, for this process. Only test fixtures call it (they make hundreds of
 * accounts and sign-ins; the production cost is pinned by its own test). Never call it in an app.
 */
export function setScryptParamsForTests(params: ScryptParams): void {
  current = params;
}
export function scryptParams(): ScryptParams {
  return current;
}

function scrypt(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // scrypt needs 128·N·r bytes; leave headroom over that.
    scryptCb(password.normalize('NFKC'), salt, KEY_LENGTH, { N: n, r, p, maxmem: 128 * n * r * 2 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const { N, r, p } = current;
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, N, r, p);
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** The most a stored hash may ask for (a tampered row must not make us allocate gigabytes): N ≤ 2^20, r ≤ 32, p ≤ 16. */
function sane(n: number, r: number, p: number): boolean {
  return Number.isInteger(Math.log2(n)) && n >= 2 && n <= 2 ** 20 && r >= 1 && r <= 32 && p >= 1 && p <= 16;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, key] = parts as [string, string, string, string, string, string];
  if (!sane(Number(n), Number(r), Number(p))) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Whether a stored hash was made with a lower cost than the current one (or another format). */
export function needsRehash(stored: string): boolean {
  const [kind, n, r, p] = stored.split('$');
  if (kind !== 'scrypt') return true;
  return (
    Number(n) * Number(r) * Number(p) < current.N * current.r * current.p ||
    Number(n) * Number(r) < current.N * current.r
  );
}

/** A hash made once at start, verified against when the account does not exist, so timing does not reveal it. */
let dummy: { params: ScryptParams; hash: Promise<string> } | undefined;
export function dummyHash(): Promise<string> {
  if (dummy?.params !== current) dummy = { params: current, hash: hashPassword(randomToken()) };
  return dummy.hash;
}

/** 32 random bytes, base64url (43 characters). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Session ids, invitation and API tokens are stored only as this hash. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url').replace(/[-_]/g, 'x')}`;
}

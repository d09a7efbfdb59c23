// The password policy (length, the common-password list, not the account's own email or name), where it is
// applied (staff accounts made by an admin, a young person's invitation, a password change), and the scrypt cost:
// OWASP's, with hashes made at an older cost upgraded when their owner signs in.
import { schemas } from '@onward/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMON_PASSWORD_WORDS } from '../src/auth/common-passwords.js';
import { hashPassword, OWASP_SCRYPT, setScryptParamsForTests } from '../src/auth/crypto.js';
import { PASSWORD_MIN_LENGTH, passwordProblems } from '../src/auth/password-policy.js';
import { Client, FIXTURE_SCRYPT, makeWorld, PASSWORD, type World } from './helpers.js';

const owner = { email: 'sam.jones@example.org', names: ['Sam Jones', 'Sammy'] };

describe('password policy', () => {
  it.each([
    ['aaaaaaaaaa', /at least 12/],
    ['password12', /at least 12/],
    ['aaaaaaaaaaaa', /pattern/],
    ['abcabcabcabc', /pattern/],
    ['qwertyuiop12', /people use most|pattern/],
    ['123456789012', /pattern|only numbers/],
    ['zxcvbnm12345', /pattern/],
    ['202401012024', /pattern|only numbers/],
    ['password1234', /people use most/],
    ['Password2024!', /people use most/],
    ['P@55w0rd2024!', /people use most/],
    ['Liverpool2024!', /people use most/],
    ['iloveyou1234', /people use most/],
    ['ilovechelsea1', /people use most/],
    ['sunshinemonkey', /people use most/],
    ['passwordpassword', /people use most|pattern/],
    ['correct horse battery staple', /people use most/],
    ['leavingcare123', /people use most/],
    ['sam.jones@example.org', /email address or your name/],
    ['SamJones2008!', /email address or your name/],
    ['sammy12345678', /email address or your name/],
    ['samjones-example', /email address or your name/],
  ])('refuses %j', (password, why) => {
    const problems = passwordProblems(password, owner);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('password');
    expect(problems[0]?.message).toMatch(why);
    // The message never repeats the password.
    expect(problems[0]?.message).not.toContain(password);
  });

  it.each([
    'tea river window',
    'blue kettle on the hill',
    'a long enough password',
    'my very own password',
    'Fridge-Lantern-Otter',
    'correct horse, wrong battery!',
    'xK9#mQ2$vL7p',
    '4 8 15 16 23 42 numbers',
    'Ceri yn hoffi coffi du',
  ])('accepts %j', (password) => {
    expect(passwordProblems(password, owner)).toEqual([]);
  });

  it('names the field it is given', () => {
    expect(passwordProblems('short', {}, 'newPassword')[0]?.path).toBe('newPassword');
  });

  it('agrees with the API schemas on the shortest password', () => {
    expect(schemas.apiUserCreateSchema.properties.password.minLength).toBe(PASSWORD_MIN_LENGTH);
    expect(schemas.apiInvitationAcceptSchema.properties.password.minLength).toBe(PASSWORD_MIN_LENGTH);
    expect(schemas.apiPasswordChangeSchema.properties.newPassword.minLength).toBe(PASSWORD_MIN_LENGTH);
  });

  it('ships a list of lower-case words, letters only', () => {
    expect(COMMON_PASSWORD_WORDS.size).toBeGreaterThan(600);
    for (const w of COMMON_PASSWORD_WORDS) expect(w).toMatch(/^[a-z]+$/);
  });
});

describe('where the policy applies', () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld();
  }, 120_000);
  afterAll(() => w.close());

  it('refuses a weak password for a new staff account, naming the field, and makes no account', async () => {
    const admin = await w.as('admin');
    const before = (await w.store.listUsers('c1')).length;
    for (const password of ['aaaaaaaaaa', 'password12', 'password1234', 'kim.lee@example.org', 'Kim Lee 2026!']) {
      const r = await admin.post('/api/users', { email: 'kim.lee@example.org', name: 'Kim Lee', role: 'pa', password });
      expect(r.status, password).toBe(400);
      expect(r.json.errors[0].path).toBe('password');
    }
    expect((await w.store.listUsers('c1')).length).toBe(before);
    const ok = await admin.post('/api/users', {
      email: 'kim.lee@example.org',
      name: 'Kim Lee',
      role: 'pa',
      password: 'lantern otter fridge',
    });
    expect(ok.status).toBe(201);
  });

  it('refuses a weak new password and keeps the old one', async () => {
    const pa = await w.as('pa');
    for (const newPassword of ['password12', 'aaaaaaaaaaaa', 'pa@example.org', 'pa name 2026!']) {
      const r = await pa.post('/api/auth/password', { currentPassword: PASSWORD, newPassword });
      expect(r.status, newPassword).toBe(400);
      expect(r.json.errors[0].path).toBe('newPassword');
    }
    expect((await new Client(w.server.app).signIn('pa@example.org')).status).toBe(200);
  });

  it("refuses a young person's own email or name as the password when they accept their invitation", async () => {
    const pa = await w.as('pa');
    const admin = await w.as('admin');
    const yp = await admin.post('/api/young-people', {
      name: 'Rowan Tree',
      dateOfBirth: '2008-02-02',
      category: 'relevant',
      teamId: 't1',
      paId: 'u-pa',
    });
    const inv = await pa.post(`/api/young-people/${yp.json.id}/invitations`, {});
    const anon = new Client(w.server.app);
    anon.csrf = String((await anon.get('/api/auth/csrf')).json.csrfToken);
    const accept = (password: string) =>
      anon.post(`/api/invitations/${inv.json.token}/accept`, { email: 'rowan@example.org', password });
    for (const password of ['rowan@example.org', 'RowanTree2008', 'iloveyou1234']) {
      const r = await accept(password);
      expect(r.status, password).toBe(400);
      expect(r.json.errors[0].path).toBe('password');
    }
    // The link still works after a refusal.
    expect((await accept('kettle harbour moss')).status).toBe(200);
  });
});

describe('scrypt cost', () => {
  it("is OWASP's: N=2^17, r=8, p=1", () => {
    expect(OWASP_SCRYPT).toEqual({ N: 131072, r: 8, p: 1 });
  });

  it('upgrades a hash made at an older cost when its owner signs in, and only then', async () => {
    const w = await makeWorld();
    try {
      // The cost before this change: N=2^15.
      setScryptParamsForTests({ N: 2 ** 15, r: 8, p: 1 });
      const old = await hashPassword(PASSWORD);
      await w.store.db.query('UPDATE credentials SET password_hash = $2 WHERE user_id = $1', ['u-carer', old]);
      setScryptParamsForTests(OWASP_SCRYPT);
      const hashOf = async () =>
        String(
          (await w.store.db.query('SELECT password_hash FROM credentials WHERE user_id = $1', ['u-carer']))[0]
            ?.password_hash,
        );
      const c = new Client(w.server.app);
      expect((await c.signIn('carer@example.org', 'not the password at all')).status).toBe(401);
      expect(await hashOf()).toBe(old);
      expect((await c.signIn('carer@example.org')).status).toBe(200);
      const upgraded = await hashOf();
      expect(upgraded).toMatch(/^scrypt\$131072\$8\$1\$/);
      // The same password still signs in, against the new hash.
      expect((await new Client(w.server.app).signIn('carer@example.org')).status).toBe(200);
      expect(await hashOf()).toBe(upgraded);
    } finally {
      setScryptParamsForTests(FIXTURE_SCRYPT);
      await w.close();
    }
  }, 60_000);
});

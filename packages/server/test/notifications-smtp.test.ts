// Email through a real SMTP server started by the test (smtp-server, in this process), on PGlite and on a real
// PostgreSQL: a check-in asking for help gives exactly one email, to the PA's address, with a line and a link and
// nothing about the young person; with the mail server down the message stays queued (readiness and the admin
// view say so) and is sent once when it comes back; a recipient the mail server refuses for good is marked
// undeliverable, not retried for ever and not dropped; two workers (two stores on one PostgreSQL: two processes'
// worth of connections) send each message once. Logs carry ids and codes, never an address.
import { recordEvents } from '@onward/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPostgres, postgresUrl } from '#test-support/postgres.js';
import { startTestSmtp, type TestSmtp } from '#test-support/smtp.js';
import { momentOf } from '../src/lifecycle.js';
import { Notifier } from '../src/notifications/notifier.js';
import { smtpTransport } from '../src/notifications/transport.js';
import { openStore, type Store } from '../src/storage/store.js';
import { makeWorld, type World } from './helpers.js';

const ORIGIN = 'https://plans.example.gov.uk';
const FROM = 'Onward <no-reply@plans.example.gov.uk>';

const backends: { name: string; skip: boolean; open: (schema: string) => Promise<Store> }[] = [
  { name: 'PGlite', skip: false, open: () => openStore({}) },
  {
    name: 'PostgreSQL',
    skip: !hasPostgres,
    open: (schema) => openStore({ databaseUrl: postgresUrl as string, schema, poolSize: 6 }),
  },
];

/** Waits until `test` holds, trying every 50 ms, for up to `ms`. */
async function until(test: () => Promise<boolean> | boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

for (const b of backends) {
  describe.skipIf(b.skip)(`email to the named PA on ${b.name}`, () => {
    let smtp: TestSmtp;
    let w: World;
    let n = 0;
    const schema = `t_notify_${process.pid}_${Date.now()}`;

    const askForHelp = async () => {
      n++;
      const yp = await w.as('yp');
      const id = `ci-mail-${n}`;
      const r = await yp.post('/api/young-people/yp1/check-ins', {
        id,
        youngPersonId: 'yp1',
        author: 'young-person',
        at: w.clock.now.toISOString(),
        locale: 'en-GB',
        moods: { money: { mood: 'bad', help: true, note: 'Alex Rivers: I cannot pay the rent' } },
      });
      expect(r.status).toBe(201);
      return id;
    };
    const messageFor = async (checkInId: string) =>
      (await w.store.outbox.listForYoungPerson('yp1')).find((m) => m.subjectId === checkInId);

    beforeAll(async () => {
      smtp = await startTestSmtp();
      w = await makeWorld({
        store: await b.open(schema),
        notifications: {
          transport: smtpTransport({ url: smtp.url, from: FROM, timeoutMs: 5_000 }),
          publicOrigin: ORIGIN,
          pollMs: 100,
          leaseMs: 10_000,
          retryDelaysMs: [300],
        },
      });
      // The world's own check-in asked for help: its email goes first.
      await smtp.waitFor(1);
      await until(async () => (await w.store.outbox.summary()).queued === 0);
    }, 120_000);
    afterAll(async () => {
      w?.server.notifier?.stop();
      await w?.server.notifier?.drain();
      await w?.close();
      await smtp?.stop();
    });

    it('a check-in asking for help gives exactly one email, to the PA, with a line, a link and nothing personal', async () => {
      const before = smtp.received.length;
      const id = await askForHelp();
      const [mail] = (await smtp.waitFor(before + 1)).slice(before);
      expect(mail?.to).toEqual(['pa@example.org']);
      expect(mail?.from).toBe('no-reply@plans.example.gov.uk');
      expect(mail?.subject).toBe('A young person has asked for help');
      expect(mail?.text).toBe(
        `A young person you support has asked for help.\n\nSign in to see it: ${ORIGIN}/help-requests\n`,
      );
      expect(mail?.contentLanguage).toBe('en-GB');
      for (const personal of ['Alex', 'Rivers', 'rent', 'yp1', id]) expect(mail?.raw).not.toContain(personal);
      // Marked sent once the mail server has accepted it (a moment after it arrived there).
      await until(async () => (await messageFor(id))?.status === 'sent');
      const m = await messageFor(id);
      expect(m).toMatchObject({ status: 'sent', attempts: 1, recipientId: 'u-pa' });
      expect(mail?.messageId).toBe(`<${m?.id}@onward.invalid>`);
      // Polls, kicks and drains later: still one.
      await new Promise((r) => setTimeout(r, 400));
      await w.server.notifier?.drain();
      expect(smtp.received.length).toBe(before + 1);
      expect(w.logs.join('\n')).not.toMatch(/pa@example\.org|Alex|rent/);
      expect(w.logs.some((l) => l.includes('"notification":"sent"') && l.includes(String(m?.id)))).toBe(true);
    });

    it('with the mail server down the message stays queued, readiness says so, and it is sent once when it is back', async () => {
      await smtp.stop();
      const before = smtp.received.length;
      const id = await askForHelp();
      await until(async () => ((await messageFor(id))?.attempts ?? 0) >= 2);
      const waiting = await messageFor(id);
      expect(waiting).toMatchObject({ status: 'queued' });
      expect(waiting?.lastError).toMatch(/^E[A-Z]+/);
      const ready = await w.anon().get('/api/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.json.notifications).toBe('failing');
      const admin = await w.as('admin');
      const view = await admin.get('/api/notifications?status=queued');
      expect(view.status).toBe(200);
      expect(view.json.sending).toMatchObject({ transport: 'smtp', state: 'failing' });
      expect(view.json.summary.queued).toBeGreaterThanOrEqual(1);
      expect(view.json.items.map((x: { subjectId: string }) => x.subjectId)).toContain(id);
      expect(JSON.stringify(view.json)).not.toContain('@example.org');
      await smtp.start();
      const [mail] = (await smtp.waitFor(before + 1)).slice(before);
      expect(mail?.to).toEqual(['pa@example.org']);
      await until(async () => (await messageFor(id))?.status === 'sent');
      await new Promise((r) => setTimeout(r, 500));
      await w.server.notifier?.drain();
      expect(smtp.received.length).toBe(before + 1);
      expect((await w.anon().get('/api/health/ready')).json.notifications).toBe('sending');
    });

    it('a recipient the mail server refuses for good is marked undeliverable, kept, and not tried again', async () => {
      smtp.refuse.add('pa@example.org');
      try {
        const id = await askForHelp();
        await until(async () => (await messageFor(id))?.status === 'undeliverable');
        const m = await messageFor(id);
        expect(m).toMatchObject({ attempts: 1, lastError: 'EENVELOPE 550' });
        await new Promise((r) => setTimeout(r, 500));
        expect((await messageFor(id))?.attempts).toBe(1);
        const admin = await w.as('admin');
        const view = await admin.get('/api/notifications?status=undeliverable');
        expect(view.json.items.map((x: { subjectId: string }) => x.subjectId)).toContain(id);
        expect((await admin.get('/api/notifications?status=lost')).status).toBe(400);
      } finally {
        smtp.refuse.clear();
      }
    });

    it('two workers (two stores on one database) send each message once', async () => {
      // The server's own worker stops; two others share the queue.
      w.server.notifier?.stop();
      await w.server.notifier?.drain();
      const second = b.name === 'PostgreSQL' ? await b.open(schema) : w.store;
      const transport = smtpTransport({ url: smtp.url, from: FROM, timeoutMs: 5_000 });
      const workers = [w.store, second].map(
        (store) => new Notifier(store, { transport, publicOrigin: ORIGIN, pollMs: 50, batch: 3 }, () => {}),
      );
      try {
        const yp = (await w.store.getUser('u-yp'))!;
        const before = smtp.received.length;
        const COUNT = 24;
        const ids: string[] = [];
        for (let i = 0; i < COUNT; i++) {
          const doc = {
            id: `ci-two-${i}`,
            youngPersonId: 'yp1',
            author: 'young-person' as const,
            at: w.clock.now.toISOString(),
            locale: 'en-GB',
            moods: { housing: { mood: 'bad' as const, help: true } },
          };
          ids.push(doc.id);
          await w.store.events.append([
            recordEvents.checkInRecorded(
              momentOf(yp, { councilId: 'c1', youngPersonId: 'yp1' }, w.clock.now),
              doc,
              'u-pa',
            ),
          ]);
        }
        for (const wk of workers) wk.start();
        await smtp.waitFor(before + COUNT);
        await until(async () => (await w.store.outbox.summary()).queued === 0);
        await new Promise((r) => setTimeout(r, 300));
        await Promise.all(workers.map((wk) => wk.drain()));
        const got = smtp.received.slice(before).map((m) => m.messageId);
        expect(got).toHaveLength(COUNT);
        expect(new Set(got).size).toBe(COUNT);
        const rows = (await w.store.outbox.listForYoungPerson('yp1')).filter((m) => ids.includes(m.subjectId));
        expect(rows.every((m) => m.status === 'sent' && m.attempts === 1)).toBe(true);
      } finally {
        for (const wk of workers) wk.stop();
        await Promise.all(workers.map((wk) => wk.drain()));
        transport.close?.();
        if (second !== w.store) await second.close();
      }
    });
  });
}

// A case-management system's side of the Onward integration, in plain Node (no framework), as a vendor would
// write it. It depends on nothing from Onward: the signature check is the few lines every vendor writes.
//
// 1. Onward POSTs a signed `plan.authorised` webhook here.
// 2. We check the HMAC-SHA256 signature and that the message is fresh (replays refused).
// 3. We fetch the case-management record (JSON) and the authorised plan's PDF with our read-only API token.
// 4. We file them: <folder>/<young person id>/<plan id>/{record.json, plan.pdf, webhook.json} and a line in
//    <folder>/index.csv. Only then do we answer 200; if anything fails we answer 502 and Onward retries later.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { appendFile, mkdir, rename, stat, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';

export interface ReceiverOptions {
  /** The webhook's signing secret, shown once when the council's admin added the webhook. */
  secret: string;
  /** The API token (read-only) the council's admin made for this integration. */
  apiToken: string;
  /** Where to file records. */
  folder: string;
  /** Biggest webhook body accepted, bytes. Default 64 KiB. */
  maxBody?: number;
  /** How old a message may be, seconds. Default 300. */
  toleranceSeconds?: number;
  /** Only fetch from this origin (the council's Onward), whatever the message says. */
  onwardOrigin: string;
  fetch?: typeof fetch;
  now?: () => Date;
  log?: (line: string) => void;
}

export interface WebhookMessage {
  id: string;
  type: string;
  councilId: string;
  occurredAt: string;
  data: { planId: string; youngPersonId: string; exportUrl: string; pdfUrl: string };
}

/** Constant-time check of `v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>` and of the timestamp's age. */
export function checkSignature(
  secret: string,
  body: string,
  signature: string | undefined,
  timestamp: string | undefined,
  now: Date,
  toleranceSeconds = 300,
): string | undefined {
  if (!signature || !timestamp || !/^\d+$/.test(timestamp)) return 'missing signature or timestamp';
  if (Math.abs(Math.floor(now.getTime() / 1000) - Number(timestamp)) > toleranceSeconds) return 'stale timestamp';
  const expected = Buffer.from(`v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`);
  const got = Buffer.from(signature);
  if (expected.length !== got.length || !timingSafeEqual(expected, got)) return 'bad signature';
  return undefined;
}

const SAFE_ID = /^[A-Za-z0-9_.:-]{1,64}$/;

export function createReceiver(options: ReceiverOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const f = options.fetch ?? fetch;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((l: string) => console.log(l));
  const maxBody = options.maxBody ?? 64 * 1024;

  const send = (res: ServerResponse, status: number, text: string) => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(text);
  };

  const fetchFromOnward = async (url: string): Promise<Response> => {
    const u = new URL(url);
    // Never send our token anywhere but the council's Onward, even if a message names another address.
    if (u.origin !== options.onwardOrigin) throw new Error('link outside Onward');
    const r = await f(u, { headers: { authorization: `Bearer ${options.apiToken}` }, redirect: 'error' });
    if (!r.ok) throw new Error(`Onward answered ${r.status}`);
    return r;
  };

  const file = async (msg: WebhookMessage, raw: string): Promise<'filed' | 'already'> => {
    const { planId, youngPersonId } = msg.data;
    if (!SAFE_ID.test(planId) || !SAFE_ID.test(youngPersonId)) throw new Error('unexpected ids');
    const dir = join(options.folder, youngPersonId, planId);
    const done = await stat(join(dir, 'record.json')).then(
      () => true,
      () => false,
    );
    if (done) return 'already'; // Onward retried a message we had filed: answer 200 again, change nothing.
    const record = await (await fetchFromOnward(msg.data.exportUrl)).json();
    const pdf = new Uint8Array(await (await fetchFromOnward(msg.data.pdfUrl)).arrayBuffer());
    if (new TextDecoder().decode(pdf.slice(0, 5)) !== '%PDF-') throw new Error('not a PDF');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'plan.pdf'), pdf);
    await writeFile(join(dir, 'webhook.json'), raw);
    // record.json last, by rename, so its presence means "everything is filed".
    await writeFile(join(dir, 'record.json.part'), JSON.stringify(record, null, 2));
    await rename(join(dir, 'record.json.part'), join(dir, 'record.json'));
    await appendFile(join(options.folder, 'index.csv'), `${msg.occurredAt},${youngPersonId},${planId},${msg.id}\n`);
    return 'filed';
  };

  return (req, res) => {
    if (req.method !== 'POST' || req.url !== '/onward/webhook') return send(res, 404, 'not found');
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > maxBody) {
        send(res, 413, 'too large');
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (res.writableEnded) return;
      const raw = Buffer.concat(chunks).toString('utf8');
      const problem = checkSignature(
        options.secret,
        raw,
        req.headers['onward-webhook-signature'] as string | undefined,
        req.headers['onward-webhook-timestamp'] as string | undefined,
        now(),
        options.toleranceSeconds,
      );
      if (problem) {
        log(`refused webhook: ${problem}`);
        return send(res, 401, 'signature check failed');
      }
      let msg: WebhookMessage;
      try {
        msg = JSON.parse(raw) as WebhookMessage;
      } catch {
        return send(res, 400, 'bad JSON');
      }
      if (msg.type !== 'plan.authorised') return send(res, 200, 'ignored');
      file(msg, raw).then(
        (result) => {
          log(`${result} plan ${msg.data.planId}`);
          send(res, 200, result);
        },
        (e: Error) => {
          log(`could not file plan ${msg.data?.planId}: ${e.message}`);
          send(res, 502, 'could not file; please retry');
        },
      );
    });
  };
}

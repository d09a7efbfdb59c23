// The body limit, applied to every request before anything else reads it (before the session lookup, the CSRF
// check or a route): a declared Content-Length over the limit is refused at once, reading nothing; a body without
// one (chunked) is read as it streams and refused as soon as it passes the limit. What passes is held in memory
// (at most the limit) and handed on, so routes and pages read it as usual. A refusal closes the connection, so a
// client that keeps sending does not keep the server reading.
import type { MiddlewareHandler } from 'hono';
import { HttpProblem } from './problem.js';

/** Biggest request body accepted, in bytes. */
export const BODY_LIMIT = 256 * 1024;

export function tooLarge(limit = BODY_LIMIT): HttpProblem {
  return new HttpProblem(
    413,
    'too-large',
    `The body is bigger than ${Math.round(limit / 1024)} KiB. Send less at a time.`,
    undefined,
    { connection: 'close' },
  );
}

/** Methods whose body Onward never reads: the Node adapter gives them none, and Node discards what is sent. */
const NO_BODY = new Set(['GET', 'HEAD', 'OPTIONS']);

export function limitBodies(limit = BODY_LIMIT): MiddlewareHandler {
  return async (c, next) => {
    if (NO_BODY.has(c.req.method)) return next();
    const declared = c.req.header('content-length');
    const chunked = c.req.header('transfer-encoding') !== undefined;
    if (declared !== undefined && !chunked) {
      // A length that is not a plain number is a malformed request; one over the limit is refused unread.
      if (!/^\d+$/.test(declared))
        throw new HttpProblem(400, 'invalid-body', 'The Content-Length header is not a number.');
      if (Number(declared) > limit) throw tooLarge(limit);
      if (Number(declared) === 0) return next();
    }
    const stream = c.req.raw.body;
    if (!stream) return next();
    const reader = stream.getReader();
    const parts: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        // Stop pulling; the adapter drains what is in flight briefly, then closes the socket.
        reader.releaseLock();
        throw tooLarge(limit);
      }
      parts.push(value);
    }
    const whole = new Uint8Array(size);
    let at = 0;
    for (const p of parts) {
      whole.set(p, at);
      at += p.byteLength;
    }
    c.req.raw = new Request(c.req.raw, { body: whole });
    return next();
  };
}

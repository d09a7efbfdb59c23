// The address itself is text too: an id or a filter with a NUL character in it (`/api/plans/%00`) would reach
// PostgreSQL and fail there (500). It is refused with 400, naming the part of the address.
import type { MiddlewareHandler } from 'hono';
import type { Env } from './context.js';
import { isUnstorable } from './context.js';
import { HttpProblem } from './problem.js';

function decoded(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s; // Hono keeps an undecodable segment as it was sent: plain text, harmless.
  }
}

export function refuseUnstorableAddress(): MiddlewareHandler<Env> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const errors: { path: string; message: string }[] = [];
    if (url.pathname.split('/').some((seg) => isUnstorable(decoded(seg))))
      errors.push({ path: 'address', message: 'The address has a character we cannot read (a hidden NUL character).' });
    for (const [k, v] of url.searchParams)
      if (isUnstorable(k) || isUnstorable(v))
        errors.push({
          path: isUnstorable(k) ? 'query' : k,
          message: `The filter ${isUnstorable(k) ? '' : `"${k}" `}has a character we cannot read (a hidden NUL character).`,
        });
    if (errors.length)
      throw new HttpProblem(400, 'invalid-body', `${errors.length} problem(s) with the address.`, errors);
    return next();
  };
}

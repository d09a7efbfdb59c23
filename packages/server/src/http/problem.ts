// RFC 9457 problem documents (application/problem+json). Handlers throw HttpProblem; the app turns it into a
// response. `errors` names each field that needs fixing.

export interface FieldProblem {
  path: string;
  message: string;
}

export const PROBLEM_BASE = 'https://onward.example/problems/';

export type ProblemType =
  | 'invalid-body'
  | 'unauthenticated'
  | 'forbidden'
  | 'csrf'
  | 'not-found'
  | 'conflict'
  | 'too-large'
  | 'unsupported-media-type'
  | 'rate-limited'
  | 'unprocessable'
  | 'unavailable'
  | 'server-error';

const TITLES: Record<ProblemType, string> = {
  'invalid-body': 'Some of what was sent needs fixing',
  unauthenticated: 'You need to sign in',
  forbidden: 'You cannot do this',
  csrf: 'This request was refused to keep your account safe',
  'not-found': 'Not found',
  conflict: 'This cannot be done now',
  'too-large': 'What was sent is too big',
  'unsupported-media-type': 'Send JSON',
  'rate-limited': 'Too many tries',
  unprocessable: 'Some of what was sent needs fixing',
  unavailable: 'Not available just now',
  'server-error': 'Something went wrong on our side',
};

export class HttpProblem extends Error {
  override readonly name = 'HttpProblem';
  constructor(
    readonly status: number,
    readonly type: ProblemType,
    readonly detail: string,
    readonly errors?: FieldProblem[],
    readonly headers: Record<string, string> = {},
    /** More members of the problem document (RFC 9457 extensions), e.g. a checklist conflict's answers. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
  }

  body(requestId: string): Record<string, unknown> {
    return {
      type: PROBLEM_BASE + this.type,
      title: TITLES[this.type],
      status: this.status,
      detail: this.detail,
      requestId,
      ...(this.errors ? { errors: this.errors } : {}),
      ...this.extensions,
    };
  }
}

export const notFound = (what = 'record'): HttpProblem =>
  new HttpProblem(404, 'not-found', `There is no ${what} here, or you do not have access to it.`);
export const forbidden = (detail: string): HttpProblem => new HttpProblem(403, 'forbidden', detail);
export const conflict = (detail: string): HttpProblem => new HttpProblem(409, 'conflict', detail);
export const invalid = (errors: FieldProblem[]): HttpProblem =>
  new HttpProblem(
    400,
    'invalid-body',
    errors.length === 1 ? '1 problem with what was sent.' : `${errors.length} problems with what was sent.`,
    errors,
  );

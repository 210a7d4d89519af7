/**
 * Domain errors carry the problem slug of the public API (docs/api.md, "Errors"), so a handler
 * turns any of them into problem+json without a mapping table of its own.
 */

export const problemStatus = {
  'validation-failed': 400,
  unauthorized: 401,
  // Not in API.md's list: for a caller who may see a complaint but not act on it (an official of
  // the authorized body asked to extend an akimat's complaint). Hiding it as not-found would lie.
  forbidden: 403,
  'not-found': 404,
  'method-not-allowed': 405,
  'invalid-state': 409,
  'version-conflict': 412,
  'extension-not-allowed': 409,
  'extension-limit-exceeded': 422,
  'idempotency-conflict': 422,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'rate-limited': 429,
  internal: 500,
} as const;

export type ProblemSlug = keyof typeof problemStatus;

/** One field-level complaint about the input: `path` in dot notation (`applicant.iin`). */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly slug: ProblemSlug,
    readonly detail: string,
    readonly errors: readonly FieldError[] = [],
  ) {
    super(detail);
  }

  get status(): number {
    return problemStatus[this.slug];
  }
}

export function validationFailed(detail: string, errors: readonly FieldError[] = []): DomainError {
  return new DomainError('validation-failed', detail, errors);
}

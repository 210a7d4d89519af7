/**
 * The API client: JSON in and out, problem+json turned into a `Problem` the pages show next to
 * the field or action it concerns. Credentials come from the caller: the applicant's access token
 * or the official's ID token, always in the Authorization header, never in a URL.
 */

import { loadConfig } from './config.js';

export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

/** RFC 9457, as the API answers it; `network` when no answer came at all. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail: string,
    readonly errors: readonly FieldProblem[] = [],
  ) {
    super(detail === '' ? title : detail);
  }

  /** The message for one field (`applicant.iin`), if the API named it. */
  forField(path: string): string | undefined {
    return this.errors.find((error) => error.path === path)?.message;
  }
}

export interface RequestOptions {
  readonly method?: 'GET' | 'POST';
  readonly body?: unknown;
  readonly bearer?: string | undefined;
  readonly idempotencyKey?: string;
  readonly accept?: string;
}

async function problemOf(response: Response): Promise<Problem> {
  try {
    const body = (await response.json()) as Partial<{
      type: string;
      title: string;
      detail: string;
      errors: FieldProblem[];
    }>;
    return new Problem(
      response.status,
      (body.type ?? '').replace(/^urn:problem:/, ''),
      body.title ?? '',
      body.detail ?? '',
      Array.isArray(body.errors) ? body.errors : [],
    );
  } catch {
    return new Problem(response.status, 'internal', response.statusText, '');
  }
}

export async function send(path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: options.accept ?? 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.bearer !== undefined) headers.authorization = `Bearer ${options.bearer}`;
  if (options.idempotencyKey !== undefined) headers['idempotency-key'] = options.idempotencyKey;
  const language = document.documentElement.lang;
  if (language !== '') headers['accept-language'] = language;
  let response: Response;
  try {
    const { apiUrl } = await loadConfig();
    response = await fetch(`${apiUrl}${path}`, {
      method: options.method ?? 'GET',
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
  } catch {
    throw new Problem(0, 'network', '', '');
  }
  if (!response.ok) throw await problemOf(response);
  return response;
}

/** A JSON answer, typed by the route's response schema (shared/validation/responses.ts). */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  return (await response.json()) as T;
}

export function query(parameters: Record<string, string | number | undefined>): string {
  const entries = Object.entries(parameters).filter(
    (entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '',
  );
  return entries.length === 0
    ? ''
    : `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}`;
}

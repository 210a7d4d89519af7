/**
 * `POST /v1/access-links` (docs/api.md, "Access links"): a registration number as the API gives
 * them and an e-mail address; the answer, always the same empty object. A request that is not of
 * this shape is refused like any other (400): that says nothing about any complaint.
 */

import * as z from 'zod';

/** R14: `<addressee>/<year>/<six digits or more>`, the addressee an id of the directory. */
const registrationNumberPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*\/\d{4}\/\d{6,9}$/;

const required =
  (expected: string) =>
  (issue: { readonly input?: unknown }): string =>
    issue.input === undefined ? 'is required' : expected;

export const accessLinkRequestSchema = z.strictObject(
  {
    registrationNumber: z
      .string({ error: required('must be a registration number') })
      .max(160, { error: 'must be a registration number, e.g. akimat-astana/2026/000042' })
      .regex(registrationNumberPattern, {
        error: 'must be a registration number, e.g. akimat-astana/2026/000042',
      }),
    email: z
      .email({ error: required('must be an e-mail address') })
      .max(254, { error: 'must be at most 254 characters' }),
  },
  { error: required('must be an object') },
);

/** The answer: nothing, whether or not the pair named a complaint. */
export const accessLinkAnswerSchema = z.strictObject({});

export type AccessLinkRequest = z.infer<typeof accessLinkRequestSchema>;

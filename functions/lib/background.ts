/**
 * What the scheduled functions share: a middy pipeline with the Lambda context in the logs, input
 * checked with zod (a malformed input is logged and dropped: retrying it cannot help), each
 * invocation traced (X-Ray, where tracing is on), and the authorized body's id from the directory.
 */

import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import type * as z from 'zod';
import type { BodyDirectory } from '../../shared/ports.js';
import { authorizedBody } from './directory.js';
import { tracingMiddleware } from './wiring/tracing.js';

export type BackgroundHandler<R> = (
  event: unknown,
  context: Context,
) => Promise<R | { readonly outcome: 'malformed-input' }>;

export function createBackgroundHandler<S extends z.ZodType, R>(
  schema: S,
  logger: Logger,
  run: (input: z.output<S>, context: Context) => Promise<R>,
): BackgroundHandler<R> {
  const handler = middy<unknown, R | { readonly outcome: 'malformed-input' }>()
    .use(tracingMiddleware<unknown, R | { readonly outcome: 'malformed-input' }>())
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event, context) => {
      const input = schema.safeParse(event);
      if (!input.success) {
        logger.error('Malformed input dropped', {
          issues: input.error.issues.map((i) => i.path.join('.')),
        });
        return { outcome: 'malformed-input' } as const;
      }
      return run(input.data, context);
    });
  return (event, context) => handler(event, context);
}

/** The authorized body (R1: there is one): it is alerted of what goes wrong anywhere. */
export async function authorizedBodyId(directory: BodyDirectory): Promise<string> {
  return (await authorizedBody(directory)).id;
}

/**
 * Loads the body directory (R2) into the table: run by the deployment after the table exists and
 * whenever the directory changes (a CDK trigger), as `npm start` does locally. Idempotent. Traced
 * like every function (X-Ray, where tracing is on).
 */

import { Logger } from '@aws-lambda-powertools/logger';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../../shared/adapters/dynamodb/client.js';
import { loadDirectory } from '../../shared/adapters/dynamodb/directory-repository.js';
import { bodyDirectory } from '../../shared/bodies/index.js';
import { requiredEnv, serviceName } from '../lib/dependencies.js';
import { traced, tracingMiddleware } from '../lib/wiring/tracing.js';

const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? serviceName });

interface Loaded {
  readonly bodies: number;
}

const seed = middy<unknown, Loaded>()
  .use(tracingMiddleware<unknown, Loaded>())
  .handler(async () => {
    await loadDirectory(
      createDocumentClient(traced(createDynamoDbClient())),
      requiredEnv('TABLE_NAME'),
      bodyDirectory,
    );
    logger.info('Directory loaded', { bodies: bodyDirectory.length });
    return { bodies: bodyDirectory.length };
  });

/** The trigger invokes it as a Lambda; tests call it with nothing (middy's own defaults). */
export function handler(event: unknown = {}, context = {} as Context): Promise<Loaded> {
  return seed(event, context);
}

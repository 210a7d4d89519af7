/**
 * Loads the body directory (R2) into the table: run by the deployment after the table exists and
 * whenever the directory changes (a CDK trigger), as `npm start` does locally. Idempotent.
 */

import { Logger } from '@aws-lambda-powertools/logger';
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../../shared/adapters/dynamodb/client.js';
import { loadDirectory } from '../../shared/adapters/dynamodb/directory-repository.js';
import { bodyDirectory } from '../../shared/bodies/index.js';
import { requiredEnv, serviceName } from '../lib/dependencies.js';

const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? serviceName });

export async function handler(): Promise<{ readonly bodies: number }> {
  await loadDirectory(
    createDocumentClient(createDynamoDbClient()),
    requiredEnv('TABLE_NAME'),
    bodyDirectory,
  );
  logger.info('Directory loaded', { bodies: bodyDirectory.length });
  return { bodies: bodyDirectory.length };
}

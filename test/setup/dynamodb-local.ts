/**
 * vitest global setup: one DynamoDB Local, in memory, on a free port, for every test file (each
 * file makes its own table). Stopped, with its whole process group, when the run ends.
 */

import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../infra/local/dynamodb.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dynamoDb = await startDynamoDbLocal();
  project.provide('dynamodbEndpoint', dynamoDb.endpoint);
  return dynamoDb.stop;
}

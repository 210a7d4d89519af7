/** The system under test on the DynamoDB Local that the global setup started. */

import { inject } from 'vitest';
import { createSystem, type Harness, type SystemOptions } from '../support/system.js';

export { field, type CallOptions, type Harness, type Reply } from '../support/system.js';

export function createHarness(options: SystemOptions = {}): Promise<Harness> {
  return createSystem(inject('dynamodbEndpoint'), options);
}

/**
 * The deployment's seed step (R2): the handler the CDK trigger runs loads the body directory into an
 * empty table on DynamoDB Local, and running it again (a redeploy) leaves the same directory.
 */

import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { ensureTable } from '../../infra/local/dynamodb.js';
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../../shared/adapters/dynamodb/client.js';
import { DynamoBodyDirectory } from '../../shared/adapters/dynamodb/directory-repository.js';
import { bodyDirectory } from '../../shared/bodies/index.js';
import { handler } from '../../functions/seed-directory/handler.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('seed-directory, the deployment step', () => {
  it('R2: loads every body of the directory, and a second run changes nothing', async () => {
    const endpoint = inject('dynamodbEndpoint');
    const tableName = `seed-${randomUUID()}`;
    const client = createDynamoDbClient({ endpoint });
    await ensureTable(client, tableName);
    vi.stubEnv('TABLE_NAME', tableName);
    vi.stubEnv('DYNAMODB_ENDPOINT', endpoint);

    const read = async () =>
      [...(await new DynamoBodyDirectory(createDocumentClient(client), tableName, 0).all())].sort(
        (a, b) => a.id.localeCompare(b.id),
      );
    expect(await read()).toEqual([]);

    expect(await handler()).toEqual({ bodies: bodyDirectory.length });
    const expected = [...bodyDirectory].sort((a, b) => a.id.localeCompare(b.id));
    expect(await read()).toEqual(expected);

    expect(await handler()).toEqual({ bodies: bodyDirectory.length });
    expect(await read()).toEqual(expected);
  });

  it('fails loudly without its table, so the deployment stops rather than run with no directory', async () => {
    vi.stubEnv('TABLE_NAME', undefined);
    await expect(handler()).rejects.toThrow(/TABLE_NAME/);
  });
});

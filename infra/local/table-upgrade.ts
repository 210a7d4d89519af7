/**
 * A table made by an earlier version of `npm start` (its data kept in `.local/`) lacks what later
 * versions added: its stream (the outbox) and GSI3 (what reconciliation reads). This adds them in
 * place, as a deployment's CloudFormation update does in AWS; and the lookup item of every
 * registration number (what `POST /v1/access-links` reads) for complaints filed before it existed.
 */

import {
  DescribeTableCommand,
  UpdateTableCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '../../shared/adapters/dynamodb/client.js';
import { addRegistrationLookups } from '../../shared/adapters/dynamodb/registration-lookups.js';
import { createTableInput } from '../../shared/adapters/dynamodb/table.js';

export async function upgradeTable(client: DynamoDBClient, tableName: string): Promise<void> {
  const wanted = createTableInput(tableName);
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  if (!Table?.StreamSpecification?.StreamEnabled && wanted.StreamSpecification) {
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        StreamSpecification: wanted.StreamSpecification,
      }),
    );
  }
  const present = new Set((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  for (const index of wanted.GlobalSecondaryIndexes ?? []) {
    if (present.has(index.IndexName)) continue;
    const keys = new Set((index.KeySchema ?? []).map((key) => key.AttributeName));
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: (wanted.AttributeDefinitions ?? []).filter((attribute) =>
          keys.has(attribute.AttributeName),
        ),
        GlobalSecondaryIndexUpdates: [
          {
            Create: {
              IndexName: index.IndexName,
              KeySchema: index.KeySchema,
              Projection: index.Projection,
            },
          },
        ],
      }),
    );
  }
  await addRegistrationLookups(createDocumentClient(client), tableName);
}

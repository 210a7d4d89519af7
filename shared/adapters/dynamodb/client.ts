/**
 * The DynamoDB document client, configured from the environment: in AWS the Lambda's own region and
 * credentials; locally `DYNAMODB_ENDPOINT` points it at DynamoDB Local. Nothing else differs.
 */

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DynamoDbSettings {
  readonly endpoint?: string | undefined;
  readonly region?: string | undefined;
}

export function createDynamoDbClient(settings: DynamoDbSettings = {}): DynamoDBClient {
  const endpoint = settings.endpoint ?? process.env.DYNAMODB_ENDPOINT;
  return new DynamoDBClient({
    region: settings.region ?? process.env.AWS_REGION ?? 'eu-central-1',
    ...(endpoint
      ? {
          endpoint,
          // DynamoDB Local accepts any credentials; the SDK insists on having some.
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : {}),
  });
}

export function createDocumentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
}

/**
 * CalendarUpkeep (R22) in the table: one partition, `SYSTEM#calendar`, with the last recount
 * (`RECOUNT`) and one item per warning given (`WARNING#<key>`), written conditionally so that two
 * runs never send the same warning.
 */

import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { IsoDate } from '../../calendar/dates.js';
import type { CalendarUpkeep } from '../../ports.js';

const partition = 'SYSTEM#calendar';

export class DynamoCalendarUpkeep implements CalendarUpkeep {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async recountedThrough(): Promise<IsoDate | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { PK: partition, SK: 'RECOUNT' },
        ConsistentRead: true,
      }),
    );
    return typeof Item?.through === 'string' ? Item.through : undefined;
  }

  async recordRecounted(end: IsoDate): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { PK: partition, SK: 'RECOUNT', type: 'calendar-recount', through: end },
      }),
    );
  }

  async claimWarning(key: string): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { PK: partition, SK: `WARNING#${key}`, type: 'calendar-warning' },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async releaseWarning(key: string): Promise<void> {
    await this.client.send(
      new DeleteCommand({
        TableName: this.tableName,
        Key: { PK: partition, SK: `WARNING#${key}` },
      }),
    );
  }
}

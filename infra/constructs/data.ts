/**
 * The one table (docs/architecture.md), with the keys and indexes the local runner
 * creates from the same description, encrypted with the stage's own KMS key, with point-in-time
 * recovery; in production also deletion protection and RETAIN.
 */

import { Duration } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { tableKeys } from '../../shared/adapters/dynamodb/table.js';
import { tableActions, type TableAccess } from '../catalog.js';
import type { StageSettings } from '../stage.js';

export class Data extends Construct {
  readonly key: kms.Key;
  readonly table: dynamodb.TableV2;

  constructor(scope: Construct, id: string, props: { readonly stage: StageSettings }) {
    super(scope, id);
    const { stage } = props;
    this.key = new kms.Key(this, 'key', {
      alias: `alias/${stage.prefix}`,
      description: 'Complaints, their history and notices: the table, queues and topics',
      enableKeyRotation: true,
      rotationPeriod: Duration.days(365),
      removalPolicy: stage.removalPolicy,
    });
    const { partitionKey, sortKey, gsi1, gsi2, gsi3, timeToLive } = tableKeys;
    const text = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });
    this.table = new dynamodb.TableV2(this, 'table', {
      tableName: stage.prefix,
      partitionKey: text(partitionKey),
      sortKey: text(sortKey),
      billing: dynamodb.Billing.onDemand(),
      // The outbox: the stream consumer reads every change with its old and new image.
      dynamoStream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
      globalSecondaryIndexes: [gsi1, gsi2, gsi3].map((index) => ({
        indexName: index.indexName,
        partitionKey: text(index.partitionKey),
        sortKey: text(index.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      })),
      timeToLiveAttribute: timeToLive,
      encryption: dynamodb.TableEncryptionV2.customerManagedKey(this.key),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: stage.production,
      removalPolicy: stage.removalPolicy,
    });
  }

  /** What the catalog says a function may do with the table: those actions, and the key for them. */
  grant(role: iam.IGrantable, access: TableAccess): void {
    role.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: [...tableActions[access]],
        // The table and its indexes by name: no wildcard.
        resources:
          access === 'load'
            ? [this.table.tableArn]
            : [
                this.table.tableArn,
                ...[tableKeys.gsi1, tableKeys.gsi2, tableKeys.gsi3].map(
                  (index) => `${this.table.tableArn}/index/${index.indexName}`,
                ),
              ],
      }),
    );
    const keyActions =
      access === 'read' ? ['kms:Decrypt'] : ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'];
    role.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: keyActions, resources: [this.key.keyArn] }),
    );
  }
}

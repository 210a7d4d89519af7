/**
 * The table's stream as the outbox (docs/architecture.md): the stream consumer reads it through an
 * event source mapping that reports batch item failures, splits a failing batch, tries a bounded
 * number of times and then sends what it gave up on to a queue, which an alarm watches. Only a
 * complaint's META and REC# items reach the function (the catalog's filter, as the local poller).
 */

import { Duration, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { streamSortKeys } from '../../functions/stream/filter.js';
import { streamConsumption } from '../catalog.js';
import type { StageSettings } from '../stage.js';
import type { DeployedFunction } from './functions.js';

export class Outbox extends Construct {
  /** Stream records the consumer gave up on after its last try: each one needs a person. */
  readonly failures: sqs.Queue;

  constructor(scope: Construct, id: string, props: { readonly stage: StageSettings }) {
    super(scope, id);
    const { stage } = props;
    this.failures = new sqs.Queue(this, 'stream-failures', {
      queueName: `${stage.prefix}-stream-failures`,
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: stage.removalPolicy,
    });
    Validations.of(this.failures).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is the on-failure destination of the stream consumer: it holds what the consumer gave up on. The alarm on its depth is the follow-up.',
    });
  }

  /** Feeds the table's stream to the consumer, in order per complaint. */
  consume(fn: DeployedFunction, table: dynamodb.TableV2): void {
    const stream = table.tableStreamArn;
    if (stream === undefined) throw new Error('The table has no stream to consume');
    table.grantStreamRead(fn.function);
    fn.function.addEventSourceMapping('stream', {
      eventSourceArn: stream,
      startingPosition: lambda.StartingPosition.TRIM_HORIZON,
      batchSize: streamConsumption.batchSize,
      maxBatchingWindow: Duration.seconds(streamConsumption.maxBatchingWindowSeconds),
      retryAttempts: streamConsumption.retryAttempts,
      bisectBatchOnError: true,
      reportBatchItemFailures: true,
      // One batch at a time per shard: a complaint's changes are carried out in order.
      parallelizationFactor: 1,
      onFailure: new SqsDlq(this.failures),
      filters: [
        lambda.FilterCriteria.filter({
          dynamodb: {
            Keys: {
              SK: {
                S: [
                  ...lambda.FilterRule.or(...streamSortKeys.exactly),
                  ...streamSortKeys.prefixes.flatMap((prefix) =>
                    lambda.FilterRule.beginsWith(prefix),
                  ),
                ],
              },
            },
          },
        }),
      ],
    });
  }
}

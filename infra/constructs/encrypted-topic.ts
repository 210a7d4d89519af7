/**
 * An SNS topic encrypted with the stack's key, which one AWS service publishes to: the key lets
 * that service (of this account only) encrypt for the topic, and nothing more.
 */

import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';

export function encryptedTopic(
  scope: Construct,
  id: string,
  props: { readonly topicName: string; readonly key: kms.IKey; readonly publisher: string },
): sns.Topic {
  const topic = new sns.Topic(scope, id, {
    topicName: props.topicName,
    masterKey: props.key,
    enforceSSL: true,
  });
  props.key.addToResourcePolicy(
    new iam.PolicyStatement({
      principals: [new iam.ServicePrincipal(props.publisher)],
      actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
      resources: ['*'], // in a key policy: this key
      conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(scope).account } },
    }),
  );
  return topic;
}

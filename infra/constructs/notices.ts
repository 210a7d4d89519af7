/**
 * E-mail through SES: the sender identity the deployer names (an address, or a whole domain), a
 * configuration set whose bounce, complaint and reject events go, through an encrypted SNS topic,
 * to the delivery-events function, which marks the notice failed (R9).
 */

import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { StageSettings } from '../stage.js';
import { encryptedTopic } from './encrypted-topic.js';
import type { DeployedFunction } from './functions.js';

export class Notices extends Construct {
  readonly identity: ses.EmailIdentity;
  readonly configurationSet: ses.ConfigurationSet;
  readonly events: sns.Topic;
  private readonly stage: StageSettings;

  constructor(
    scope: Construct,
    id: string,
    props: { readonly stage: StageSettings; readonly key: kms.IKey },
  ) {
    super(scope, id);
    const { stage } = props;
    this.stage = stage;
    this.identity = new ses.EmailIdentity(this, 'sender', {
      identity:
        stage.senderDomain === undefined
          ? ses.Identity.email(stage.senderEmail)
          : ses.Identity.domain(stage.senderDomain),
    });
    this.configurationSet = new ses.ConfigurationSet(this, 'configuration-set', {
      configurationSetName: stage.prefix,
      reputationMetrics: true,
    });
    this.events = encryptedTopic(this, 'delivery-events', {
      topicName: `${stage.prefix}-delivery-events`,
      key: props.key,
      publisher: 'ses.amazonaws.com',
    });
    this.configurationSet.addEventDestination('bounces-and-complaints', {
      destination: ses.EventDestination.snsTopic(this.events),
      events: [
        ses.EmailSendingEvent.BOUNCE,
        ses.EmailSendingEvent.COMPLAINT,
        ses.EmailSendingEvent.REJECT,
      ],
    });
  }

  get environment() {
    return {
      SENDER_EMAIL: this.stage.senderEmail,
      SES_CONFIGURATION_SET: this.configurationSet.configurationSetName,
    };
  }

  /** The notice function sends from the sender address only, through this configuration set. */
  grantSend(fn: DeployedFunction): void {
    const stack = Stack.of(this);
    fn.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [
          stack.formatArn({
            service: 'ses',
            resource: 'identity',
            resourceName: this.identity.emailIdentityName,
          }),
          stack.formatArn({
            service: 'ses',
            resource: 'configuration-set',
            resourceName: this.configurationSet.configurationSetName,
          }),
        ],
        conditions: { StringEquals: { 'ses:FromAddress': this.stage.senderEmail } },
      }),
    );
  }

  subscribe(fn: DeployedFunction): void {
    this.events.addSubscription(new LambdaSubscription(fn.function));
  }
}

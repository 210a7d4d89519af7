/**
 * EventBridge Scheduler (docs/architecture.md): the stage's group for
 * per-complaint schedules, the role Scheduler assumes to invoke the deadline and notice functions
 * (and nothing else), the queue of what could not be delivered or failed every try, and the
 * reconciliation every few minutes.
 */

import { Duration, Stack, Token, Validations } from 'aws-cdk-lib';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import * as iam from 'aws-cdk-lib/aws-iam';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { reconciliationMinutes } from '../catalog.js';
import type { StageSettings } from '../stage.js';
import { deployedArn, type DeployedFunction } from './functions.js';

export class Scheduling extends Construct {
  readonly group: scheduler.ScheduleGroup;
  readonly role: iam.Role;
  readonly failedInvocations: sqs.Queue;
  private readonly stage: StageSettings;

  constructor(scope: Construct, id: string, props: { readonly stage: StageSettings }) {
    super(scope, id);
    const { stage } = props;
    this.stage = stage;
    this.failedInvocations = new sqs.Queue(this, 'failed-invocations', {
      queueName: `${stage.prefix}-failed-invocations`,
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: stage.removalPolicy,
    });
    Validations.of(this.failedInvocations).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is the dead-letter queue: of schedules Scheduler could not deliver and of scheduled functions that failed every retry. The alarm on its depth is the follow-up.',
    });
    this.group = new scheduler.ScheduleGroup(this, 'group', {
      scheduleGroupName: stage.prefix,
      removalPolicy: stage.removalPolicy,
    });
    const stack = Stack.of(this);
    this.role = new iam.Role(this, 'role', {
      description: 'Assumed by EventBridge Scheduler to invoke the deadline and notice functions',
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
    });
    // The per-complaint schedules' targets, by name: they are made at run time, not here.
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: ['deadline', 'notice'].map((name) => deployedArn(this, stage, name)),
      }),
    );
    this.failedInvocations.grantSendMessages(this.role);
  }

  /** The environment the catalog's scheduling variables take in this stage. */
  get environment() {
    return {
      SCHEDULE_GROUP: this.group.scheduleGroupName,
      SCHEDULER_ROLE_ARN: this.role.roleArn,
      SCHEDULE_DLQ_ARN: this.failedInvocations.queueArn,
      DEADLINE_FUNCTION_ARN: deployedArn(this, this.stage, 'deadline'),
      NOTICE_FUNCTION_ARN: deployedArn(this, this.stage, 'notice'),
    };
  }

  /**
   * A function that manages per-complaint schedules: those actions on its stage's group only, and
   * passing the Scheduler role (to Scheduler only).
   */
  grantManage(fn: DeployedFunction): void {
    const stack = Stack.of(this);
    const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
    Validations.of(fn.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:${stack.region}:${account}:schedule/${this.group.scheduleGroupName}/*]`,
      reason:
        'Per-complaint schedules are named at run time (<complaint>-overdue, <complaint>-<message>-<try>, …): the grant is to the stage’s own schedule group, and only to create, update and delete.',
    });
    fn.role.addToPolicy(
      new iam.PolicyStatement({
        actions: [
          'scheduler:CreateSchedule',
          'scheduler:UpdateSchedule',
          'scheduler:DeleteSchedule',
        ],
        resources: [
          stack.formatArn({
            service: 'scheduler',
            resource: 'schedule',
            resourceName: `${this.group.scheduleGroupName}/*`,
          }),
        ],
      }),
    );
    fn.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['iam:PassRole'],
        resources: [this.role.roleArn],
        conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
      }),
    );
  }

  /** Reconciliation lists a lagging complaint's schedules by name prefix. */
  grantList(fn: DeployedFunction): void {
    Validations.of(fn.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'scheduler:ListSchedules has no resource-level permissions; the role can only list, and reconciliation lists its own group by name prefix.',
    });
    fn.role.addToPolicy(
      new iam.PolicyStatement({ actions: ['scheduler:ListSchedules'], resources: ['*'] }),
    );
  }

  /**
   * Scheduler hands events to Lambda asynchronously; a function error is then Lambda's to retry,
   * twice, and after that the event lands in the same queue.
   */
  retryAsynchronously(fn: DeployedFunction): void {
    fn.function.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
      onFailure: new SqsDestination(this.failedInvocations),
    });
  }

  /** Reconciliation by exception (docs/architecture.md): every few minutes. */
  scheduleReconciliation(fn: DeployedFunction): scheduler.Schedule {
    const logicalId = Stack.of(this).resolve(
      (fn.function.node.defaultChild as CfnFunction).logicalId,
    ) as string;
    Validations.of(this.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>:*]`,
      reason:
        'Added by the LambdaInvoke target: the reconcile function and its versions, nothing else.',
    });
    return new scheduler.Schedule(this, 'reconciliation', {
      scheduleName: `${this.stage.prefix}-reconciliation`,
      description: 'Repairs what lags: schedules not confirmed, e-mails stuck pending',
      schedule: scheduler.ScheduleExpression.rate(Duration.minutes(reconciliationMinutes)),
      target: new LambdaInvoke(fn.function, {
        role: this.role,
        deadLetterQueue: this.failedInvocations,
        retryAttempts: 2,
      }),
    });
  }
}

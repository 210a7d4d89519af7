/**
 * What the operators watch: the functions' counts (complaints filed, overdue, e-mails sent and
 * failed: Powertools EMF, no API calls), the failed-invocations queue, and every function's errors
 * and throttles; alarms on what needs a person, to an encrypted topic; one dashboard.
 */

import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { GaugeName, MetricName } from '../../shared/ports.js';
import type { StageSettings } from '../stage.js';
import { encryptedTopic } from './encrypted-topic.js';
import type { DeployedFunction } from './functions.js';

export const metricsNamespace = 'ComplaintDesk';

export class Observability extends Construct {
  readonly alarms: sns.Topic;
  readonly dashboard: cloudwatch.Dashboard;

  constructor(
    scope: Construct,
    id: string,
    props: {
      readonly stage: StageSettings;
      readonly key: kms.IKey;
      readonly serviceName: string;
      readonly functions: readonly DeployedFunction[];
      readonly failedInvocations: sqs.IQueue;
      /** Stream records the consumer gave up on (the outbox's failure queue). */
      readonly streamFailures: sqs.IQueue;
      readonly apiName: string;
    },
  ) {
    super(scope, id);
    const { stage } = props;
    this.alarms = encryptedTopic(this, 'alarms', {
      topicName: `${stage.prefix}-alarms`,
      key: props.key,
      publisher: 'cloudwatch.amazonaws.com',
    });
    if (stage.alarmEmail !== undefined)
      this.alarms.addSubscription(new EmailSubscription(stage.alarmEmail));
    const action = new SnsAction(this.alarms);

    const count = (name: MetricName) =>
      new cloudwatch.Metric({
        namespace: metricsNamespace,
        metricName: name,
        dimensionsMap: { service: props.serviceName },
        statistic: cloudwatch.Stats.SUM,
        period: Duration.minutes(5),
      });
    const queueDepth = props.failedInvocations.metricApproximateNumberOfMessagesVisible({
      statistic: cloudwatch.Stats.MAXIMUM,
      period: Duration.minutes(5),
    });

    const alarm = (
      alarmId: string,
      metric: cloudwatch.IMetric,
      description: string,
    ): cloudwatch.Alarm => {
      const made = new cloudwatch.Alarm(this, alarmId, {
        alarmName: `${stage.prefix}-${alarmId}`,
        alarmDescription: description,
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      made.addAlarmAction(action);
      return made;
    };
    alarm(
      'failed-invocations',
      queueDepth,
      'A schedule could not be delivered, or a scheduled function failed every try: read the queue, fix, redrive.',
    );
    alarm(
      'stream-failures',
      props.streamFailures.metricApproximateNumberOfMessagesVisible({
        statistic: cloudwatch.Stats.MAXIMUM,
        period: Duration.minutes(5),
      }),
      'The stream consumer gave up on a change: its schedules or statistics are not carried out. Read the queue, fix, and let reconciliation repair the schedules (they lag in GSI3).',
    );
    alarm(
      'notices-failed',
      count('NoticesFailed'),
      'An e-mail notice or alert failed for good (R9): officials must send it another way.',
    );
    // R22: the daily reconciliation publishes the days left of the official calendar; from 90
    // days before its end, someone must add next year's (docs/guide.md).
    const calendarAlarm = new cloudwatch.Alarm(this, 'calendar-ending', {
      alarmName: `${stage.prefix}-calendar-ending`,
      alarmDescription:
        'The official working-day calendar ends within 90 days (R22): add next year’s calendar (shared/calendar/years.ts) and deploy.',
      metric: new cloudwatch.Metric({
        namespace: metricsNamespace,
        metricName: 'CalendarDaysLeft' satisfies GaugeName,
        dimensionsMap: { service: props.serviceName },
        statistic: cloudwatch.Stats.MINIMUM,
        period: Duration.days(1),
      }),
      threshold: 90,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_OR_EQUAL_TO_THRESHOLD,
      // The figure comes once a day; a day without one is no news.
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    calendarAlarm.addAlarmAction(action);
    for (const { definition, function: fn } of props.functions) {
      alarm(
        `${definition.name}-errors`,
        fn.metricErrors({ period: Duration.minutes(5) }),
        `${definition.name} failed`,
      );
      alarm(
        `${definition.name}-throttles`,
        fn.metricThrottles({ period: Duration.minutes(5) }),
        `${definition.name} was throttled`,
      );
    }

    const apiMetric = (metricName: string, statistic: string) =>
      new cloudwatch.Metric({
        namespace: 'AWS/ApiGateway',
        metricName,
        dimensionsMap: { ApiName: props.apiName },
        statistic,
        period: Duration.minutes(5),
      });
    this.dashboard = new cloudwatch.Dashboard(this, 'dashboard', {
      dashboardName: stage.prefix,
      widgets: [
        [
          new cloudwatch.GraphWidget({
            title: 'Complaints',
            left: [count('ComplaintsFiled'), count('ComplaintsOverdue')],
          }),
          new cloudwatch.GraphWidget({
            title: 'E-mails (notices and alerts)',
            left: [count('NoticesSent'), count('NoticesFailed')],
          }),
          new cloudwatch.GraphWidget({ title: 'Failed invocations queue', left: [queueDepth] }),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'API requests and errors',
            left: [
              apiMetric('Count', 'Sum'),
              apiMetric('4XXError', 'Sum'),
              apiMetric('5XXError', 'Sum'),
            ],
          }),
          new cloudwatch.GraphWidget({
            title: 'API latency',
            left: [apiMetric('Latency', 'p50'), apiMetric('Latency', 'p99')],
          }),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'Function errors',
            left: props.functions.map((f) => f.function.metricErrors({ label: f.definition.name })),
          }),
          new cloudwatch.GraphWidget({
            title: 'Function throttles',
            left: props.functions.map((f) =>
              f.function.metricThrottles({ label: f.definition.name }),
            ),
          }),
          new cloudwatch.GraphWidget({
            title: 'Function duration p99',
            left: props.functions.map((f) =>
              f.function.metricDuration({ label: f.definition.name, statistic: 'p99' }),
            ),
          }),
        ],
      ],
    });
  }
}

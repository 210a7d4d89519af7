/**
 * The whole system in one stack, built from the catalog: data, scheduling, notices, functions, the
 * API and observability. Each function gets the catalog's variables with this stage's values (the
 * same names the local runner sets), and exactly the permissions the catalog says it needs.
 */

import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { Trigger } from 'aws-cdk-lib/triggers';
import type { Construct } from 'constructs';
import type { EnvironmentName } from './catalog.js';
import { Api } from './constructs/api.js';
import { Data } from './constructs/data.js';
import { Functions } from './constructs/functions.js';
import { metricsNamespace, Observability } from './constructs/observability.js';
import { Notices } from './constructs/notices.js';
import { Outbox } from './constructs/outbox.js';
import { Scheduling } from './constructs/scheduling.js';
import type { StageSettings } from './stage.js';

export class ComplaintDeskStack extends Stack {
  readonly data: Data;
  readonly scheduling: Scheduling;
  readonly notices: Notices;
  readonly outbox: Outbox;
  readonly functions: Functions;
  readonly api: Api;
  readonly observability: Observability;

  constructor(scope: Construct, id: string, props: StackProps & { readonly stage: StageSettings }) {
    super(scope, id, props);
    const { stage } = props;
    this.data = new Data(this, 'data', { stage });
    this.scheduling = new Scheduling(this, 'scheduling', { stage });
    this.notices = new Notices(this, 'notices', { stage, key: this.data.key });
    this.outbox = new Outbox(this, 'outbox', { stage });
    this.api = new Api(this, 'api', { stage });

    const serviceName = stage.prefix;
    // The web desk the follow-up links point to: `-c webDeskUrl=https://…`. INTERIM: without it,
    // the API's own URL (built from its id, which depends on no function), because the web desk's
    // CloudFront distribution does not exist yet; it is to be replaced by that distribution's URL.
    const contextUrl: unknown = this.node.tryGetContext('webDeskUrl');
    const webDeskUrl =
      typeof contextUrl === 'string' && contextUrl.trim() !== ''
        ? contextUrl.trim()
        : `https://${this.api.restApi.restApiId}.execute-api.${this.region}.${this.urlSuffix}/${stage.name}`;
    const environment: Record<EnvironmentName, string> = {
      TABLE_NAME: this.data.table.tableName,
      CORS_ORIGINS: stage.corsOrigins.join(','),
      ...this.api.environment,
      ...this.scheduling.environment,
      ...this.notices.environment,
      NOTICE_RETRY_DELAYS_SECONDS: '60,300,900,3600,14400',
      WEB_DESK_URL: webDeskUrl,
      POWERTOOLS_SERVICE_NAME: serviceName,
      POWERTOOLS_LOG_LEVEL: stage.production ? 'INFO' : 'DEBUG',
      POWERTOOLS_METRICS_NAMESPACE: metricsNamespace,
      POWERTOOLS_METRICS_DISABLED: 'false',
      POWERTOOLS_TRACE_ENABLED: 'true',
      // No personal data in traces, as in logs.
      POWERTOOLS_TRACER_CAPTURE_ERROR: 'false',
    };
    this.functions = new Functions(this, 'functions', { stage, environment });

    // Each function may do what the catalog says, and nothing more.
    for (const deployed of this.functions.all) {
      const { definition } = deployed;
      this.data.grant(deployed.role, definition.table);
      if (definition.managesSchedules) this.scheduling.grantManage(deployed);
      if (definition.sendsEmail) this.notices.grantSend(deployed);
      if (definition.scheduleTarget !== undefined || definition.sesEvents)
        this.scheduling.retryAsynchronously(deployed);
      if (definition.scheduleTarget === 'reconcile') {
        this.scheduling.scheduleReconciliation(deployed);
        this.scheduling.grantList(deployed);
      }
      if (definition.streamConsumer) this.outbox.consume(deployed, this.data.table);
      if (definition.sesEvents) this.notices.subscribe(deployed);
      if (definition.deploymentStep) {
        // Loads the directory after the table exists, and again whenever the function changes.
        new Trigger(this, `${definition.name}-trigger`, {
          handler: deployed.function,
          executeAfter: [this.data.table],
          executeOnHandlerChange: true,
        });
      }
    }
    this.api.serve(this.functions.all);

    this.observability = new Observability(this, 'observability', {
      stage,
      key: this.data.key,
      serviceName,
      functions: this.functions.all,
      failedInvocations: this.scheduling.failedInvocations,
      streamFailures: this.outbox.failures,
      apiName: this.api.restApi.restApiName,
    });

    // What the deployer needs next: officials' accounts go into this pool (README, "Deploying").
    new CfnOutput(this, 'UserPoolId', { value: this.api.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.api.client.userPoolClientId });
    new CfnOutput(this, 'SenderIdentity', {
      value: stage.senderDomain ?? stage.senderEmail,
      description: 'Verify it in SES (DNS records or the e-mail link) before notices can go out',
    });
  }
}

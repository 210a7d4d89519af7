/**
 * The whole system in one stack, built from the catalog: data, scheduling, notices, functions, the
 * API, the web desk and observability. Each function gets the catalog's variables with this stage's values (the
 * same names the local runner sets), and exactly the permissions the catalog says it needs.
 */

import { CfnOutput, Lazy, Stack, type StackProps } from 'aws-cdk-lib';
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
import { WebDesk } from './constructs/web-desk.js';
import type { StageSettings } from './stage.js';

export class ComplaintDeskStack extends Stack {
  readonly data: Data;
  readonly scheduling: Scheduling;
  readonly notices: Notices;
  readonly outbox: Outbox;
  readonly functions: Functions;
  readonly api: Api;
  readonly webDesk: WebDesk;
  readonly observability: Observability;

  constructor(scope: Construct, id: string, props: StackProps & { readonly stage: StageSettings }) {
    super(scope, id, props);
    const { stage } = props;
    this.data = new Data(this, 'data', { stage });
    this.scheduling = new Scheduling(this, 'scheduling', { stage });
    this.notices = new Notices(this, 'notices', { stage, key: this.data.key });
    this.outbox = new Outbox(this, 'outbox', { stage });
    // The API and the desk name each other: the desk's CSP and config the API (its id), the API's
    // sign-in redirects and CORS the desk (its distribution's domain). The API is built first and
    // takes the desk's origin lazily; in CloudFormation there is no cycle, since the distribution
    // depends on the REST API and the user pool domain alone, and the client, CORS and functions
    // on the distribution.
    const deskOrigin = Lazy.string({ produce: () => this.webDesk.url });
    this.api = new Api(this, 'api', { stage, deskOrigin });
    const apiOrigin = `https://${this.api.restApi.restApiId}.execute-api.${this.region}.${this.urlSuffix}`;
    this.webDesk = new WebDesk(this, 'web-desk', {
      stage,
      apiOrigin,
      config: {
        apiUrl: `${apiOrigin}/${this.api.restApi.deploymentStage.stageName}`,
        signIn: {
          domain: this.api.signInDomain.baseUrl(),
          clientId: this.api.client.userPoolClientId,
          issuer: this.api.environment.JWT_ISSUER,
        },
      },
    });

    const serviceName = stage.prefix;
    const environment: Record<EnvironmentName, string> = {
      TABLE_NAME: this.data.table.tableName,
      // The gateway's list: the answers name the same origins its preflights allow.
      CORS_ORIGINS: this.api.corsOrigins.join(','),
      ...this.api.environment,
      ...this.scheduling.environment,
      ...this.notices.environment,
      NOTICE_RETRY_DELAYS_SECONDS: '60,300,900,3600,14400',
      // The follow-up links in the receipts open the desk.
      WEB_DESK_URL: this.webDesk.url,
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
    new CfnOutput(this, 'WebDeskUrl', {
      value: this.webDesk.url,
      description: 'The web desk: applicants file and follow here, officials sign in',
    });
    new CfnOutput(this, 'SenderIdentity', {
      value: stage.senderDomain ?? stage.senderEmail,
      description: 'Verify it in SES (DNS records or the e-mail link) before notices can go out',
    });
  }
}

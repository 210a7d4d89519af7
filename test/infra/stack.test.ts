/**
 * The deployment, checked on the synthesized CloudFormation (issue 5): cdk-nag's AwsSolutions pack
 * with no unacknowledged finding, every function as the catalog describes it and with the same
 * variables the local runner sets, least privilege, the table, the API's authorizer, the schedules,
 * SES events and the alarms.
 */

import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes, type RouteName, type RouteSpec } from '../../functions/api/routes.js';
import { buildApp } from '../../infra/build-app.js';
import { externalModules, powertoolsLayerParameter } from '../../infra/bundling.js';
import {
  environmentOf,
  functions,
  reconciliationMinutes,
  streamConsumption,
  tableActions,
  type FunctionDefinition,
} from '../../infra/catalog.js';
import { localValues } from '../../infra/local/stack.js';
import { contentSecurityPolicy } from '../../infra/web-headers.js';
import { tableKeys } from '../../shared/adapters/dynamodb/table.js';

type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string };
interface Statement {
  Effect: string;
  Action: string | string[];
  Resource?: unknown;
  Principal?: unknown;
  Condition?: unknown;
}

let outdir: string;
let dev: { template: Template; resources: Record<string, Resource>; acknowledged: Ack[] };
let prod: { template: Template; resources: Record<string, Resource> };

interface Ack {
  readonly path: string;
  readonly id: string;
  readonly reason: string;
}

function synth(context: Record<string, string>) {
  const { app, stack } = buildApp({ context, outdir });
  // Template.fromStack synthesizes the app, which runs cdk-nag, and a finding not acknowledged
  // throws here with its report.
  const template = Template.fromStack(stack);
  const acknowledged: Ack[] = [];
  for (const construct of app.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const [id, reason] of Object.entries(entry.data as Record<string, string>))
        acknowledged.push({ path: construct.node.path, id, reason });
    }
  }
  const resources = template.toJSON().Resources as Record<string, Resource>;
  return { template, resources, acknowledged };
}

beforeAll(async () => {
  outdir = await mkdtemp(path.join(tmpdir(), 'cdk-'));
  dev = synth({ stage: 'dev' });
  prod = synth({ stage: 'prod', senderEmail: 'notices@complaints.gov.kz' });
}, 180_000);
afterAll(() => rm(outdir, { recursive: true, force: true }));

const ofType = (resources: Record<string, Resource>, type: string) =>
  Object.entries(resources).filter(([, r]) => r.Type === type);

const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** Every statement of identity policies (policies and roles' inline policies). */
function identityStatements(resources: Record<string, Resource>): [string, Statement][] {
  const out: [string, Statement][] = [];
  for (const [id, r] of Object.entries(resources)) {
    if (r.Type === 'AWS::IAM::Policy') {
      const document = r.Properties.PolicyDocument as { Statement: Statement[] };
      for (const s of document.Statement) out.push([id, s]);
    }
    if (r.Type === 'AWS::IAM::Role') {
      const policies = (r.Properties.Policies ?? []) as {
        PolicyDocument: { Statement: Statement[] };
      }[];
      for (const p of policies) for (const s of p.PolicyDocument.Statement) out.push([id, s]);
    }
  }
  return out;
}

/** The logical id of a catalog function's Lambda and of its role. */
function deployed(resources: Record<string, Resource>, definition: FunctionDefinition) {
  const entry = ofType(resources, 'AWS::Lambda::Function').find(
    ([, r]) => r.Properties.FunctionName === `complaint-desk-dev-${definition.name}`,
  );
  if (!entry) throw new Error(`No Lambda for ${definition.name}`);
  const role = (entry[1].Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  return { id: entry[0], lambda: entry[1], role };
}

/** The actions a role is allowed, from every policy attached to it. */
function actionsOf(resources: Record<string, Resource>, roleId: string): Set<string> {
  const actions = new Set<string>();
  for (const [, r] of ofType(resources, 'AWS::IAM::Policy')) {
    const roles = (r.Properties.Roles as { Ref: string }[]).map((ref) => ref.Ref);
    if (!roles.includes(roleId)) continue;
    for (const s of (r.Properties.PolicyDocument as { Statement: Statement[] }).Statement)
      for (const a of asArray(s.Action)) actions.add(a);
  }
  return actions;
}

describe('cdk-nag (AwsSolutions)', () => {
  it('synthesizes with no unacknowledged finding, and every acknowledgment gives its reason', () => {
    // Reaching here means both stages synthesized: an unacknowledged finding throws.
    expect(dev.acknowledged.length).toBeGreaterThan(0);
    for (const ack of dev.acknowledged) {
      expect(ack.id).toMatch(/^Annotation::AwsSolutions-/);
      expect(ack.reason.length).toBeGreaterThan(40);
    }
    // Few, and each kind for a stated reason.
    const kinds = new Set(dev.acknowledged.map((ack) => ack.id.replace(/\[.*$/, '')));
    expect([...kinds].sort()).toEqual(
      [
        'Annotation::AwsSolutions-APIG4',
        // The web desk's distribution: no geo restriction, no WAF, its own domain's certificate.
        'Annotation::AwsSolutions-CFR1',
        'Annotation::AwsSolutions-CFR2',
        'Annotation::AwsSolutions-CFR4',
        'Annotation::AwsSolutions-COG4',
        'Annotation::AwsSolutions-IAM4',
        'Annotation::AwsSolutions-IAM5',
        'Annotation::AwsSolutions-L1',
        'Annotation::AwsSolutions-SQS3',
      ].sort(),
    );
    // APIG4/COG4 only on the public and applicant routes, nowhere else.
    const unauthenticated = dev.acknowledged.filter((ack) => ack.id.endsWith('APIG4'));
    const open = Object.values(routes).filter((route) => route.access !== 'official');
    expect(unauthenticated).toHaveLength(open.length);
  });
});

describe('functions', () => {
  it('every catalog function is a Lambda on nodejs22.x, arm64, with its memory, timeout and log retention', () => {
    const lambdas = ofType(dev.resources, 'AWS::Lambda::Function').filter(([, r]) =>
      String(r.Properties.FunctionName).startsWith('complaint-desk-dev-'),
    );
    expect(lambdas).toHaveLength(functions.length);
    for (const definition of functions) {
      const { lambda } = deployed(dev.resources, definition);
      expect(lambda.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        MemorySize: definition.memoryMb,
        Timeout: definition.timeoutSeconds,
      });
      expect(lambda.Properties.ReservedConcurrentExecutions).toBe(definition.reservedConcurrency);
    }
    dev.template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/aws/lambda/complaint-desk-dev-notice',
      RetentionInDays: 30,
    });
    prod.template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/aws/lambda/complaint-desk-prod-notice',
      RetentionInDays: 365,
    });
  });

  it('each function gets exactly the variables the local runner gives it (from the catalog)', () => {
    const local = localValues({
      tableName: 't',
      apiUrl: 'http://x',
      logLevel: 'INFO',
      retryDelaysSeconds: '',
    });
    for (const definition of functions) {
      const { lambda } = deployed(dev.resources, definition);
      const variables = (lambda.Properties.Environment as { Variables: Record<string, unknown> })
        .Variables;
      const expected = Object.keys(environmentOf(definition, local));
      expect(Object.keys(variables).sort()).toEqual([...expected, 'NODE_OPTIONS'].sort());
      expect(variables).toMatchObject({
        POWERTOOLS_SERVICE_NAME: 'complaint-desk-dev',
        POWERTOOLS_METRICS_NAMESPACE: 'ComplaintDesk',
        POWERTOOLS_METRICS_DISABLED: 'false',
      });
      // Every variable has its stage's value; only CORS_ORIGINS may be empty (no CORS).
      for (const [name, value] of Object.entries(variables))
        if (name !== 'CORS_ORIGINS') expect(value).not.toBe('');
    }
  });

  it('a function that targets another names it by ARN, without a reference cycle', () => {
    const { lambda } = deployed(
      dev.resources,
      functions.find((f) => f.name === 'stream') as FunctionDefinition,
    );
    const variables = (lambda.Properties.Environment as { Variables: Record<string, unknown> })
      .Variables;
    expect(JSON.stringify(variables.NOTICE_FUNCTION_ARN)).toContain(
      ':function:complaint-desk-dev-notice',
    );
  });
});

/** Actions AWS offers no resource-level permission for: they can only be granted on '*'. */
const unscopedActions = [
  'scheduler:ListSchedules',
  'dynamodb:ListStreams',
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
];

describe('least privilege', () => {
  it('no identity policy allows every action or a wildcard action, or every resource', () => {
    for (const resources of [dev.resources, prod.resources]) {
      for (const [id, statement] of identityStatements(resources)) {
        for (const action of asArray(statement.Action)) {
          expect(`${id}: ${action}`).not.toMatch(/: (\*|.*\*.*)$/);
        }
        // Only actions that have no resource-level permissions may name every resource.
        if (asArray(statement.Resource as string | string[]).includes('*')) {
          expect(
            asArray(statement.Action).every((action) => unscopedActions.includes(action)),
            `${id}: ${asArray(statement.Action).join(', ')}`,
          ).toBe(true);
        }
      }
    }
  });

  it('in key policies, everything is the account’s key administration; services only encrypt and decrypt, for this account', () => {
    for (const [, key] of ofType(dev.resources, 'AWS::KMS::Key')) {
      const statements = (key.Properties.KeyPolicy as { Statement: Statement[] }).Statement;
      for (const statement of statements) {
        if (asArray(statement.Action).includes('kms:*')) {
          expect(JSON.stringify(statement.Principal)).toContain(':root');
        } else {
          expect(asArray(statement.Action).sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
          expect(conditionKeys(statement.Condition)).toEqual(['aws:SourceAccount']);
        }
      }
    }
  });

  it('each function’s role allows exactly what the catalog says it does', () => {
    for (const definition of functions) {
      const { role } = deployed(dev.resources, definition);
      const expected = new Set<string>([
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        // Active tracing.
        'xray:PutTraceSegments',
        'xray:PutTelemetryRecords',
        ...tableActions[definition.table],
        'kms:Decrypt',
        ...(definition.table === 'read' ? [] : ['kms:Encrypt', 'kms:GenerateDataKey']),
        ...(definition.managesSchedules
          ? [
              'scheduler:CreateSchedule',
              'scheduler:UpdateSchedule',
              'scheduler:DeleteSchedule',
              'iam:PassRole',
            ]
          : []),
        // Reconciliation lists a lagging complaint's schedules.
        ...(definition.scheduleTarget === 'reconcile' ? ['scheduler:ListSchedules'] : []),
        // The stream consumer reads the table's stream; what it gives up on goes to its queue.
        ...(definition.streamConsumer
          ? [
              'dynamodb:DescribeStream',
              'dynamodb:GetRecords',
              'dynamodb:GetShardIterator',
              'dynamodb:ListStreams',
              'kms:DescribeKey',
              'sqs:SendMessage',
              'sqs:GetQueueAttributes',
              'sqs:GetQueueUrl',
            ]
          : []),
        ...(definition.sendsEmail ? ['ses:SendEmail'] : []),
        // Asynchronously invoked: its failed events go to the failed-invocations queue.
        ...(definition.scheduleTarget !== undefined || definition.sesEvents
          ? ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl']
          : []),
      ]);
      expect([...actionsOf(dev.resources, role)].sort(), definition.name).toEqual(
        [...expected].sort(),
      );
    }
  });

  it('no function may Scan the table', () => {
    for (const [, statement] of identityStatements(dev.resources))
      expect(asArray(statement.Action)).not.toContain('dynamodb:Scan');
  });

  it('the Scheduler role is assumed by Scheduler of this account, and invokes only the target functions', () => {
    const [roleId, role] =
      ofType(dev.resources, 'AWS::IAM::Role').find(([, r]) =>
        JSON.stringify(r.Properties.AssumeRolePolicyDocument).includes('scheduler.amazonaws.com'),
      ) ?? [];
    const trust = (role?.Properties.AssumeRolePolicyDocument as { Statement: Statement[] })
      .Statement;
    expect(trust).toHaveLength(1);
    expect(trust[0]?.Principal).toEqual({ Service: 'scheduler.amazonaws.com' });
    expect(conditionKeys(trust[0]?.Condition)).toEqual(['aws:SourceAccount']);
    const invoked = identityStatements(dev.resources)
      .filter(
        ([id, s]) => asArray(s.Action).includes('lambda:InvokeFunction') && roleOf(id) === roleId,
      )
      .flatMap(([, s]) => asArray(s.Resource as unknown[]).map((r) => JSON.stringify(r)));
    expect(invoked.length).toBeGreaterThan(0);
    for (const resource of invoked)
      expect(resource).toMatch(/complaint-desk-dev-(deadline|notice)|functionsreconcile/);
    expect(actionsOf(dev.resources, roleId ?? '')).toEqual(
      new Set([
        'lambda:InvokeFunction',
        'sqs:SendMessage',
        'sqs:GetQueueAttributes',
        'sqs:GetQueueUrl',
      ]),
    );
  });
});

function conditionKeys(condition: unknown): string[] {
  return Object.keys((condition as { StringEquals?: Record<string, unknown> }).StringEquals ?? {});
}

function roleOf(policyId: string): string | undefined {
  const policy = dev.resources[policyId];
  return policy?.Type === 'AWS::IAM::Policy'
    ? (policy.Properties.Roles as { Ref: string }[])[0]?.Ref
    : policyId;
}

describe('the table', () => {
  it('has the keys, indexes and TTL the local runner creates, KMS encryption with its own key, and PITR', () => {
    dev.template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      TableName: 'complaint-desk-dev',
      KeySchema: [
        { AttributeName: tableKeys.partitionKey, KeyType: 'HASH' },
        { AttributeName: tableKeys.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [tableKeys.gsi1, tableKeys.gsi2, tableKeys.gsi3].map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
      TimeToLiveSpecification: { AttributeName: tableKeys.timeToLive, Enabled: true },
      BillingMode: 'PAY_PER_REQUEST',
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
      Replicas: [
        Match.objectLike({
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          SSESpecification: { KMSMasterKeyId: Match.anyValue() },
        }),
      ],
    });
  });

  it('in production it is protected from deletion and kept when the stack goes', () => {
    const [, table] = ofType(prod.resources, 'AWS::DynamoDB::GlobalTable')[0] ?? [];
    expect(table?.DeletionPolicy).toBe('Retain');
    expect(table?.Properties.Replicas).toEqual([
      expect.objectContaining({ DeletionProtectionEnabled: true }),
    ]);
    const [, devTable] = ofType(dev.resources, 'AWS::DynamoDB::GlobalTable')[0] ?? [];
    expect(devTable?.DeletionPolicy).toBe('Delete');
  });
});

describe('the API', () => {
  it('serves every route; officials’ routes need the Cognito authorizer, the others are public at the gateway', () => {
    const methods = ofType(dev.resources, 'AWS::ApiGateway::Method').filter(
      ([, m]) => m.Properties.HttpMethod !== 'OPTIONS',
    );
    expect(methods).toHaveLength(Object.keys(routes).length);
    const official = methods.filter(
      ([, m]) => m.Properties.AuthorizationType === 'COGNITO_USER_POOLS',
    );
    const expectedOfficial = Object.values(routes).filter((r) => r.access === 'official');
    expect(official).toHaveLength(expectedOfficial.length);
    for (const [, m] of official) expect(m.Properties.AuthorizerId).toBeDefined();
    for (const [, m] of methods) {
      expect(['COGNITO_USER_POOLS', 'NONE']).toContain(m.Properties.AuthorizationType);
      expect(m.Properties.RequestValidatorId).toBeDefined();
    }
    for (const name of Object.keys(routes) as RouteName[]) {
      if ((routes[name] as RouteSpec).body === undefined) continue;
      dev.template.hasResourceProperties('AWS::ApiGateway::Model', {
        Name: name,
        Schema: Match.objectLike({ type: 'object', additionalProperties: false }),
      });
    }
  });

  it('the user pool has the officials’ groups and custom:bodyId, MFA and a strong password policy', () => {
    dev.template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      Schema: Match.arrayWith([Match.objectLike({ Name: 'bodyId', Mutable: true })]),
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12 }) },
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
    for (const group of ['official', 'authorized-body'])
      dev.template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: group });
  });

  it('the stack outputs what the deployer needs next: the API URL, the user pool and its client, the sender', () => {
    const outputs = dev.template.toJSON().Outputs as Record<string, { Value: unknown }>;
    const userPool = Object.keys(dev.template.findResources('AWS::Cognito::UserPool'))[0];
    const client = Object.keys(dev.template.findResources('AWS::Cognito::UserPoolClient'))[0];
    expect(outputs.UserPoolId?.Value).toEqual({ Ref: userPool });
    expect(outputs.UserPoolClientId?.Value).toEqual({ Ref: client });
    expect(outputs.SenderIdentity?.Value).toBe('notices@example.kz');
    // The REST API's own output: the stage's invoke URL.
    const endpoints = Object.keys(outputs).filter((key) => key.startsWith('apiEndpoint'));
    expect(endpoints).toHaveLength(1);
  });

  it('throttles, logs access, answers gateway errors as problem+json, and sits behind WAF', () => {
    dev.template.hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'dev',
      AccessLogSetting: Match.objectLike({ DestinationArn: Match.anyValue() }),
      MethodSettings: [Match.objectLike({ ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 })],
    });
    dev.template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
      ResponseType: 'UNAUTHORIZED',
      StatusCode: '401',
      ResponseParameters: {
        'gatewayresponse.header.Content-Type': "'application/problem+json'",
      },
      ResponseTemplates: { 'application/json': Match.stringLikeRegexp('urn:problem:unauthorized') },
    });
    dev.template.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'REGIONAL',
      Rules: [
        Match.objectLike({
          Statement: { RateBasedStatement: Match.objectLike({ AggregateKeyType: 'IP' }) },
        }),
        Match.objectLike({
          Statement: {
            SizeConstraintStatement: Match.objectLike({ Size: 65_536, ComparisonOperator: 'GT' }),
          },
        }),
        Match.objectLike({
          Statement: {
            ManagedRuleGroupStatement: Match.objectLike({ Name: 'AWSManagedRulesCommonRuleSet' }),
          },
        }),
      ],
    });
    dev.template.resourceCountIs('AWS::WAFv2::WebACLAssociation', 1);
  });

  it('CORS names the web desk’s origin, then the origins from context', () => {
    // Every resource answers preflights, first naming the desk (its distribution's domain).
    const deskOrigin = {
      'Fn::Join': [
        '',
        ["'https://", { 'Fn::GetAtt': [distributionId(dev.resources), 'DomainName'] }, "'"],
      ],
    };
    const preflights = ofType(dev.resources, 'AWS::ApiGateway::Method').filter(
      ([, m]) => m.Properties.HttpMethod === 'OPTIONS',
    );
    expect(preflights.length).toBeGreaterThan(0);
    for (const [, preflight] of preflights)
      expect(preflight.Properties.Integration).toMatchObject({
        IntegrationResponses: [
          {
            ResponseParameters: {
              'method.response.header.Access-Control-Allow-Origin': deskOrigin,
            },
          },
        ],
      });
    const withCors = buildApp({
      context: { stage: 'dev', corsOrigins: 'https://desk.gov.kz' },
      outdir,
    });
    const template = Template.fromStack(withCors.stack);
    // A second origin is matched against the request's Origin and named in its place.
    template.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'OPTIONS',
      Integration: Match.objectLike({
        IntegrationResponses: [
          Match.objectLike({
            ResponseTemplates: {
              'application/json': Match.stringLikeRegexp('\\$origin == "https://desk\\.gov\\.kz"'),
            },
          }),
        ],
      }),
    });
    // The functions' own answers name the origin too (CORS_ORIGINS), the API's and no others.
    const corsOf = (resources: Record<string, Resource>): unknown[] =>
      ofType(resources, 'AWS::Lambda::Function')
        .map(
          ([, fn]) =>
            (fn.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)
              ?.Variables?.CORS_ORIGINS,
        )
        .filter((origins) => origins !== undefined);
    const apiFunctions = functions.filter((f) => f.routes.length > 0).length;
    const deskUrl = ['https://', { 'Fn::GetAtt': [distributionId(dev.resources), 'DomainName'] }];
    expect(corsOf(template.toJSON().Resources as Record<string, Resource>)).toEqual(
      Array<unknown>(apiFunctions).fill({ 'Fn::Join': ['', [...deskUrl, ',https://desk.gov.kz']] }),
    );
    expect(corsOf(dev.resources)).toEqual(
      Array<unknown>(apiFunctions).fill({ 'Fn::Join': ['', deskUrl] }),
    );
    // The gateway's own errors name one origin, the desk's.
    dev.template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
      ResponseType: 'UNAUTHORIZED',
      ResponseParameters: Match.objectLike({
        'gatewayresponse.header.Access-Control-Allow-Origin': deskOrigin,
      }),
    });
  }, 120_000);
});

describe('schedules, e-mail, alarms', () => {
  it('reconciliation runs every few minutes, with retries and the dead-letter queue', () => {
    dev.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: `rate(${String(reconciliationMinutes)} minutes)`,
      Target: Match.objectLike({
        RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 2 }),
        DeadLetterConfig: { Arn: Match.anyValue() },
      }),
    });
    dev.template.hasResourceProperties('AWS::Scheduler::ScheduleGroup', {
      Name: 'complaint-desk-dev',
    });
    dev.template.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      QueueName: 'complaint-desk-dev-failed-invocations',
    });
    // Scheduled functions: Lambda's two retries, then the same queue.
    expect(ofType(dev.resources, 'AWS::Lambda::EventInvokeConfig')).toHaveLength(
      functions.filter((f) => f.scheduleTarget !== undefined || f.sesEvents).length,
    );
  });

  it('the table’s stream is the outbox: new and old images, consumed with batch item failures, bisect, bounded retries and a failure queue with its alarm', () => {
    dev.template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      GlobalSecondaryIndexes: Match.arrayWith([
        Match.objectLike({
          IndexName: 'GSI3',
          KeySchema: [
            { AttributeName: 'GSI3PK', KeyType: 'HASH' },
            { AttributeName: 'GSI3SK', KeyType: 'RANGE' },
          ],
        }),
      ]),
    });
    const consumer = functions.find((f) => f.streamConsumer);
    expect(consumer?.name).toBe('stream');
    dev.template.resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
    dev.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: Match.anyValue(),
      EventSourceArn: Match.anyValue(),
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: streamConsumption.batchSize,
      MaximumRetryAttempts: streamConsumption.retryAttempts,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ParallelizationFactor: 1,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      FilterCriteria: {
        Filters: [
          {
            Pattern: JSON.stringify({
              dynamodb: { Keys: { SK: { S: ['META', { prefix: 'REC#' }] } } },
            }),
          },
        ],
      },
    });
    dev.template.hasResourceProperties('AWS::SQS::Queue', {
      QueueName: 'complaint-desk-dev-stream-failures',
      SqsManagedSseEnabled: true,
    });
    dev.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'complaint-desk-dev-stream-failures',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      AlarmActions: [Match.anyValue()],
    });
  });

  it('SES: the sender identity from context, bounces and complaints to the delivery-events function', () => {
    prod.template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'notices@complaints.gov.kz',
    });
    dev.template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({
        Enabled: true,
        MatchingEventTypes: ['bounce', 'complaint', 'reject'],
        SnsDestination: Match.anyValue(),
      }),
    });
    dev.template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'lambda' });
    dev.template.hasResourceProperties('AWS::SNS::Topic', {
      TopicName: 'complaint-desk-dev-delivery-events',
      KmsMasterKeyId: Match.anyValue(),
    });
  });

  it('alarms on the failed-invocations queue, failed notices, and every function’s errors and throttles; one dashboard', () => {
    const alarms = ofType(dev.resources, 'AWS::CloudWatch::Alarm').map(
      ([, a]) => a.Properties.AlarmName as string,
    );
    expect(alarms).toEqual(
      expect.arrayContaining([
        'complaint-desk-dev-failed-invocations',
        'complaint-desk-dev-stream-failures',
        'complaint-desk-dev-notices-failed',
        ...functions.flatMap((f) => [
          `complaint-desk-dev-${f.name}-errors`,
          `complaint-desk-dev-${f.name}-throttles`,
        ]),
      ]),
    );
    dev.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'complaint-desk-dev-notices-failed',
      Namespace: 'ComplaintDesk',
      MetricName: 'NoticesFailed',
      Dimensions: [{ Name: 'service', Value: 'complaint-desk-dev' }],
      AlarmActions: [Match.anyValue()],
    });
    dev.template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });

  it('R22: alarms when the official calendar has 90 days or fewer left (the daily run’s figure)', () => {
    dev.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'complaint-desk-dev-calendar-ending',
      Namespace: 'ComplaintDesk',
      MetricName: 'CalendarDaysLeft',
      Statistic: 'Minimum',
      Period: 86_400,
      Threshold: 90,
      ComparisonOperator: 'LessThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      Dimensions: [{ Name: 'service', Value: 'complaint-desk-dev' }],
      AlarmActions: [Match.anyValue()],
    });
  });

  it('a production stage needs the sender named', () => {
    expect(() => buildApp({ context: { stage: 'prod' }, outdir })).toThrow(/senderEmail/);
  });
});

describe('tracing (X-Ray)', () => {
  it('every function traces actively, its Tracer on, from the Powertools layer of the version the tests ran', () => {
    const parameters = dev.template.toJSON().Parameters as Record<
      string,
      { Type: string; Default?: string }
    >;
    const layer = Object.entries(parameters).filter(
      ([, parameter]) => parameter.Default === powertoolsLayerParameter,
    );
    expect(layer).toHaveLength(1);
    // Resolved by CloudFormation at deployment: synth needs no account.
    expect(layer[0]?.[1].Type).toBe('AWS::SSM::Parameter::Value<String>');
    const lock = JSON.parse(readFileSync(path.resolve('package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string }>;
    };
    const tested = lock.packages['node_modules/@aws-lambda-powertools/tracer']?.version;
    expect(powertoolsLayerParameter).toBe(
      `/aws/service/powertools/typescript/generic/all/${String(tested)}`,
    );
    // The bundles leave the Tracer (and the X-Ray SDK under it) to the layer.
    expect(externalModules).toContain('@aws-lambda-powertools/tracer');
    for (const definition of functions) {
      const { lambda } = deployed(dev.resources, definition);
      expect(lambda.Properties.TracingConfig, definition.name).toEqual({ Mode: 'Active' });
      expect(lambda.Properties.Layers, definition.name).toEqual([{ Ref: layer[0]?.[0] }]);
      const variables = (lambda.Properties.Environment as { Variables: Record<string, unknown> })
        .Variables;
      expect(variables.POWERTOOLS_TRACE_ENABLED, definition.name).toBe('true');
    }
    // Locally nothing collects traces: the Tracer is not even loaded.
    const local = localValues({
      tableName: 't',
      apiUrl: 'http://x',
      logLevel: 'INFO',
      retryDelaysSeconds: '',
    });
    expect(local.POWERTOOLS_TRACE_ENABLED).toBe('false');
  });

  it('the API stage traces requests, in every stage', () => {
    for (const [name, stage] of [
      ['dev', dev],
      ['prod', prod],
    ] as const) {
      stage.template.hasResourceProperties('AWS::ApiGateway::Stage', {
        StageName: name,
        TracingEnabled: true,
      });
    }
  });

  it('every function’s role may send its traces: xray:PutTraceSegments and xray:PutTelemetryRecords, on * (acknowledged: X-Ray has no resource-level permissions)', () => {
    for (const definition of functions) {
      const { role } = deployed(dev.resources, definition);
      const xray = identityStatements(dev.resources).filter(
        ([id, statement]) =>
          roleOf(id) === role &&
          asArray(statement.Action).some((action) => action.startsWith('xray:')),
      );
      expect(xray, definition.name).toHaveLength(1);
      expect(xray[0]?.[1]).toMatchObject({ Effect: 'Allow', Resource: '*' });
      expect(asArray(xray[0]?.[1].Action).sort()).toEqual([
        'xray:PutTelemetryRecords',
        'xray:PutTraceSegments',
      ]);
      expect(
        dev.acknowledged.some(
          (ack) =>
            ack.path.endsWith(`/${definition.name}-role`) &&
            ack.id.endsWith('AwsSolutions-IAM5[Resource::*]') &&
            ack.reason.includes('xray:PutTraceSegments'),
        ),
        definition.name,
      ).toBe(true);
    }
  });
});

/** The logical id of the one resource of a type. */
function onlyOf(resources: Record<string, Resource>, type: string): [string, Resource] {
  const found = ofType(resources, type);
  expect(found, type).toHaveLength(1);
  return found[0] as [string, Resource];
}

function distributionId(resources: Record<string, Resource>): string {
  return onlyOf(resources, 'AWS::CloudFront::Distribution')[0];
}

/** A template value with its references written out (`<Ref>`), as a string. */
function rendered(value: unknown): string {
  if (typeof value === 'string') return value;
  const join = (value as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (join) return join[1].map(rendered).join(join[0]);
  const ref = (value as { Ref?: string }).Ref;
  if (ref !== undefined) return `<${ref}>`;
  const attribute = (value as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt'];
  if (attribute) return `<${attribute.join('.')}>`;
  throw new Error(`Not rendered: ${JSON.stringify(value)}`);
}

describe('the web desk', () => {
  const ids = () => ({
    api: onlyOf(dev.resources, 'AWS::ApiGateway::RestApi')[0],
    stage: onlyOf(dev.resources, 'AWS::ApiGateway::Stage')[0],
    domain: onlyOf(dev.resources, 'AWS::Cognito::UserPoolDomain')[0],
    client: onlyOf(dev.resources, 'AWS::Cognito::UserPoolClient')[0],
    pool: onlyOf(dev.resources, 'AWS::Cognito::UserPool')[0],
    distribution: distributionId(dev.resources),
  });
  const deskUrl = () => `https://<${ids().distribution}.DomainName>`;

  it('is a private bucket read by CloudFront alone, through origin access control (no OAI, no public policy)', () => {
    const [, distribution] = onlyOf(dev.resources, 'AWS::CloudFront::Distribution');
    const config = distribution.Properties.DistributionConfig as {
      Origins: { DomainName: unknown; OriginAccessControlId?: unknown; S3OriginConfig?: unknown }[];
    };
    expect(config.Origins).toHaveLength(1);
    const origin = config.Origins[0];
    expect(origin?.OriginAccessControlId).toBeDefined();
    expect(origin?.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
    const siteId = (origin?.DomainName as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    expect(ofType(dev.resources, 'AWS::CloudFront::CloudFrontOriginAccessIdentity')).toHaveLength(
      0,
    );
    dev.template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
        SigningProtocol: 'sigv4',
      }),
    });

    // Every bucket: no public access, TLS only, encrypted; none is a website.
    const buckets = ofType(dev.resources, 'AWS::S3::Bucket');
    expect(buckets.map(([id]) => id)).toContain(siteId);
    for (const [id, bucket] of buckets) {
      expect(bucket.Properties.PublicAccessBlockConfiguration, id).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties.BucketEncryption, id).toBeDefined();
      expect(bucket.Properties.WebsiteConfiguration, id).toBeUndefined();
    }
    // The site's bucket logs its reads and writes.
    expect(dev.resources[siteId]?.Properties.LoggingConfiguration).toMatchObject({
      DestinationBucketName: { Ref: expect.any(String) as unknown },
    });
    for (const [id, policy] of ofType(dev.resources, 'AWS::S3::BucketPolicy')) {
      const statements = (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement;
      expect(statements[0], id).toMatchObject({
        Effect: 'Deny',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      });
      for (const statement of statements.filter((s) => s.Effect === 'Allow'))
        expect(JSON.stringify(statement.Principal), id).not.toMatch(/"\*"/);
    }
    // CloudFront may read the site's objects, for this distribution only.
    const [, sitePolicy] =
      ofType(dev.resources, 'AWS::S3::BucketPolicy').find(
        ([, p]) => JSON.stringify(p.Properties.Bucket) === JSON.stringify({ Ref: siteId }),
      ) ?? [];
    const cloudFront = (
      sitePolicy?.Properties.PolicyDocument as { Statement: Statement[] }
    ).Statement.filter((s) => JSON.stringify(s.Principal).includes('cloudfront.amazonaws.com'));
    expect(cloudFront).toHaveLength(1);
    expect(asArray(cloudFront[0]?.Action)).toEqual(['s3:GetObject']);
    expect(JSON.stringify(cloudFront[0]?.Condition)).toContain(`"Ref":"${ids().distribution}"`);
  });

  it('is served over HTTPS only, index.html at the root, assets cached for a year and the rest revalidated', () => {
    const [, distribution] = onlyOf(dev.resources, 'AWS::CloudFront::Distribution');
    const config = distribution.Properties.DistributionConfig as {
      DefaultRootObject: string;
      DefaultCacheBehavior: Record<string, unknown>;
      CacheBehaviors: Record<string, unknown>[];
      Logging?: unknown;
    };
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.Logging).toBeDefined();
    const behaviors = [config.DefaultCacheBehavior, ...config.CacheBehaviors];
    expect(config.CacheBehaviors.map((b) => b.PathPattern)).toEqual(['/assets/*']);
    const [headersId] = onlyOf(dev.resources, 'AWS::CloudFront::ResponseHeadersPolicy');
    for (const behavior of behaviors) {
      expect(behavior).toMatchObject({
        ViewerProtocolPolicy: 'redirect-to-https',
        AllowedMethods: ['GET', 'HEAD'],
        ResponseHeadersPolicyId: { Ref: headersId },
      });
    }
    // Objects carry their caching: hashed assets immutable, kept across deployments; the pages
    // and config revalidated, and the edge invalidated after each deployment.
    const deployments = ofType(dev.resources, 'Custom::CDKBucketDeployment').map(([, d]) => d);
    expect(deployments).toHaveLength(2);
    const assets = deployments.find((d) => d.Properties.DestinationBucketKeyPrefix === 'assets/');
    expect(assets?.Properties).toMatchObject({
      Prune: false,
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
    });
    const pages = deployments.find((d) => d !== assets);
    expect(pages?.Properties).toMatchObject({
      Prune: true,
      Exclude: ['assets/*'],
      SystemMetadata: { 'cache-control': 'no-cache' },
      DistributionId: { Ref: ids().distribution },
      DistributionPaths: ['/*'],
    });
  });

  it('sends the headers of infra/web-headers.ts: the same CSP as npm start with the API and the sign-in named, no unsafe-inline, no framing, HSTS', () => {
    const [, policy] = onlyOf(dev.resources, 'AWS::CloudFront::ResponseHeadersPolicy');
    const config = policy.Properties.ResponseHeadersPolicyConfig as {
      SecurityHeadersConfig: {
        ContentSecurityPolicy: { ContentSecurityPolicy: unknown; Override: boolean };
        [header: string]: unknown;
      };
      CustomHeadersConfig: { Items: { Header: string; Value: string }[] };
    };
    const security = config.SecurityHeadersConfig;
    const csp = rendered(security.ContentSecurityPolicy.ContentSecurityPolicy);
    const { api, domain } = ids();
    expect(csp).toBe(
      contentSecurityPolicy({
        api: `https://<${api}>.execute-api.eu-central-1.<AWS::URLSuffix>`,
        signIn: `https://<${domain}>.auth.eu-central-1.amazoncognito.com`,
      }),
    );
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(security.ContentSecurityPolicy.Override).toBe(true);
    expect(security).toMatchObject({
      StrictTransportSecurity: {
        AccessControlMaxAgeSec: 63_072_000,
        IncludeSubdomains: true,
        Preload: true,
        Override: true,
      },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
    });
    expect(config.CustomHeadersConfig.Items.map((item) => item.Header)).toEqual([
      'permissions-policy',
    ]);
    // CloudFront takes a policy of up to 1,783 characters: this one with real names fits.
    const real = csp
      .replaceAll(`<${api}>`, 'abcdefghij')
      .replaceAll('<AWS::URLSuffix>', 'amazonaws.com')
      .replaceAll(`<${domain}>`, 'complaint-desk-prod-123456789012');
    expect(real.length).toBeLessThanOrEqual(1783);
  });

  it('answers the app’s own paths with index.html (a viewer-request function) and leaves files alone', () => {
    const [functionId, fn] = onlyOf(dev.resources, 'AWS::CloudFront::Function');
    expect(fn.Properties.FunctionConfig).toMatchObject({ Runtime: 'cloudfront-js-2.0' });
    const [, distribution] = onlyOf(dev.resources, 'AWS::CloudFront::Distribution');
    const config = distribution.Properties.DistributionConfig as {
      DefaultCacheBehavior: { FunctionAssociations: unknown[] };
      CacheBehaviors: { FunctionAssociations?: unknown[] }[];
    };
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [functionId, 'FunctionARN'] } },
    ]);
    const handler = runInNewContext(`${String(fn.Properties.FunctionCode)}; handler`) as (event: {
      request: { uri: string };
    }) => { uri: string };
    const served = (uri: string) => handler({ request: { uri } }).uri;
    for (const page of [
      '/',
      '/file',
      '/follow',
      '/desk',
      '/desk/',
      '/desk/callback',
      '/desk/c/01J',
    ])
      expect(served(page), page).toBe('/index.html');
    for (const file of ['/index.html', '/config.json', '/favicon.svg', '/assets/index-Bx1.js'])
      expect(served(file), file).toBe(file);
  });

  it('deploys config.json with the API’s URL, the managed login’s domain, the client and the issuer', () => {
    const deployment = ofType(dev.resources, 'Custom::CDKBucketDeployment')
      .map(([, d]) => d.Properties)
      .find((d) => d.DistributionId !== undefined);
    const keys = deployment?.SourceObjectKeys as string[];
    const markers = deployment?.SourceMarkers as Record<string, unknown>[];
    const index = keys.findIndex((key) => {
      const file = path.join(outdir, `asset.${key.replace(/\.zip$/, '')}`, 'config.json');
      try {
        readFileSync(file);
        return true;
      } catch {
        return false;
      }
    });
    expect(index).toBeGreaterThanOrEqual(0);
    let text = readFileSync(
      path.join(outdir, `asset.${(keys[index] ?? '').replace(/\.zip$/, '')}`, 'config.json'),
      'utf8',
    );
    for (const [marker, value] of Object.entries(markers[index] ?? {}))
      text = text.replaceAll(marker, rendered(value));
    const { api, stage, domain, client, pool } = ids();
    expect(JSON.parse(text)).toEqual({
      apiUrl: `https://<${api}>.execute-api.eu-central-1.<AWS::URLSuffix>/<${stage}>`,
      signIn: {
        domain: `https://<${domain}>.auth.eu-central-1.amazoncognito.com`,
        clientId: `<${client}>`,
        issuer: `https://cognito-idp.eu-central-1.amazonaws.com/<${pool}>`,
      },
    });
  });

  it('the deployment’s role may only read its sources, write the site’s bucket and invalidate its distribution', () => {
    const deployer = ofType(dev.resources, 'AWS::Lambda::Function').find(([, fn]) =>
      JSON.stringify(fn.Properties.Layers ?? []).includes('AwsCliLayer'),
    );
    const roleId = (deployer?.[1].Properties.Role as { 'Fn::GetAtt': [string, string] })[
      'Fn::GetAtt'
    ][0];
    const role = dev.resources[roleId];
    expect(role?.Properties.ManagedPolicyArns).toBeUndefined();
    expect([...actionsOf(dev.resources, roleId)].sort()).toEqual(
      [
        'cloudfront:CreateInvalidation',
        'cloudfront:GetInvalidation',
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        's3:DeleteObject',
        's3:GetObject',
        's3:ListBucket',
        's3:PutObject',
      ].sort(),
    );
    const invalidates = identityStatements(dev.resources).find(
      ([id, s]) =>
        asArray(s.Action).includes('cloudfront:CreateInvalidation') && roleOf(id) === roleId,
    );
    expect(rendered(invalidates?.[1].Resource)).toMatch(
      new RegExp(`:distribution/<${ids().distribution}>$`),
    );
  });

  it('officials sign in through the managed login: the code flow only, a public client, back to /desk/callback; MFA still required', () => {
    const [, client] = onlyOf(dev.resources, 'AWS::Cognito::UserPoolClient');
    expect(client.Properties).toMatchObject({
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['openid'],
      GenerateSecret: false,
      SupportedIdentityProviders: ['COGNITO'],
    });
    expect((client.Properties.CallbackURLs as unknown[]).map(rendered)).toEqual([
      `${deskUrl()}/desk/callback`,
    ]);
    expect((client.Properties.LogoutURLs as unknown[]).map(rendered)).toEqual([`${deskUrl()}/`]);
    const [, domain] = onlyOf(dev.resources, 'AWS::Cognito::UserPoolDomain');
    expect(domain.Properties).toMatchObject({ ManagedLoginVersion: 2 });
    expect(rendered(domain.Properties.Domain)).toBe('complaint-desk-dev-<AWS::AccountId>');
    dev.template.hasResourceProperties('AWS::Cognito::ManagedLoginBranding', {
      UseCognitoProvidedValues: true,
      ClientId: { Ref: ids().client },
    });
    dev.template.hasResourceProperties('AWS::Cognito::UserPool', { MfaConfiguration: 'ON' });
    prod.template.hasResourceProperties('AWS::Cognito::UserPool', { MfaConfiguration: 'ON' });
  });

  it('the follow-up links and the WebDeskUrl output are the distribution’s URL', () => {
    const users = ofType(dev.resources, 'AWS::Lambda::Function').filter(
      ([, fn]) =>
        (fn.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)
          ?.Variables?.WEB_DESK_URL !== undefined,
    );
    expect(users.length).toBeGreaterThan(0);
    for (const [, fn] of users)
      expect(
        rendered(
          (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables
            .WEB_DESK_URL,
        ),
      ).toBe(deskUrl());
    const outputs = dev.template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(rendered(outputs.WebDeskUrl?.Value)).toBe(deskUrl());
  });

  it('in production its buckets are kept with the stack; in dev they go, emptied first', () => {
    for (const [, bucket] of ofType(prod.resources, 'AWS::S3::Bucket'))
      expect(bucket.DeletionPolicy).toBe('Retain');
    expect(ofType(prod.resources, 'Custom::S3AutoDeleteObjects')).toHaveLength(0);
    for (const [, bucket] of ofType(dev.resources, 'AWS::S3::Bucket'))
      expect(bucket.DeletionPolicy).toBe('Delete');
    expect(ofType(dev.resources, 'Custom::S3AutoDeleteObjects')).toHaveLength(
      ofType(dev.resources, 'AWS::S3::Bucket').length,
    );
  });
});

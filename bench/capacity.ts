/**
 * The life of one typical complaint, measured on the local engines: the API requests and the
 * functions they run, the schedules that fire, the e-mails SES sends, and the DynamoDB capacity
 * units consumed (DynamoDB Local reports them as the service bills them, indexes included). From
 * those, the monthly AWS bill for 100,000 and 1,000,000 complaints a year, at the prices below.
 */

import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { functions } from '../infra/catalog.js';
import { startDynamoDbLocal } from '../infra/local/dynamodb.js';
import { receivedEmails } from '../infra/local/ses.js';
import { createDynamoDbClient } from '../shared/adapters/dynamodb/client.js';
import { complaintKey } from '../shared/adapters/dynamodb/complaint-repository.js';
import { tableKeys } from '../shared/adapters/dynamodb/table.js';
import { almaty, electronicFiling } from '../test/fixtures.js';
import { createSystem, field } from '../test/support/system.js';
import { tally } from './stats.js';

/** What one complaint costs in units the services bill. */
export interface ComplaintUsage {
  /** API requests, by the function that serves them. */
  readonly requests: ReadonlyMap<string, number>;
  /** Functions the Scheduler invoked, by name. */
  readonly invocations: ReadonlyMap<string, number>;
  readonly emails: number;
  readonly readUnits: number;
  readonly writeUnits: number;
  /** The complaint's items, bytes, counted once per table or index that holds them. */
  readonly storedBytes: number;
}

/**
 * List prices, USD, us-east-1, as published on the services' pricing pages in 2026 (eu-central-1
 * is the same or up to ~20% higher on some lines; the estimate adds 20% to the usage lines).
 */
export const prices = {
  apiGatewayRestPerMillion: 3.5,
  wafWebAclMonthly: 5,
  wafRuleMonthly: 1,
  wafPerMillionRequests: 0.6,
  lambdaPerMillionRequests: 0.2,
  lambdaArmPerGbSecond: 0.0000133334,
  dynamoDbPerMillionWriteUnits: 0.625,
  dynamoDbPerMillionReadUnits: 0.125,
  dynamoDbStoragePerGbMonth: 0.25,
  dynamoDbPitrPerGbMonth: 0.2,
  sesPerThousandEmails: 0.1,
  schedulerFreeInvocationsMonthly: 14_000_000,
  schedulerPerMillionInvocations: 1,
  cloudWatchLogsIngestPerGb: 0.5,
  cloudWatchCustomMetricMonthly: 0.3,
  cloudWatchAlarmMonthly: 0.1,
  cloudWatchDashboardMonthly: 3,
  kmsKeyMonthly: 1,
  cognitoPlusPerMau: 0.02,
} as const;

/** What the usage cannot show, stated: each is a line of the estimate. */
export const assumptions = {
  /** Billed duration per invocation, init included (Lambda bills INIT since August 2025). */
  billedSecondsPerInvocation: 0.15,
  /** Log bytes per invocation (Powertools JSON lines) and per API access-log line. */
  logBytesPerInvocation: 1_500,
  /** Active officials a month (Cognito MAU), per scale: the bodies' staff who handle complaints. */
  officials: { 100_000: 2_000, 1_000_000: 10_000 } as Record<number, number>,
  /**
   * Custom metrics (4 counts and the calendar's days left, one service dimension) and alarms (failed
   * invocations, failed notices, the calendar ending, and errors and throttles per function).
   */
  customMetrics: 5,
  alarms: 3 + 2 * functions.length,
  wafRules: 2,
  usageMargin: 1.2,
} as const;

/**
 * One complaint, filed electronically: the receipt; the applicant reads it twice; an official
 * lists the body's complaints and reads it twice; extends it by 3 working days (the notice); the
 * reminder fires the working day before the new due date (the body's alert); the decision (its
 * notice). No overdue, no recommendation: the common case.
 */
export async function measureComplaint(): Promise<ComplaintUsage> {
  const dynamoDb = await startDynamoDbLocal();
  const system = await createSystem(dynamoDb.endpoint, { autoFire: true, measureCapacity: true });
  try {
    const official = await system.official({ bodyId: 'akimat-astana' });
    // SES's store outlives one local SES in the same process: count from what is there now.
    const countEmails = async () => (await receivedEmails(system.sesUrl)).length;
    const start = await countEmails();
    const emailCount = async () => (await countEmails()) - start;
    const waitForEmails = (count: number) =>
      system.eventually(async () => ((await emailCount()) >= count ? true : undefined), 15_000);
    // Warm: a first complaint's life, so caches (directory, keys) are as in a running system.
    // Decided at once, so none of its schedules fires inside the measured life.
    system.setNow(almaty('2026-11-23T09:00'));
    const warm = await system.call('POST', '/v1/complaints', { body: electronicFiling });
    await waitForEmails(1);
    await system.call('POST', `/v1/complaints/${field(warm.body, 'id')}/decision`, {
      token: official,
      body: { outcome: 'satisfied', text: 'Справка будет выдана.' },
    });
    await waitForEmails(2);
    const before = 2;

    system.resetCalls();
    const requests: string[] = [];
    const api = async (
      fn: string,
      method: string,
      path: string,
      options: Parameters<typeof system.call>[2],
    ) => {
      requests.push(fn);
      const reply = await system.call(method, path, options);
      if (reply.status >= 300) throw new Error(`${method} ${path}: ${String(reply.status)}`);
      return reply;
    };
    system.setNow(almaty('2026-11-23T10:00'));
    const filed = await api('api-file-complaint', 'POST', '/v1/complaints', {
      body: {
        ...electronicFiling,
        applicant: { ...electronicFiling.applicant, email: 'life@example.kz' },
      },
    });
    const id = field(filed.body, 'id');
    const token = field(filed.body, 'accessToken');
    await waitForEmails(before + 1);
    for (let i = 0; i < 2; i++)
      await api('api-read-complaints', 'GET', `/v1/complaints/${id}`, { token });
    system.setNow(almaty('2026-11-24T11:00'));
    await api('api-read-complaints', 'GET', '/v1/complaints', { token: official });
    for (let i = 0; i < 2; i++)
      await api('api-read-complaints', 'GET', `/v1/complaints/${id}`, { token: official });
    await api('api-act-on-complaint', 'POST', `/v1/complaints/${id}/extensions`, {
      token: official,
      body: { workingDays: 3, reason: 'site_inspection', explanation: 'Нужен выезд на место.' },
    });
    await waitForEmails(before + 2);
    // Due 30.11 + 3 working days = 03.12.2026: the reminder is at 09:00 on 02.12.
    system.setNow(almaty('2026-12-02T09:00'));
    await waitForEmails(before + 3);
    system.setNow(almaty('2026-12-02T15:00'));
    await api('api-act-on-complaint', 'POST', `/v1/complaints/${id}/decision`, {
      token: official,
      body: { outcome: 'satisfied', text: 'Справка будет выдана.' },
    });
    await waitForEmails(before + 4);
    // Let any schedule still due fire, then stop counting.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const emails = (await emailCount()) - before;
    const readUnits = system.consumed.read;
    const writeUnits = system.consumed.write;
    const invocations = tally(system.invoked);

    const raw = await createDynamoDbClient({ endpoint: dynamoDb.endpoint }).send(
      new QueryCommand({
        TableName: system.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': { S: complaintKey(id).PK } },
      }),
    );
    // Each item once in the table, and again in each index whose key it carries (ALL projections).
    const storedBytes = (raw.Items ?? []).reduce((sum, item) => {
      const copies =
        1 +
        [tableKeys.gsi1, tableKeys.gsi2, tableKeys.gsi3].filter(
          (index) => index.partitionKey in item,
        ).length;
      return sum + copies * Buffer.byteLength(JSON.stringify(item));
    }, 0);
    return { requests: tally(requests), invocations, emails, readUnits, writeUnits, storedBytes };
  } finally {
    await system.close();
    await dynamoDb.stop();
  }
}

/**
 * The life measured `runs` times, each unit at its largest: an API write racing the notice
 * function's `sent` record is retried (a read and a write more), as it would be in AWS.
 */
export async function measureComplaintAtMost(runs = 3): Promise<ComplaintUsage> {
  const all: ComplaintUsage[] = [];
  for (let run = 0; run < runs; run++) all.push(await measureComplaint());
  const largest = (of: (usage: ComplaintUsage) => number) => Math.max(...all.map(of));
  const first = all[0];
  if (!first) throw new Error('No run');
  return {
    ...first,
    emails: largest((u) => u.emails),
    readUnits: largest((u) => u.readUnits),
    writeUnits: largest((u) => u.writeUnits),
    storedBytes: largest((u) => u.storedBytes),
  };
}

export interface CostLine {
  readonly service: string;
  readonly monthly: number;
  readonly basis: string;
}

/** The monthly bill for `perYear` complaints, each using `usage`, at `prices`. */
export function monthlyCost(usage: ComplaintUsage, perYear: number): CostLine[] {
  const perMonth = perYear / 12;
  const m = assumptions.usageMargin;
  const total = (counts: ReadonlyMap<string, number>) =>
    [...counts.values()].reduce((sum, value) => sum + value, 0);
  const requests = total(usage.requests) * perMonth;
  const invocationsByFunction = new Map<string, number>();
  for (const counts of [usage.requests, usage.invocations])
    for (const [name, value] of counts)
      invocationsByFunction.set(name, (invocationsByFunction.get(name) ?? 0) + value * perMonth);
  const invocations = total(invocationsByFunction);
  const gbSeconds = [...invocationsByFunction].reduce((sum, [name, value]) => {
    const memoryMb = functions.find((f) => f.name === name)?.memoryMb ?? 1024;
    return sum + value * (memoryMb / 1024) * assumptions.billedSecondsPerInvocation;
  }, 0);
  // What Scheduler invokes; the stream consumer is invoked by its event source mapping, not Scheduler.
  const scheduled =
    total(new Map([...usage.invocations].filter(([name]) => name !== 'stream'))) * perMonth;
  // A year's complaints kept, with their index copies; PITR priced on the same size (an upper bound).
  const storedGb = (usage.storedBytes * perYear) / 1e9;
  const logsGb = ((invocations + requests) * assumptions.logBytesPerInvocation) / 1e9;
  const officials = assumptions.officials[perYear] ?? perYear / 100;
  return [
    {
      service: 'API Gateway (REST)',
      monthly: ((requests * prices.apiGatewayRestPerMillion) / 1e6) * m,
      basis: `${fmt(requests)} requests`,
    },
    {
      service: 'WAF',
      monthly:
        prices.wafWebAclMonthly +
        assumptions.wafRules * prices.wafRuleMonthly +
        ((requests * prices.wafPerMillionRequests) / 1e6) * m,
      basis: `1 web ACL, ${String(assumptions.wafRules)} rules`,
    },
    {
      service: 'Lambda (arm64)',
      monthly:
        ((invocations * prices.lambdaPerMillionRequests) / 1e6 +
          gbSeconds * prices.lambdaArmPerGbSecond) *
        m,
      basis: `${fmt(invocations)} invocations, ${fmt(gbSeconds)} GB-s`,
    },
    {
      service: 'DynamoDB (on demand)',
      monthly:
        ((usage.writeUnits * perMonth * prices.dynamoDbPerMillionWriteUnits) / 1e6 +
          (usage.readUnits * perMonth * prices.dynamoDbPerMillionReadUnits) / 1e6) *
          m +
        storedGb * (prices.dynamoDbStoragePerGbMonth + prices.dynamoDbPitrPerGbMonth),
      basis: `${fmt(usage.writeUnits * perMonth)} WRU, ${fmt(usage.readUnits * perMonth)} RRU, ${storedGb.toFixed(1)} GB after a year`,
    },
    {
      service: 'SES',
      monthly: ((usage.emails * perMonth * prices.sesPerThousandEmails) / 1000) * m,
      basis: `${fmt(usage.emails * perMonth)} e-mails`,
    },
    {
      service: 'EventBridge Scheduler',
      monthly:
        (Math.max(0, scheduled - prices.schedulerFreeInvocationsMonthly) *
          prices.schedulerPerMillionInvocations) /
        1e6,
      basis: `${fmt(scheduled)} invocations (14M free)`,
    },
    {
      service: 'CloudWatch',
      monthly:
        logsGb * prices.cloudWatchLogsIngestPerGb * m +
        assumptions.customMetrics * prices.cloudWatchCustomMetricMonthly +
        assumptions.alarms * prices.cloudWatchAlarmMonthly +
        prices.cloudWatchDashboardMonthly,
      basis: `${logsGb.toFixed(1)} GB logs, ${String(assumptions.customMetrics)} metrics, ${String(assumptions.alarms)} alarms, 1 dashboard`,
    },
    { service: 'KMS', monthly: prices.kmsKeyMonthly, basis: '1 key (DynamoDB caches data keys)' },
    {
      service: 'Cognito (Plus)',
      monthly: officials * prices.cognitoPlusPerMau,
      basis: `${fmt(officials)} active officials`,
    },
  ];
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

/**
 * The catalog: every Lambda function of the system with its entry file, what invokes it (API
 * routes, schedules), the environment it reads and what it may do with the table, the schedules
 * and SES. The local runner serves exactly this; the CDK stack deploys exactly this, so the laptop
 * and the cloud cannot drift apart.
 */

import type { RouteName } from '../functions/api/routes.js';

/** Every environment variable a function may read, and what it means. */
export const environmentVariables = {
  TABLE_NAME: 'The DynamoDB table',
  CORS_ORIGINS: 'Origins a browser may call the API from, comma-separated; empty: none',
  JWKS_URL: 'Where the officials’ token signing keys are published (Cognito, or the local issuer)',
  JWT_ISSUER: 'The issuer officials’ tokens must carry',
  JWT_AUDIENCE: 'The audience officials’ tokens must carry (the user pool client id)',
  SCHEDULE_GROUP: 'The stage’s EventBridge Scheduler group for per-complaint schedules',
  SCHEDULER_ROLE_ARN: 'The role EventBridge Scheduler assumes to invoke the targets',
  SCHEDULE_DLQ_ARN:
    'The queue of schedule events that could not be delivered, or whose function failed every try',
  DEADLINE_FUNCTION_ARN: 'The deadline function: target of due-soon, overdue and control schedules',
  NOTICE_FUNCTION_ARN: 'The notice function: target of e-mail schedules',
  SENDER_EMAIL: 'The verified SES identity notices are sent from',
  SES_CONFIGURATION_SET: 'The SES configuration set reporting bounces and complaints',
  NOTICE_RETRY_DELAYS_SECONDS: 'Waits before each further try of a failed e-mail, comma-separated',
  WEB_DESK_URL:
    'The web desk the applicant’s follow-up link points to (`<url>/follow#lang=…&token=…`), in the receipt and in every link asked for',
  POWERTOOLS_SERVICE_NAME: 'The service name in logs and metrics',
  POWERTOOLS_LOG_LEVEL: 'The log level',
  POWERTOOLS_METRICS_NAMESPACE: 'The CloudWatch namespace of the metrics the functions count',
  POWERTOOLS_METRICS_DISABLED: 'true where nobody collects metrics (locally)',
  POWERTOOLS_TRACE_ENABLED:
    'false where nothing collects X-Ray traces (locally): the Tracer and the X-Ray SDK are not even loaded',
  POWERTOOLS_TRACER_CAPTURE_ERROR:
    'false: error messages (an SDK error may name an e-mail address) stay out of traces',
} as const;

export type EnvironmentName = keyof typeof environmentVariables;

export type TableAccess = 'read' | 'read-write' | 'load';

/**
 * The DynamoDB actions each access level allows, on the table and its indexes; nothing else (no
 * Scan anywhere). A transaction needs the actions of its parts.
 */
export const tableActions: Readonly<Record<TableAccess, readonly string[]>> = {
  read: ['dynamodb:GetItem', 'dynamodb:Query'],
  'read-write': [
    'dynamodb:GetItem',
    'dynamodb:Query',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:ConditionCheckItem',
  ],
  load: ['dynamodb:BatchWriteItem', 'dynamodb:PutItem'],
};

export interface FunctionDefinition {
  readonly name: string;
  readonly description: string;
  /** The handler module, from the repository root; it exports `handler`. */
  readonly entry: string;
  /** API routes it serves; empty for functions invoked by schedules. */
  readonly routes: readonly RouteName[];
  /** The target of per-complaint schedules (`deadline`, `notice`) or of the daily cron (`reconcile`). */
  readonly scheduleTarget?: 'deadline' | 'notice' | 'reconcile';
  /** Subscribed to SES's bounce and complaint events (through SNS). */
  readonly sesEvents?: true;
  /** Consumes the table's stream (an event source mapping in AWS, a poller in `npm start`). */
  readonly streamConsumer?: true;
  /** Run by the deployment itself, after the table exists (loads the directory). */
  readonly deploymentStep?: true;
  readonly environment: readonly EnvironmentName[];
  readonly table: TableAccess;
  /** Creates, updates, reads and deletes per-complaint schedules (and passes the Scheduler role). */
  readonly managesSchedules: boolean;
  readonly sendsEmail: boolean;
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
  /** Reserved concurrency, where it protects what the function calls (SES's send rate, the table). */
  readonly reservedConcurrency?: number;
}

const common: readonly EnvironmentName[] = [
  'POWERTOOLS_SERVICE_NAME',
  'POWERTOOLS_LOG_LEVEL',
  'POWERTOOLS_METRICS_NAMESPACE',
  'POWERTOOLS_METRICS_DISABLED',
  'POWERTOOLS_TRACE_ENABLED',
  'POWERTOOLS_TRACER_CAPTURE_ERROR',
];
const jwt: readonly EnvironmentName[] = ['JWKS_URL', 'JWT_ISSUER', 'JWT_AUDIENCE'];
/** What every API function reads besides `common`. */
const http: readonly EnvironmentName[] = ['CORS_ORIGINS'];
const scheduling: readonly EnvironmentName[] = [
  'SCHEDULE_GROUP',
  'SCHEDULER_ROLE_ARN',
  'SCHEDULE_DLQ_ARN',
  'DEADLINE_FUNCTION_ARN',
  'NOTICE_FUNCTION_ARN',
];

/**
 * Reconciliation runs every few minutes: it reads only what lags (GSI3), so a run with nothing to
 * repair is a few empty queries, and a stuck e-mail goes out within minutes, not the next day.
 */
export const reconciliationMinutes = 5;

/** How the stream consumer is fed: batches, retries, and what happens after the last try. */
export const streamConsumption = {
  batchSize: 100,
  /** Bounded: a record that keeps failing goes to the failure queue, and the alarm tells someone. */
  retryAttempts: 5,
  maxBatchingWindowSeconds: 1,
} as const;

export const functions: readonly FunctionDefinition[] = [
  {
    name: 'api-reference',
    description: 'The body directory, the working-day calendar and the OpenAPI document',
    entry: 'functions/api/reference.ts',
    routes: ['listBodies', 'getBody', 'dueDate', 'calendarYear', 'openApi'],
    environment: ['TABLE_NAME', ...http, ...common],
    table: 'read',
    managesSchedules: false,
    sendsEmail: false,
    memoryMb: 512,
    timeoutSeconds: 10,
  },
  {
    name: 'api-file-complaint',
    description: 'Filing a complaint, idempotent by Idempotency-Key',
    entry: 'functions/api/file-complaint.ts',
    routes: ['fileComplaint'],
    environment: ['TABLE_NAME', ...http, ...jwt, ...common],
    table: 'read-write',
    managesSchedules: false,
    sendsEmail: false,
    memoryMb: 1024,
    timeoutSeconds: 15,
  },
  {
    name: 'api-read-complaints',
    description: 'Reading complaints, lists, letters and coupons',
    entry: 'functions/api/read-complaints.ts',
    routes: ['getComplaint', 'listComplaints', 'getLetter', 'getCoupon'],
    environment: ['TABLE_NAME', ...http, ...jwt, ...common],
    table: 'read',
    managesSchedules: false,
    sendsEmail: false,
    memoryMb: 1024,
    timeoutSeconds: 10,
  },
  {
    name: 'api-act-on-complaint',
    description:
      'Extensions, decisions, forwarding, withdrawal, return, deliveries, findings and recommendations',
    entry: 'functions/api/act-on-complaint.ts',
    routes: [
      'extendReview',
      'decide',
      'forward',
      'withdraw',
      'returnComplaint',
      'dispatchLetter',
      'recordOtherDelivery',
      'recordFindings',
      'sendRecommendation',
      'respondToRecommendation',
      'controlRecommendation',
    ],
    environment: ['TABLE_NAME', ...http, ...jwt, ...common],
    table: 'read-write',
    managesSchedules: false,
    sendsEmail: false,
    memoryMb: 1024,
    timeoutSeconds: 15,
  },
  {
    name: 'api-statistics',
    description: "The Agency's statistics per body and month, as JSON or CSV",
    entry: 'functions/api/statistics.ts',
    routes: ['statistics'],
    environment: ['TABLE_NAME', ...http, ...jwt, ...common],
    table: 'read',
    managesSchedules: false,
    sendsEmail: false,
    memoryMb: 512,
    timeoutSeconds: 10,
  },
  {
    name: 'api-access-links',
    description:
      'Follow-up links asked for by registration number and e-mail: recorded on a match, 3 a day, always answered 202',
    entry: 'functions/api/access-links.ts',
    routes: ['requestAccessLink'],
    environment: ['TABLE_NAME', ...http, ...common],
    // It records the link e-mail on the complaint (the outbox), or a throwaway write of its shape.
    table: 'read-write',
    managesSchedules: false,
    sendsEmail: false,
    memoryMb: 512,
    timeoutSeconds: 10,
  },
  {
    name: 'deadline',
    description:
      'Due-soon reminders, overdue checks, recommendation control, letters not dispatched',
    entry: 'functions/deadline/handler.ts',
    routes: [],
    scheduleTarget: 'deadline',
    environment: ['TABLE_NAME', ...common],
    table: 'read-write',
    managesSchedules: false,
    sendsEmail: false,
    memoryMb: 512,
    timeoutSeconds: 30,
  },
  {
    name: 'notice',
    description: 'Sends one pending e-mail notice or alert through SES and records it',
    entry: 'functions/notice/handler.ts',
    routes: [],
    scheduleTarget: 'notice',
    environment: [
      'TABLE_NAME',
      'SENDER_EMAIL',
      'SES_CONFIGURATION_SET',
      'NOTICE_RETRY_DELAYS_SECONDS',
      'WEB_DESK_URL',
      ...common,
    ],
    table: 'read-write',
    managesSchedules: false,
    sendsEmail: true,
    memoryMb: 512,
    timeoutSeconds: 30,
    // SES's sending rate starts at 14 e-mails a second: more at once would only be throttled.
    reservedConcurrency: 10,
  },
  {
    name: 'reconcile',
    description:
      'Every few minutes: repairs what lags (schedules, stuck e-mails), recounts provisional due dates, warns before the calendar ends',
    entry: 'functions/reconcile/handler.ts',
    routes: [],
    scheduleTarget: 'reconcile',
    environment: ['TABLE_NAME', ...scheduling, 'SENDER_EMAIL', 'SES_CONFIGURATION_SET', ...common],
    // R22: it records provisional due dates recounted, and the calendar warnings it gave.
    table: 'read-write',
    managesSchedules: true,
    sendsEmail: true,
    memoryMb: 1024,
    timeoutSeconds: 900,
    // One run at a time: two would only race to create the same schedules.
    reservedConcurrency: 1,
  },
  {
    name: 'stream',
    description:
      "The table's stream: the schedule calls after every change, and the Agency's statistics",
    entry: 'functions/stream/handler.ts',
    routes: [],
    streamConsumer: true,
    environment: ['TABLE_NAME', ...scheduling, ...common],
    table: 'read-write',
    managesSchedules: true,
    sendsEmail: false,
    memoryMb: 512,
    timeoutSeconds: 60,
  },
  {
    name: 'delivery-events',
    description: 'Marks e-mail notices failed on SES bounce and complaint events',
    entry: 'functions/delivery-events/handler.ts',
    routes: [],
    sesEvents: true,
    environment: ['TABLE_NAME', ...common],
    table: 'read-write',
    managesSchedules: false,
    sendsEmail: false,
    memoryMb: 512,
    timeoutSeconds: 30,
  },
  {
    name: 'seed-directory',
    description: 'Loads the body directory into the table on every deployment that changes it',
    entry: 'functions/seed-directory/handler.ts',
    routes: [],
    deploymentStep: true,
    environment: ['TABLE_NAME', ...common],
    table: 'load',
    managesSchedules: false,
    sendsEmail: false,
    memoryMb: 256,
    timeoutSeconds: 60,
  },
];

/** The environment of one function, from the values of the place it runs in. */
export function environmentOf(
  definition: FunctionDefinition,
  values: Readonly<Record<EnvironmentName, string>>,
): Record<string, string> {
  return Object.fromEntries(definition.environment.map((name) => [name, values[name]]));
}

/** A function's ARN from its name: functions target each other without a circular reference. */
export function functionArn(region: string, account: string, name: string): string {
  return `arn:aws:lambda:${region}:${account}:function:${name}`;
}

/** The function an ARN names (its last part), as a schedule's target gives it. */
export function functionNameOf(arn: string): string {
  return arn.slice(arn.lastIndexOf(':') + 1);
}

/**
 * The catalog: every Lambda function of the system with its entry file, the routes it serves, the
 * environment it reads and what it may do with the table. The local runner serves exactly this;
 * the CDK stack deploys exactly this, so the laptop and the cloud cannot drift apart.
 */

import type { RouteName } from '../functions/api/routes.js';

/** Every environment variable a function may read, and what it means. */
export const environmentVariables = {
  TABLE_NAME: 'The DynamoDB table',
  JWKS_URL: 'Where the officials’ token signing keys are published (Cognito, or the local issuer)',
  JWT_ISSUER: 'The issuer officials’ tokens must carry',
  JWT_AUDIENCE: 'The audience officials’ tokens must carry (the user pool client id)',
  POWERTOOLS_SERVICE_NAME: 'The service name in logs and metrics',
  POWERTOOLS_LOG_LEVEL: 'The log level',
} as const;

export type EnvironmentName = keyof typeof environmentVariables;

export type TableAccess = 'none' | 'read' | 'read-write';

export interface FunctionDefinition {
  readonly name: string;
  readonly description: string;
  /** The handler module, from the repository root; it exports `handler`. */
  readonly entry: string;
  readonly routes: readonly RouteName[];
  readonly environment: readonly EnvironmentName[];
  readonly table: TableAccess;
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
}

const common: readonly EnvironmentName[] = ['POWERTOOLS_SERVICE_NAME', 'POWERTOOLS_LOG_LEVEL'];
const jwt: readonly EnvironmentName[] = ['JWKS_URL', 'JWT_ISSUER', 'JWT_AUDIENCE'];

export const functions: readonly FunctionDefinition[] = [
  {
    name: 'api-reference',
    description: 'The body directory, the working-day calendar and the OpenAPI document',
    entry: 'functions/api/reference.ts',
    routes: ['listBodies', 'getBody', 'dueDate', 'calendarYear', 'openApi'],
    environment: ['TABLE_NAME', ...common],
    table: 'read',
    memoryMb: 512,
    timeoutSeconds: 10,
  },
  {
    name: 'api-file-complaint',
    description: 'Filing a complaint, idempotent by Idempotency-Key',
    entry: 'functions/api/file-complaint.ts',
    routes: ['fileComplaint'],
    environment: ['TABLE_NAME', ...jwt, ...common],
    table: 'read-write',
    memoryMb: 1024,
    timeoutSeconds: 15,
  },
  {
    name: 'api-read-complaints',
    description: 'Reading complaints, lists and letters',
    entry: 'functions/api/read-complaints.ts',
    routes: ['getComplaint', 'listComplaints', 'getLetter'],
    environment: ['TABLE_NAME', ...jwt, ...common],
    table: 'read',
    memoryMb: 1024,
    timeoutSeconds: 10,
  },
  {
    name: 'api-act-on-complaint',
    description: 'Extensions, decisions, letters dispatched, findings and recommendations',
    entry: 'functions/api/act-on-complaint.ts',
    routes: [
      'extendReview',
      'decide',
      'dispatchLetter',
      'recordFindings',
      'sendRecommendation',
      'respondToRecommendation',
      'controlRecommendation',
    ],
    environment: ['TABLE_NAME', ...jwt, ...common],
    table: 'read-write',
    memoryMb: 1024,
    timeoutSeconds: 15,
  },
];

/** The environment of one function, from the values of the place it runs in. */
export function environmentOf(
  definition: FunctionDefinition,
  values: Readonly<Record<EnvironmentName, string>>,
): Record<string, string> {
  return Object.fromEntries(definition.environment.map((name) => [name, values[name]]));
}

/**
 * What the functions need from the outside world, built from the environment the catalog gives
 * each function (the same names in AWS and in the local runner). Built lazily: a function that
 * never sends e-mail never reads the SES settings.
 */

import { Logger } from '@aws-lambda-powertools/logger';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { monotonicFactory } from 'ulid';
import {
  createDocumentClient,
  createDynamoDbClient,
} from '../../shared/adapters/dynamodb/client.js';
import { DynamoCalendarUpkeep } from '../../shared/adapters/dynamodb/calendar-upkeep.js';
import { DynamoComplaintRepository } from '../../shared/adapters/dynamodb/complaint-repository.js';
import { DynamoBodyDirectory } from '../../shared/adapters/dynamodb/directory-repository.js';
import { DynamoStatisticsStore } from '../../shared/adapters/dynamodb/statistics-store.js';
import type {
  BodyDirectory,
  CalendarUpkeep,
  ComplaintRepository,
  Mailer,
  Metrics,
  Scheduler,
  StatisticsStore,
} from '../../shared/ports.js';
import type { Authenticate } from './auth.js';
import { powertoolsMetrics } from './metrics.js';
import { traced } from './wiring/tracing.js';

export interface Dependencies {
  readonly repository: ComplaintRepository;
  readonly directory: BodyDirectory;
  /** R22: what the daily run remembers about the calendar's upkeep. */
  readonly calendarUpkeep: CalendarUpkeep;
  /** The Agency's per-body, per-month counters, kept from the stream. */
  readonly statistics: StatisticsStore;
  readonly authenticate: Authenticate;
  /** Where filing keeps its idempotency records. */
  readonly idempotencyStore: BasePersistenceLayer;
  readonly scheduler: Scheduler;
  readonly mailer: Mailer;
  /** Seconds to wait before each further try of a failed e-mail; after the last, it has failed. */
  readonly retryDelaysSeconds: readonly number[];
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly clock: () => number;
  readonly newId: () => string;
}

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '')
    throw new Error(`Environment variable ${name} is not set`);
  return value;
}

function lazy<T>(make: () => T): () => T {
  let value: { made: T } | undefined;
  return () => (value ??= { made: make() }).made;
}

export const serviceName = 'complaint-desk';

/** 1 min, 5 min, 15 min, 1 h, 4 h: an SES outage of up to about five hours loses nothing. */
export const defaultRetryDelaysSeconds = [60, 300, 900, 3_600, 14_400] as const;

export function retryDelaysFrom(text: string | undefined): readonly number[] {
  if (text === undefined || text.trim() === '') return defaultRetryDelaysSeconds;
  const delays = text.split(',').map((part) => Number(part.trim()));
  if (delays.some((delay) => !Number.isFinite(delay) || delay <= 0)) {
    throw new Error(
      `NOTICE_RETRY_DELAYS_SECONDS must be positive numbers separated by commas: ${text}`,
    );
  }
  return delays;
}

/**
 * The adapters a function uses beyond its table, each from its own module under `wiring/`: a
 * function imports only the SDK clients and libraries it needs (the catalog says which), which keeps
 * its bundle small and its cold start short.
 */
export interface Wiring {
  readonly authenticate?: () => Authenticate;
  readonly idempotencyStore?: (dynamoDb: DynamoDBClient, tableName: string) => BasePersistenceLayer;
  readonly scheduler?: () => Scheduler;
  readonly mailer?: () => Mailer;
}

function unwired(name: string): never {
  throw new Error(`This function is not wired for ${name}: add it to the handler's wiring`);
}

export function environmentDependencies(wiring: Wiring = {}): Dependencies {
  // One client, traced, for the repositories and for Powertools Idempotency alike.
  const dynamoDb = lazy(() => traced(createDynamoDbClient()));
  const documents = lazy(() => createDocumentClient(dynamoDb()));
  const tableName = lazy(() => requiredEnv('TABLE_NAME'));
  const repository = lazy(
    () => new DynamoComplaintRepository({ client: documents(), tableName: tableName() }),
  );
  const directory = lazy(() => new DynamoBodyDirectory(documents(), tableName()));
  const calendarUpkeep = lazy(() => new DynamoCalendarUpkeep(documents(), tableName()));
  const statistics = lazy(() => new DynamoStatisticsStore(documents(), tableName()));
  const authenticate = lazy(() => (wiring.authenticate ?? (() => unwired('tokens')))());
  const idempotencyStore = lazy(() =>
    (wiring.idempotencyStore ?? (() => unwired('idempotency')))(dynamoDb(), tableName()),
  );
  const scheduler = lazy(() => (wiring.scheduler ?? (() => unwired('schedules')))());
  const mailer = lazy(() => (wiring.mailer ?? (() => unwired('e-mail')))());
  const retryDelays = lazy(() => retryDelaysFrom(process.env.NOTICE_RETRY_DELAYS_SECONDS));
  return {
    get repository() {
      return repository();
    },
    get directory() {
      return directory();
    },
    get calendarUpkeep() {
      return calendarUpkeep();
    },
    get statistics() {
      return statistics();
    },
    get authenticate() {
      return authenticate();
    },
    get idempotencyStore() {
      return idempotencyStore();
    },
    get scheduler() {
      return scheduler();
    },
    get mailer() {
      return mailer();
    },
    get retryDelaysSeconds() {
      return retryDelays();
    },
    logger: new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? serviceName }),
    metrics: powertoolsMetrics(process.env.POWERTOOLS_SERVICE_NAME ?? serviceName),
    clock: Date.now,
    // Monotonic: ids made in the same millisecond (two alerts of one change) keep their order.
    newId: monotonicFactory(),
  };
}

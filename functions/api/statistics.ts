/**
 * `GET /v1/statistics` ([S6.3]): the counters the stream consumer keeps per body and month, read
 * back as figures; officials see their own body's, the authorized body any body's or all of them.
 * `Accept: text/csv` answers the same as CSV, one row per body and month.
 */

import { DomainError, validationFailed } from '../../shared/domain/errors.js';
import { figuresOf, monthsBetween, statisticsCsv } from '../../shared/domain/statistics.js';
import type { StatisticsAnswer } from '../../shared/validation/responses.js';
import { requireOfficial } from '../lib/auth.js';
import { environmentDependencies, type Dependencies } from '../lib/dependencies.js';
import { authenticatorFromEnvironment } from '../lib/wiring/auth.js';
import { createHttpHandler } from '../lib/http.js';

type Needs = Pick<Dependencies, 'statistics' | 'directory' | 'authenticate' | 'logger' | 'clock'>;

/** Whether the client asked for CSV rather than JSON. */
function wantsCsv(accept: string | undefined): boolean {
  return (accept ?? '')
    .split(',')
    .some((type) => type.split(';')[0]?.trim().toLowerCase() === 'text/csv');
}

export function createStatisticsHandler(dependencies: Needs) {
  return createHttpHandler(
    {
      statistics: async ({ query, headers }) => {
        const official = requireOfficial(await dependencies.authenticate(headers.authorization));
        // R15: an official sees their own body's figures; the authorized body any, or all at once.
        const bodyId = query.addresseeId ?? (official.authorizedBody ? undefined : official.bodyId);
        if (bodyId !== undefined && bodyId !== official.bodyId && !official.authorizedBody) {
          throw new DomainError('forbidden', 'Officials see the statistics of their own body');
        }
        if (bodyId !== undefined && !(await dependencies.directory.find(bodyId))) {
          throw validationFailed('The query is not valid', [
            { path: 'addresseeId', message: 'is not a body of the directory' },
          ]);
        }
        const months = monthsBetween(query.from, query.to);
        const stored = await dependencies.statistics.read(months, bodyId);
        const counters = new Map(stored.map((c) => [`${c.bodyId}#${c.month}`, c.counters]));
        // One body: every month of the span, zeros where nothing happened (a chart needs them).
        const keys =
          bodyId === undefined
            ? [...counters.keys()].sort()
            : months.map((month) => `${bodyId}#${month}`);
        const rows = keys.map((key) => {
          const [body = '', month = ''] = key.split('#');
          return figuresOf(body, month, counters.get(key) ?? {});
        });
        if (wantsCsv(headers.accept)) {
          return {
            status: 200,
            text: {
              contentType: 'text/csv; charset=utf-8',
              body: statisticsCsv(rows),
              fileName: `statistics-${query.from}-${query.to}.csv`,
            },
          };
        }
        return {
          status: 200,
          body: {
            from: query.from,
            to: query.to,
            addresseeId: bodyId ?? null,
            items: rows,
          } satisfies StatisticsAnswer,
        };
      },
    },
    dependencies,
  );
}

export const handler = createStatisticsHandler(
  environmentDependencies({ authenticate: authenticatorFromEnvironment }),
);

/**
 * Public reference data: the body directory (R2), the working-day calendar (R3, R5) and the OpenAPI
 * document. No credentials, no personal data.
 */

import {
  addWorkingDays,
  CalendarRangeError,
  firstKnownYear,
  isOfficialDate,
  provisionalHorizonYear,
  yearCalendar,
} from '../../shared/calendar/index.js';
import { toBodyView } from '../../shared/domain/bodies.js';
import { DomainError } from '../../shared/domain/errors.js';
import { environmentDependencies, type Dependencies } from '../lib/dependencies.js';
import { createHttpHandler } from '../lib/http.js';
import { openApiDocument } from '../lib/openapi.js';

export function createReferenceHandler(
  dependencies: Pick<Dependencies, 'directory' | 'logger' | 'clock'>,
) {
  return createHttpHandler(
    {
      listBodies: async ({ query }) => {
        const bodies = (await dependencies.directory.all()).filter(
          (body) =>
            (query.kind === undefined || body.kind === query.kind) &&
            (query.parentId === undefined || body.parentId === query.parentId),
        );
        // Ids are sorted; the cursor is the last id shown.
        const start =
          query.cursor === undefined
            ? 0
            : bodies.findIndex((body) => body.id > (query.cursor ?? ''));
        const page = start < 0 ? [] : bodies.slice(start, start + query.limit);
        const last = page.at(-1);
        const more = last !== undefined && bodies.at(-1)?.id !== last.id;
        return {
          status: 200,
          body: { items: page.map(toBodyView), nextCursor: more ? last.id : null },
        };
      },
      getBody: async ({ params }) => {
        const body = await dependencies.directory.find(params.bodyId ?? '');
        if (!body)
          throw new DomainError('not-found', `No body ${params.bodyId ?? ''} in the directory`);
        return { status: 200, body: toBodyView(body) };
      },
      dueDate: ({ query }) => {
        try {
          const dueDate = addWorkingDays(query.from, query.workingDays);
          return Promise.resolve({
            status: 200,
            body: {
              from: query.from,
              workingDays: query.workingDays,
              dueDate,
              // R22: counted past the official calendar from the law's holidays alone.
              provisional: !isOfficialDate(dueDate),
            },
          });
        } catch (error) {
          if (error instanceof CalendarRangeError) {
            throw new DomainError('validation-failed', error.detail, [
              { path: 'from', message: error.detail },
            ]);
          }
          throw error;
        }
      },
      calendarYear: ({ params }) => {
        const year = Number(params.year);
        // R22: the provisional years are answered too, with `provisional` saying so.
        if (!(Number.isInteger(year) && year >= firstKnownYear && year <= provisionalHorizonYear)) {
          throw new DomainError(
            'not-found',
            `The calendar of ${params.year ?? ''} is not known; it covers ${firstKnownYear}–${provisionalHorizonYear}`,
          );
        }
        const calendar = yearCalendar(year);
        return Promise.resolve({
          status: 200,
          body: {
            year,
            daysOff: calendar.daysOff,
            workingWeekends: calendar.workingWeekends,
            source: calendar.sources,
            provisional: calendar.provisional,
          },
          headers: { 'cache-control': 'public, max-age=3600' },
        });
      },
      openApi: () => Promise.resolve({ status: 200, body: openApiDocument() }),
    },
    dependencies,
  );
}

export const handler = createReferenceHandler(environmentDependencies());

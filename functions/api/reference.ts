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
import type {
  BodyList,
  BodyView,
  CalendarYearView,
  DueDateAnswer,
} from '../../shared/validation/responses.js';
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
        // Ids are sorted; the cursor is the id of the last body shown, so it must be one of this
        // list's bodies; anything else was not given by this list, and is not read as "start".
        let start = 0;
        if (query.cursor !== undefined) {
          const index = bodies.findIndex((body) => body.id === query.cursor);
          if (index < 0) {
            throw new DomainError('validation-failed', 'The query is not valid', [
              { path: 'cursor', message: 'is not a cursor this API gave for this list' },
            ]);
          }
          start = index + 1;
        }
        const page = bodies.slice(start, start + query.limit);
        const last = page.at(-1);
        const more = last !== undefined && bodies.at(-1)?.id !== last.id;
        return {
          status: 200,
          body: {
            items: page.map(toBodyView),
            nextCursor: more ? last.id : null,
          } satisfies BodyList,
        };
      },
      getBody: async ({ params }) => {
        const body = await dependencies.directory.find(params.bodyId ?? '');
        if (!body)
          throw new DomainError('not-found', `No body ${params.bodyId ?? ''} in the directory`);
        return { status: 200, body: toBodyView(body) satisfies BodyView };
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
            } satisfies DueDateAnswer,
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
        // Four decimal digits and nothing else: `Number()` would also read 0x7EA, 2026e0 or 02026.
        const year = /^\d{4}$/.test(params.year ?? '') ? Number(params.year) : Number.NaN;
        // R22: the provisional years are answered too, with `provisional` saying so.
        if (!(year >= firstKnownYear && year <= provisionalHorizonYear)) {
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
            daysOff: [...calendar.daysOff],
            workingWeekends: [...calendar.workingWeekends],
            source: [...calendar.sources],
            provisional: calendar.provisional,
          } satisfies CalendarYearView,
          headers: { 'cache-control': 'public, max-age=3600' },
        });
      },
      openApi: () => Promise.resolve({ status: 200, body: openApiDocument() }),
    },
    dependencies,
  );
}

export const handler = createReferenceHandler(environmentDependencies());

/**
 * `GET /v1/statistics` query: a span of months (`YYYY-MM`, at most three years) and, optionally,
 * one body (docs/api.md).
 */

import * as z from 'zod';
import { idSchema } from './schemas.js';

/** The longest span one request may ask for: 36 months. */
export const maxStatisticsMonths = 36;

const monthSchema = z
  .string({ error: 'must be a month, YYYY-MM' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'must be a month, YYYY-MM' });

const monthIndex = (month: string): number =>
  Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

export const statisticsQuerySchema = z
  .strictObject({
    from: monthSchema,
    to: monthSchema,
    addresseeId: idSchema.optional(),
  })
  .superRefine((query, ctx) => {
    const span = monthIndex(query.to) - monthIndex(query.from) + 1;
    if (span < 1) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    } else if (span > maxStatisticsMonths) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `must be at most ${maxStatisticsMonths} months after from`,
      });
    }
  });

export type StatisticsQuery = z.infer<typeof statisticsQuerySchema>;

/**
 * Calendar throughput: addWorkingDays over random dates of the known years and N ≤ 25 (issue #2's
 * target: ≥ 1,000,000 per second on one core), with isWorkingDay and workingDaysBetween beside it.
 */

import { addWorkingDays, isWorkingDay, workingDaysBetween } from '../shared/calendar/index.js';
import { isoFromEpochDay, epochDayOfIso } from '../shared/calendar/dates.js';

export interface BenchResult {
  readonly name: string;
  readonly opsPerSecond: number;
}

/** A small deterministic generator, so every run measures the same inputs. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function measure(name: string, operation: (i: number) => number, minMs = 1_000): BenchResult {
  let sink = 0;
  // Warm up so the JIT has compiled the loop before timing starts.
  for (let i = 0; i < 200_000; i++) sink ^= operation(i);
  let best = 0;
  for (let round = 0; round < 5; round++) {
    let count = 0;
    const start = process.hrtime.bigint();
    let elapsedMs = 0;
    while (elapsedMs < minMs / 5) {
      for (let i = 0; i < 100_000; i++) sink ^= operation(count + i);
      count += 100_000;
      elapsedMs = Number(process.hrtime.bigint() - start) / 1e6;
    }
    best = Math.max(best, (count / elapsedMs) * 1000);
  }
  if (sink === 0.5) console.log('unreachable', sink);
  return { name, opsPerSecond: best };
}

export function benchCalendar(): BenchResult[] {
  const random = lcg(2026);
  const first = epochDayOfIso('2019-01-01');
  // Late enough in 2027 that 25 working days still fall inside the known calendar.
  const last = epochDayOfIso('2027-10-31');
  const size = 1 << 16;
  const dates = Array.from({ length: size }, () =>
    isoFromEpochDay(first + Math.floor(random() * (last - first + 1))),
  );
  const counts = Array.from({ length: size }, () => 1 + Math.floor(random() * 25));
  const mask = size - 1;
  return [
    measure('addWorkingDays (random date 2019–2027, N 1–25)', (i) =>
      addWorkingDays(dates[i & mask] ?? '', counts[i & mask] ?? 1).charCodeAt(9),
    ),
    measure('isWorkingDay (random date)', (i) => (isWorkingDay(dates[i & mask] ?? '') ? 1 : 0)),
    measure('workingDaysBetween (random pair)', (i) =>
      workingDaysBetween(dates[i & mask] ?? '', dates[(i * 7 + 3) & mask] ?? ''),
    ),
  ];
}

/**
 * Which stream records the consumer acts on (functions/stream): a complaint's META item and its
 * recommendations (REC#…). The event source mapping filters by the same in AWS, the local poller
 * in `npm start`: the consumer is not even invoked for history events, notices or counters.
 */

export const streamSortKeys = { exactly: ['META'], prefixes: ['REC#'] } as const;

export function isComplaintChange(sortKey: string): boolean {
  return (
    (streamSortKeys.exactly as readonly string[]).includes(sortKey) ||
    streamSortKeys.prefixes.some((prefix) => sortKey.startsWith(prefix))
  );
}

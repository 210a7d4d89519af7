/**
 * The Scheduler emulator's store: its schedules in a map by `group/name`, the ones waiting to fire
 * in a min-heap by due instant, their names in a sorted index (for ListSchedules by prefix), and,
 * for `npm start`, an append-only journal on disk.
 *
 * Every change is one JSON line appended to the journal (synchronously, before the change is made
 * in memory, so an answered call is in the file); the journal is folded into a snapshot at start
 * and whenever it grows past four times the live set. Create, update, delete, claiming what is due
 * and settling a firing cost O(log n); nothing is ever rewritten whole per call, and what has fired
 * or been deleted leaves memory and, at the next compaction, the disk.
 */

import {
  closeSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';

export interface ScheduleTarget {
  readonly Arn: string;
  readonly RoleArn: string;
  readonly Input?: string;
  readonly RetryPolicy?: {
    readonly MaximumRetryAttempts?: number;
    readonly MaximumEventAgeInSeconds?: number;
  };
  readonly DeadLetterConfig?: { readonly Arn?: string };
}

export interface ScheduleRecord {
  readonly Name: string;
  readonly GroupName: string;
  readonly ScheduleExpression: string;
  readonly ScheduleExpressionTimezone: string;
  readonly ActionAfterCompletion: 'NONE' | 'DELETE';
  readonly FlexibleTimeWindow: { readonly Mode: string };
  readonly Target: ScheduleTarget;
  readonly State: 'ENABLED' | 'DISABLED';
  readonly CreationDate: number;
  readonly LastModificationDate: number;
  /** When it fires (epoch ms). */
  readonly dueAt: number;
  /** Failed invocations so far. */
  readonly attempts: number;
  readonly completed: boolean;
}

/** A schedule handed out to fire; `version` tells, when it settles, whether it was replaced meanwhile. */
export interface Claimed {
  readonly id: string;
  readonly record: ScheduleRecord;
  readonly version: number;
}

/** One line of the journal: the schedule as it now is, or, without `record`, its removal. */
interface JournalLine {
  readonly op: 'create' | 'update' | 'delete' | 'fire';
  readonly id: string;
  readonly record?: ScheduleRecord;
}

export const scheduleId = (group: string, name: string): string => `${group}/${name}`;

/**
 * One copy of what many schedules have in common (the group, the target's and the role's ARNs, the
 * retry policy, the dead-letter queue): a schedule then holds little more than its name, time and
 * input. At most `sharedLimit` distinct values, so odd inputs cannot make it grow without bound.
 */
const shared = new Map<string, unknown>();
const sharedLimit = 1_000;

function share<T>(value: T): T {
  const key = typeof value === 'string' ? `s${value}` : `o${JSON.stringify(value)}`;
  const known = shared.get(key);
  if (known !== undefined) return known as T;
  if (shared.size < sharedLimit) shared.set(key, value);
  return value;
}

function compact(record: ScheduleRecord): ScheduleRecord {
  const target = record.Target;
  return {
    ...record,
    GroupName: share(record.GroupName),
    ScheduleExpressionTimezone: share(record.ScheduleExpressionTimezone),
    FlexibleTimeWindow: share(record.FlexibleTimeWindow),
    Target: {
      ...target,
      Arn: share(target.Arn),
      RoleArn: share(target.RoleArn),
      ...(target.RetryPolicy === undefined ? {} : { RetryPolicy: share(target.RetryPolicy) }),
      ...(target.DeadLetterConfig === undefined
        ? {}
        : { DeadLetterConfig: share(target.DeadLetterConfig) }),
    },
  };
}

interface Slot {
  readonly id: string;
  readonly record: ScheduleRecord;
  readonly version: number;
  /** Position in the heap; -1 when not waiting (disabled, completed, or firing). */
  heapIndex: number;
}

/** A binary min-heap of slots by (due instant, version), each slot knowing its position. */
class DueHeap {
  private readonly slots: Slot[] = [];

  get size(): number {
    return this.slots.length;
  }

  peek(): Slot | undefined {
    return this.slots[0];
  }

  push(slot: Slot): void {
    slot.heapIndex = this.slots.length;
    this.slots.push(slot);
    this.up(slot.heapIndex);
  }

  remove(slot: Slot): void {
    const index = slot.heapIndex;
    if (index < 0) return;
    const last = this.slots.pop();
    slot.heapIndex = -1;
    if (last === undefined || last === slot) return;
    this.slots[index] = last;
    last.heapIndex = index;
    this.up(index);
    this.down(last.heapIndex);
  }

  private before(a: Slot, b: Slot): boolean {
    return (
      a.record.dueAt < b.record.dueAt ||
      (a.record.dueAt === b.record.dueAt && a.version < b.version)
    );
  }

  private swap(i: number, j: number): void {
    const a = this.slots[i];
    const b = this.slots[j];
    if (a === undefined || b === undefined) return;
    this.slots[i] = b;
    this.slots[j] = a;
    b.heapIndex = i;
    a.heapIndex = j;
  }

  private up(index: number): void {
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const child = this.slots[i];
      const above = this.slots[parent];
      if (child === undefined || above === undefined || !this.before(child, above)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(index: number): void {
    let i = index;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      const at = (k: number): Slot | undefined => this.slots[k];
      const l = at(left);
      const r = at(right);
      const s = at(smallest);
      if (l !== undefined && s !== undefined && this.before(l, s)) smallest = left;
      const t = at(smallest);
      if (r !== undefined && t !== undefined && this.before(r, t)) smallest = right;
      if (smallest === i) return;
      this.swap(i, smallest);
      i = smallest;
    }
  }
}

/**
 * Keys in code-unit order, in chunks of at most 512 (a sorted list of sorted arrays): insert and
 * delete are a binary search and a splice within one chunk; a scan from a key is a binary search,
 * then in order. Any prefix of the keys is one contiguous run.
 */
class SortedKeys {
  private static readonly chunkSize = 512;
  private readonly chunks: string[][] = [];

  /** The first chunk whose last key is ≥ key (the last chunk if none is). */
  private chunkFor(key: string): number {
    let low = 0;
    let high = this.chunks.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      const chunk = this.chunks[middle] ?? [];
      if ((chunk[chunk.length - 1] ?? '') < key) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private static lowerBound(chunk: readonly string[], key: string): number {
    let low = 0;
    let high = chunk.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((chunk[middle] ?? '') < key) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  insert(key: string): void {
    if (this.chunks.length === 0) {
      this.chunks.push([key]);
      return;
    }
    const c = this.chunkFor(key);
    const chunk = this.chunks[c] ?? [];
    const at = SortedKeys.lowerBound(chunk, key);
    if (chunk[at] === key) return;
    chunk.splice(at, 0, key);
    if (chunk.length > SortedKeys.chunkSize) {
      this.chunks.splice(c + 1, 0, chunk.splice(chunk.length >> 1));
    }
  }

  delete(key: string): void {
    if (this.chunks.length === 0) return;
    const c = this.chunkFor(key);
    const chunk = this.chunks[c] ?? [];
    const at = SortedKeys.lowerBound(chunk, key);
    if (chunk[at] !== key) return;
    chunk.splice(at, 1);
    if (chunk.length === 0) this.chunks.splice(c, 1);
  }

  /** Keys ≥ `from`, in order. */
  *from(from: string): Generator<string> {
    if (this.chunks.length === 0) return;
    let c = this.chunkFor(from);
    let i = SortedKeys.lowerBound(this.chunks[c] ?? [], from);
    for (; c < this.chunks.length; c++, i = 0) {
      const chunk = this.chunks[c] ?? [];
      for (; i < chunk.length; i++) yield chunk[i] ?? '';
    }
  }
}

/** The journal file and the snapshot it is folded into. */
class Journal {
  private lines = 0;

  private constructor(
    private readonly snapshotFile: string,
    private readonly journalFile: string,
    private fd: number | undefined,
  ) {}

  /** Reads the snapshot and replays the journal after it; a torn last line is skipped. */
  static open(snapshotFile: string): { journal: Journal; records: ScheduleRecord[] } {
    const journalFile = `${snapshotFile.replace(/\.json$/, '')}.journal`;
    mkdirSync(path.dirname(snapshotFile), { recursive: true });
    const state = new Map<string, ScheduleRecord>();
    const text = readIfExists(snapshotFile);
    if (text !== undefined && text.trim() !== '') {
      // A JSON array of records: this format, and the whole-file one of earlier versions.
      let saved: ScheduleRecord[];
      try {
        saved = JSON.parse(text) as ScheduleRecord[];
      } catch (error) {
        throw new Error(
          `The Scheduler emulator's snapshot ${snapshotFile} is not valid JSON (${String(error)}): move it away to start without schedules; the reconciliation at start recreates those open complaints need.`,
        );
      }
      for (const record of saved) state.set(scheduleId(record.GroupName, record.Name), record);
    }
    for (const line of (readIfExists(journalFile) ?? '').split('\n')) {
      if (line === '') continue;
      let entry: JournalLine;
      try {
        entry = JSON.parse(line) as JournalLine;
      } catch {
        continue; // the last line, cut short by a crash: that change was never answered
      }
      if (entry.record === undefined) state.delete(entry.id);
      else state.set(entry.id, entry.record);
    }
    const journal = new Journal(snapshotFile, journalFile, undefined);
    const records = [...state.values()];
    journal.writeSnapshot(records);
    // O_APPEND: every write lands at the end, also after the journal is emptied in place.
    writeFileSync(journalFile, '');
    journal.fd = openSync(journalFile, 'a');
    return { journal, records };
  }

  get length(): number {
    return this.lines;
  }

  append(entry: JournalLine): void {
    if (this.fd === undefined) throw new Error('The schedule journal is closed');
    writeSync(this.fd, `${JSON.stringify(entry)}\n`);
    this.lines++;
  }

  /** Writes the live set as the snapshot and empties the journal. */
  compact(records: Iterable<ScheduleRecord>): void {
    this.writeSnapshot(records);
    if (this.fd !== undefined) ftruncateSync(this.fd, 0);
    this.lines = 0;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  /**
   * Replaces the snapshot in one rename. A crash before the journal is emptied replays it onto the
   * new snapshot, which changes nothing: each line sets a schedule to a state, or removes it.
   */
  private writeSnapshot(records: Iterable<ScheduleRecord>): void {
    const lines: string[] = [];
    for (const record of records) lines.push(JSON.stringify(record));
    const temporary = `${this.snapshotFile}.tmp`;
    writeFileSync(temporary, `[\n${lines.join(',\n')}\n]\n`);
    renameSync(temporary, this.snapshotFile);
  }
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export interface ScheduleStoreOptions {
  /** The snapshot file; the journal sits beside it. Absent: in memory only. */
  readonly file?: string;
  /** Compaction once the journal has this many times as many lines as there are schedules. */
  readonly compactionRatio?: number;
  /** …and at least this many lines. */
  readonly compactionMinimum?: number;
}

export class ScheduleStore {
  private readonly slots = new Map<string, Slot>();
  private readonly waiting = new DueHeap();
  private readonly names = new SortedKeys();
  private readonly firing = new Set<string>();
  private version = 0;
  private readonly journal: Journal | undefined;
  private readonly compactionRatio: number;
  private readonly compactionMinimum: number;

  constructor(options: ScheduleStoreOptions = {}) {
    this.compactionRatio = options.compactionRatio ?? 4;
    this.compactionMinimum = options.compactionMinimum ?? 1_000;
    if (options.file === undefined) {
      this.journal = undefined;
      return;
    }
    const { journal, records } = Journal.open(options.file);
    this.journal = journal;
    for (const record of records) this.place(scheduleId(record.GroupName, record.Name), record);
  }

  get size(): number {
    return this.slots.size;
  }

  /** Lines in the journal since the last compaction (0 in memory). */
  get journalLength(): number {
    return this.journal?.length ?? 0;
  }

  get(id: string): ScheduleRecord | undefined {
    return this.slots.get(id)?.record;
  }

  has(id: string): boolean {
    return this.slots.has(id);
  }

  records(): ScheduleRecord[] {
    return [...this.slots.values()].map((slot) => slot.record);
  }

  /** Creates or replaces a schedule. */
  put(id: string, record: ScheduleRecord, op: 'create' | 'update' | 'fire'): void {
    this.log({ op, id, record });
    this.place(id, record);
  }

  delete(id: string, op: 'delete' | 'fire' = 'delete'): boolean {
    const slot = this.slots.get(id);
    if (!slot) return false;
    this.log({ op, id });
    this.waiting.remove(slot);
    this.slots.delete(id);
    this.names.delete(id);
    return true;
  }

  /** The due instant of the next schedule waiting to fire. */
  nextDue(): number | undefined {
    return this.waiting.peek()?.record.dueAt;
  }

  /**
   * Takes the schedule at the head of the heap if it is due by `now`: it stops waiting until it
   * settles, so it is never handed out twice at once.
   */
  claimDue(now: number): Claimed | undefined {
    const head = this.waiting.peek();
    if (head === undefined || head.record.dueAt > now) return undefined;
    this.waiting.remove(head);
    this.firing.add(head.id);
    return { id: head.id, record: head.record, version: head.version };
  }

  /**
   * Ends a firing: `next` is the schedule after it (retry, completed) or `undefined` to delete it.
   * A schedule replaced while it fired keeps its new version, which now waits in its turn; one
   * deleted meanwhile stays deleted.
   */
  settle(claimed: Claimed, next: ScheduleRecord | undefined): void {
    this.firing.delete(claimed.id);
    const current = this.slots.get(claimed.id);
    if (current === undefined) return;
    if (current.version !== claimed.version) {
      this.enqueue(current);
      return;
    }
    if (next === undefined) this.delete(claimed.id, 'fire');
    else this.put(claimed.id, next, 'fire');
  }

  /**
   * Up to `limit` schedules in `group` (all groups when null) whose names start with `prefix`,
   * in order of their keys, after the key `after`; and whether more follow.
   */
  list(
    group: string | null,
    prefix: string,
    after: string | undefined,
    limit: number,
    state: string | null,
  ): { page: ScheduleRecord[]; last: string | undefined; more: boolean } {
    const start = group === null ? '' : scheduleId(group, prefix);
    const page: ScheduleRecord[] = [];
    let last: string | undefined;
    for (const key of this.names.from(after !== undefined && after > start ? after : start)) {
      if (group !== null && !key.startsWith(start)) break;
      if (key === after) continue;
      const record = this.slots.get(key)?.record;
      if (record === undefined || !record.Name.startsWith(prefix)) continue;
      if (state !== null && record.State !== state) continue;
      if (page.length === limit) return { page, last, more: true };
      page.push(record);
      last = key;
    }
    return { page, last, more: false };
  }

  close(): void {
    this.journal?.close();
  }

  private log(entry: JournalLine): void {
    const journal = this.journal;
    if (journal === undefined) return;
    journal.append(entry);
    if (journal.length > Math.max(this.compactionMinimum, this.compactionRatio * this.slots.size)) {
      // The change being logged is not in memory yet, and is in the journal: keep the line.
      journal.compact(this.records());
      journal.append(entry);
    }
  }

  private place(id: string, record: ScheduleRecord): void {
    const previous = this.slots.get(id);
    if (previous) this.waiting.remove(previous);
    else this.names.insert(id);
    const slot: Slot = { id, record: compact(record), version: ++this.version, heapIndex: -1 };
    this.slots.set(id, slot);
    if (!this.firing.has(id)) this.enqueue(slot);
  }

  private enqueue(slot: Slot): void {
    if (slot.heapIndex >= 0 || slot.record.State !== 'ENABLED' || slot.record.completed) return;
    this.waiting.push(slot);
  }
}

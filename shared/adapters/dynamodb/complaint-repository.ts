/**
 * ComplaintRepository on one DynamoDB table: every change is one TransactWriteItems, conditional on
 * the complaint's version, carrying its history events, notices and the schedules its new state
 * calls for (`plan`, on the META item). The table's stream is the outbox: the stream consumer makes
 * the schedule calls from the old and new plan, so nothing acknowledged waits on another service.
 * Reads are one Query per complaint; a registration number finds its complaint by one GetItem.
 */

import {
  ConditionalCheckFailedException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
  type QueryCommandOutput,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { IsoDate } from '../../calendar/dates.js';
import type {
  AccessLink,
  Alert,
  Complaint,
  ComplaintStatus,
  HistoryEvent,
  Notice,
  Recommendation,
} from '../../domain/complaint.js';
import { DomainError } from '../../domain/errors.js';
import { complaintStatuses, isOpen } from '../../domain/vocabulary.js';
import { createHash, randomUUID } from 'node:crypto';
import {
  isEmpty,
  planChanges,
  schedulesFor,
  sendAt,
  type ScheduleSpec,
} from '../../domain/schedules.js';
import type {
  AttentionEntry,
  ComplaintListQuery,
  Confirmation,
  ComplaintRepository,
  ComplaintSummary,
  IssuedToken,
  NewComplaint,
  Page,
  ProvisionalComplaint,
  StoredAccessToken,
  StoredComplaint,
} from '../../ports.js';
import { attentionShard, attentionShards, tableKeys } from './table.js';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type Item = Record<string, unknown>;

/** The partition of one complaint and its history, notices and alerts. */
export const complaintKey = (id: string) => ({ PK: `COMPLAINT#${id}` });
const counterKey = (bodyId: string, year: number) => ({
  PK: `COUNTER#${bodyId}#${year}`,
  SK: 'COUNTER',
});
type ComplaintCore = Omit<Complaint, 'notices' | 'recommendations' | 'alerts' | 'accessLinks'>;

/**
 * R14: the complaint a registration number names, for `POST /v1/access-links`. Written with the
 * complaint (filing, forwarding); `infra/local/table-upgrade.ts` adds it for older local data.
 */
export const registrationKey = (registrationNumber: string) => ({
  PK: `REGISTRATION#${registrationNumber}`,
  SK: 'REGISTRATION',
});

/** The lookup item of a registration number. */
export function registrationItem(registrationNumber: string, complaintId: string): Item {
  return { ...registrationKey(registrationNumber), type: 'registration', complaintId };
}

/** How long a throwaway write of an unmatched access-link request stays (epoch seconds from now). */
const throwawaySeconds = 24 * 60 * 60;

/**
 * GSI2 holds what its one reader needs: an open complaint whose due date is provisional (R22),
 * under that date, so that the recount after a new calendar year finds exactly those.
 */
const provisionalPrefix = 'PROVISIONAL#';

const inGsi2 = (complaint: Pick<Complaint, 'status' | 'dueDateProvisional'>): boolean =>
  isOpen(complaint.status) && complaint.dueDateProvisional;

function metaItem(
  complaint: Complaint,
  accessToken: { readonly hash: string; readonly issuedFor: string } | null,
  plan: readonly ScheduleSpec[],
): Item {
  const {
    notices: _notices,
    recommendations: _recommendations,
    alerts: _alerts,
    accessLinks: _accessLinks,
    ...core
  } = complaint;
  return {
    ...complaintKey(complaint.id),
    SK: 'META',
    type: 'complaint',
    version: complaint.version,
    data: JSON.stringify(core),
    ...(accessToken === null
      ? {}
      : { accessTokenHash: accessToken.hash, accessTokenFor: accessToken.issuedFor }),
    // The schedules this state calls for: the stream consumer diffs the old and new image's plan.
    plan: JSON.stringify(plan),
    [tableKeys.gsi1.partitionKey]: `BODY#${complaint.addressee.id}`,
    [tableKeys.gsi1.sortKey]: `${complaint.status}#${complaint.dueDate}#${complaint.id}`,
    ...(inGsi2(complaint)
      ? {
          [tableKeys.gsi2.partitionKey]: `DUE#${complaint.dueDate}`,
          [tableKeys.gsi2.sortKey]: `${provisionalPrefix}${complaint.id}`,
        }
      : {}),
  };
}

/** What complaints written before the side paths (R16–R24) lack, read as those fields' "none". */
const coreDefaults = {
  acceptedBy: null,
  dueDateProvisional: false,
  forwardedFrom: null,
  forwardedTo: null,
  forwarding: null,
  withdrawal: null,
  return: null,
} as const satisfies Partial<ComplaintCore>;

function noticeItem(complaintId: string, notice: Notice): Item {
  return {
    ...complaintKey(complaintId),
    SK: `NOTICE#${notice.id}`,
    type: 'notice',
    // Outside `data`: the notice function claims a pending notice with a condition on it.
    status: notice.status,
    data: JSON.stringify(notice),
    // A pending e-mail is work to do by its send time: findable by reconciliation (GSI3).
    ...(notice.status === 'pending' && notice.form === 'email'
      ? sendEntry(complaintId, notice.id, sendAt(notice))
      : {}),
  };
}

/** A follow-up link e-mail asked for: kept like a notice, and like it findable while pending. */
function accessLinkItem(complaintId: string, link: AccessLink): Item {
  return {
    ...complaintKey(complaintId),
    SK: `LINK#${link.id}`,
    type: 'link',
    status: link.status,
    data: JSON.stringify(link),
    ...(link.status === 'pending' ? sendEntry(complaintId, link.id, sendAt(link)) : {}),
  };
}

/** A token issued after filing (with a follow-up link): its hash and the complaint it opens. */
function tokenItem(complaintId: string, token: IssuedToken): Item {
  return {
    ...complaintKey(complaintId),
    SK: `TOKEN#${token.hash}`,
    type: 'token',
    issuedFor: token.issuedFor,
  };
}

/** GSI3: an e-mail still to send, by when it is due (reconciliation fires it again if stuck). */
function sendEntry(complaintId: string, messageId: string, at: number): Item {
  return {
    [tableKeys.gsi3.partitionKey]: `SEND#${attentionShard(complaintId)}`,
    [tableKeys.gsi3.sortKey]: `${new Date(at).toISOString()}#${complaintId}#${messageId}`,
  };
}

/**
 * A short digest of a plan as the META item stores it: what the SCHEDULES item says Scheduler
 * holds (`confirmedPlan`), so that a change is confirmed only on top of the plan it started from.
 */
export function planDigest(plan: string): string {
  return createHash('sha256').update(plan).digest('base64url').slice(0, 22);
}

/** The plan a complaint's state calls for, as the META item stores it. */
export function planOf(complaint: Complaint): string {
  return JSON.stringify(schedulesFor(complaint));
}

const nothingScheduled = planDigest('[]');

function recommendationItem(complaintId: string, recommendation: Recommendation): Item {
  return {
    ...complaintKey(complaintId),
    SK: `REC#${recommendation.id}`,
    type: 'recommendation',
    data: JSON.stringify(recommendation),
  };
}

function alertItem(complaintId: string, alert: Alert): Item {
  return {
    ...complaintKey(complaintId),
    SK: `ALERT#${alert.id}`,
    type: 'alert',
    status: alert.status,
    data: JSON.stringify(alert),
    ...(alert.status === 'pending' ? sendEntry(complaintId, alert.id, sendAt(alert)) : {}),
  };
}

function eventItem(complaintId: string, event: HistoryEvent, now: string): Item {
  return {
    ...complaintKey(complaintId),
    SK: `EVENT#${now}#${String(event.version).padStart(6, '0')}`,
    type: 'event',
    data: JSON.stringify(event),
  };
}

const putNew = (tableName: string, item: Item): TransactItem => ({
  Put: { TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' },
});

/** Items of the old and new state that differ, by id: only those are written. */
function changed<T extends { readonly id: string }>(
  before: readonly T[],
  after: readonly T[],
): T[] {
  const old = new Map(before.map((item) => [item.id, JSON.stringify(item)]));
  return after.filter((item) => old.get(item.id) !== JSON.stringify(item));
}

export interface DynamoComplaintRepositoryOptions {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  /** UTC now for event sort keys; the domain's instants stay in the event itself. */
  readonly clock?: () => number;
}

export class DynamoComplaintRepository implements ComplaintRepository {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly clock: () => number;

  constructor(options: DynamoComplaintRepositoryOptions) {
    this.client = options.client;
    this.tableName = options.tableName;
    this.clock = options.clock ?? Date.now;
  }

  async reserveRegistrationSequence(bodyId: string, year: number): Promise<number> {
    // R14: an atomic counter: concurrent filings each take the next number, none is refused.
    const { Attributes } = await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: counterKey(bodyId, year),
        UpdateExpression: 'ADD #sequence :one',
        ExpressionAttributeNames: { '#sequence': 'sequence' },
        ExpressionAttributeValues: { ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(Attributes?.sequence);
  }

  /** The items of a new complaint, for one transaction. */
  private filingItems(
    { complaint, events, accessToken }: NewComplaint,
    now: string,
  ): TransactItem[] {
    const plan = schedulesFor(complaint);
    return [
      putNew(this.tableName, metaItem(complaint, accessToken, plan)),
      putNew(this.tableName, registrationItem(complaint.registrationNumber, complaint.id)),
      ...events.map((event) => putNew(this.tableName, eventItem(complaint.id, event, now))),
      ...complaint.notices.map((notice) =>
        putNew(this.tableName, noticeItem(complaint.id, notice)),
      ),
      ...complaint.alerts.map((alert) => putNew(this.tableName, alertItem(complaint.id, alert))),
      ...(complaint.accessLinks ?? []).map((link) =>
        putNew(this.tableName, accessLinkItem(complaint.id, link)),
      ),
      // R16: a forwarded complaint opens with every token of the original, later ones included.
      ...(accessToken?.later ?? []).map((token) =>
        putNew(this.tableName, tokenItem(complaint.id, token)),
      ),
      ...this.schedulesItems([], plan, complaint, now),
    ];
  }

  /**
   * The SCHEDULES item, when the change calls for schedule calls at all: the complaint lags (GSI3)
   * from its first unconfirmed change until the stream consumer (or reconciliation) confirms it.
   * A new complaint has nothing in Scheduler yet: its confirmed plan is the empty one.
   */
  private schedulesItems(
    planBefore: readonly ScheduleSpec[],
    planAfter: readonly ScheduleSpec[],
    after: Complaint,
    now: string,
  ): TransactItem[] {
    if (isEmpty(planChanges(planBefore, planAfter, this.clock()))) return [];
    const lag = {
      pk: `LAGGING#${attentionShard(after.id)}`,
      sk: `${now}#${after.id}`,
    };
    if (after.version === 1) {
      return [
        {
          Put: {
            TableName: this.tableName,
            Item: {
              ...complaintKey(after.id),
              SK: 'SCHEDULES',
              type: 'schedules',
              version: after.version,
              confirmedPlan: nothingScheduled,
              since: now,
              [tableKeys.gsi3.partitionKey]: lag.pk,
              [tableKeys.gsi3.sortKey]: lag.sk,
            },
          },
        },
      ];
    }
    return [this.laggingUpdate(after.id, after.version, lag, now)];
  }

  /** The SCHEDULES item's update that makes (or keeps) a complaint lagging until confirmed. */
  private laggingUpdate(
    complaintId: string,
    version: number,
    lag: { readonly pk: string; readonly sk: string },
    now: string,
  ): TransactItem {
    return {
      Update: {
        TableName: this.tableName,
        Key: { ...complaintKey(complaintId), SK: 'SCHEDULES' },
        // Lagging since the first unconfirmed change: later ones do not push it back.
        UpdateExpression:
          'SET #type = :type, #version = :version, #pk = :pk, #sk = if_not_exists(#sk, :sk), #since = if_not_exists(#since, :now)',
        ExpressionAttributeNames: {
          '#type': 'type',
          '#version': 'version',
          '#since': 'since',
          '#pk': tableKeys.gsi3.partitionKey,
          '#sk': tableKeys.gsi3.sortKey,
        },
        ExpressionAttributeValues: {
          ':type': 'schedules',
          ':version': version,
          ':pk': lag.pk,
          ':sk': lag.sk,
          ':now': now,
        },
      },
    };
  }

  async file(filing: NewComplaint): Promise<void> {
    const now = new Date(this.clock()).toISOString();
    await this.client.send(
      new TransactWriteCommand({ TransactItems: this.filingItems(filing, now) }),
    );
  }

  async get(id: string): Promise<StoredComplaint | undefined> {
    const items: Item[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      // One Query reads the complaint, its history, notices and recommendations; a long history
      // continues on further pages of the same Query.
      const page: QueryCommandOutput = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': complaintKey(id).PK },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    const meta = items.find((item) => item.SK === 'META');
    if (!meta) return undefined;
    const dataOf = <T>(type: string): T[] =>
      items.filter((item) => item.type === type).map((item) => parseData(item) as T);
    const notices = dataOf<Notice>('notice').sort(
      (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
    );
    const recommendations = dataOf<Recommendation>('recommendation').sort(
      (a, b) => a.sentAt.localeCompare(b.sentAt) || a.id.localeCompare(b.id),
    );
    const alerts = dataOf<Alert>('alert').sort(
      (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
    );
    const accessLinks = dataOf<AccessLink>('link').sort(
      (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
    );
    const history = dataOf<HistoryEvent>('event').sort((a, b) => a.version - b.version);
    const core = coreOf(meta);
    const later = items
      .filter((item) => item.type === 'token')
      .map((item) => ({
        hash: String(item.SK).slice('TOKEN#'.length),
        issuedFor: String(item.issuedFor),
      }));
    return {
      complaint: {
        ...core,
        notices,
        recommendations,
        alerts,
        ...(accessLinks.length > 0 ? { accessLinks } : {}),
      },
      history,
      accessToken: accessTokenOf(meta, id, later),
    };
  }

  /** The conditional update of a complaint and its changed records, for one transaction. */
  private changeItems(
    previous: Complaint,
    next: Complaint,
    events: readonly HistoryEvent[],
    now: string,
  ): TransactItem[] {
    const plan = schedulesFor(next);
    const meta = metaItem(next, null, plan);
    return [
      {
        Update: {
          TableName: this.tableName,
          Key: { ...complaintKey(next.id), SK: 'META' },
          // Everything but the access token hash, which only filing sets.
          UpdateExpression: `SET ${Object.keys(meta)
            .filter((name) => name !== 'PK' && name !== 'SK')
            .map((name) => `#${name} = :${name}`)
            .join(', ')}${inGsi2(next) ? '' : ` REMOVE #gsi2pk, #gsi2sk`}`,
          ConditionExpression: '#version = :previousVersion',
          ExpressionAttributeNames: {
            ...Object.fromEntries(
              Object.keys(meta)
                .filter((name) => name !== 'PK' && name !== 'SK')
                .map((name) => [`#${name}`, name]),
            ),
            ...(inGsi2(next)
              ? {}
              : { '#gsi2pk': tableKeys.gsi2.partitionKey, '#gsi2sk': tableKeys.gsi2.sortKey }),
          },
          ExpressionAttributeValues: {
            ...Object.fromEntries(
              Object.entries(meta)
                .filter(([name]) => name !== 'PK' && name !== 'SK')
                .map(([name, value]) => [`:${name}`, value]),
            ),
            ':previousVersion': previous.version,
          },
        },
      },
      ...events.map((event) => putNew(this.tableName, eventItem(next.id, event, now))),
      ...changed(previous.notices, next.notices).map((notice): TransactItem => ({
        Put: { TableName: this.tableName, Item: noticeItem(next.id, notice) },
      })),
      ...changed(previous.alerts, next.alerts).map((alert): TransactItem => ({
        Put: { TableName: this.tableName, Item: alertItem(next.id, alert) },
      })),
      ...changed(previous.recommendations, next.recommendations).map(
        (recommendation): TransactItem => ({
          Put: { TableName: this.tableName, Item: recommendationItem(next.id, recommendation) },
        }),
      ),
      ...changed(previous.accessLinks ?? [], next.accessLinks ?? []).map((link): TransactItem => ({
        Put: { TableName: this.tableName, Item: accessLinkItem(next.id, link) },
      })),
      ...this.schedulesItems(schedulesFor(previous), plan, next, now),
    ];
  }

  async save(previous: Complaint, next: Complaint, events: readonly HistoryEvent[]): Promise<void> {
    const now = new Date(this.clock()).toISOString();
    await this.writeChange(previous, this.changeItems(previous, next, events, now));
  }

  async forward(
    previous: Complaint,
    next: Complaint,
    events: readonly HistoryEvent[],
    forwarded: NewComplaint,
  ): Promise<void> {
    const now = new Date(this.clock()).toISOString();
    await this.writeChange(previous, [
      ...this.changeItems(previous, next, events, now),
      ...this.filingItems(forwarded, now),
    ]);
  }

  /**
   * One transaction whose first item is the complaint's conditional update: its failing condition
   * is another writer having been first, `version-conflict`.
   */
  private async writeChange(previous: Complaint, items: TransactItem[]): Promise<void> {
    try {
      await this.client.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      const reasons =
        error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
      // Another transaction on the same items at that moment is a concurrent change as well.
      if (
        reasons[0]?.Code === 'ConditionalCheckFailed' ||
        reasons.some((reason) => reason.Code === 'TransactionConflict')
      ) {
        throw new DomainError(
          'version-conflict',
          `The complaint changed since version ${previous.version}; read it again and retry`,
        );
      }
      throw error;
    }
  }

  async confirmSchedules(
    complaintId: string,
    version: number,
    plans: { readonly from: string | null; readonly to: string },
  ): Promise<boolean> {
    const update = (confirmsLatest: boolean) =>
      this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { ...complaintKey(complaintId), SK: 'SCHEDULES' },
          UpdateExpression: `SET confirmedVersion = :version, confirmedPlan = :to${
            confirmsLatest ? ' REMOVE #pk, #sk, #since' : ''
          }`,
          ConditionExpression: [
            // A later change still waiting keeps the complaint lagging until its own turn.
            confirmsLatest ? '#version <= :version' : '#version > :version',
            // On top of what Scheduler held: a change whose calls were lost breaks the chain,
            // and the complaint lags until reconciliation has repaired it from Scheduler itself.
            ...(plans.from === null ? [] : ['confirmedPlan = :from']),
          ].join(' AND '),
          ExpressionAttributeNames: {
            '#version': 'version',
            ...(confirmsLatest
              ? {
                  '#pk': tableKeys.gsi3.partitionKey,
                  '#sk': tableKeys.gsi3.sortKey,
                  '#since': 'since',
                }
              : {}),
          },
          ExpressionAttributeValues: {
            ':version': version,
            ':to': planDigest(plans.to),
            ...(plans.from === null ? {} : { ':from': planDigest(plans.from) }),
          },
        }),
      );
    try {
      await update(true);
      return true;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    // A later change waits: Scheduler holds this plan now, that change builds on it.
    try {
      await update(false);
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    return false;
  }

  async confirmAll(confirmations: readonly Confirmation[]): Promise<void> {
    // Together when the chains hold and no later change waits (the common case), in transactions
    // of at most 100; otherwise each on its own, which also records a chain step under a later change.
    for (let i = 0; i < confirmations.length; i += 100) {
      const chunk = confirmations.slice(i, i + 100);
      if (chunk.length === 1) {
        const [only] = chunk;
        if (only) await this.confirmSchedules(only.complaintId, only.version, only.plans);
        continue;
      }
      try {
        await this.client.send(
          new TransactWriteCommand({
            TransactItems: chunk.map((confirmation) => ({
              Update: {
                TableName: this.tableName,
                Key: { ...complaintKey(confirmation.complaintId), SK: 'SCHEDULES' },
                UpdateExpression:
                  'SET confirmedVersion = :version, confirmedPlan = :to REMOVE #pk, #sk, #since',
                ConditionExpression: '#version <= :version AND confirmedPlan = :from',
                ExpressionAttributeNames: {
                  '#version': 'version',
                  '#pk': tableKeys.gsi3.partitionKey,
                  '#sk': tableKeys.gsi3.sortKey,
                  '#since': 'since',
                },
                ExpressionAttributeValues: {
                  ':version': confirmation.version,
                  ':to': planDigest(confirmation.plans.to),
                  ':from': planDigest(confirmation.plans.from),
                },
              },
            })),
          }),
        );
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        for (const confirmation of chunk) {
          await this.confirmSchedules(
            confirmation.complaintId,
            confirmation.version,
            confirmation.plans,
          );
        }
      }
    }
  }

  async lagging(before: number): Promise<readonly AttentionEntry[]> {
    return this.attention('LAGGING', before, (sortKey) => {
      const id = sortKey.slice(sortKey.lastIndexOf('#') + 1);
      return { complaintId: id, messageId: null };
    });
  }

  async unsent(before: number): Promise<readonly AttentionEntry[]> {
    return this.attention('SEND', before, (sortKey) => {
      const [, complaintId = '', messageId = ''] = sortKey.split('#');
      return { complaintId, messageId };
    });
  }

  /** GSI3 entries of one kind, every shard, older than `before` (UTC instant). */
  private async attention(
    kind: 'LAGGING' | 'SEND',
    before: number,
    parse: (sortKey: string) => AttentionEntry,
  ): Promise<AttentionEntry[]> {
    const shards = Array.from({ length: attentionShards }, (_, shard) => shard);
    const pages = await Promise.all(
      shards.map(async (shard) => {
        const found: AttentionEntry[] = [];
        let startKey: Record<string, unknown> | undefined;
        do {
          const page: QueryCommandOutput = await this.client.send(
            new QueryCommand({
              TableName: this.tableName,
              IndexName: tableKeys.gsi3.indexName,
              KeyConditionExpression: '#pk = :pk AND #sk < :before',
              ExpressionAttributeNames: {
                '#pk': tableKeys.gsi3.partitionKey,
                '#sk': tableKeys.gsi3.sortKey,
              },
              ExpressionAttributeValues: {
                ':pk': `${kind}#${shard}`,
                ':before': new Date(before).toISOString(),
              },
              ProjectionExpression: '#sk',
              ExclusiveStartKey: startKey,
            }),
          );
          for (const item of page.Items ?? []) {
            found.push(parse(String(item[tableKeys.gsi3.sortKey])));
          }
          startKey = page.LastEvaluatedKey;
        } while (startKey);
        return found;
      }),
    );
    return pages.flat();
  }

  async provisionalOn(date: IsoDate): Promise<readonly ProvisionalComplaint[]> {
    const found: ProvisionalComplaint[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page: QueryCommandOutput = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: tableKeys.gsi2.indexName,
          // The prefix also leaves out entries older versions wrote for other things.
          KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
          ExpressionAttributeNames: {
            '#pk': tableKeys.gsi2.partitionKey,
            '#sk': tableKeys.gsi2.sortKey,
          },
          ExpressionAttributeValues: { ':pk': `DUE#${date}`, ':prefix': provisionalPrefix },
          ProjectionExpression: 'PK',
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? [])
        found.push({ id: String(item.PK).slice('COMPLAINT#'.length), dueDate: date });
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return found;
  }

  async claimDelivery(
    complaintId: string,
    kind: 'notice' | 'alert' | 'link',
    messageId: string,
    leaseUntil: number,
    now: number,
  ): Promise<boolean> {
    const prefixes = { notice: 'NOTICE', alert: 'ALERT', link: 'LINK' } as const;
    const sortKey = `${prefixes[kind]}#${messageId}`;
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { ...complaintKey(complaintId), SK: sortKey },
          UpdateExpression: 'SET claimedUntil = :until',
          ConditionExpression:
            'attribute_exists(PK) AND #status = :pending AND (attribute_not_exists(claimedUntil) OR claimedUntil < :now)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':until': leaseUntil, ':now': now, ':pending': 'pending' },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async complaintIdOf(registrationNumber: string): Promise<string | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: registrationKey(registrationNumber),
        ConsistentRead: true,
      }),
    );
    return typeof Item?.complaintId === 'string' ? Item.complaintId : undefined;
  }

  /**
   * A follow-up link asked for: its item, the META item's plan that sends it, and the SCHEDULES
   * item that keeps the complaint lagging until the stream consumer has made the call. The
   * complaint's own record is not changed (its version stays): the condition is on the version
   * and on the number of links, `accessLinks` on META, which serialises concurrent requests, so
   * that no more than the day's allowance is ever recorded. Without a change, the same three
   * writes go to throwaway items that expire after a day.
   */
  async recordAccessLink(
    change: { readonly previous: Complaint; readonly next: Complaint } | undefined,
  ): Promise<void> {
    const now = new Date(this.clock()).toISOString();
    if (change === undefined) {
      await this.client.send(new TransactWriteCommand({ TransactItems: this.throwaway() }));
      return;
    }
    const { previous, next } = change;
    const before = previous.accessLinks ?? [];
    const added = (next.accessLinks ?? []).filter((link) => !before.some((b) => b.id === link.id));
    const [link] = added;
    if (link === undefined || added.length !== 1 || next.version !== previous.version) {
      throw new RangeError('An access link request adds one link and changes nothing else');
    }
    // The complaint's conditional update first: its failing condition is a concurrent change.
    const items: TransactItem[] = [
      {
        Update: {
          TableName: this.tableName,
          Key: { ...complaintKey(next.id), SK: 'META' },
          UpdateExpression: 'SET #plan = :plan, #links = :links',
          ConditionExpression:
            before.length === 0
              ? '#version = :version AND attribute_not_exists(#links)'
              : '#version = :version AND #links = :before',
          ExpressionAttributeNames: {
            '#plan': 'plan',
            '#links': 'accessLinks',
            '#version': 'version',
          },
          ExpressionAttributeValues: {
            ':plan': JSON.stringify(schedulesFor(next)),
            ':links': before.length + 1,
            ':version': previous.version,
            ...(before.length === 0 ? {} : { ':before': before.length }),
          },
        },
      },
      putNew(this.tableName, accessLinkItem(next.id, link)),
      this.laggingUpdate(
        next.id,
        next.version,
        { pk: `LAGGING#${attentionShard(next.id)}`, sk: `${now}#${next.id}` },
        now,
      ),
    ];
    await this.writeChange(previous, items);
  }

  /** Three writes like an access link's, to items no one reads, gone after a day (TTL). */
  private throwaway(): TransactItem[] {
    const key = { PK: `THROWAWAY#${randomUUID()}` };
    const expiration = Math.floor(this.clock() / 1000) + throwawaySeconds;
    const update = (sortKey: string): TransactItem => ({
      Update: {
        TableName: this.tableName,
        Key: { ...key, SK: sortKey },
        UpdateExpression: 'SET #type = :type, #expiration = :expiration',
        ConditionExpression: 'attribute_not_exists(PK)',
        ExpressionAttributeNames: { '#type': 'type', '#expiration': tableKeys.timeToLive },
        ExpressionAttributeValues: { ':type': 'throwaway', ':expiration': expiration },
      },
    });
    return [
      update('PLAN'),
      putNew(this.tableName, { ...key, SK: 'LINK', type: 'throwaway', expiration }),
      update('SCHEDULES'),
    ];
  }

  async addAccessToken(complaintId: string, token: IssuedToken): Promise<void> {
    await this.client.send(
      new PutCommand({ TableName: this.tableName, Item: tokenItem(complaintId, token) }),
    );
  }

  async list(query: ComplaintListQuery): Promise<Page<ComplaintSummary>> {
    const statuses = query.status ? [query.status] : complaintStatuses;
    const positions = decodeCursor(query.cursor, statuses, query.bodyId);
    // Each status is its own range of GSI1 sort keys; a page merges them by due date.
    const pages = await Promise.all(
      statuses.map(async (status) => {
        const position = positions[status];
        if (position === null) return { status, items: [] as Item[], exhausted: true };
        const upper =
          query.dueBefore === undefined ? `${status}#\uffff` : `${status}#${query.dueBefore}`;
        const result = await this.client.send(
          new QueryCommand({
            TableName: this.tableName,
            IndexName: tableKeys.gsi1.indexName,
            KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
            ExpressionAttributeNames: {
              '#pk': tableKeys.gsi1.partitionKey,
              '#sk': tableKeys.gsi1.sortKey,
            },
            ExpressionAttributeValues: {
              ':pk': `BODY#${query.bodyId}`,
              ':from': `${status}#`,
              ':to': upper,
            },
            Limit: query.limit,
            ...(position === undefined ? {} : { ExclusiveStartKey: position }),
          }),
        );
        return {
          status,
          items: result.Items ?? [],
          exhausted: result.LastEvaluatedKey === undefined,
        };
      }),
    );
    const merged = pages
      .flatMap((page) => page.items.map((item) => ({ status: page.status, item })))
      .sort(
        (a, b) =>
          sortKeyDueDate(a.item).localeCompare(sortKeyDueDate(b.item)) ||
          String(a.item.SK).localeCompare(String(b.item.SK)),
      )
      .slice(0, query.limit);
    // The next page resumes each status after the last item of it this page showed.
    const next: Record<string, Record<string, unknown> | null | undefined> = {};
    let more = false;
    for (const page of pages) {
      const shown = merged.filter((entry) => entry.status === page.status);
      const last = shown.at(-1)?.item;
      const allShown = shown.length === page.items.length;
      if (allShown && page.exhausted) {
        next[page.status] = null;
      } else {
        more = true;
        next[page.status] = last ? keyOf(last) : positions[page.status];
      }
    }
    return {
      items: merged.map(({ item }) => summaryOf(coreOf(item))),
      nextCursor: more ? encodeCursor(next) : null,
    };
  }
}

/**
 * Domain records are stored as JSON text: they come back exactly as written (key order, numbers,
 * absent fields), and only the attributes that keys and conditions need are DynamoDB attributes.
 */
function parseData(item: Item): unknown {
  return JSON.parse(String(item.data));
}

/** The tokens that open a complaint: the filing's (on its META item) and those issued since. */
function accessTokenOf(
  meta: Item,
  id: string,
  later: readonly IssuedToken[],
): StoredAccessToken | null {
  const hash = typeof meta.accessTokenHash === 'string' ? meta.accessTokenHash : null;
  const first =
    hash === null
      ? later[0]
      : { hash, issuedFor: typeof meta.accessTokenFor === 'string' ? meta.accessTokenFor : id };
  if (first === undefined) return null;
  const rest = hash === null ? later.slice(1) : later;
  return rest.length > 0 ? { ...first, later: rest } : first;
}

/** A complaint's own fields, with those older items lack read as "none". */
function coreOf(meta: Item): ComplaintCore {
  return { ...coreDefaults, ...(parseData(meta) as Partial<ComplaintCore>) } as ComplaintCore;
}

function sortKeyDueDate(item: Item): string {
  const sortKey = String(item[tableKeys.gsi1.sortKey]);
  return sortKey.slice(sortKey.indexOf('#') + 1);
}

function keyOf(item: Item): Record<string, unknown> {
  return {
    PK: item.PK,
    SK: item.SK,
    [tableKeys.gsi1.partitionKey]: item[tableKeys.gsi1.partitionKey],
    [tableKeys.gsi1.sortKey]: item[tableKeys.gsi1.sortKey],
  };
}

function summaryOf(core: ComplaintCore): ComplaintSummary {
  return {
    id: core.id,
    registrationNumber: core.registrationNumber,
    status: core.status,
    channel: core.channel,
    addressee: core.addressee,
    receivedAt: core.receivedAt,
    registrationDate: core.registrationDate,
    dueDate: core.dueDate,
    dueDateProvisional: core.dueDateProvisional,
    extendedWorkingDays: core.extendedWorkingDays,
  };
}

/** Cursor: per status, the last key shown (resume after it), absent (start) or null (done). */
function encodeCursor(
  positions: Record<string, Record<string, unknown> | null | undefined>,
): string {
  return Buffer.from(JSON.stringify(positions)).toString('base64url');
}

function decodeCursor(
  cursor: string | undefined,
  statuses: readonly ComplaintStatus[],
  bodyId: string,
): Record<string, Record<string, unknown> | null | undefined> {
  if (cursor === undefined) return {};
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new Error('not an object');
    const positions = parsed as Record<string, unknown>;
    for (const [status, position] of Object.entries(positions)) {
      const validStatus = (statuses as readonly string[]).includes(status);
      // A position must lie in this body's partition and this status's range: nothing else can be read.
      const validPosition =
        position === null ||
        (typeof position === 'object' &&
          Object.values(position).every((v) => typeof v === 'string') &&
          (position as Record<string, unknown>)[tableKeys.gsi1.partitionKey] === `BODY#${bodyId}` &&
          String((position as Record<string, unknown>)[tableKeys.gsi1.sortKey]).startsWith(
            `${status}#`,
          ) &&
          Object.keys(position).length === 4);
      if (!validStatus || !validPosition) throw new Error('bad position');
    }
    return positions as Record<string, Record<string, unknown> | null>;
  } catch {
    throw new DomainError(
      'validation-failed',
      'The cursor is not one this API gave for this list',
      [{ path: 'cursor', message: 'is not a cursor this API gave for this list' }],
    );
  }
}

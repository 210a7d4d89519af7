/**
 * A body's queue by due date (the API lists ascending): overdue and due-tomorrow marked, the
 * working days left counted on the same calendar as the deadlines (R3, R5).
 */

import { useEffect, useState } from 'preact/hooks';
import { addCalendarDays } from '../../../shared/calendar/dates.js';
import { workingDaysBetween } from '../../../shared/calendar/index.js';
import { complaintStatuses, type ComplaintStatus } from '../../../shared/domain/vocabulary.js';
import { legalDate } from '../../../shared/time/legal-time.js';
import type { ComplaintList, ComplaintSummaryView } from '../../../shared/validation/responses.js';
import { query, request } from '../api.js';
import { bodies, type Body } from '../bodies.js';
import { Alert, Badge, BodySelect, problemText } from '../components.js';
import { formatDate, formatInstant, useI18n } from '../i18n/index.js';
import { useSession } from './session.js';

export function DueMark({ status, dueDate }: { status: ComplaintStatus; dueDate: string }) {
  const { t } = useI18n();
  if (status !== 'under_review' && status !== 'overdue') return null;
  const today = legalDate(Date.now());
  if (status === 'overdue' || dueDate < today)
    return <Badge tone="danger">{t('desk.overdueMark')}</Badge>;
  if (dueDate === today) return <Badge tone="warning">{t('desk.dueToday')}</Badge>;
  if (dueDate === addCalendarDays(today, 1))
    return <Badge tone="warning">{t('desk.dueTomorrow')}</Badge>;
  return null;
}

export function QueuePage() {
  const session = useSession();
  const { t, language } = useI18n();
  const [bodyId, setBodyId] = useState(session.bodyId);
  const [status, setStatus] = useState<ComplaintStatus | ''>('');
  const [items, setItems] = useState<ComplaintSummaryView[] | undefined>();
  const [cursor, setCursor] = useState<string | null>(null);
  const [directory, setDirectory] = useState<Body[]>([]);
  const [failure, setFailure] = useState<string | undefined>();

  const load = async (from: string | null, replace: boolean) => {
    try {
      const page = await request<ComplaintList>(
        `/v1/complaints${query({ addresseeId: bodyId, status, limit: 50, cursor: from ?? undefined })}`,
        { bearer: session.idToken },
      );
      setItems((current) => (replace ? page.items : [...(current ?? []), ...page.items]));
      setCursor(page.nextCursor);
      setFailure(undefined);
    } catch (error) {
      setFailure(problemText(error, t));
    }
  };

  useEffect(() => {
    setItems(undefined);
    void load(null, true);
  }, [bodyId, status]);
  useEffect(() => {
    if (session.agency) void bodies().then(setDirectory);
  }, []);

  const today = legalDate(Date.now());
  return (
    <>
      <h1>{t('desk.queue')}</h1>
      <form
        class="toolbar"
        onSubmit={(event) => {
          event.preventDefault();
        }}
      >
        {session.agency ? (
          <BodySelect
            id="queue-body"
            label={t('desk.body')}
            value={bodyId}
            bodies={directory}
            onChange={setBodyId}
          />
        ) : null}
        <div class="field">
          <label for="queue-status">{t('desk.statusFilter')}</label>
          <select
            id="queue-status"
            value={status}
            onChange={(e) => {
              setStatus(e.currentTarget.value as ComplaintStatus | '');
            }}
          >
            <option value="">{t('desk.all')}</option>
            {complaintStatuses.map((value) => (
              <option key={value} value={value}>
                {t(`status.${value}`)}
              </option>
            ))}
          </select>
        </div>
      </form>
      {failure ? <Alert>{failure}</Alert> : null}
      {items === undefined ? <p role="status">{t('app.loading')}</p> : null}
      {items?.length === 0 ? <p>{t('desk.empty')}</p> : null}
      {items && items.length > 0 ? (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('desk.queue')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('desk.number')}</th>
                <th scope="col">{t('desk.received')}</th>
                <th scope="col">{t('desk.statusFilter')}</th>
                <th scope="col">{t('desk.dueDate')}</th>
                <th scope="col">{t('desk.left')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => {
                const open = item.status === 'under_review' || item.status === 'overdue';
                const left = workingDaysBetween(today, item.dueDate);
                return (
                  <tr key={item.id}>
                    <td>
                      <a href={`/desk/complaints/${item.id}`} class="registration-number">
                        {item.registrationNumber}
                      </a>
                    </td>
                    <td>{formatInstant(item.receivedAt, language)}</td>
                    <td>{t(`status.${item.status}`)}</td>
                    <td>
                      {formatDate(item.dueDate, language)}{' '}
                      <DueMark status={item.status} dueDate={item.dueDate} />
                    </td>
                    <td>{open && left >= 0 ? t('desk.daysLeft', { count: left }) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {cursor ? (
        <button type="button" onClick={() => void load(cursor, false)}>
          {t('desk.more')}
        </button>
      ) : null}
    </>
  );
}

/** A complaint as its applicant and officials read it: the facts, then what happened, in order. */

import type { ComplaintStatus } from '../../shared/domain/vocabulary.js';
import type {
  ApplicantComplaintView,
  ComplaintView as OfficialComplaintView,
} from '../../shared/validation/responses.js';
import { Badge } from './components.js';
import { formatDate, formatInstant, useI18n } from './i18n/index.js';

/** What the pages show: the applicant's view, or an official's (which adds to it). */
export type ComplaintView = ApplicantComplaintView | OfficialComplaintView;

export const statusTone: Record<ComplaintStatus, 'danger' | 'warning' | 'neutral' | 'success'> = {
  under_review: 'neutral',
  overdue: 'danger',
  decided: 'success',
  forwarded: 'neutral',
  withdrawn: 'neutral',
  returned: 'warning',
};

export function ComplaintSummary({ complaint }: { complaint: ComplaintView }) {
  const { t, language } = useI18n();
  return (
    <section class="panel" aria-labelledby="summary-heading">
      <h2 id="summary-heading" class="visually-hidden">
        {t('follow.status')}
      </h2>
      <dl class="facts">
        <dt>{t('follow.status')}</dt>
        <dd>
          <Badge tone={statusTone[complaint.status]}>{t(`status.${complaint.status}`)}</Badge>
        </dd>
        <dt>{t('follow.addressee')}</dt>
        <dd>{complaint.addressee.name[language]}</dd>
        <dt>{t('filing.subjectType')}</dt>
        <dd>
          {t(`subjectType.${complaint.subject.type}`)}: {complaint.subject.service}
        </dd>
        <dt>{t('follow.received')}</dt>
        <dd>{formatInstant(complaint.receivedAt, language)}</dd>
        <dt>{t('follow.dueDate')}</dt>
        <dd>
          {formatDate(complaint.dueDate, language)}
          {complaint.dueDateProvisional ? (
            <span class="hint"> ({t('follow.provisional')})</span>
          ) : null}
        </dd>
      </dl>
      {complaint.extensions.length > 0 ? (
        <>
          <h3>{t('follow.extensions')}</h3>
          <ul class="plain">
            {complaint.extensions.map((extension) => (
              <li key={extension.id}>
                {formatDate(extension.previousDueDate, language)} →{' '}
                {formatDate(extension.dueDate, language)}: {t(`reason.${extension.reason}`)}.{' '}
                {extension.explanation}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {complaint.decision ? (
        <>
          <h3>{t('follow.decision')}</h3>
          <p>
            <Badge tone="success">{t(`outcome.${complaint.decision.outcome}`)}</Badge>{' '}
            {formatInstant(complaint.decision.decidedAt, language)}
          </p>
          <p class="decision-text">{complaint.decision.text}</p>
        </>
      ) : null}
      {complaint.notices.length > 0 ? (
        <>
          <h3>{t('follow.notices')}</h3>
          <ul class="plain">
            {complaint.notices.map((notice) => (
              <li key={notice.id}>
                {t(`noticeKind.${notice.kind}`)}: {t(`noticeStatus.${notice.status}`)}
                {notice.sentAt ? `, ${formatInstant(notice.sentAt, language)}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export function Timeline({ complaint }: { complaint: ComplaintView }) {
  const { t, language } = useI18n();
  return (
    <section class="panel" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('follow.timeline')}</h2>
      <ol class="timeline">
        {complaint.history.map((event) => (
          <li key={`${String(event.version)}-${event.type}-${event.at}`}>
            <time dateTime={event.at}>{formatInstant(event.at, language)}</time>{' '}
            {t(`event.${event.type}`, { defaultValue: t('event.other') })}
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * An official registers a paper complaint received at the counter or by post (R20): who accepted
 * it, when it was received (at most 10 calendar days back), and prints its coupon.
 */

import { useState } from 'preact/hooks';
import { subjectTypes } from '../../../shared/domain/vocabulary.js';
import { fileComplaintSchema } from '../../../shared/validation/schemas.js';
import { Alert } from '../components.js';
import { formatDate, languages, useI18n } from '../i18n/index.js';
import { ActionForm, choices } from './action-form.js';
import { useSession } from './session.js';
import { printDocument } from './print.js';

interface Registered {
  readonly id: string;
  readonly registrationNumber: string;
  readonly dueDate: string;
}

export function PaperPage() {
  const session = useSession();
  const { t, language } = useI18n();
  const [registered, setRegistered] = useState<Registered | undefined>();
  return (
    <>
      <h1>{t('desk.paper')}</h1>
      {registered ? (
        <Alert kind="success">
          <p>
            {t('filed.number')}:{' '}
            <strong class="registration-number">{registered.registrationNumber}</strong> ·{' '}
            {t('filed.dueDate')} {formatDate(registered.dueDate, language)}
          </p>
          <p>
            <button
              type="button"
              onClick={() =>
                void printDocument(`/v1/complaints/${registered.id}/coupon`, session.idToken)
              }
            >
              {t('action.printCoupon')}
            </button>{' '}
            <a href={`/desk/complaints/${registered.id}`}>{t('filed.open')}</a>
          </p>
        </Alert>
      ) : null}
      <ActionForm
        id="paper"
        title={t('paper.details')}
        submitLabel={t('paper.register')}
        schema={fileComplaintSchema}
        path="/v1/complaints"
        bearer={session.idToken}
        fixed={{ channel: 'paper', addresseeId: session.bodyId }}
        reshape={(body) => {
          const applicant = body.applicant as Record<string, unknown> | undefined;
          if (applicant?.type !== 'legal_entity') return body;
          const { iin, ...rest } = applicant;
          return { ...body, applicant: { ...rest, bin: iin } };
        }}
        onDone={(answer) => {
          setRegistered(answer as Registered);
          window.scrollTo(0, 0);
        }}
        fields={[
          {
            name: 'applicant.type',
            label: t('filing.applicant'),
            kind: 'radio',
            required: true,
            options: [
              { value: 'individual', label: t('filing.individual') },
              { value: 'legal_entity', label: t('filing.legalEntity') },
            ],
          },
          {
            name: 'applicant.iin',
            label: `${t('filing.iin')} / ${t('filing.bin')}`,
            kind: 'text',
            required: true,
            hint: t('filing.identifierHint'),
          },
          { name: 'applicant.name', label: t('filing.name'), kind: 'text', required: true },
          {
            name: 'applicant.postalAddress',
            label: t('filing.postalAddress'),
            kind: 'text',
            required: true,
          },
          { name: 'applicant.phone', label: t('filing.phone'), kind: 'text' },
          { name: 'applicant.email', label: t('filing.email'), kind: 'text' },
          {
            name: 'applicant.language',
            label: t('filing.noticeLanguage'),
            kind: 'radio',
            required: true,
            options: languages.map((code) => ({
              value: code,
              label: code === 'kk' ? 'Қазақша' : 'Русский',
            })),
          },
          {
            name: 'subject.type',
            label: t('filing.subjectType'),
            kind: 'radio',
            required: true,
            options: choices(subjectTypes, 'subjectType', t),
          },
          { name: 'subject.service', label: t('filing.service'), kind: 'text', required: true },
          {
            name: 'subject.respondent',
            label: t('filing.respondent'),
            kind: 'text',
            required: true,
          },
          {
            name: 'subject.occurredOn',
            label: t('filing.occurredOn'),
            kind: 'date',
            required: true,
          },
          { name: 'text', label: t('filing.text'), kind: 'textarea', required: true },
          {
            name: 'receivedAt',
            label: t('paper.receivedAt'),
            kind: 'text',
            hint: t('paper.receivedAtHint'),
          },
          {
            name: 'acceptedBy.name',
            label: t('paper.acceptedByName'),
            kind: 'text',
            required: true,
          },
          {
            name: 'acceptedBy.position',
            label: t('paper.acceptedByPosition'),
            kind: 'text',
            required: true,
          },
        ]}
      />
    </>
  );
}

/**
 * A complaint as an official reads it, with the actions the API allows this official on it, and
 * only those: the addressee's officials review, extend, decide, forward, return, record a paper
 * withdrawal, print and dispatch letters, record other deliveries (R6–R10, R16–R18, R20, R24); a
 * recommended body answers; the Agency records findings and recommendations on complaints to it
 * and controls the answers (R12, R23). The API remains the judge: a refusal is shown as it says.
 */

import { useEffect, useState } from 'preact/hooks';
import { maxExtensionWorkingDays } from '../../../shared/domain/bodies.js';
import { controlState, mayReceiveRecommendations } from '../../../shared/domain/control.js';
import { legalDate } from '../../../shared/time/legal-time.js';
import {
  decisionOutcomes,
  dispatchMethods,
  extensionReasons,
  recommendationOutcomes,
  returnGrounds,
} from '../../../shared/domain/vocabulary.js';
import {
  decisionSchema,
  dispatchSchema,
  extensionSchema,
  findingsSchema,
  forwardingSchema,
  otherDeliverySchema,
  recommendationControlSchema,
  recommendationResponseSchema,
  recommendationSchema,
  returnSchema,
  withdrawalSchema,
} from '../../../shared/validation/schemas.js';
import { request } from '../api.js';
import { bodies, type Body } from '../bodies.js';
import { Alert, problemText } from '../components.js';
import type { ComplaintView as OfficialView } from '../../../shared/validation/responses.js';
import { ComplaintSummary, Timeline } from '../complaint.js';
import { formatDate, useI18n } from '../i18n/index.js';
import { ActionForm, choices, type FieldSpec } from './action-form.js';
import { useSession } from './session.js';
import { printDocument } from './print.js';
import { DueMark } from './queue.js';

export function ComplaintPage({ id }: { id: string }) {
  const session = useSession();
  const { t, language } = useI18n();
  const [complaint, setComplaint] = useState<OfficialView | undefined>();
  const [directory, setDirectory] = useState<Body[]>([]);
  const [failure, setFailure] = useState<string | undefined>();

  const load = () => {
    request<OfficialView>(`/v1/complaints/${encodeURIComponent(id)}`, {
      bearer: session.idToken,
    }).then(
      (view) => {
        setComplaint(view);
        setFailure(undefined);
      },
      (error: unknown) => {
        setFailure(problemText(error, t));
      },
    );
  };
  useEffect(load, [id]);
  useEffect(() => {
    void bodies().then(setDirectory);
  }, []);

  if (complaint === undefined) {
    return failure ? <Alert>{failure}</Alert> : <p role="status">{t('app.loading')}</p>;
  }
  const path = `/v1/complaints/${encodeURIComponent(complaint.id)}`;
  const addressee = session.bodyId === complaint.addressee.id;
  const open = complaint.status === 'under_review' || complaint.status === 'overdue';
  const body = directory.find((candidate) => candidate.id === complaint.addressee.id);
  const available = maxExtensionWorkingDays - complaint.extendedWorkingDays;
  const today = legalDate(Date.now());
  const recommendable = directory
    .filter((candidate) => mayReceiveRecommendations(candidate.kind))
    .map((candidate) => ({ value: candidate.id, label: candidate.name[language] }));
  const bodyOptions = directory.map((candidate) => ({
    value: candidate.id,
    label: candidate.name[language],
  }));
  const common = { bearer: session.idToken, onDone: load };
  // R6, R16, R18: an extension, a forwarding and a return each say why, in the same words.
  const explanation: FieldSpec = {
    name: 'explanation',
    label: t('action.explanation'),
    kind: 'textarea',
    required: true,
  };
  // A letter dispatched (R9) and a failed e-mail delivered otherwise (R24) ask the same: when, how.
  const deliveryFields = (dateField: string, dateLabel: string): FieldSpec[] => [
    { name: dateField, label: dateLabel, kind: 'date', required: true },
    {
      name: 'method',
      label: t('action.method'),
      kind: 'select',
      required: true,
      options: choices(dispatchMethods, 'method', t),
    },
    { name: 'trackingNumber', label: t('action.trackingNumber'), kind: 'text' },
  ];

  return (
    <>
      <h1>
        {t('desk.complaint')}:{' '}
        <span class="registration-number">{complaint.registrationNumber}</span>{' '}
        <DueMark status={complaint.status} dueDate={complaint.dueDate} />
      </h1>
      {failure ? <Alert>{failure}</Alert> : null}
      <ComplaintSummary complaint={complaint} />
      <section class="panel" aria-labelledby="text-heading">
        <h2 id="text-heading">{t('filing.text')}</h2>
        <p class="decision-text">{complaint.text}</p>
        <p class="hint">
          {t('filing.respondent')}: {complaint.subject.respondent} · {t('filing.occurredOn')}:{' '}
          {formatDate(complaint.subject.occurredOn, language)}
        </p>
      </section>

      <div class="actions">
        {addressee && complaint.channel === 'paper' ? (
          <p>
            <button
              type="button"
              onClick={() => void printDocument(`${path}/coupon`, session.idToken)}
            >
              {t('action.printCoupon')}
            </button>
          </p>
        ) : null}
        {addressee
          ? complaint.notices
              .filter((notice) => notice.form === 'letter' || notice.status === 'failed')
              .map((notice) => (
                <div key={notice.id} class="panel">
                  <h2>
                    {t('follow.notices')}: {t(`noticeKind.${notice.kind}`)} —{' '}
                    {t(`noticeStatus.${notice.status}`)}
                  </h2>
                  {notice.form === 'letter' ? (
                    <p>
                      <button
                        type="button"
                        onClick={() =>
                          void printDocument(`${path}/notices/${notice.id}/letter`, session.idToken)
                        }
                      >
                        {t('action.printLetter')}
                      </button>
                    </p>
                  ) : null}
                  {notice.form === 'letter' && notice.status === 'pending' ? (
                    <ActionForm
                      {...common}
                      id={`dispatch-${notice.id}`}
                      title={t('action.dispatch')}
                      submitLabel={t('action.dispatch')}
                      schema={dispatchSchema}
                      path={`${path}/notices/${notice.id}/dispatch`}
                      fields={deliveryFields('sentOn', t('action.sentOn'))}
                    />
                  ) : null}
                  {notice.form === 'email' && notice.status === 'failed' ? (
                    <ActionForm
                      {...common}
                      id={`delivery-${notice.id}`}
                      title={t('action.otherDelivery')}
                      submitLabel={t('action.record')}
                      schema={otherDeliverySchema}
                      path={`${path}/notices/${notice.id}/delivery`}
                      fields={deliveryFields('deliveredOn', t('action.deliveredOn'))}
                    />
                  ) : null}
                </div>
              ))
          : null}

        {addressee &&
        complaint.status === 'under_review' &&
        today <= complaint.dueDate &&
        body?.mayExtend !== false &&
        available > 0 ? (
          <ActionForm
            {...common}
            id="extend"
            title={t('action.extend')}
            intro={t('action.extendAvailable', {
              count: available,
              total: maxExtensionWorkingDays,
            })}
            submitLabel={t('action.extend')}
            schema={extensionSchema}
            path={`${path}/extensions`}
            fields={[
              {
                name: 'workingDays',
                label: t('action.workingDays'),
                kind: 'number',
                min: 1,
                max: available,
                required: true,
              },
              {
                name: 'reason',
                label: t('action.reason'),
                kind: 'select',
                required: true,
                options: choices(extensionReasons, 'reason', t),
              },
              explanation,
            ]}
          />
        ) : null}
        {addressee && open ? (
          <ActionForm
            {...common}
            id="decide"
            title={t('action.decide')}
            submitLabel={t('action.decide')}
            schema={decisionSchema}
            path={`${path}/decision`}
            fields={[
              {
                name: 'outcome',
                label: t('action.outcome'),
                kind: 'radio',
                required: true,
                options: choices(decisionOutcomes, 'outcome', t),
              },
              { name: 'text', label: t('action.decisionText'), kind: 'textarea', required: true },
            ]}
          />
        ) : null}
        {addressee && open ? (
          <ActionForm
            {...common}
            id="forward"
            title={t('action.forward')}
            submitLabel={t('action.forward')}
            schema={forwardingSchema}
            path={`${path}/forwarding`}
            fields={[
              {
                name: 'toBodyId',
                label: t('action.toBody'),
                kind: 'select',
                required: true,
                options: bodyOptions.filter((option) => option.value !== complaint.addressee.id),
              },
              explanation,
            ]}
          />
        ) : null}
        {addressee && open ? (
          <ActionForm
            {...common}
            id="return"
            title={t('action.return')}
            submitLabel={t('action.return')}
            schema={returnSchema}
            path={`${path}/return`}
            fields={[
              {
                name: 'ground',
                label: t('action.ground'),
                kind: 'select',
                required: true,
                options: choices(returnGrounds, 'ground', t),
              },
              explanation,
              {
                name: 'repeatedOf',
                label: t('action.repeatedOf'),
                kind: 'text',
                hint: t('action.repeatedOfHint'),
              },
            ]}
          />
        ) : null}
        {addressee && open && complaint.channel === 'paper' ? (
          <ActionForm
            {...common}
            id="withdraw"
            title={t('action.withdrawPaper')}
            submitLabel={t('action.record')}
            schema={withdrawalSchema}
            path={`${path}/withdrawal`}
            fields={[
              {
                name: 'statementReceivedOn',
                label: t('action.statementReceivedOn'),
                kind: 'date',
                required: true,
              },
              { name: 'reason', label: t('action.reason'), kind: 'textarea' },
            ]}
          />
        ) : null}

        {session.agency && complaint.addressee.kind === 'authorized_body' ? (
          <>
            {complaint.findings ? (
              <section class="panel">
                <h2>{t('action.findings')}</h2>
                <p class="decision-text">{complaint.findings.reasons}</p>
              </section>
            ) : (
              <ActionForm
                {...common}
                id="findings"
                title={t('action.findings')}
                submitLabel={t('action.record')}
                schema={findingsSchema}
                path={`${path}/findings`}
                fields={[
                  { name: 'reasons', label: t('action.reasons'), kind: 'textarea', required: true },
                  { name: 'violationFound', label: t('action.violationFound'), kind: 'checkbox' },
                  {
                    name: 'bodyId',
                    label: t('action.violatingBody'),
                    kind: 'select',
                    options: bodyOptions,
                  },
                ]}
              />
            )}
            {/* R12: a recommendation follows findings of non-compliance. */}
            {complaint.findings?.violationFound === true ? (
              <ActionForm
                {...common}
                id="recommend"
                title={t('action.recommend')}
                submitLabel={t('action.recommend')}
                schema={recommendationSchema}
                path={`${path}/recommendations`}
                fields={[
                  {
                    name: 'bodyId',
                    label: t('action.toBody'),
                    kind: 'select',
                    required: true,
                    options: recommendable,
                  },
                  {
                    name: 'measures',
                    label: t('action.measures'),
                    kind: 'textarea',
                    required: true,
                  },
                  { name: 'respondBy', label: t('action.respondBy'), kind: 'date', required: true },
                ]}
              />
            ) : null}
          </>
        ) : null}

        {complaint.recommendations.map((recommendation) => (
          <section key={recommendation.id} class="panel">
            <h2>
              {t('action.recommendation')}:{' '}
              {directory.find((b) => b.id === recommendation.bodyId)?.name[language] ??
                recommendation.bodyId}
            </h2>
            <p class="decision-text">{recommendation.measures}</p>
            <p class="hint">
              {t('action.respondBy')}: {formatDate(recommendation.respondBy, language)}
            </p>
            {recommendation.response ? (
              <p>
                {t(`recommendationOutcome.${recommendation.response.outcome}`)}:{' '}
                {recommendation.response.text}
              </p>
            ) : null}
            {recommendation.control ? (
              <p>
                {t('action.control')}: {recommendation.control.text}
              </p>
            ) : null}
            {recommendation.response === null && session.bodyId === recommendation.bodyId ? (
              <ActionForm
                {...common}
                id={`respond-${recommendation.id}`}
                title={t('action.respond')}
                submitLabel={t('action.respond')}
                schema={recommendationResponseSchema}
                path={`${path}/recommendations/${recommendation.id}/response`}
                fields={[
                  {
                    name: 'outcome',
                    label: t('action.outcome'),
                    kind: 'radio',
                    required: true,
                    options: choices(recommendationOutcomes, 'recommendationOutcome', t),
                  },
                  {
                    name: 'text',
                    label: t('action.decisionText'),
                    kind: 'textarea',
                    required: true,
                  },
                ]}
              />
            ) : null}
            {session.agency &&
            complaint.addressee.kind === 'authorized_body' &&
            controlState(recommendation, today) === 'controllable' ? (
              <ActionForm
                {...common}
                id={`control-${recommendation.id}`}
                title={t('action.control')}
                submitLabel={t('action.record')}
                schema={recommendationControlSchema}
                path={`${path}/recommendations/${recommendation.id}/control`}
                fields={[
                  { name: 'complete', label: t('action.complete'), kind: 'checkbox' },
                  {
                    name: 'text',
                    label: t('action.decisionText'),
                    kind: 'textarea',
                    required: true,
                  },
                ]}
              />
            ) : null}
          </section>
        ))}
      </div>
      <Timeline complaint={complaint} />
    </>
  );
}

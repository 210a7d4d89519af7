/**
 * The applicant follows a complaint with its access token: status, due date, extensions with their
 * reasons, notices, the decision and the timeline, in plain words; withdraws it while it is open
 * (R17); asks for a new link when the old one is lost.
 */

import { useEffect, useRef, useState } from 'preact/hooks';
import { Problem, request } from '../api.js';
import {
  complaintIdOf,
  forgetAccessToken,
  rememberAccessToken,
  rememberedAccessToken,
  takeFragment,
} from '../access.js';
import { Alert, Field, problemText } from '../components.js';
import { ComplaintSummary, Timeline } from '../complaint.js';
import type { ApplicantComplaintView as ComplaintView } from '../../../shared/validation/responses.js';
import { isLanguage, useI18n } from '../i18n/index.js';

export function FollowPage() {
  const { t, setLanguage } = useI18n();
  // The link's fragment, taken off the address bar before anything else reads it.
  const [fragment] = useState(takeFragment);
  const [token, setToken] = useState<string | undefined>(rememberedAccessToken);
  useEffect(() => {
    if (isLanguage(fragment.language)) setLanguage(fragment.language);
  }, [fragment]);
  const [complaint, setComplaint] = useState<ComplaintView | undefined>();
  const [failure, setFailure] = useState<string | undefined>();

  useEffect(() => {
    setComplaint(undefined);
    if (token === undefined) return;
    const id = complaintIdOf(token);
    if (id === undefined) {
      setFailure(t('problem.unauthorized'));
      return;
    }
    request<ComplaintView>(`/v1/complaints/${encodeURIComponent(id)}`, { bearer: token }).then(
      (view) => {
        setFailure(undefined);
        setComplaint(view);
      },
      (error: unknown) => {
        setFailure(problemText(error, t));
      },
    );
  }, [token]);

  if (token === undefined || (failure !== undefined && complaint === undefined)) {
    return (
      <>
        <h1>{t('follow.title')}</h1>
        {failure ? <Alert>{failure}</Alert> : null}
        <TokenForm
          onToken={(value) => {
            rememberAccessToken(value);
            setFailure(undefined);
            setToken(value);
          }}
        />
        <LostLinkForm />
      </>
    );
  }
  if (complaint === undefined) return <p role="status">{t('app.loading')}</p>;
  return (
    <>
      <h1>
        {t('follow.title')}: <span class="registration-number">{complaint.registrationNumber}</span>
      </h1>
      <ComplaintSummary complaint={complaint} />
      <Timeline complaint={complaint} />
      {complaint.channel === 'electronic' &&
      (complaint.status === 'under_review' || complaint.status === 'overdue') ? (
        <WithdrawForm
          complaint={complaint}
          token={token}
          onWithdrawn={(view) => {
            setComplaint(view);
          }}
        />
      ) : null}
      <p>
        <button
          type="button"
          onClick={() => {
            forgetAccessToken();
            setToken(undefined);
          }}
        >
          {t('follow.forget')}
        </button>
      </p>
    </>
  );
}

function TokenForm({ onToken }: { onToken: (token: string) => void }) {
  const { t } = useI18n();
  const [value, setValue] = useState('');
  return (
    <form
      class="form inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (value.trim() !== '') onToken(value.trim());
      }}
    >
      <p>{t('follow.noToken')}</p>
      <Field id="token" label={t('follow.tokenLabel')} required>
        {(props) => (
          <input
            {...props}
            autocomplete="off"
            spellcheck={false}
            value={value}
            onInput={(e) => {
              setValue(e.currentTarget.value);
            }}
          />
        )}
      </Field>
      <button type="submit" class="primary">
        {t('follow.show')}
      </button>
    </form>
  );
}

function LostLinkForm() {
  const { t } = useI18n();
  const [registrationNumber, setRegistrationNumber] = useState('');
  const [email, setEmail] = useState('');
  const [state, setState] = useState<'idle' | 'sending' | 'sent'>('idle');
  const [problem, setProblem] = useState<Problem | undefined>();
  const inFlight = useRef(false);
  return (
    <section aria-labelledby="lost-heading" class="panel">
      <h2 id="lost-heading">{t('follow.lost')}</h2>
      <p>{t('follow.lostText')}</p>
      {state === 'sent' ? <Alert kind="success">{t('follow.sent')}</Alert> : null}
      {problem && problem.errors.length === 0 ? <Alert>{problemText(problem, t)}</Alert> : null}
      <form
        class="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (inFlight.current) return;
          inFlight.current = true;
          setState('sending');
          setProblem(undefined);
          request('/v1/access-links', {
            method: 'POST',
            body: { registrationNumber: registrationNumber.trim(), email: email.trim() },
          }).then(
            () => {
              inFlight.current = false;
              setState('sent');
            },
            (error: unknown) => {
              inFlight.current = false;
              setProblem(error instanceof Problem ? error : undefined);
              setState('idle');
            },
          );
        }}
      >
        <Field
          id="lost-number"
          label={t('follow.registrationNumber')}
          error={problem?.forField('registrationNumber')}
          required
        >
          {(props) => (
            <input
              {...props}
              autocomplete="off"
              value={registrationNumber}
              onInput={(e) => {
                setRegistrationNumber(e.currentTarget.value);
              }}
            />
          )}
        </Field>
        <Field
          id="lost-email"
          label={t('filing.email')}
          error={problem?.forField('email')}
          required
        >
          {(props) => (
            <input
              {...props}
              type="email"
              autocomplete="email"
              value={email}
              onInput={(e) => {
                setEmail(e.currentTarget.value);
              }}
            />
          )}
        </Field>
        <button type="submit" disabled={state === 'sending'}>
          {t('follow.send')}
        </button>
      </form>
    </section>
  );
}

function WithdrawForm({
  complaint,
  token,
  onWithdrawn,
}: {
  complaint: ComplaintView;
  token: string;
  onWithdrawn: (view: ComplaintView) => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<unknown>();
  const inFlight = useRef(false);
  return (
    <section aria-labelledby="withdraw-heading" class="panel">
      <h2 id="withdraw-heading">{t('follow.withdraw')}</h2>
      {problem ? <Alert>{problemText(problem, t)}</Alert> : null}
      <form
        class="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (inFlight.current) return;
          inFlight.current = true;
          setSending(true);
          setProblem(undefined);
          request<ComplaintView>(`/v1/complaints/${encodeURIComponent(complaint.id)}/withdrawal`, {
            method: 'POST',
            bearer: token,
            body: reason.trim() === '' ? {} : { reason: reason.trim() },
          }).then(onWithdrawn, (error: unknown) => {
            inFlight.current = false;
            setProblem(error);
            setSending(false);
          });
        }}
      >
        <Field
          id="withdraw-reason"
          label={t('follow.withdrawReason')}
          error={problem instanceof Problem ? problem.forField('reason') : undefined}
        >
          {(props) => (
            <textarea
              {...props}
              rows={3}
              value={reason}
              onInput={(e) => {
                setReason(e.currentTarget.value);
              }}
            />
          )}
        </Field>
        <button type="submit" class="danger" disabled={sending}>
          {t('follow.withdrawConfirm')}
        </button>
      </form>
    </section>
  );
}

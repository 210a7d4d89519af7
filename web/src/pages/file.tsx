/**
 * Filing an electronic complaint (R4, R5, R14). The form is checked with the API's own schema
 * before it is sent, the IIN/BIN as it is typed; what is typed survives an error and a reload
 * (session storage); a retry or a double click sends the same Idempotency-Key, so it files once.
 */

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { dueDateOf, registrationDateOf } from '../../../shared/domain/deadlines.js';
import { subjectTypes, type SubjectType } from '../../../shared/domain/vocabulary.js';
import { isValidIdentifier } from '../../../shared/validation/identifiers.js';
import type { FilingView } from '../../../shared/validation/responses.js';
import { fileComplaintSchema, toFieldErrors } from '../../../shared/validation/schemas.js';
import { Problem, request } from '../api.js';
import { bodies, bodyName, searchBodies, type Body } from '../bodies.js';
import { Alert, Field, fieldMessage, problemText } from '../components.js';
import { formatDate, languages, useI18n, type Language } from '../i18n/index.js';
import { rememberAccessToken, followLink } from '../access.js';
import { CopyButton } from '../copy.js';

interface Draft {
  addresseeId: string;
  search: string;
  applicantType: 'individual' | 'legal_entity';
  identifier: string;
  name: string;
  email: string;
  phone: string;
  postalAddress: string;
  language: Language;
  subjectType: SubjectType | '';
  service: string;
  respondent: string;
  occurredOn: string;
  text: string;
}

type Filed = FilingView & { readonly language: Language };

const draftKey = 'desk.filing-draft';
const shownMatches = 8;

function emptyDraft(language: Language): Draft {
  return {
    addresseeId: '',
    search: '',
    applicantType: 'individual',
    identifier: '',
    name: '',
    email: '',
    phone: '',
    postalAddress: '',
    language,
    subjectType: '',
    service: '',
    respondent: '',
    occurredOn: '',
    text: '',
  };
}

function storedDraft(language: Language): Draft {
  try {
    const stored = sessionStorage.getItem(draftKey);
    if (stored) return { ...emptyDraft(language), ...(JSON.parse(stored) as Partial<Draft>) };
  } catch {
    // a draft that cannot be read is started again
  }
  return emptyDraft(language);
}

/** The request the API takes, from what is typed; empty optional fields are left out. */
function requestOf(draft: Draft): unknown {
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  return {
    channel: 'electronic',
    addresseeId: draft.addresseeId,
    applicant: {
      type: draft.applicantType,
      [draft.applicantType === 'individual' ? 'iin' : 'bin']: draft.identifier.trim(),
      name: draft.name.trim(),
      email: draft.email.trim(),
      phone: optional(draft.phone),
      postalAddress: optional(draft.postalAddress),
      language: draft.language,
    },
    subject: {
      type: draft.subjectType === '' ? undefined : draft.subjectType,
      service: draft.service.trim(),
      respondent: draft.respondent.trim(),
      occurredOn: draft.occurredOn,
    },
    text: draft.text,
  };
}

/** After a refusal, the keyboard lands on the first field to mend (once the errors render). */
function focusFirstInvalid(): void {
  requestAnimationFrame(() => {
    document.querySelector<HTMLElement>('[aria-invalid="true"], .has-error input')?.focus();
  });
}

/** A field's path in the API's errors, for the form's controls. */
const identifierPath = (draft: Draft) =>
  draft.applicantType === 'individual' ? 'applicant.iin' : 'applicant.bin';

export function FilePage() {
  const { t, language } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => storedDraft(language));
  const [directory, setDirectory] = useState<Body[] | undefined>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | undefined>();
  const [sending, setSending] = useState(false);
  const [filed, setFiled] = useState<Filed | undefined>();
  // Set at once, not at the next render: a double click's second event sees it.
  const inFlight = useRef(false);
  // One key per content: a retry of the same draft is the same request to the API.
  const idempotencyKey = useMemo(() => crypto.randomUUID(), [draft]);

  useEffect(() => {
    bodies().then(setDirectory, (error: unknown) => {
      setFailure(problemText(error, t));
    });
  }, []);
  useEffect(() => {
    sessionStorage.setItem(draftKey, JSON.stringify(draft));
  }, [draft]);

  const update = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
  };

  const addressee = directory?.find((body) => body.id === draft.addresseeId);
  const matches = directory ? searchBodies(directory, draft.search) : [];
  const shown = matches.slice(0, shownMatches);
  if (addressee && !shown.includes(addressee)) shown.unshift(addressee);

  // R4, R5: the due date if filed now, by the same rules the API applies.
  const preview = useMemo(() => {
    if (!addressee) return undefined;
    const registered = registrationDateOf(Date.now(), addressee.workingHoursEnd);
    return {
      date: dueDateOf(registered, addressee.kind),
      days: addressee.reviewWorkingDays,
    };
  }, [addressee]);

  const identifier = draft.identifier.trim();
  const identifierState =
    identifier.length < 12
      ? undefined
      : isValidIdentifier(identifier)
        ? 'valid'
        : fileComplaintSchema
            .safeParse(requestOf(draft))
            .error?.issues.find((issue) => issue.path.join('.') === identifierPath(draft))?.message;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (inFlight.current) return;
    setFailure(undefined);
    const parsed = fileComplaintSchema.safeParse(requestOf(draft));
    if (!parsed.success) {
      setErrors(Object.fromEntries(toFieldErrors(parsed.error).map((e) => [e.path, e.message])));
      setFailure(t('filing.fixErrors'));
      focusFirstInvalid();
      return;
    }
    setErrors({});
    inFlight.current = true;
    setSending(true);
    try {
      const answer = await request<FilingView>('/v1/complaints', {
        method: 'POST',
        body: parsed.data,
        idempotencyKey,
      });
      rememberAccessToken(answer.accessToken);
      sessionStorage.removeItem(draftKey);
      setFiled({ ...answer, language: draft.language });
      window.scrollTo(0, 0);
    } catch (error) {
      if (error instanceof Problem && error.errors.length > 0) {
        setErrors(Object.fromEntries(error.errors.map((e) => [e.path, e.message])));
        focusFirstInvalid();
      }
      setFailure(problemText(error, t));
    } finally {
      inFlight.current = false;
      setSending(false);
    }
  };

  if (filed) return <FiledView filed={filed} />;

  const radio = (
    name: string,
    value: string,
    label: string,
    checked: boolean,
    onChange: () => void,
  ) => (
    <label class="choice" key={value}>
      <input type="radio" name={name} value={value} checked={checked} onChange={onChange} />
      {label}
    </label>
  );

  return (
    <>
      <h1>{t('filing.title')}</h1>
      <p class="lead">{t('filing.intro')}</p>
      {failure ? <Alert>{failure}</Alert> : null}
      <form onSubmit={(event) => void submit(event)} noValidate class="form">
        <fieldset>
          <legend>{t('filing.addressee')}</legend>
          <Field id="search" label={t('filing.search')} hint={t('filing.searchHint')}>
            {(props) => (
              <input
                {...props}
                type="search"
                autocomplete="off"
                value={draft.search}
                onInput={(e) => {
                  update('search', e.currentTarget.value);
                }}
              />
            )}
          </Field>
          <div
            class={`bodies${errors.addresseeId ? ' has-error' : ''}`}
            role="radiogroup"
            aria-label={t('filing.addressee')}
            aria-describedby={errors.addresseeId ? 'addressee-error' : undefined}
          >
            {directory === undefined ? <p>{t('app.loading')}</p> : null}
            {directory !== undefined && matches.length === 0 ? <p>{t('filing.noMatch')}</p> : null}
            {shown.map((body) => {
              const parent = directory?.find((candidate) => candidate.id === body.parentId);
              return (
                <label class="choice body-choice" key={body.id}>
                  <input
                    type="radio"
                    name="addressee"
                    value={body.id}
                    checked={body.id === draft.addresseeId}
                    onChange={() => {
                      update('addresseeId', body.id);
                    }}
                  />
                  <span>
                    <span class="body-name">{body.name[language]}</span>
                    <span class="body-meta">
                      {t(`kind.${body.kind}`)}
                      {parent ? ` · ${bodyName(parent, language)}` : ''}
                    </span>
                  </span>
                </label>
              );
            })}
            {matches.length > shown.length ? (
              <p class="hint">
                {t('filing.moreMatches', { count: matches.length - shown.length })}
              </p>
            ) : null}
          </div>
          {errors.addresseeId ? (
            <p class="error" id="addressee-error">
              {fieldMessage(errors.addresseeId)}
            </p>
          ) : null}
          {preview ? (
            <p class="due-preview" aria-live="polite">
              {t('filing.dueDatePreview', {
                date: formatDate(preview.date, language),
                days: preview.days,
              })}
            </p>
          ) : null}
        </fieldset>

        <fieldset>
          <legend>{t('filing.applicant')}</legend>
          <div class="choices" role="radiogroup" aria-label={t('filing.applicant')}>
            {radio(
              'applicantType',
              'individual',
              t('filing.individual'),
              draft.applicantType === 'individual',
              () => {
                update('applicantType', 'individual');
              },
            )}
            {radio(
              'applicantType',
              'legal_entity',
              t('filing.legalEntity'),
              draft.applicantType === 'legal_entity',
              () => {
                update('applicantType', 'legal_entity');
              },
            )}
          </div>
          <Field
            id="identifier"
            label={draft.applicantType === 'individual' ? t('filing.iin') : t('filing.bin')}
            hint={
              identifierState === 'valid' ? t('filing.identifierValid') : t('filing.identifierHint')
            }
            error={
              errors[identifierPath(draft)] ??
              (identifierState === 'valid' ? undefined : identifierState)
            }
            required
          >
            {(props) => (
              <input
                {...props}
                inputMode="numeric"
                autocomplete="off"
                maxLength={12}
                value={draft.identifier}
                onInput={(e) => {
                  update('identifier', e.currentTarget.value.replace(/\s/g, ''));
                }}
              />
            )}
          </Field>
          <Field
            id="name"
            label={draft.applicantType === 'individual' ? t('filing.name') : t('filing.orgName')}
            error={errors['applicant.name']}
            required
          >
            {(props) => (
              <input
                {...props}
                autocomplete={draft.applicantType === 'individual' ? 'name' : 'organization'}
                value={draft.name}
                onInput={(e) => {
                  update('name', e.currentTarget.value);
                }}
              />
            )}
          </Field>
          <Field
            id="email"
            label={t('filing.email')}
            hint={t('filing.emailHint')}
            error={errors['applicant.email']}
            required
          >
            {(props) => (
              <input
                {...props}
                type="email"
                autocomplete="email"
                value={draft.email}
                onInput={(e) => {
                  update('email', e.currentTarget.value);
                }}
              />
            )}
          </Field>
          <Field id="phone" label={t('filing.phone')} error={errors['applicant.phone']}>
            {(props) => (
              <input
                {...props}
                type="tel"
                autocomplete="tel"
                value={draft.phone}
                onInput={(e) => {
                  update('phone', e.currentTarget.value);
                }}
              />
            )}
          </Field>
          <Field
            id="postalAddress"
            label={t('filing.postalAddress')}
            error={errors['applicant.postalAddress']}
          >
            {(props) => (
              <input
                {...props}
                autocomplete="street-address"
                value={draft.postalAddress}
                onInput={(e) => {
                  update('postalAddress', e.currentTarget.value);
                }}
              />
            )}
          </Field>
          <div class="field">
            <span class="label" id="language-label">
              {t('filing.noticeLanguage')}
            </span>
            <div class="choices" role="radiogroup" aria-labelledby="language-label">
              {languages.map((code) =>
                radio(
                  'noticeLanguage',
                  code,
                  code === 'kk' ? 'Қазақша' : 'Русский',
                  draft.language === code,
                  () => {
                    update('language', code);
                  },
                ),
              )}
            </div>
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('filing.subject')}</legend>
          <div class="field">
            <span class="label" id="subject-type-label">
              {t('filing.subjectType')}
              <span class="required" aria-hidden="true">
                {' *'}
              </span>
            </span>
            <div
              class="choices"
              role="radiogroup"
              aria-labelledby="subject-type-label"
              aria-describedby={errors['subject.type'] ? 'subject-type-error' : undefined}
            >
              {subjectTypes.map((type) =>
                radio(
                  'subjectType',
                  type,
                  t(`subjectType.${type}`),
                  draft.subjectType === type,
                  () => {
                    update('subjectType', type);
                  },
                ),
              )}
            </div>
            {errors['subject.type'] ? (
              <p class="error" id="subject-type-error">
                {fieldMessage(errors['subject.type'])}
              </p>
            ) : null}
          </div>
          <Field
            id="service"
            label={t('filing.service')}
            error={errors['subject.service']}
            required
          >
            {(props) => (
              <input
                {...props}
                value={draft.service}
                onInput={(e) => {
                  update('service', e.currentTarget.value);
                }}
              />
            )}
          </Field>
          <Field
            id="respondent"
            label={t('filing.respondent')}
            error={errors['subject.respondent']}
            required
          >
            {(props) => (
              <input
                {...props}
                value={draft.respondent}
                onInput={(e) => {
                  update('respondent', e.currentTarget.value);
                }}
              />
            )}
          </Field>
          <Field
            id="occurredOn"
            label={t('filing.occurredOn')}
            error={errors['subject.occurredOn']}
            required
          >
            {(props) => (
              <input
                {...props}
                type="date"
                value={draft.occurredOn}
                onInput={(e) => {
                  update('occurredOn', e.currentTarget.value);
                }}
              />
            )}
          </Field>
          <Field
            id="text"
            label={t('filing.text')}
            hint={t('filing.textHint')}
            error={errors.text}
            required
          >
            {(props) => (
              <textarea
                {...props}
                rows={8}
                maxLength={10_000}
                value={draft.text}
                onInput={(e) => {
                  update('text', e.currentTarget.value);
                }}
              />
            )}
          </Field>
        </fieldset>
        <button type="submit" class="primary" disabled={sending} aria-busy={sending}>
          {sending ? t('filing.submitting') : t('filing.submit')}
        </button>
      </form>
    </>
  );
}

function FiledView({ filed }: { filed: Filed }) {
  const { t, language } = useI18n();
  const link = followLink(filed.accessToken, filed.language);
  return (
    <>
      <h1>{t('filed.title')}</h1>
      <Alert kind="success">
        <dl class="facts">
          <dt>{t('filed.number')}</dt>
          <dd class="registration-number">{filed.registrationNumber}</dd>
          <dt>{t('filed.dueDate')}</dt>
          <dd>{formatDate(filed.dueDate, language)}</dd>
        </dl>
      </Alert>
      <section aria-labelledby="token-heading" class="token-box">
        <h2 id="token-heading">{t('filed.token')}</h2>
        <p>{t('filed.tokenOnce')}</p>
        <p class="token">
          <code id="access-token">{filed.accessToken}</code>
        </p>
        <CopyButton text={filed.accessToken} label={t('filed.copy')} />
        <h2>{t('filed.link')}</h2>
        <p class="token">
          <a href={link} id="follow-link">
            {link}
          </a>
        </p>
        <CopyButton text={link} label={t('filed.copy')} />
      </section>
      <p>
        <a class="button" href="/follow">
          {t('filed.open')}
        </a>
      </p>
    </>
  );
}

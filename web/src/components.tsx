/** Small building blocks shared by the pages: labelled fields with their hint and error. */

import type { ComponentChildren } from 'preact';
import { localizeFieldMessage, localizeProblemTitle } from '../../shared/texts/field-messages.js';
import type { BodyView } from '../../shared/validation/responses.js';
import { isLanguage, useI18n, type Language } from './i18n/index.js';
import { Problem } from './api.js';

/** The page's language as the document states it (kept by the language switch). */
function pageLanguage(): Language {
  const language = document.documentElement.lang;
  return isLanguage(language) ? language : 'kk';
}

/** A field's message, from the form's own check or the API, in the page's language. */
export function fieldMessage(message: string | undefined): string | undefined {
  return message === undefined ? undefined : localizeFieldMessage(message, pageLanguage());
}

interface FieldProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  readonly required?: boolean;
  readonly children: (described: {
    id: string;
    'aria-describedby'?: string;
    'aria-invalid'?: 'true';
    required?: boolean;
  }) => ComponentChildren;
}

/** A label, the control, its hint and its error, wired together for screen readers. */
export function Field({ id, label, hint, error, required = false, children }: FieldProps) {
  const { t } = useI18n();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter((part) => part !== '')
    .join(' ');
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>
        {label}
        {required ? (
          <span class="required" aria-hidden="true">
            {' *'}
          </span>
        ) : (
          <span class="optional"> ({t('filing.optional')})</span>
        )}
      </label>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children({
        id,
        ...(described === '' ? {} : { 'aria-describedby': described }),
        ...(error ? { 'aria-invalid': 'true' as const } : {}),
        ...(required ? { required: true } : {}),
      })}
      {error ? (
        <p class="error" id={`${id}-error`}>
          {fieldMessage(error)}
        </p>
      ) : null}
    </div>
  );
}

/** What went wrong, in the page's language: the API's own words where it gave them. */
export function problemText(problem: unknown, t: (key: string) => string): string {
  if (!(problem instanceof Problem)) return t('problem.generic');
  if (problem.slug === 'network') return t('problem.network');
  if (problem.status === 401) return t('problem.unauthorized');
  if (problem.status === 404) return t('problem.notFound');
  return localizeProblemTitle(problem.slug, pageLanguage()) ?? t('problem.generic');
}

export function Alert({
  children,
  kind = 'error',
}: {
  children: ComponentChildren;
  kind?: 'error' | 'success' | 'info';
}) {
  return (
    <div class={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

export function Badge({
  children,
  tone,
}: {
  children: ComponentChildren;
  tone: 'danger' | 'warning' | 'neutral' | 'success';
}) {
  return <span class={`badge badge-${tone}`}>{children}</span>;
}

/** A choice of body from the directory, by its name in the page's language. */
export function BodySelect({
  id,
  label,
  value,
  bodies,
  allLabel,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  bodies: readonly BodyView[];
  /** An option for every body at once (value ''), when the caller may ask for all. */
  allLabel?: string;
  onChange: (bodyId: string) => void;
}) {
  const { language } = useI18n();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => {
          onChange(event.currentTarget.value);
        }}
      >
        {allLabel === undefined ? null : <option value="">{allLabel}</option>}
        {bodies.map((body) => (
          <option key={body.id} value={body.id}>
            {body.name[language]}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * One form for every action on a complaint: fields described as data, checked with the API's own
 * schema before sending, sent once (a second click while it is on its way does nothing), and the
 * API's problem shown next to the field it names. What was typed stays after an error. No
 * `If-Match`: the system itself changes a complaint's version (a notice sent, a schedule
 * confirmed), so an official's action wins or loses on the domain's rules, as the API decides
 * a request without one; a complaint that moved on answers `invalid-state`, shown as such.
 */

import { useRef, useState } from 'preact/hooks';
import type * as z from 'zod';
import { toFieldErrors } from '../../../shared/validation/schemas.js';
import { Problem, request } from '../api.js';
import { Alert, Field, fieldMessage, problemText } from '../components.js';
import { useI18n } from '../i18n/index.js';

export type FieldSpec =
  | {
      readonly name: string;
      readonly label: string;
      readonly kind: 'text' | 'textarea' | 'date';
      readonly required?: boolean;
      readonly hint?: string;
    }
  | {
      readonly name: string;
      readonly label: string;
      readonly kind: 'number';
      readonly min: number;
      readonly max: number;
      readonly required?: boolean;
      readonly hint?: string;
    }
  | {
      readonly name: string;
      readonly label: string;
      readonly kind: 'select' | 'radio';
      readonly options: readonly { readonly value: string; readonly label: string }[];
      readonly required?: boolean;
      readonly hint?: string;
    }
  | {
      readonly name: string;
      readonly label: string;
      readonly kind: 'checkbox';
      readonly hint?: string;
    };

/** A vocabulary's values as choices, each named by its text under `prefix` (`reason.site_inspection`). */
export function choices(
  values: readonly string[],
  prefix: string,
  t: (key: string) => string,
): { readonly value: string; readonly label: string }[] {
  return values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
}

interface ActionFormProps {
  readonly id: string;
  readonly title: string;
  readonly submitLabel: string;
  readonly fields: readonly FieldSpec[];
  readonly schema: z.ZodType;
  readonly path: string;
  readonly bearer: string;
  readonly intro?: string;
  /** Values sent as they are, not typed (the channel of a paper complaint, say). */
  readonly fixed?: Record<string, unknown>;
  /** Reshapes the body before it is checked (a paper applicant's IIN becomes a BIN). */
  readonly reshape?: (body: Record<string, unknown>) => Record<string, unknown>;
  readonly onDone: (answer: unknown) => void;
}

/** `{ 'applicant.name': 'A' }` → `{ applicant: { name: 'A' } }`: field names are the API's paths. */
function nested(flat: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [path, value] of flat) {
    const keys = path.split('.');
    let target = result;
    for (const key of keys.slice(0, -1)) {
      const next = target[key];
      if (typeof next === 'object' && next !== null) target = next as Record<string, unknown>;
      else {
        const created: Record<string, unknown> = {};
        target[key] = created;
        target = created;
      }
    }
    target[keys[keys.length - 1] ?? path] = value;
  }
  return result;
}

function valueOf(spec: FieldSpec, raw: string | boolean | undefined): unknown {
  if (spec.kind === 'checkbox') return raw === true;
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  if (spec.kind === 'number') return /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : raw;
  return spec.kind === 'textarea' ? raw : raw.trim();
}

export function ActionForm(props: ActionFormProps) {
  const { t } = useI18n();
  const [values, setValues] = useState<Record<string, string | boolean>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | undefined>();
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState(false);
  // Set at once, not at the next render: a double click's second event sees it.
  const inFlight = useRef(false);

  const set = (name: string, value: string | boolean) => {
    setValues((current) => ({ ...current, [name]: value }));
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (inFlight.current) return;
    const typed = nested(
      props.fields
        .map((spec) => [spec.name, valueOf(spec, values[spec.name])] as const)
        .filter(([, value]) => value !== undefined),
    );
    const combined = { ...typed, ...props.fixed };
    const body = props.reshape ? props.reshape(combined) : combined;
    const parsed = props.schema.safeParse(body);
    if (!parsed.success) {
      setErrors(Object.fromEntries(toFieldErrors(parsed.error).map((e) => [e.path, e.message])));
      setFailure(t('filing.fixErrors'));
      return;
    }
    setErrors({});
    setFailure(undefined);
    inFlight.current = true;
    setSending(true);
    try {
      const answer = await request(props.path, {
        method: 'POST',
        body: parsed.data,
        bearer: props.bearer,
      });
      setValues({});
      setDone(true);
      props.onDone(answer);
    } catch (error) {
      if (error instanceof Problem && error.errors.length > 0) {
        setErrors(Object.fromEntries(error.errors.map((e) => [e.path, e.message])));
      }
      setFailure(problemText(error, t));
    } finally {
      inFlight.current = false;
      setSending(false);
    }
  };

  const control = (spec: FieldSpec) => {
    const id = `${props.id}-${spec.name}`;
    const error = errors[spec.name];
    const value = values[spec.name];
    if (spec.kind === 'checkbox') {
      return (
        <div class="field" key={spec.name}>
          <label class="choice" for={id}>
            <input
              id={id}
              type="checkbox"
              checked={value === true}
              onChange={(e) => {
                set(spec.name, e.currentTarget.checked);
              }}
            />
            {spec.label}
          </label>
          {error ? <p class="error">{fieldMessage(error)}</p> : null}
        </div>
      );
    }
    if (spec.kind === 'radio') {
      return (
        <fieldset
          class="field"
          key={spec.name}
          aria-describedby={error ? `${id}-error` : undefined}
        >
          <legend>{spec.label}</legend>
          <div class="choices">
            {spec.options.map((option) => (
              <label class="choice" key={option.value}>
                <input
                  type="radio"
                  name={id}
                  value={option.value}
                  checked={value === option.value}
                  onChange={() => {
                    set(spec.name, option.value);
                  }}
                />
                {option.label}
              </label>
            ))}
          </div>
          {error ? (
            <p class="error" id={`${id}-error`}>
              {fieldMessage(error)}
            </p>
          ) : null}
        </fieldset>
      );
    }
    return (
      <Field
        key={spec.name}
        id={id}
        label={spec.label}
        hint={spec.hint}
        error={error}
        required={spec.required ?? false}
      >
        {(described) => {
          const text = typeof value === 'string' ? value : '';
          const onInput = (e: { currentTarget: { value: string } }) => {
            set(spec.name, e.currentTarget.value);
          };
          if (spec.kind === 'textarea')
            return <textarea {...described} rows={4} value={text} onInput={onInput} />;
          if (spec.kind === 'select') {
            return (
              <select {...described} value={text} onChange={onInput}>
                <option value="">—</option>
                {spec.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            );
          }
          if (spec.kind === 'number') {
            return (
              <input
                {...described}
                type="number"
                inputMode="numeric"
                min={spec.min}
                max={spec.max}
                value={text}
                onInput={onInput}
              />
            );
          }
          if (spec.kind === 'date')
            return <input {...described} type="date" value={text} onInput={onInput} />;
          return <input {...described} type="text" value={text} onInput={onInput} />;
        }}
      </Field>
    );
  };

  return (
    <section class="panel" aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.title}</h2>
      {props.intro ? <p class="hint">{props.intro}</p> : null}
      {failure ? <Alert>{failure}</Alert> : null}
      {done && !failure ? <Alert kind="success">{t('desk.done')}</Alert> : null}
      <form class="form" noValidate onSubmit={(event) => void submit(event)}>
        {props.fields.map(control)}
        <button type="submit" class="primary" disabled={sending} aria-busy={sending}>
          {props.submitLabel}
        </button>
      </form>
    </section>
  );
}

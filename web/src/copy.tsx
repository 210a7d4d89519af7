import { useState } from 'preact/hooks';
import { useI18n } from './i18n/index.js';

/** Copies a text to the clipboard and says so to screen readers too. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <p class="copy">
      <button
        type="button"
        onClick={() => {
          void navigator.clipboard.writeText(text).then(() => {
            setCopied(true);
          });
        }}
      >
        {label}
      </button>
      <span role="status" class="copied">
        {copied ? t('filed.copied') : ''}
      </span>
    </p>
  );
}

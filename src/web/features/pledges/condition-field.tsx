import { useI18n } from '../../i18n/i18n.js';
import { conditionMessage } from './condition-messages.data.js';
import type { ConditionCheck } from './pledge-editor.data.js';

// The condition input: checked on every keystroke, the first problem marked under its column.

/** A condition text field with its live check. */
export function ConditionField({ value, onChange, check }: { value: string; onChange: (value: string) => void; check: ConditionCheck }) {
  const { t, language } = useI18n();
  const first = check.ok ? null : check.issues[0];
  return (
    <>
      <label htmlFor="pledge-condition">{t('pledges.condition')}</label>
      <div className="condition-field">
        <input
          id="pledge-condition"
          className="mono"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={!check.ok}
          aria-describedby="condition-check"
          spellCheck={false}
          autoComplete="off"
        />
        {first && (
          <pre className="caret mono" aria-hidden="true">
            {value}
            {'\n'}
            {' '.repeat(Math.max(0, first.column - 1))}^
          </pre>
        )}
        <div id="condition-check" className={check.ok ? 'ok' : 'error'} role="status" data-testid="condition-check">
          {check.ok ? t('editor.conditionOk') : check.issues.map((issue) => <div key={`${issue.column}-${issue.message}`}>{t('editor.conditionError', { column: issue.column, message: conditionMessage(language, issue.message) })}</div>)}
        </div>
      </div>
    </>
  );
}

import { CAPABILITY_CATALOGUE } from '../../../core/capabilities.js';
import { PLEDGE_STATUSES } from '../../../core/types.js';
import { capabilityChoice, capabilityUnit } from '../../i18n/capabilities.data.js';
import { meetingFormat, statusName } from '../../i18n/labels.data.js';
import { useI18n } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/messages.js';
import { CONTRIBUTION_STATUSES, FIELDS, type FieldSpec, figureOf, type FormValues, isMoneyCapability, MEETING_FORMATS } from './ingest-form.data.js';
import { Money } from '../../components/money.js';

// The edit form's fields of one record type: each labelled, with its problem (from the page's own checks or
// the server's answer) named beside it and linked with aria-describedby.

export interface Choices {
  parties: { id: string; name: string }[];
  funds: { id: string; name: string }[];
  /** Any party code's name (also of codes that are no party record). */
  partyName: (id: string) => string;
}

/** Every field of the record type, for the proposal `index`. */
export function RecordFields({ entity, index, values, problems, choices, onChange }: { entity: string; index: number; values: FormValues; problems: Record<string, string>; choices: Choices; onChange: (name: string, value: string | string[]) => void }) {
  const { language } = useI18n();
  // Amounts and quantities say their unit: the currency, or the capability's unit (money: euros).
  const unitOf = (spec: FieldSpec): string | undefined => {
    if (spec.kind === 'amount') return typeof values.currency === 'string' && values.currency ? values.currency : undefined;
    if (spec.name !== 'quantity' || typeof values.capability !== 'string') return undefined;
    return isMoneyCapability(values.capability) ? 'EUR' : capabilityUnit(language, values.capability) || undefined;
  };
  return (
    <div className="ingest-fields">
      {(FIELDS[entity] ?? []).map((spec) => (
        <Field key={spec.name} spec={spec} unit={unitOf(spec)} figure={figureOf(entity, spec, values)} id={`p${index}-${spec.name}`} value={values[spec.name] ?? ''} problem={problems[spec.name]} choices={choices} onChange={(value) => onChange(spec.name, value)} />
      ))}
    </div>
  );
}

function Field({ spec, unit, figure, id, value, problem, choices, onChange }: { spec: FieldSpec; unit: string | undefined; figure: ReturnType<typeof figureOf>; id: string; value: string | string[]; problem: string | undefined; choices: Choices; onChange: (value: string | string[]) => void }) {
  const { t, n, language } = useI18n();
  const name = t(`ingest.field.${spec.name}` as MessageKey);
  const label = unit ? t('ingest.field.in', { label: name, unit }) : name;
  const described = problem ? `${id}-problem` : undefined;
  const common = { id, 'aria-invalid': problem ? true : undefined, 'aria-describedby': described, required: spec.required };
  const single = typeof value === 'string' ? value : '';
  let control;
  switch (spec.kind) {
    case 'parties':
      return (
        <fieldset className="ingest-field" aria-describedby={described}>
          <legend>{label}</legend>
          <PartyList id={id} values={Array.isArray(value) ? value : []} choices={choices} onChange={onChange} />
          {problem && <span id={described} className="error field-problem">{problem}</span>}
        </fieldset>
      );
    case 'party':
      control = (
        <select {...common} value={single} onChange={(event) => onChange(event.target.value)}>
          <option value="">{t('ingest.field.none')}</option>
          {withCurrent(choices.parties, single, choices.partyName).map((party) => <option key={party.id} value={party.id}>{party.name}</option>)}
        </select>
      );
      break;
    case 'fund':
      control = (
        <select {...common} value={single} onChange={(event) => onChange(event.target.value)}>
          <option value="">{t('ingest.field.none')}</option>
          {withCurrent(choices.funds, single).map((fund) => <option key={fund.id} value={fund.id}>{fund.name}</option>)}
        </select>
      );
      break;
    case 'capability':
      control = (
        <select {...common} value={single} onChange={(event) => onChange(event.target.value)}>
          {CAPABILITY_CATALOGUE.map((capability) => <Choice key={capability.id} id={capability.id} />)}
        </select>
      );
      break;
    case 'format':
      control = <Options common={common} value={single} onChange={onChange} options={MEETING_FORMATS.map((format) => [format, meetingFormat(t, format)])} />;
      break;
    case 'pledgeStatus':
      control = <Options common={common} value={single} onChange={onChange} options={PLEDGE_STATUSES.map((status) => [status, statusName(t, status)])} />;
      break;
    case 'contributionStatus':
      control = <Options common={common} value={single} onChange={onChange} options={CONTRIBUTION_STATUSES.map((status) => [status, statusName(t, status)])} />;
      break;
    case 'factValue':
      control = <Options common={common} value={single} onChange={onChange} options={[['true', t('fact.true')], ['false', t('fact.false')], ['unknown', t('fact.unknown')]]} />;
      break;
    default:
      control = (
        <input
          {...common}
          type={spec.kind === 'date' ? 'date' : 'text'}
          inputMode={spec.kind === 'amount' ? 'decimal' : spec.kind === 'integer' ? 'numeric' : undefined}
          value={single}
          onChange={(event) => onChange(event.target.value)}
          className={spec.kind === 'condition' ? 'mono' : undefined}
        />
      );
  }
  return (
    <div className="ingest-field">
      <label htmlFor={id}>{label}</label>
      {control}
      {figure && !problem && <span className="muted small figure">= {'money' in figure ? <Money language={language} amount={figure.money} currency={figure.currency} /> : n(figure.count)}</span>}
      {problem && <span id={described} className="error field-problem">{problem}</span>}
    </div>
  );
}

function Choice({ id }: { id: string }) {
  const { language } = useI18n();
  return <option value={id}>{capabilityChoice(language, id)}</option>;
}

function Options({ common, value, onChange, options }: { common: Record<string, unknown>; value: string; onChange: (value: string) => void; options: [string, string][] }) {
  return (
    <select {...common} value={value} onChange={(event) => onChange(event.target.value)}>
      {options.map(([key, label]) => <option key={key} value={key}>{label}</option>)}
    </select>
  );
}

/** Chosen parties by name, each removable, and a menu to add one. */
function PartyList({ id, values, choices, onChange }: { id: string; values: string[]; choices: Choices; onChange: (value: string[]) => void }) {
  const { t } = useI18n();
  const name = choices.partyName;
  return (
    <>
      <ul className="chips party-chips">
        {values.map((code) => (
          <li key={code}>
            {name(code)}{' '}
            <button type="button" className="link-button" aria-label={t('ingest.remove', { name: name(code) })} onClick={() => onChange(values.filter((value) => value !== code))}>×</button>
          </li>
        ))}
      </ul>
      <label className="visually-hidden" htmlFor={`${id}-add`}>{t('ingest.addParty')}</label>
      <select id={`${id}-add`} value="" onChange={(event) => event.target.value && onChange([...values, event.target.value])}>
        <option value="">{t('ingest.addParty')}</option>
        {choices.parties.filter((party) => !values.includes(party.id)).map((party) => <option key={party.id} value={party.id}>{party.name}</option>)}
      </select>
    </>
  );
}

function withCurrent(options: { id: string; name: string }[], current: string, name: (id: string) => string = (id) => id): { id: string; name: string }[] {
  return current && !options.some((option) => option.id === current) ? [...options, { id: current, name: name(current) }] : options;
}

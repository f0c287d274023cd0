import type { MessageKey } from '../../i18n/messages.js';

// The edit form of a proposal's record: which fields each record type shows, their values as text, their
// checks (a message per field), and the record the form gives back (amounts in major units on screen, minor
// units in the record).

/** The record types' choices (contracts/field-schemas.ts; the test checks they agree, the bundle stays without zod). */
export const MEETING_FORMATS = ['leaders', 'ministers', 'nsa', 'other'] as const;
export const CONTRIBUTION_STATUSES = ['pledged', 'paid'] as const;

export type FieldKind = 'text' | 'date' | 'amount' | 'integer' | 'party' | 'parties' | 'capability' | 'format' | 'pledgeStatus' | 'contributionStatus' | 'fund' | 'currency' | 'factValue' | 'condition';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  required: boolean;
}

const f = (name: string, kind: FieldKind, required = false): FieldSpec => ({ name, kind, required });

export const FIELDS: Record<string, FieldSpec[]> = {
  meetings: [f('title', 'text', true), f('date', 'date', true), f('format', 'format', true), f('place', 'party'), f('inPerson', 'parties'), f('online', 'parties')],
  contributions: [f('donors', 'parties', true), f('amount', 'amount', true), f('currency', 'currency', true), f('date', 'date', true), f('fund', 'fund', true), f('status', 'contributionStatus', true)],
  pledges: [f('party', 'party', true), f('capability', 'capability', true), f('quantity', 'integer'), f('condition', 'condition', true), f('status', 'pledgeStatus', true), f('announcedOn', 'date')],
  requirements: [f('title', 'text', true), f('capability', 'capability', true), f('quantity', 'integer')],
  'sanctions-packages': [f('title', 'text', true), f('jurisdiction', 'party', true), f('number', 'integer'), f('adoptedOn', 'date')],
  facts: [f('value', 'factValue', true)],
};

/** The form's values: text for single fields, lists for party lists. */
export type FormValues = Record<string, string | string[]>;

/** Is the capability counted in money (minor units in the record, major units on screen)? */
export function isMoneyCapability(capability: unknown): boolean {
  return typeof capability === 'string' && capability.startsWith('finance.');
}

/** The form's values for a draft record. */
export function formFromRecord(entity: string, record: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const spec of FIELDS[entity] ?? []) {
    const value = record[spec.name];
    if (spec.kind === 'parties') values[spec.name] = spec.name === 'donors' ? donorList(value) : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
    else if (spec.kind === 'amount') values[spec.name] = typeof value === 'number' ? String(value / 100) : '';
    else if (spec.name === 'quantity' && entity === 'requirements' && isMoneyCapability(record.capability)) values[spec.name] = typeof value === 'number' ? String(value / 100) : '';
    else if (spec.name === 'quantity' && typeof value === 'object' && value !== null) values[spec.name] = String((value as { max?: unknown }).max ?? '');
    else values[spec.name] = value === undefined || value === null ? '' : String(value);
  }
  return values;
}

/** The record the form gives, over the draft's other fields, with a message key per field that is wrong. */
export function recordFromForm(entity: string, draft: Record<string, unknown>, values: FormValues): { record: Record<string, unknown>; problems: Record<string, MessageKey> } {
  const record: Record<string, unknown> = { ...draft };
  const problems: Record<string, MessageKey> = {};
  for (const spec of FIELDS[entity] ?? []) {
    const raw = values[spec.name];
    if (spec.kind === 'parties') {
      const list = Array.isArray(raw) ? raw : [];
      if (spec.required && list.length === 0) problems[spec.name] = 'ingest.field.partiesRequired';
      record[spec.name] = spec.name === 'donors' ? list.map((party) => ({ party })) : list;
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (text === '') {
      if (spec.required) problems[spec.name] = 'ingest.field.required';
      if (spec.name === 'quantity') record.quantity = null;
      else delete record[spec.name];
      continue;
    }
    switch (spec.kind) {
      case 'date':
        if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`))) problems[spec.name] = 'ingest.field.dateFormat';
        else record[spec.name] = text;
        break;
      case 'amount': {
        const amount = Number(text.replace(',', '.'));
        if (!Number.isFinite(amount) || amount <= 0) problems[spec.name] = 'ingest.field.positive';
        else record[spec.name] = Math.round(amount * 100);
        break;
      }
      case 'integer': {
        const money = spec.name === 'quantity' && entity === 'requirements' && isMoneyCapability(values.capability);
        const number = Number(text.replace(',', '.'));
        if (!Number.isFinite(number) || number < 0 || (!money && !Number.isInteger(number)) || (spec.name === 'number' && number < 1)) problems[spec.name] = 'ingest.field.wholeNumber';
        else record[spec.name] = money ? Math.round(number * 100) : number;
        break;
      }
      case 'currency':
        if (!/^[A-Z]{3}$/.test(text)) problems[spec.name] = 'ingest.field.currencyCode';
        else record[spec.name] = text;
        break;
      case 'factValue':
        record[spec.name] = text === 'true' ? true : text === 'false' ? false : 'unknown';
        break;
      default:
        record[spec.name] = text;
    }
  }
  return { record, problems };
}

function donorList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((donor: unknown) => (typeof donor === 'object' && donor !== null && typeof (donor as { party?: unknown }).party === 'string' ? (donor as { party: string }).party : '')).filter(Boolean);
}

/** What an amount or quantity typed so far means, to show it written out beside the field (1000000000 → "€1bn"). */
export function figureOf(entity: string, spec: FieldSpec, values: FormValues): { money: number; currency: string } | { count: number } | null {
  const raw = values[spec.name];
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  const number = Number(raw.trim().replace(',', '.'));
  if (!Number.isFinite(number) || number <= 0) return null;
  if (spec.kind === 'amount') return typeof values.currency === 'string' && /^[A-Z]{3}$/.test(values.currency) ? { money: Math.round(number * 100), currency: values.currency } : null;
  if (spec.name !== 'quantity') return null;
  if (entity === 'requirements' && isMoneyCapability(values.capability)) return { money: Math.round(number * 100), currency: 'EUR' };
  return number >= 10_000 ? { count: number } : null;
}

import { KNOWN_AREAS } from '../../../core/areas.js';
import { CAPABILITY_CATALOGUE } from '../../../core/capabilities.js';
import { TRUE_CONDITION, type Condition } from '../../../core/conditions/ast.js';
import { checkConditionText, type ConditionVocabulary } from '../../../core/conditions/check-condition.js';
import type { PreparedDataset } from '../../../core/dataset/prepare-dataset.js';
import { evaluateScenario } from '../../../core/scenario/evaluate-scenario.js';
import { createExplainer, type ExplanationWords } from '../../i18n/explanations.data.js';
import type { Fact, FactValue, Party, Pledge, PledgeStatus, Requirement, RequirementPackage } from '../../../core/types.js';

// The pledge editor's logic: the condition is checked as it is typed with the core's own parser (errors at
// their column), and the coverage effect of the draft is computed in the browser with the core's engine
// before anything is saved.

export interface EditorReference {
  parties: readonly Party[];
  facts: readonly Fact[];
  requirements: readonly Requirement[];
  packages: readonly RequirementPackage[];
  pledges: readonly Pledge[];
}

/** The names a condition may use: the known facts, parties, capabilities and areas. */
export function buildVocabulary(reference: EditorReference): ConditionVocabulary {
  const areas = new Set<string>(KNOWN_AREAS);
  for (const pledge of reference.pledges) pledge.areas.forEach((area) => areas.add(area));
  for (const requirement of reference.requirements) areas.add(requirement.area);
  const capabilities = new Set(CAPABILITY_CATALOGUE.map((capability) => capability.id));
  for (const pledge of reference.pledges) capabilities.add(pledge.capability);
  return { facts: new Set(reference.facts.map((fact) => fact.id)), parties: new Set(reference.parties.map((party) => party.id)), capabilities, areas };
}

export type ConditionCheck = { ok: true } | { ok: false; issues: { column: number; message: string }[] };

/** Check a condition text as typed; each issue has its 1-based column. */
export function checkConditionLive(text: string, vocabulary: ConditionVocabulary): ConditionCheck {
  const checked = checkConditionText(text, vocabulary);
  return checked.ok ? { ok: true } : { ok: false, issues: checked.issues.map((issue) => ({ column: issue.column, message: issue.message })) };
}

export interface PledgeForm {
  id: string;
  party: string;
  capability: string;
  min: string;
  max: string;
  areas: string;
  status: PledgeStatus;
  condition: string;
  sources: string;
}

/** The form fields of a pledge. */
export function formFromPledge(pledge: Pledge): PledgeForm {
  return {
    id: pledge.id,
    party: pledge.party,
    capability: pledge.capability,
    min: pledge.quantity ? String(pledge.quantity.min) : '',
    max: pledge.quantity ? String(pledge.quantity.max) : '',
    areas: pledge.areas.join(', '),
    status: pledge.status,
    condition: pledge.condition,
    sources: pledge.sources.join(', '),
  };
}

/** The pledge the form describes, on top of the original record (fields the form does not show are kept). */
export function pledgeFromForm<P extends Pledge>(form: PledgeForm, original: P): P {
  const min = form.min.trim() === '' ? null : Number(form.min);
  const max = form.max.trim() === '' ? min : Number(form.max);
  const quantity = min === null || max === null ? null : { min, max };
  const list = (text: string): string[] => text.split(',').map((item) => item.trim()).filter(Boolean);
  return { ...original, id: form.id.trim(), party: form.party, capability: form.capability, quantity, areas: list(form.areas), status: form.status, condition: form.condition, sources: list(form.sources) };
}

/** The record body to send: without the server's version and timestamps (those travel separately). */
export function toRecordBody(pledge: Pledge & { version?: number; createdAt?: string; updatedAt?: string }): Pledge {
  const { version: _version, createdAt: _createdAt, updatedAt: _updatedAt, ...record } = pledge;
  return record;
}

export interface CoverageChange {
  requirement: string;
  before: { min: number; max: number };
  after: { min: number; max: number };
}

export interface Preview {
  changes: CoverageChange[];
  state: 'certain' | 'possible' | 'inactive';
  explanation: string | null;
}

/** Coverage under the scenario with the draft in place of the stored pledge, against without it, explained in `words`' language; null if the draft's condition does not parse. */
export function previewDraft(reference: EditorReference, draft: Pledge, options: { facts: ReadonlyMap<string, FactValue>; asOf?: string; words: ExplanationWords }): Preview | null {
  const vocabulary = buildVocabulary(reference);
  const draftCondition = checkConditionText(draft.condition, vocabulary);
  if (!draftCondition.ok) return null;
  const others = reference.pledges.filter((pledge) => pledge.id !== draft.id);
  const evaluate = (pledges: readonly Pledge[], extra?: [string, Condition]) => {
    const conditions = new Map<string, Condition>();
    for (const pledge of pledges) {
      const checked = checkConditionText(pledge.condition, vocabulary);
      conditions.set(pledge.id, checked.ok ? checked.condition : TRUE_CONDITION);
    }
    if (extra) conditions.set(extra[0], extra[1]);
    const dataset: PreparedDataset = {
      parties: [...reference.parties],
      capabilities: [],
      facts: [...reference.facts],
      sources: [],
      packages: [...reference.packages],
      requirements: [...reference.requirements],
      pledges: [...pledges],
      conditions,
      capabilityById: new Map(CAPABILITY_CATALOGUE.map((capability) => [capability.id, capability])),
    };
    return evaluateScenario(dataset, options.asOf ? { facts: options.facts, asOf: options.asOf } : { facts: options.facts });
  };
  const before = evaluate(reference.pledges);
  const after = evaluate([...others, draft], [draft.id, draftCondition.condition]);
  const beforeRows = new Map(before.coverage.map((row) => [row.requirement, row]));
  const changes: CoverageChange[] = [];
  for (const row of after.coverage) {
    const previous = beforeRows.get(row.requirement);
    if (!previous || (previous.supplyMin === row.supplyMin && previous.supplyMax === row.supplyMax)) continue;
    changes.push({ requirement: row.requirement, before: { min: previous.supplyMin, max: previous.supplyMax }, after: { min: row.supplyMin, max: row.supplyMax } });
  }
  const mine = after.pledges.find((pledge) => pledge.id === draft.id);
  return { changes, state: mine?.state ?? 'inactive', explanation: mine ? createExplainer(after.pledges, options.words)(mine) : null };
}

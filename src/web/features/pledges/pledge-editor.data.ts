import { KNOWN_AREAS } from '../../../core/areas.js';
import { CAPABILITY_CATALOGUE } from '../../../core/capabilities.js';
import { checkConditionText, type ConditionVocabulary } from '../../../core/conditions/check-condition.js';
import type { PledgePreview } from '../../../core/scenario/preview-pledge.js';
import type { Fact, Party, Pledge, PledgeStatus, Requirement, RequirementPackage } from '../../../core/types.js';

// The pledge editor's logic: the condition is checked as it is typed with the core's own parser (errors at their
// column); the draft's effect is previewed by the server (POST /api/scenarios/pledge-preview), which evaluates it
// with the pledges the user may see — the browser loads no pledge but the one it edits.

/** What the editor draws besides the pledge: names, the facts a condition may use, requirements and capabilities. */
export interface EditorReference {
  parties: readonly Party[];
  facts: readonly Fact[];
  requirements: readonly Requirement[];
  packages: readonly RequirementPackage[];
  /** The capability records of the store (added to the catalogue). */
  capabilities: readonly { id: string }[];
}

/**
 * The names a condition may use: the known facts, parties and capabilities, and the areas — the known ones, the
 * requirements', and `areas` (those the server's preview lists: the pledges' areas, and the draft's own).
 */
export function buildVocabulary(reference: EditorReference, areas: Iterable<string> = []): ConditionVocabulary {
  const known = new Set<string>(KNOWN_AREAS);
  for (const requirement of reference.requirements) known.add(requirement.area);
  for (const area of areas) known.add(area);
  const capabilities = new Set(CAPABILITY_CATALOGUE.map((capability) => capability.id));
  for (const capability of reference.capabilities) capabilities.add(capability.id);
  return { facts: new Set(reference.facts.map((fact) => fact.id)), parties: new Set(reference.parties.map((party) => party.id)), capabilities, areas: known };
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

/** The preview's answer (the server's PledgePreview). */
export type Preview = PledgePreview;

/** The id a new pledge is previewed under until one is typed (the preview needs an id; it stores nothing). */
export const PREVIEW_ID = 'new-pledge-draft';

/** The draft as the preview takes it: a new pledge without an id yet gets a stand-in. */
export function previewPledge(draft: Pledge): Pledge {
  return draft.id.trim() === '' ? { ...draft, id: PREVIEW_ID } : draft;
}

/** Whether a preview is worth asking for: the condition passes the live check, or the draft is the stored pledge (its first preview, which also says which areas exist). */
export function shouldPreview(check: ConditionCheck, draft: Pledge, original: Pledge): boolean {
  return check.ok || JSON.stringify(toRecordBody(draft)) === JSON.stringify(toRecordBody(original));
}

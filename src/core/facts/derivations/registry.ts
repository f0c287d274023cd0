import type { DerivationKind, DerivationRecords, DerivedFactValue } from './derivation-kind.js';
import { type SanctionsExemptionsEndedDerivation, sanctionsExemptionsEndedKind } from './sanctions-exemptions-ended.js';
import { type VerifiedIncidentDerivation, verifiedIncidentKind } from './verified-incident.js';

// The registry of derivation kinds (docs/incidents.md, "Adding a derivation kind"). To add one: a file beside
// this one exporting its declaration type and its DerivationKind, one member in FactDerivation and one entry in
// KINDS below, its zod schema in src/contracts/fact-derivation.schema.ts, and the records it reads in
// DerivationRecords (derivation-kind.ts) and the service's loader.

/** A fact's derivation, by kind. */
export type FactDerivation = VerifiedIncidentDerivation | SanctionsExemptionsEndedDerivation;

type Registry = { [K in FactDerivation['kind']]: DerivationKind<Extract<FactDerivation, { kind: K }>> };

const KINDS: Registry = {
  verified_incident: verifiedIncidentKind,
  sanctions_exemptions_ended: sanctionsExemptionsEndedKind,
};

/** The kinds of derivation there are. */
export const DERIVATION_KINDS = Object.keys(KINDS) as FactDerivation['kind'][];

/** Evaluate one derivation at the end of `at` (undefined: on all records); null when the records decide nothing. */
export function evaluateDerivation(derivation: FactDerivation, records: DerivationRecords, at: string | undefined): DerivedFactValue | null {
  const kind = KINDS[derivation.kind] as DerivationKind<FactDerivation>;
  return kind.evaluate(derivation, records, at);
}

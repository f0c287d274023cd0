import type { Derivation } from '../types.js';
import { statesFigure } from './figures-in-text.js';

// "Nothing invented", checkable: every figure a record states (a quantity, an amount, a threshold in a
// condition, a weight, a share, a count) has a basis — a source the record cites whose passage states that
// figure in some written form, or a derivation naming the field, what it comes from and how. Pure: the
// caller collects the figures (collect-figures.ts) and passes the sources' passages in.

/** One figure of a record: where it sits (`quantity.max`, `options[1].amount`) and its value in major units. */
export interface RecordFigure {
  field: string;
  value: number;
}

/** A record as the check sees it. */
export interface FigureRecord {
  /** The collection (`pledges`, `contributions`, `financing-plans/options`, …). */
  collection: string;
  id: string;
  sources: readonly string[];
  derived?: readonly Derivation[];
  figures: readonly RecordFigure[];
  /** Fields stated as scenario assumptions rather than facts (a fact's probability, said so in its description). */
  assumptions?: readonly string[];
}

export interface ProvenanceProblem {
  collection: string;
  id: string;
  field: string;
  message: string;
}

/** Figures without a basis, and derivations or citations that point nowhere. `known` holds every record and source id. */
export function checkProvenance(records: readonly FigureRecord[], passages: ReadonlyMap<string, string | undefined>, known: ReadonlySet<string>): ProvenanceProblem[] {
  const problems: ProvenanceProblem[] = [];
  for (const record of records) {
    const at = (field: string, message: string): void => {
      problems.push({ collection: record.collection, id: record.id, field, message });
    };
    record.sources.forEach((source, i) => {
      if (!passages.has(source)) at(`sources[${i}]`, `unknown source '${source}'`);
    });
    (record.derived ?? []).forEach((derivation, i) => {
      derivation.from.forEach((id, j) => {
        if (!known.has(id)) at(`derived[${i}].from[${j}]`, `unknown source or record '${id}'`);
      });
      if (!record.figures.some((figure) => covers(derivation.field, figure.field))) at(`derived[${i}].field`, `no figure at '${derivation.field}'`);
    });
    for (const figure of record.figures) {
      if (record.assumptions?.includes(figure.field)) continue;
      if ((record.derived ?? []).some((derivation) => covers(derivation.field, figure.field))) continue;
      if (record.sources.some((source) => statesFigure(passages.get(source) ?? '', figure.value))) continue;
      const cited = record.sources.length === 0 ? 'it cites no source' : `no cited source's passage states it (${record.sources.join(', ')})`;
      at(figure.field, `${formatFigure(figure.value)} has no basis: ${cited}, and no derived entry names '${figure.field}'`);
    }
  }
  return problems;
}

// A derivation of `quantity` covers quantity.min and quantity.max; one of `keyWeights` covers every weight.
function covers(derivedField: string, field: string): boolean {
  return field === derivedField || field.startsWith(`${derivedField}.`) || field.startsWith(`${derivedField}[`);
}

function formatFigure(value: number): string {
  return new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6 }).format(value);
}

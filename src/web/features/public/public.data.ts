// GET /public/summary (docs/access-control.md): the newest release of aggregates under disclosure control.

export interface PublicCell {
  value: number | null;
  parties: number | null;
  suppressed: boolean;
}

export interface PublicRelease {
  id: number;
  date: string;
  publishedAt: string;
  note: string | null;
  rule: { minParties: number; maxShare: number };
  contributingParties: number | null;
  domains: { domain: string; parties: number | null; suppressed: boolean }[];
  capabilities: { capability: string; unit: string; total: PublicCell; stages: (PublicCell & { stage: 'planned' | 'committed' | 'delivered' })[] }[];
}

/** A cell as text: its value formatted, the word for "suppressed" when the rule withheld it, '—' when there is none. */
export function stageCell(cell: PublicCell | undefined, format: (value: number) => string, suppressed: string): string {
  if (!cell) return '—';
  if (cell.suppressed) return suppressed;
  return cell.value === null ? '—' : format(cell.value);
}

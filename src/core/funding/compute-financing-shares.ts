import { splitAmount, weightsFromNumbers } from '../money/allocate-proportionally.js';

// Financing plans (DESIGN.md §5): each option's amount shared between the states that carry it, by a key
// (GNI or GDP figures, or custom weights such as a draft's guarantee list). States that opt out carry nothing
// and the key is re-normalised over the rest. Amounts are integer minor units of the plan's currency and sum
// exactly to the option's amount (largest remainder, ties to the state first in id order).

export type FinancingKind = 'joint_borrowing' | 'asset_backed_loan' | 'bilateral';

export interface FinancingPartyInput {
  id: string;
  kind: 'state' | 'institution' | 'beneficiary';
  groups: readonly string[];
}

export interface FinancingOptionInput {
  id: string;
  kind: FinancingKind;
  title: string;
  key?: 'gni' | 'gdp' | 'custom';
  optOuts?: readonly string[];
  guarantors?: readonly string[];
  keyWeights?: readonly { party: string; weight: number }[];
  amount?: number;
}

export interface OptionShare {
  party: string;
  /** Share of the option after opt-outs (0–1). */
  share: number;
  amount: number;
}

export interface OptionShares {
  id: string;
  kind: FinancingKind;
  title: string;
  /** The key as recorded and the figures actually used (`gdp` stands in for GNI when no GNI figures exist). */
  key: 'gni' | 'gdp' | 'custom';
  keyUsed: 'gdp' | 'custom';
  /** What a state's amount means under this option. */
  exposure: 'liability' | 'guarantee' | 'lending';
  amount: number;
  decided: boolean;
  optedOut: string[];
  shares: OptionShare[];
  warnings: string[];
}

/** Key figures per party (GDP), in any unit: only their proportions matter. */
export type KeyFigures = ReadonlyMap<string, number>;

const EXPOSURE: Record<FinancingKind, OptionShares['exposure']> = { joint_borrowing: 'liability', asset_backed_loan: 'guarantee', bilateral: 'lending' };

/** Each option's per-state share and amount; `decidedOption` marks the option that was chosen. */
export function computeFinancingShares(input: {
  needAmount: number;
  options: readonly FinancingOptionInput[];
  decidedOption?: string;
  parties: readonly FinancingPartyInput[];
  keyFigures: KeyFigures;
}): OptionShares[] {
  return input.options.map((option) => shareOption(option, input));
}

function shareOption(
  option: FinancingOptionInput,
  input: { needAmount: number; decidedOption?: string; parties: readonly FinancingPartyInput[]; keyFigures: KeyFigures },
): OptionShares {
  const warnings: string[] = [];
  const key = option.key ?? (option.keyWeights ? 'custom' : 'gni');
  const optOuts = new Set(option.optOuts ?? []);
  const custom = key === 'custom' ? new Map((option.keyWeights ?? []).map((entry) => [entry.party, entry.weight])) : undefined;
  if (key === 'custom' && (option.keyWeights ?? []).length === 0) warnings.push('a custom key needs keyWeights: nobody carries this option');
  if (key === 'gni') warnings.push('no GNI figures are available: GDP is used as the key instead');
  const candidates = defaultParticipants(option, input.parties, custom);
  const participants = candidates.filter((party) => !optOuts.has(party)).sort();
  const weights = participants.map((party) => {
    const figure = custom ? custom.get(party) : input.keyFigures.get(party);
    if (figure === undefined) warnings.push(`${party} has no ${custom ? 'weight in the custom key' : 'GDP figure'}: it carries nothing`);
    return figure ?? 0;
  });
  const amount = option.amount ?? input.needAmount;
  const integerWeights = weightsFromNumbers(weights, 6);
  const shared = integerWeights.some((weight) => weight > 0n);
  const totalWeight = shared ? weights.reduce((acc, weight) => acc + weight, 0) : 0;
  const amounts = shared ? splitAmount(amount, integerWeights) : participants.map(() => 0);
  if (!shared && amount > 0) warnings.push('no participant has a key figure: the amount is not shared');
  return {
    id: option.id,
    kind: option.kind,
    title: option.title,
    key,
    keyUsed: key === 'custom' ? 'custom' : 'gdp',
    exposure: EXPOSURE[option.kind],
    amount,
    decided: input.decidedOption === option.id,
    optedOut: [...optOuts].filter((party) => candidates.includes(party)).sort(),
    shares: participants.map((party, i) => ({ party, share: totalWeight > 0 ? (weights[i] ?? 0) / totalWeight : 0, amount: amounts[i] ?? 0 })),
    warnings,
  };
}

// Who carries an option unless it names its guarantors: EU member states for EU borrowing and asset-backed
// loans (custom keys: the states they name), the coalition's states for bilateral finance.
function defaultParticipants(option: FinancingOptionInput, parties: readonly FinancingPartyInput[], custom: Map<string, number> | undefined): string[] {
  if (option.guarantors && option.guarantors.length > 0) return [...new Set(option.guarantors)];
  if (custom) return [...custom.keys()];
  const group = option.kind === 'bilateral' ? 'coalition' : 'EU';
  return parties.filter((party) => party.kind === 'state' && party.groups.includes(group)).map((party) => party.id);
}

/** Rows of party × option amounts for a side-by-side view (parties of any option, by id). */
export function sideBySide(options: readonly OptionShares[]): { party: string; amounts: (number | null)[]; shares: (number | null)[] }[] {
  const parties = [...new Set(options.flatMap((option) => option.shares.map((share) => share.party)))].sort();
  return parties.map((party) => {
    const found = options.map((option) => option.shares.find((share) => share.party === party));
    return { party, amounts: found.map((share) => share?.amount ?? null), shares: found.map((share) => share?.share ?? null) };
  });
}

import { splitBetweenDonors, type DonorShare } from './split-donors.js';

// Pool funding (DESIGN.md §5): contributions flow to a fund's packages, earmarked money first (to its own
// package, up to the package's price; anything beyond it joins the pool), then the pool fills the packages in
// priority order (1 first; equal priorities by id). What no package needs stays unallocated. All amounts are
// integer minor units of the fund's currency (convert before calling), so every split is exact:
// package funding + unallocated = contributions, and the donors' totals sum to the contributions too.

export type PackageStatus = 'open' | 'funded' | 'ordered' | 'delivered';

export interface AllocationPackage {
  id: string;
  title: string;
  /** Price in the fund's currency. */
  price: number;
  priority: number;
  status: PackageStatus;
}

export interface AllocationContribution {
  id: string;
  /** Amount in the fund's currency. */
  amount: number;
  package?: string;
  donors: DonorShare[];
  status: 'pledged' | 'paid';
  date: string;
}

export interface PackageAllocation {
  id: string;
  title: string;
  priority: number;
  price: number;
  funded: number;
  /** From contributions earmarked for this package. */
  earmarked: number;
  /** From the pool (unearmarked money and earmarks beyond their package's price). */
  fromPool: number;
  shortfall: number;
  /** funded / price (1 when the price is 0). */
  fundedShare: number;
  recordedStatus: PackageStatus;
  /** The status the money supports: `funded` once fully funded; `ordered`/`delivered` as recorded. */
  status: PackageStatus;
}

export interface Flow {
  contribution: string;
  /** The package, or null for money no package needed. */
  package: string | null;
  amount: number;
}

export interface DonorTotal {
  party: string;
  total: number;
  paid: number;
  pledged: number;
  earmarked: number;
  contributions: number;
  /** Contributions of this donor made jointly with others. */
  joint: number;
  /** Joint contributions whose split was not reported (equal parts assumed). */
  sharesAssumed: number;
}

export interface FundAllocation {
  packages: PackageAllocation[];
  flows: Flow[];
  donors: DonorTotal[];
  totals: {
    contributed: number;
    paid: number;
    pledged: number;
    allocated: number;
    unallocated: number;
    price: number;
    shortfall: number;
    target: number | null;
    /** contributed / target, or null without a target. */
    fundedShareOfTarget: number | null;
    targetShortfall: number | null;
  };
  warnings: string[];
}

/** Allocate contributions to packages and total them per package and per donor. */
export function allocateFund(input: { packages: readonly AllocationPackage[]; contributions: readonly AllocationContribution[]; target?: number }): FundAllocation {
  const order = [...input.packages].sort((a, b) => a.priority - b.priority || compareText(a.id, b.id));
  const state = new Map(order.map((item) => [item.id, { earmarked: 0, fromPool: 0 }]));
  const room = (item: AllocationPackage): number => {
    const got = state.get(item.id);
    return Math.max(0, item.price - (got ? got.earmarked + got.fromPool : 0));
  };
  const byId = new Map(order.map((item) => [item.id, item]));
  const flows: Flow[] = [];
  const warnings: string[] = [];
  const contributions = [...input.contributions].sort((a, b) => compareText(a.date, b.date) || compareText(a.id, b.id));
  // The pool: what each contribution has left after its earmark, in date order.
  const pool: { id: string; left: number }[] = [];
  for (const contribution of contributions) {
    let left = contribution.amount;
    const earmark = contribution.package === undefined ? undefined : byId.get(contribution.package);
    if (contribution.package !== undefined && !earmark) warnings.push(`contribution '${contribution.id}' is earmarked for unknown package '${contribution.package}': it joins the pool`);
    if (earmark) {
      const amount = Math.min(left, room(earmark));
      if (amount > 0) {
        flows.push({ contribution: contribution.id, package: earmark.id, amount });
        const got = state.get(earmark.id);
        if (got) got.earmarked += amount;
        left -= amount;
      }
      if (left > 0) warnings.push(`contribution '${contribution.id}' exceeds what package '${earmark.id}' still needed: the rest joins the pool`);
    }
    if (left > 0) pool.push({ id: contribution.id, left });
  }
  for (const item of order) {
    for (const entry of pool) {
      const need = room(item);
      if (need === 0) break;
      const amount = Math.min(need, entry.left);
      if (amount === 0) continue;
      flows.push({ contribution: entry.id, package: item.id, amount });
      const got = state.get(item.id);
      if (got) got.fromPool += amount;
      entry.left -= amount;
    }
  }
  for (const entry of pool) if (entry.left > 0) flows.push({ contribution: entry.id, package: null, amount: entry.left });

  const packages = order.map((item) => packageResult(item, state.get(item.id) ?? { earmarked: 0, fromPool: 0 }, warnings));
  const contributed = sum(contributions.map((c) => c.amount));
  const allocated = sum(packages.map((p) => p.funded));
  const price = sum(packages.map((p) => p.price));
  const target = input.target ?? null;
  return {
    packages,
    flows,
    donors: totalByDonor(contributions),
    totals: {
      contributed,
      paid: sum(contributions.filter((c) => c.status === 'paid').map((c) => c.amount)),
      pledged: sum(contributions.filter((c) => c.status === 'pledged').map((c) => c.amount)),
      allocated,
      unallocated: contributed - allocated,
      price,
      shortfall: sum(packages.map((p) => p.shortfall)),
      target,
      fundedShareOfTarget: target === null ? null : target === 0 ? 1 : contributed / target,
      targetShortfall: target === null ? null : Math.max(0, target - contributed),
    },
    warnings,
  };
}

function packageResult(item: AllocationPackage, got: { earmarked: number; fromPool: number }, warnings: string[]): PackageAllocation {
  const funded = got.earmarked + got.fromPool;
  const full = funded >= item.price;
  let status: PackageStatus = item.status;
  if (item.status === 'open' || item.status === 'funded') status = full ? 'funded' : 'open';
  if (item.status === 'funded' && !full) warnings.push(`package '${item.id}' is recorded as funded but the contributions cover only ${funded} of ${item.price}`);
  if ((item.status === 'ordered' || item.status === 'delivered') && !full) {
    warnings.push(`package '${item.id}' is recorded as ${item.status} but the contributions cover only ${funded} of ${item.price}`);
  }
  return {
    id: item.id,
    title: item.title,
    priority: item.priority,
    price: item.price,
    funded,
    earmarked: got.earmarked,
    fromPool: got.fromPool,
    shortfall: item.price - funded,
    fundedShare: item.price === 0 ? 1 : funded / item.price,
    recordedStatus: item.status,
    status,
  };
}

function totalByDonor(contributions: readonly AllocationContribution[]): DonorTotal[] {
  const totals = new Map<string, DonorTotal>();
  for (const contribution of contributions) {
    for (const part of splitBetweenDonors(contribution.amount, contribution.donors)) {
      const total = totals.get(part.party) ?? { party: part.party, total: 0, paid: 0, pledged: 0, earmarked: 0, contributions: 0, joint: 0, sharesAssumed: 0 };
      total.total += part.amount;
      total[contribution.status] += part.amount;
      if (contribution.package !== undefined) total.earmarked += part.amount;
      total.contributions += 1;
      if (contribution.donors.length > 1) total.joint += 1;
      if (contribution.donors.length > 1 && !part.shareKnown) total.sharesAssumed += 1;
      totals.set(part.party, total);
    }
  }
  return [...totals.values()].sort((a, b) => b.total - a.total || compareText(a.party, b.party));
}

function sum(values: readonly number[]): number {
  return values.reduce((acc, value) => acc + value, 0);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

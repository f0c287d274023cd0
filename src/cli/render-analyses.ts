import type { AllocationResult } from '../core/analyses/compute-allocation.js';
import type { RiskResult } from '../core/analyses/compute-risk.js';
import type { UnlockersResult } from '../core/analyses/compute-unlockers.js';
import { formatNumber, formatTable } from './output.js';

// The analyses for people: ranked unlockers, the allocation beside greedy coverage, and the risk per requirement.

const signed = (value: number): string => (value > 0 ? `+${formatNumber(value)}` : formatNumber(value));
const percent = (share: number | null): string => (share === null ? '–' : `${(share * 100).toFixed(1)} %`);

/** Render unlockers: the facts ranked by what they unlock, the parties by what their absence costs. */
export function renderUnlockers(result: UnlockersResult): string {
  const lines = ['Unlockers: each fact set true (ranked by coverage gained on the highest-priority requirements first)'];
  if (result.facts.length === 0) lines.push('  (every fact is already true)');
  result.facts.forEach((entry, i) => lines.push(`  ${String(i + 1).padStart(2)}. ${entry.explanation}`));
  lines.push('', 'Pivotal parties: each party’s pledges removed (ranked by coverage lost, the cascade included)');
  if (result.parties.length === 0) lines.push('  (no pledges)');
  result.parties.forEach((entry, i) => lines.push(`  ${String(i + 1).padStart(2)}. ${entry.explanation}`));
  return `${lines.join('\n')}\n`;
}

/** Render an allocation: per requirement LP fill against greedy, who fills what, what binds. */
export function renderAllocation(result: AllocationResult): string {
  const greedy = new Map(result.greedy.map((row) => [row.requirement, row]));
  const rows = result.requirements.map((row) => [
    row.requirement,
    String(row.priority),
    row.demand === null ? 'no estimate' : formatNumber(row.demand),
    formatNumber(row.filled),
    row.shortfall === null ? '–' : formatNumber(row.shortfall),
    formatNumber(greedy.get(row.requirement)?.filled ?? 0),
    signed(greedy.get(row.requirement)?.difference ?? 0),
    String(row.shadowPrice),
  ]);
  const lines = [
    `Allocation by linear program (bound ${result.bound}: ${result.bound === 'min' ? 'certain pledges at their minimum' : 'certain and possible pledges at their maximum'}; ${formatNumber(result.variables)} variables)`,
    formatTable(['requirement', 'prio', 'demand', 'LP filled', 'shortfall', 'greedy', 'LP − greedy', 'shadow'], rows, ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right']),
    '',
    `Filled per priority (of the estimated demand): ${result.objective.map((level) => `${level.priority}: ${formatNumber(level.filled)}${level.demand > 0 ? ` of ${formatNumber(level.demand)}` : ' (no estimates)'}`).join(' · ')}`,
    '',
    'Who fills what',
    result.assignments.length === 0 ? '  (nothing is assigned)' : formatTable(['requirement', 'pledge', 'quantity'], result.assignments.map((a) => [a.requirement, a.pledge, formatNumber(a.quantity)]), ['left', 'left', 'right']),
    '',
    'Short requirements',
    ...result.requirements.filter((row) => (row.shortfall ?? 0) > 0).map((row) => `  ${row.explanation}`),
    '',
    `Binding: ${result.binding.length === 0 ? 'none' : result.binding.map((b) => `${b.kind} ${b.id}`).join(', ')}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** Render a risk run: P(met) per requirement with intervals and supply quantiles, then the most sensitive facts. */
export function renderRisk(result: RiskResult): string {
  const how = result.method === 'exact' ? `exact: all ${formatNumber(result.samples)} assignments` : `Monte Carlo: ${formatNumber(result.samples)} samples, seed ${result.seed}`;
  const facts = result.facts.map((f) => `${f.fact} ${f.probability}${f.source === 'default' ? ' (assumed)' : ''}`).join(', ');
  const rows = result.requirements.map((row) => [
    row.requirement,
    row.demand === null ? 'no estimate' : formatNumber(row.demand),
    percent(row.pMetMin),
    row.ciMin === null ? '–' : `${percent(row.ciMin[0])}–${percent(row.ciMin[1])}`,
    percent(row.pMetMax),
    `${formatNumber(row.quantilesMin.p5)} / ${formatNumber(row.quantilesMin.p50)} / ${formatNumber(row.quantilesMin.p95)}`,
  ]);
  const sensitive = result.sensitivity.filter((s) => s.delta !== 0 || s.deltaMax !== 0).slice(0, 10);
  const lines = [
    `Risk (${how}; ${result.coordination} fixed point; ${result.path} evaluation)`,
    `Uncertain facts: ${facts || 'none'}`,
    '',
    formatTable(['requirement', 'demand', 'P(met) min', '95 % interval', 'P(met) max', 'supply p5 / p50 / p95 (min)'], rows, ['left', 'right', 'right', 'right', 'right', 'right']),
    '',
    'Most sensitive facts (P(met | fact) − P(met | not fact), at minimum quantities)',
    ...(sensitive.length === 0 ? ['  (no fact moves any P(met))'] : sensitive.map((s) => `  ${s.fact.padEnd(20)} ${s.requirement.padEnd(24)} ${signed(Math.round(s.delta * 1000) / 10)} points`)),
  ];
  return `${lines.join('\n')}\n`;
}

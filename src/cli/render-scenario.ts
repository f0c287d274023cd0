import type { ScenarioResult } from '../core/scenario/evaluate-scenario.js';
import { formatBar, formatNumber, formatPercent, formatRange, formatTable } from './output.js';

// The scenario for people: coverage with bars, the assurance gap, and the pledges by state with explanations.

/** Render a scenario result as text. */
export function renderScenario(result: ScenarioResult): string {
  const facts = result.facts.map((fact) => `${fact.id}=${String(fact.value)}`).join(' ');
  const { summary } = result;
  const parts = [
    `Scenario  ${facts}`,
    `As of ${result.asOf ?? 'today'} · minimum status ${result.minStatus} · ${summary.pledges} pledges: ` +
      `${summary.certain} certain, ${summary.possible} possible, ${summary.inactive} inactive · ${summary.contributingParties} ${summary.contributingParties === 1 ? 'party contributes' : 'parties contribute'}`,
    '',
    'Coverage per requirement (█ certain, ▒ possible, ░ missing)',
    renderCoverage(result),
    '',
    renderGap(result),
    '',
    renderPledges(result),
  ];
  return `${parts.join('\n')}\n`;
}

function renderCoverage(result: ScenarioResult): string {
  if (result.coverage.length === 0) return '  (no requirements)';
  const rows = result.coverage.map((row) => [
    row.requirement,
    row.capability,
    row.area,
    row.demand === null ? 'no estimate' : `${formatNumber(row.demand)}${row.estimate ? ' (est.)' : ''}`,
    formatRange(row.supplyMin, row.supplyMax),
    row.coveredMin === null ? '–' : `${formatPercent(row.coveredMin)}–${formatPercent(row.coveredMax)}`,
    formatBar(row.demand, row.supplyMin, row.supplyMax) + (row.unquantifiedPledges.length > 0 ? ` +${row.unquantifiedPledges.length} without figure` : ''),
  ]);
  return formatTable(['requirement', 'capability', 'area', 'demand', 'supply', 'covered', ''], rows, ['left', 'left', 'left', 'right', 'right', 'right']);
}

function renderGap(result: ScenarioResult): string {
  const lines = [`Assurance gap: ${result.assuranceGap.length === 0 ? 'none' : result.assuranceGap.join(', ')}`];
  if (result.assuranceGap.length > 0) lines.push('  (certain only if the coalition commits together; nobody moving first leaves them out)');
  if (result.waitingGroups.length > 0) {
    lines.push('Groups that wait on each other:');
    for (const group of result.waitingGroups) lines.push(`  • ${group.join(' ↔ ')}`);
  }
  return lines.join('\n');
}

function renderPledges(result: ScenarioResult): string {
  const lines: string[] = [];
  for (const state of ['certain', 'possible', 'inactive'] as const) {
    const pledges = result.pledges.filter((p) => p.state === state).sort((a, b) => a.party.localeCompare(b.party) || a.id.localeCompare(b.id));
    lines.push(`${state[0]?.toUpperCase()}${state.slice(1)} pledges (${pledges.length})`);
    for (const pledge of pledges) {
      const quantity = pledge.quantity === null ? 'no figure' : formatRange(pledge.quantity.min, pledge.quantity.max);
      lines.push(`  ${pledge.party.padEnd(4)} ${pledge.id.padEnd(14)} ${pledge.capability.padEnd(28)} ${quantity.padStart(15)}  [${pledge.areas.join(', ')}]`);
      if (pledge.condition !== 'true') lines.push(`       if ${pledge.condition}`);
      if (pledge.explanation) lines.push(`       → ${pledge.explanation}`);
    }
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}

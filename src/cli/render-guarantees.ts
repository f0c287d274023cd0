import type { WhatIfResult } from '../core/guarantees/what-if-violated.js';
import { formatRange, formatTable } from './output.js';

// "What if the ceasefire is violated" for people: the commitments before and after the trigger, what they give per
// response kind and per requirement, and what stays unanswered (docs/guarantees.md).

const kindName = (kind: string): string => kind.replace('_', ' ');

/** Render the what-if result as tables and short lists. */
export function renderGuarantees(result: WhatIfResult): string {
  const set = result.facts.filter((fact) => fact.value !== 'unknown').map((fact) => `${fact.id}=${String(fact.value)}`);
  const { summary } = result;
  const lines = [
    `What if ${result.trigger} turns true${result.asOf ? ` (as of ${result.asOf})` : ''}; facts: ${set.join(', ')}`,
    `Guarantee commitments: ${summary.commitments} — ${summary.certain} certain, ${summary.possible} possible, ${summary.inactive} inactive${summary.excluded > 0 ? ` (${summary.excluded} withdrawn or not a candidate)` : ''}`,
  ];
  if (result.commitments.length > 0) {
    lines.push(
      formatTable(
        ['commitment', 'party', 'responses', 'response time', 'before', 'after'],
        result.commitments.map((c) => [c.id, c.party, c.responses.map(kindName).join(', '), c.responseTime, c.before, c.excluded ?? c.after]),
      ),
    );
  }
  lines.push('', 'Per response kind');
  for (const cover of result.responses) {
    const parts = [...(cover.certain.length > 0 ? [`certain: ${cover.certain.join(', ')}`] : []), ...(cover.possible.length > 0 ? [`possible: ${cover.possible.join(', ')}`] : [])];
    if (cover.kind === 'unstated' && parts.length === 0) continue;
    lines.push(`  ${kindName(cover.kind).padEnd(13)} ${parts.length === 0 ? 'none' : `${parts.join('; ')} (${cover.parties.join(', ')})`}`);
  }
  lines.push('', 'Coverage of requirements');
  if (result.coverage.length === 0) lines.push('  no requirement changes: the activated commitments answer no recorded requirement');
  else {
    lines.push(
      formatTable(
        ['requirement', 'before', 'after', 'added'],
        result.coverage.map((row) => [row.requirement, formatRange(row.before.min, row.before.max), formatRange(row.after.min, row.after.max), row.added.join(', ')]),
      ),
    );
  }
  const { unanswered } = result;
  lines.push('', 'Left unanswered');
  lines.push(`  response kinds without a commitment: ${unanswered.responseKinds.length === 0 ? 'none' : unanswered.responseKinds.map(kindName).join(', ')}`);
  for (const id of unanswered.pending) lines.push(`  ${result.commitments.find((c) => c.id === id)?.explanation ?? id}`);
  for (const unlocker of result.unlockers) lines.push(`  ${unlocker.fact}=${String(unlocker.value)} would make certain: ${unlocker.certain.join(', ')}`);
  for (const id of unanswered.withdrawn) lines.push(`  ${id} (${result.commitments.find((c) => c.id === id)?.party ?? ''}): ${result.commitments.find((c) => c.id === id)?.excluded ?? 'withdrawn'}`);
  lines.push(`  coalition states without a commitment of their own (${unanswered.parties.length}): ${unanswered.parties.length === 0 ? 'none' : unanswered.parties.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

import { CAPABILITY_CATALOGUE } from '../../core/capabilities.js';
import type { Capability } from '../../core/types.js';
import { type Language, translate } from './messages.js';

// Capability names for the UI: the core's catalogue has every capability's English and German name and unit;
// a capability outside it (a dataset's own `domain.kind`) is shown by its id.

const BY_ID = new Map<string, Capability>(CAPABILITY_CATALOGUE.map((capability) => [capability.id, capability]));

/** The capability's name in the language, or its id when the catalogue does not know it. */
export function capabilityName(language: Language, id: string): string {
  return BY_ID.get(id)?.name[language] ?? id;
}

/** A choice in a capability menu: name, id and unit ("Ground personnel — land.personnel (persons)"). */
export function capabilityChoice(language: Language, id: string): string {
  const capability = BY_ID.get(id);
  if (!capability) return `${id} (?)`;
  return translate(language, 'capability.choice', { name: capability.name[language], id, unit: translate(language, `unit.${capability.unit}`) });
}

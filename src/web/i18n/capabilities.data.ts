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

/** The unit a capability is counted in, in the language ("persons", "Personen"); '' when unknown. */
export function capabilityUnit(language: Language, id: string): string {
  const capability = BY_ID.get(id);
  return capability ? translate(language, `unit.${capability.unit}`) : '';
}

/** A quantity with the capability's unit: "7,499 persons", "1–7,499 persons", or "no number". */
export function formatQuantity(language: Language, quantity: { min: number; max: number } | null, capability: string): string {
  if (!quantity) return translate(language, 'pledges.noNumber');
  const number = new Intl.NumberFormat(language === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 });
  const figure = quantity.min === quantity.max ? number.format(quantity.min) : `${number.format(quantity.min)}–${number.format(quantity.max)}`;
  const unit = capabilityUnit(language, capability);
  return unit ? `${figure} ${unit}` : figure;
}

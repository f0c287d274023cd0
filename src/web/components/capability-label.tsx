import { useI18n } from '../i18n/i18n.js';

// A capability by its name in the current language; the id stays visible (monospace) or in the tooltip.

/** A capability's name with its id beside it (`withId`) or as the tooltip. */
export function CapabilityLabel({ id, withId = false }: { id: string; withId?: boolean }) {
  const { capability } = useI18n();
  const name = capability(id);
  if (name === id) return <code>{id}</code>;
  return withId ? (
    <span className="capability">
      {name} <code className="muted">{id}</code>
    </span>
  ) : (
    <span className="capability" title={id} data-capability={id}>{name}</span>
  );
}

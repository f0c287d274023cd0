import { useI18n } from '../i18n/i18n.js';

// certain / possible / inactive, with a shape as well as a colour (colour-blind readers).

const SYMBOL = { certain: '●', possible: '◐', inactive: '○' } as const;

/** A pledge's activation state. */
export function StateBadge({ state }: { state: 'certain' | 'possible' | 'inactive' }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge-${state}`}>
      <span aria-hidden="true">{SYMBOL[state]} </span>
      {t(`state.${state}`)}
    </span>
  );
}

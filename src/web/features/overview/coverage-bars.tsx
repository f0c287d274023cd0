import { SourceLinks } from '../../components/source-links.js';
import { useI18n } from '../../i18n/i18n.js';
import type { CoverageBar } from './overview.data.js';

// Coverage per requirement: dark = certain, light = possible on top, a line = demand. The figures are written
// out beside the bar, so nothing depends on telling the colours apart.

/** The requirement coverage bars, with their sources. */
export function CoverageBars({ bars }: { bars: CoverageBar[] }) {
  const { t, n, capability } = useI18n();
  return (
    <ul className="coverage-list">
      {bars.map((bar) => {
        const demand = bar.demand === null ? t('coverage.noDemand') : n(bar.demand);
        const sources = [...bar.sources, ...bar.pledgeSources];
        return (
          <li key={bar.requirement} className="coverage-row" data-requirement={bar.requirement} data-min={bar.min} data-max={bar.max}>
            <div className="coverage-title">
              <span className="priority" title={t('requirements.priority')}>P{bar.priority}</span> {bar.title} <span className="muted">{capability(bar.capability)}</span> <code className="muted">{bar.capability} · {bar.area}</code>
            </div>
            <div className="bar" role="img" aria-label={t('coverage.label', { title: bar.title, min: n(bar.min), max: n(bar.max), demand })}>
              <div className="bar-certain" style={{ width: `${bar.certainPct}%` }} />
              <div className="bar-possible" style={{ width: `${bar.possiblePct}%` }} />
              {bar.demandPct !== null && <div className="bar-demand" style={{ left: `calc(${bar.demandPct}% - 1px)` }} />}
            </div>
            <div className="coverage-figures">
              <strong className="supply">{t('coverage.range', { min: n(bar.min), max: n(bar.max) })}</strong> {bar.demand === null ? `(${demand})` : t('coverage.of', { demand })}
              {bar.estimate && <span className="muted"> ({t('requirements.estimate')})</span>}
              {bar.coveredMin !== null && <span> · {t('coverage.percent', { min: bar.coveredMin, max: bar.coveredMax ?? bar.coveredMin })}</span>}
              {bar.unquantified > 0 && <span className="muted"> {t('coverage.unquantified', { count: bar.unquantified })}</span>} <SourceLinks ids={sources} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}

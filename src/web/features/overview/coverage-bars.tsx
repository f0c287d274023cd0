import { SourceLinks } from '../../components/source-links.js';
import { formatQuantity } from '../../i18n/capabilities.data.js';
import { useI18n } from '../../i18n/i18n.js';
import { areaName } from '../../i18n/labels.data.js';
import type { CoverageBar } from './overview.data.js';

// Coverage per requirement: dark = certain, light = possible on top, a line = demand. The figures are written
// out beside the bar, so nothing depends on telling the colours apart.

/** The requirement coverage bars, with their sources. */
export function CoverageBars({ bars, requirementName }: { bars: CoverageBar[]; requirementName: (id: string) => string }) {
  const { t, n, capability, language } = useI18n();
  return (
    <ul className="coverage-list">
      {bars.map((bar) => {
        const demand = bar.demand === null ? t('coverage.noDemand') : formatQuantity(language, { min: bar.demand, max: bar.demand }, bar.capability);
        const sources = [...bar.sources, ...bar.pledgeSources];
        return (
          <li key={bar.requirement} className="coverage-row" data-requirement={bar.requirement} data-min={bar.min} data-max={bar.max}>
            <div className="coverage-title">
              <span className="priority" title={t('requirements.priority')}>P{bar.priority}</span> <span title={bar.title}>{requirementName(bar.requirement)}</span>{' '}
              <span className="muted" data-capability={bar.capability}>{capability(bar.capability)} · {areaName(t, bar.area)}</span>
            </div>
            <div className="bar" role="img" aria-label={t('coverage.label', { title: requirementName(bar.requirement), min: n(bar.min), max: n(bar.max), demand })}>
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

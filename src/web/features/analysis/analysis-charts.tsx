import { useMemo } from 'react';
import EChart, { type ChartOption } from '../../components/echart.js';
import { useI18n } from '../../i18n/i18n.js';
import { PALETTE } from '../../lib/palette.js';
import type { RiskRow, UnlockerBars } from './analysis.data.js';

// The Analysis page's charts (loaded lazily with ECharts): unlockers as bars, P(met) per requirement, a supply
// distribution, the sensitivity tornado.

type Props =
  | { kind: 'unlockers'; bars: UnlockerBars }
  | { kind: 'risk'; rows: RiskRow[] }
  | { kind: 'distribution'; distribution: { supplies: number[]; percents: number[] } }
  | { kind: 'tornado'; tornado: { facts: string[]; points: number[] } };

/** One of the Analysis page's charts. */
export default function AnalysisChart(props: Props) {
  const { t, n } = useI18n();
  const option = useMemo<ChartOption>(() => {
    const base = { animation: false, aria: { enabled: true }, tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } }, grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true } };
    // Room for a legend that wraps onto a second line on a phone (else it covers the first bar).
    const withLegend = { ...base.grid, top: 60 };
    switch (props.kind) {
      case 'unlockers':
        return {
          ...base,
          legend: { top: 0, data: [t('analysis.chart.gainMin'), t('analysis.chart.gainMax')] },
          grid: withLegend,
          xAxis: { type: 'value', axisLabel: { formatter: (value: number) => `${n(value)} %` } },
          yAxis: { type: 'category', data: props.bars.labels, inverse: true },
          series: [
            { name: t('analysis.chart.gainMin'), type: 'bar', data: props.bars.min, itemStyle: { color: PALETTE.certain } },
            { name: t('analysis.chart.gainMax'), type: 'bar', data: props.bars.max, itemStyle: { color: PALETTE.possible } },
          ],
        };
      case 'risk':
        return {
          ...base,
          legend: { top: 0, data: [t('analysis.risk.pMin'), t('analysis.risk.pMax')] },
          grid: withLegend,
          xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: (value: number) => `${n(value)} %` } },
          yAxis: { type: 'category', data: props.rows.map((row) => row.requirement), inverse: true, axisLabel: { width: 180, overflow: 'truncate' } },
          series: [
            { name: t('analysis.risk.pMin'), type: 'bar', data: props.rows.map((row) => row.pMin), itemStyle: { color: PALETTE.certain } },
            { name: t('analysis.risk.pMax'), type: 'bar', data: props.rows.map((row) => row.pMax), itemStyle: { color: PALETTE.possible } },
          ],
        };
      case 'distribution':
        return {
          ...base,
          // The axis name under the axis, centred: at the end it is cut off by the chart's edge.
          grid: { ...base.grid, bottom: 32 },
          xAxis: { type: 'category', data: props.distribution.supplies.map((value) => n(value)), name: t('analysis.chart.supply'), nameLocation: 'middle', nameGap: 28 },
          yAxis: { type: 'value', axisLabel: { formatter: (value: number) => `${n(value)} %` } },
          series: [{ name: t('analysis.chart.probability'), type: 'bar', data: props.distribution.percents, itemStyle: { color: PALETTE.certain } }],
        };
      case 'tornado':
        return {
          ...base,
          xAxis: { type: 'value', axisLabel: { formatter: (value: number) => n(value) } },
          yAxis: { type: 'category', data: props.tornado.facts, inverse: true },
          series: [{ name: t('analysis.chart.points'), type: 'bar', data: props.tornado.points.map((value) => ({ value, itemStyle: { color: value >= 0 ? PALETTE.certain : PALETTE.demand } })) }],
        };
    }
  }, [props, t, n]);
  const rows = props.kind === 'unlockers' ? props.bars.labels.length : props.kind === 'risk' ? props.rows.length : props.kind === 'tornado' ? props.tornado.facts.length : 6;
  return <EChart option={option} height={props.kind === 'distribution' ? 260 : props.kind === 'tornado' ? 60 + rows * 40 : 84 + rows * 40} label={t(`analysis.chart.${props.kind}`)} name={`analysis-${props.kind}`} />;
}

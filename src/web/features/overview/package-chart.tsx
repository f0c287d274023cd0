import { useMemo } from 'react';
import EChart, { type ChartOption } from '../../components/echart.js';
import { useI18n } from '../../i18n/i18n.js';
import { PALETTE } from '../../lib/palette.js';
import type { PackageSeries } from './overview.data.js';

// Coverage per package and unit as stacked bars (certain, possible) with the demand as a marker where every
// requirement in the bar has an estimate; different units are never added together. Loaded lazily.

/** The package chart. */
export default function PackageChart({ series }: { series: PackageSeries }) {
  const { t, n } = useI18n();
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      aria: { enabled: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, data: [t('state.certain'), t('state.possible'), t('requirements.demand')] },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', axisLabel: { formatter: (value: number) => n(value), hideOverlap: true } },
      yAxis: { type: 'category', data: series.titles, inverse: true, axisLabel: { width: 150, overflow: 'break', lineHeight: 14 } },
      series: [
        { name: t('state.certain'), type: 'bar', stack: 'supply', data: series.certain, itemStyle: { color: PALETTE.certain } },
        { name: t('state.possible'), type: 'bar', stack: 'supply', data: series.possible, itemStyle: { color: PALETTE.possible } },
        { name: t('requirements.demand'), type: 'scatter', data: series.demand.map((value) => value ?? '-'), symbol: 'rect', symbolSize: [4, 28], itemStyle: { color: PALETTE.demand } },
      ],
    }),
    [series, t, n],
  );
  return <EChart option={option} height={60 + series.ids.length * 52} label={t('overview.packages')} name="coverage-per-package" />;
}

import { BarChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// ECharts from its core with only the parts used (bars, markers, SVG). Screens import this file lazily, so
// the chart library stays out of the first load.

echarts.use([BarChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** An ECharts chart that follows its option and its container's width. */
export default function EChart({ option, height, label, onClick }: { option: ChartOption; height: number; label: string; onClick?: (index: number) => void }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!element.current) return undefined;
    const instance = echarts.init(element.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onClick) return undefined;
    const handler = (params: { dataIndex?: number }): void => {
      if (typeof params.dataIndex === 'number') onClick(params.dataIndex);
    };
    instance.on('click', handler);
    return () => {
      instance.off('click', handler);
    };
  }, [onClick]);
  return <div ref={element} role="img" aria-label={label} style={{ width: '100%', height }} />;
}

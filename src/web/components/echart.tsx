import { BarChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { downloadBlob, downloadText } from './download.js';

// ECharts from its core with only the parts used (bars, markers, SVG). Screens import this file lazily, so
// the chart library stays out of the first load.

echarts.use([BarChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** An ECharts chart that follows its option and its container's width, with PNG and SVG downloads. */
export default function EChart({ option, height, label, onClick, name = 'chart' }: { option: ChartOption; height: number; label: string; onClick?: (index: number) => void; name?: string }) {
  const { t } = useI18n();
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
  const svg = (): string | undefined => chart.current?.renderToSVGString();
  return (
    <figure className="chart" data-chart={name}>
      <div className="chart-tools">
        <button type="button" onClick={() => { const text = svg(); if (text) downloadText(`${name}.svg`, text, 'image/svg+xml'); }}>{t('chart.svg')}</button>
        <button type="button" onClick={() => { const text = svg(); if (text) void svgToPng(text).then((blob) => downloadBlob(`${name}.png`, blob)); }}>{t('chart.png')}</button>
      </div>
      <div ref={element} role="img" aria-label={label} style={{ width: '100%', height }} />
    </figure>
  );
}

/** Draw an SVG onto a white canvas at twice its size and encode it as PNG. */
function svgToPng(svg: string): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const scale = 2;
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth * scale;
      canvas.height = image.naturalHeight * scale;
      const context = canvas.getContext('2d');
      if (!context) return reject(new Error('no canvas'));
      context.fillStyle = '#fff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png');
    };
    image.onerror = () => reject(new Error('the chart could not be drawn'));
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  });
}

import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { h } from '../shared/dom.js';

// Only what the Analytics tab draws, so the bundle carries no other chart types.
Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Legend,
  Tooltip,
);

export interface Series {
  label: string;
  data: number[];
  kind: 'bar' | 'line';
  color: string;
  /** Drawn against the right-hand axis (e.g. revenue beside counts). */
  right?: boolean;
}

/**
 * Appends a chart over the days, with its title, to `parent` (drawn once it is in the page, so it
 * takes the box's size); returns a function that destroys it.
 */
export function drawDailyChart(parent: HTMLElement, title: string, days: string[], series: Series[]): () => void {
  const canvas = h('canvas', { role: 'img', 'aria-label': `${title}, per day` });
  parent.append(
    h('figure', { class: 'chart' }, h('figcaption', { text: title }), h('div', { class: 'chart-box' }, canvas)),
  );
  const chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: days.map((d) => d.slice(5)),
      datasets: series.map((s) => ({
        type: s.kind,
        label: s.label,
        data: s.data,
        backgroundColor: s.color,
        borderColor: s.color,
        yAxisID: s.right ? 'right' : 'y',
        pointRadius: 2,
      })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { position: 'bottom' } },
      scales: {
        y: { beginAtZero: true, ticks: { precision: 0 } },
        ...(series.some((s) => s.right)
          ? { right: { beginAtZero: true, position: 'right' as const, grid: { drawOnChartArea: false } } }
          : {}),
      },
    },
  });
  return () => chart.destroy();
}

// A weekly line chart with uPlot (loaded by index.html as window.uPlot), with a text fallback if it is missing.

import {h} from '../ui.js';

// weeks: ['2026-09-14', ...] (Mondays); series: [{label, values, color, dash}]
export function weeklyChart(weeks, series) {
  const el = h('div', {class: 'chart', 'data-testid': 'weekly-chart', role: 'img',
    'aria-label': `Requests per week over the last ${weeks.length} weeks: ${series.map(s => `${s.label.toLowerCase()} ${s.values.reduce((a, b) => a + b, 0)} in all`).join(', ')}. The numbers are in the table below.`});
  const uPlot = window.uPlot;
  if (!uPlot) {
    el.append(h('p', {class: 'muted'}, 'The chart library did not load; the numbers are below.'));
    return {el, destroy() {}};
  }
  const xs = weeks.map(w => Date.parse(`${w}T00:00:00Z`) / 1000);
  const max = Math.max(1, ...series.flatMap(s => s.values));
  let plot;
  const opts = width => ({
    width, height: 240,
    legend: {live: false},
    scales: {x: {time: true}, y: {range: [0, Math.ceil(max * 1.15)]}},
    series: [{label: 'Week of', value: (u, v) => v == null ? '—' : new Date(v * 1000).toISOString().slice(0, 10)},
      ...series.map(s => ({label: s.label, stroke: s.color, width: 2, dash: s.dash, points: {show: true, size: 6},
        value: (u, v) => v == null ? '—' : String(v)}))],
    axes: [{incrs: [604800, 1209600, 2419200], values: (u, vals) => vals.map(v => new Date(v * 1000).toLocaleDateString(undefined, {day: 'numeric', month: 'short', timeZone: 'UTC'}))},
      {incrs: [1, 2, 5, 10, 20, 50, 100], values: (u, vals) => vals.map(v => String(v))}],
  });
  const draw = () => {
    const width = Math.max(280, el.clientWidth || 600);
    if (plot) { plot.setSize({width, height: 240}); return; }
    plot = new uPlot(opts(width), [xs, ...series.map(s => s.values)], el);
  };
  // The panel is not in the document yet: draw once it is laid out, then follow its width.
  const ro = new ResizeObserver(() => { if (el.isConnected && el.clientWidth) draw(); });
  ro.observe(el);
  return {el, destroy() { ro.disconnect(); if (plot) plot.destroy(); }};
}

// ECharts helpers: one chart per container, resized with the window. Animation is off when a
// browser is driven by automation (`navigator.webdriver`), so screenshots show final values.
/* global echarts */

const charts = new Set();

/** Disposes every chart (before a page is replaced). */
export function disposeCharts() {
  for (const c of charts) c.dispose();
  charts.clear();
}

window.addEventListener('resize', () => {
  for (const c of charts) c.resize();
});

export const SEVERITY_COLOURS = { low: '#8fb3d9', medium: '#f2c14e', high: '#f08a4b', critical: '#c0392b' };

/** Draws `option` into `el` (which carries a text alternative for screen readers). */
export function chart(el, option) {
  const c = echarts.init(el, null, { renderer: 'canvas' });
  c.setOption({
    animation: !navigator.webdriver,
    textStyle: { fontFamily: '"WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif' },
    ...option,
  });
  charts.add(c);
  return c;
}

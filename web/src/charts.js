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

/**
 * Positions for a star graph — one centre and `n` spokes — computed, not simulated: the centre at
 * the origin, the spokes on concentric circles (12 on the first, 12 more on each next one), evenly
 * spaced and clockwise from the top. A force layout starts from random positions and iterates, so
 * the same profile looked different from one load to the next (and a screenshot could not be
 * compared); this one is the same every time. Returns `n` [x, y] pairs.
 */
export function starPositions(n) {
  const out = [];
  for (let ring = 1; out.length < n; ring++) {
    const k = Math.min(12 * ring, n - out.length);
    for (let i = 0; i < k; i++) {
      // Each ring turned by half a step against the one inside it, so spokes do not line up.
      const a = -Math.PI / 2 + (2 * Math.PI * (i + (ring % 2 === 0 ? 0.5 : 0))) / k;
      out.push([Math.round(120 * ring * Math.cos(a) * 1000) / 1000, Math.round(120 * ring * Math.sin(a) * 1000) / 1000]);
    }
  }
  return out;
}

/**
 * A star graph: `centre` (an ECharts node without position) linked to each of `spokes` (nodes;
 * `links[i]`, if given, is merged into the link to spoke i), laid out by `starPositions`. Node
 * ids must be unique (a repeated id is dropped with its link: ECharts would refuse the graph).
 */
export function starGraph(el, centre, spokes, { links = [], label = { show: true, position: 'bottom', fontSize: 11 }, edgeLabel } = {}) {
  const seen = new Set([centre.id]);
  const kept = [];
  const keptLinks = [];
  spokes.forEach((s, i) => {
    if (seen.has(s.id)) return;
    seen.add(s.id);
    kept.push(s);
    keptLinks.push({ source: centre.id, target: s.id, ...(links[i] || {}) });
  });
  const at = starPositions(kept.length);
  return chart(el, {
    tooltip: {},
    series: [
      {
        type: 'graph',
        layout: 'none',
        // Circles stay circles: the positions are scaled alike in both directions to fit the box.
        preserveAspect: true,
        left: 90,
        right: 90,
        top: 40,
        bottom: 50,
        roam: true,
        label,
        ...(edgeLabel ? { edgeLabel } : {}),
        data: [{ ...centre, x: 0, y: 0 }, ...kept.map((s, i) => ({ ...s, x: at[i][0], y: at[i][1] }))],
        links: keptLinks,
      },
    ],
  });
}

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

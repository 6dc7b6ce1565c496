// Draws the report's charts from the run embedded in the page (and the previous run, when
// there is one). Each figure gets the chart its data-chart attribute names. When all are
// drawn, the body says how many and how many points they hold (data-charts, data-points);
// when drawing fails, it says why (data-error). The browser test reads those.
(function () {
  'use strict';

  const body = document.body;
  window.addEventListener('error', (event) => { body.dataset.error = String(event.message); });

  // No red in the palette: red is the capacity, the line every other is read against.
  const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#9467bd', '#17becf', '#8c564b', '#e377c2', '#bcbd22',
    '#7f7f7f', '#393b79'];
  const CAPACITY = { color: '#d62728', width: 1.5 };
  // Totals first and in black, then the classes as the gateway ranks them, then the rest.
  const TOTALS = ['all', 'machine'];
  const KNOWN = TOTALS.concat(['checkout', 'transfer', 'read', 'background']);
  const PREVIOUS_DASH = [8, 5];

  function embedded(id) {
    const script = document.getElementById(id);
    return script ? JSON.parse(script.textContent) : null;
  }

  // A figure, or null when there is none to draw (a number may arrive as "NaN").
  function number(value) {
    const n = Number(value);
    return value === null || value === undefined || !Number.isFinite(n) ? null : n;
  }

  function total(counts) {
    return Object.values(counts || {}).reduce((sum, n) => sum + (number(n) || 0), 0);
  }

  // The names found in one map of every second, known ones first, as the tables order them.
  function names(run, field) {
    const found = new Set();
    run.seconds.forEach((second) => Object.keys(second[field] || {}).forEach((name) => found.add(name)));
    const rank = (name) => (KNOWN.includes(name) ? KNOWN.indexOf(name) : KNOWN.length);
    return [...found].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  }

  // The seconds of the given runs, in order: the x values of a chart over time.
  function timeline(...runs) {
    const seconds = new Set();
    runs.forEach((run) => run.seconds.forEach((second) => seconds.add(second.t)));
    return [...seconds].sort((a, b) => a - b);
  }

  // One figure of a run per x, null where the run has no such second.
  function column(xs, run, figure) {
    const byT = new Map(run.seconds.map((second) => [second.t, second]));
    return xs.map((t) => (byT.has(t) ? number(figure(byT.get(t))) : null));
  }

  function line(label, values, style) {
    return Object.assign({ label: label, values: values, color: PALETTE[0], width: 1.5 }, style);
  }

  function perName(xs, run, field, figure) {
    return names(run, field).map((name, i) => line(name, column(xs, run, (second) => figure((second[field] || {})[name])),
      { color: color(name, i) }));
  }

  function color(name, i) {
    return TOTALS.includes(name) ? '#000' : PALETTE[i % PALETTE.length];
  }

  function constant(xs, label, value, style) {
    return line(label, xs.map(() => value), Object.assign({}, CAPACITY, style));
  }

  function overTime(run, xs, y, lines, options) {
    return Object.assign({ xs: xs, x: 's since start', y: y, lines: lines, phases: run.phases }, options);
  }

  const CHARTS = {
    knee(run) {
      const steps = [...run.capacity.steps].sort((a, b) => a.offered - b.offered);
      const xs = steps.map((step) => step.offered);
      return {
        xs: xs, x: 'offered operations/s', y: 'operations/s', points: true,
        lines: [
          line('goodput', steps.map((step) => number(step.goodput)), { color: PALETTE[2], width: 2 }),
          line('goodput = offered', xs, { color: '#999', dash: [2, 4], width: 1 }),
          constant(xs, 'capacity', run.capacity.operationsPerSecond),
        ],
      };
    },
    operations(run) {
      const xs = timeline(run);
      return overTime(run, xs, 'operations/s', [
        line('offered', column(xs, run, (s) => total(s.offered)), { color: '#888' }),
        line('admitted', column(xs, run, (s) => total(s.admitted)), { color: PALETTE[0] }),
        line('succeeded', column(xs, run, (s) => total(s.succeeded)), { color: PALETTE[2], width: 2 }),
        constant(xs, 'capacity', run.capacity.operationsPerSecond),
      ]);
    },
    checkout(run, previous) {
      const xs = previous ? timeline(run, previous) : timeline(run);
      const lines = [
        line('checkout goodput', column(xs, run, (s) => (s.succeeded || {}).checkout || 0),
          { color: PALETTE[2], width: 2 }),
        constant(xs, 'checkouts/s capacity', run.capacity.checkoutsPerSecond),
      ];
      if (previous) {
        lines.push(line('previous checkout goodput', column(xs, previous, (s) => (s.succeeded || {}).checkout || 0),
          { color: '#555', dash: PREVIOUS_DASH }));
      }
      return overTime(run, xs, 'checkouts/s', lines);
    },
    latency(run, previous) {
      const xs = previous ? timeline(run, previous) : timeline(run);
      // A second with no answers has no latency; a log scale has no zero either.
      const ms = (percentile) => (latency) =>
        (latency && latency.count > 0 && latency[percentile] > 0 ? latency[percentile] : null);
      const lines = [];
      names(run, 'latency').forEach((zone, i) => {
        const all = zone === 'all';
        const at = (percentile) => column(xs, run, (s) => ms(percentile)((s.latency || {})[zone]));
        lines.push(line(zone + ' p50', at('p50'), { color: color(zone, i), width: 1, show: all }));
        lines.push(line(zone + ' p99', at('p99'), { color: color(zone, i), width: all ? 2.5 : 1.5 }));
        lines.push(line(zone + ' p99.9', at('p999'), { color: color(zone, i), width: 1, dash: [2, 2], show: all }));
      });
      if (previous) {
        lines.push(line('previous all p99', column(xs, previous, (s) => ms('p99')((s.latency || {}).all)),
          { color: '#555', width: 2, dash: PREVIOUS_DASH }));
      }
      return overTime(run, xs, 'ms', lines, { log: true });
    },
    // A full-link run: the shadow load (the run's seconds) and the real traffic beside it.
    fulllink(run) {
      const real = { seconds: run.fullLink.realSeconds, phases: run.phases };
      const xs = timeline(run, real);
      return overTime(run, xs, 'operations/s', [
        line('shadow offered', column(xs, run, (s) => total(s.offered)), { color: '#bbb' }),
        line('shadow succeeded', column(xs, run, (s) => total(s.succeeded)), { color: PALETTE[1], width: 2 }),
        line('real offered', column(xs, real, (s) => total(s.offered)), { color: '#777', dash: [4, 3] }),
        line('real succeeded', column(xs, real, (s) => total(s.succeeded)), { color: PALETTE[2], width: 2.5 }),
      ]);
    },
    fulllinklatency(run) {
      const real = { seconds: run.fullLink.realSeconds, phases: run.phases };
      const xs = timeline(run, real);
      const p99 = (s) => {
        const all = (s.latency || {}).all;
        return all && all.count > 0 && all.p99 > 0 ? all.p99 : null;
      };
      return overTime(run, xs, 'ms', [
        line('shadow checkout p99', column(xs, run, p99), { color: PALETTE[1], width: 2 }),
        line('real checkout p99', column(xs, real, p99), { color: PALETTE[2], width: 2.5 }),
      ], { log: true });
    },
    sheds(run) {
      const xs = timeline(run);
      return overTime(run, xs, 'operations shed/s', perName(xs, run, 'shed', (n) => n || 0));
    },
    errors(run) {
      const xs = timeline(run);
      return overTime(run, xs, 'errors/s', perName(xs, run, 'errors', (n) => n || 0));
    },
    water(run) {
      const xs = timeline(run);
      const lines = perName(xs, run, 'waterLevel', (level) => (level === undefined ? null : level));
      lines.push(constant(xs, 'capacity (1.0)', 1));
      return overTime(run, xs, 'load / capacity', lines);
    },
    cpu(run) {
      const xs = timeline(run);
      const lines = perName(xs, run, 'cpuMs', (ms) => (ms === undefined ? null : ms));
      lines.push(constant(xs, 'all ' + run.target.cores + ' cores', run.target.cores * 1000));
      return overTime(run, xs, 'CPU-ms/s', lines);
    },
  };

  // Shades every other phase and names each at its start, behind and above the lines.
  function phaseBands(phases) {
    const across = (u, phase) => [u.valToPos(phase.fromSecond, 'x', true), u.valToPos(phase.toSecond, 'x', true)];
    return {
      hooks: {
        drawClear: [(u) => {
          u.ctx.save();
          u.ctx.fillStyle = 'rgba(0, 0, 0, 0.05)';
          phases.forEach((phase, i) => {
            const [from, to] = across(u, phase);
            if (i % 2 === 1) u.ctx.fillRect(from, u.bbox.top, to - from, u.bbox.height);
          });
          u.ctx.restore();
        }],
        draw: [(u) => {
          const ratio = uPlot.pxRatio;
          u.ctx.save();
          u.ctx.font = (11 * ratio) + 'px sans-serif';
          u.ctx.textAlign = 'left';
          u.ctx.textBaseline = 'top';
          u.ctx.fillStyle = '#555';
          u.ctx.strokeStyle = '#aaa';
          u.ctx.lineWidth = ratio;
          u.ctx.setLineDash([]);
          phases.forEach((phase) => {
            const [from] = across(u, phase);
            if (from < u.bbox.left || from > u.bbox.left + u.bbox.width) return;
            u.ctx.beginPath();
            u.ctx.moveTo(from, u.bbox.top);
            u.ctx.lineTo(from, u.bbox.top + u.bbox.height);
            u.ctx.stroke();
            u.ctx.fillText(phase.name, from + 4 * ratio, u.bbox.top + 3 * ratio);
          });
          u.ctx.restore();
        }],
      },
    };
  }

  function width(figure) {
    return Math.max(figure.clientWidth, 480);
  }

  // Draws one chart into its figure and answers how many points its lines hold.
  function draw(figure, chart) {
    const options = {
      width: width(figure),
      height: 300,
      scales: { x: { time: false }, y: chart.log ? { distr: 3 } : {} },
      axes: [{ label: chart.x }, { label: chart.y, size: 70 }],
      series: [{ label: chart.x }].concat(chart.lines.map((l) => ({
        label: l.label, stroke: l.color, width: l.width, dash: l.dash, show: l.show !== false,
        points: { show: chart.points === true },
      }))),
      plugins: chart.phases ? [phaseBands(chart.phases)] : [],
    };
    const plot = new uPlot(options, [chart.xs].concat(chart.lines.map((l) => l.values)), figure);
    window.addEventListener('resize', () => plot.setSize({ width: width(figure), height: 300 }));
    return chart.lines.reduce((points, l) => points + l.values.filter((v) => v !== null).length, 0);
  }

  try {
    const run = embedded('zonepay-run');
    const previous = embedded('zonepay-previous');
    let charts = 0;
    let points = 0;
    document.querySelectorAll('[data-chart]').forEach((figure) => {
      const chart = CHARTS[figure.dataset.chart];
      if (!chart) throw new Error('no chart named ' + figure.dataset.chart);
      points += draw(figure, chart(run, previous));
      charts += 1;
    });
    body.dataset.charts = String(charts);
    body.dataset.points = String(points);
  } catch (error) {
    body.dataset.error = error && error.message ? error.message : String(error);
  }
})();

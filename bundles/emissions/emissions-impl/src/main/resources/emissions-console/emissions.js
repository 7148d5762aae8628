/*
 * Script of the console's Emissions page (EmissionsPage serves it as res/emissions.js: the console allows no inline
 * script). Draws the page's line charts with uPlot from chart.json: the alliance roll-up per year, and, when a member
 * is chosen (data-member), the member's scope 1, scope 2 (market) and scope 3 per year with its target line. Text
 * goes into the page as textContent only.
 */
(function () {
  'use strict';

  var page = document.getElementById('emissions');
  if (!page) {
    return;
  }
  var root = page.getAttribute('data-root');
  var member = page.getAttribute('data-member');
  var chartStatus = document.getElementById('em-chart-status');

  function num(v) {
    return v === null || v === undefined ? null : Number(v);
  }

  function tonnes(v) {
    return v === null || v === undefined ? '-' : Number(v).toLocaleString(undefined, { maximumFractionDigits: 1 });
  }

  /*
   * One line per series over the years; nulls are gaps. Without any year, one empty year (this one) so that the
   * axes still draw.
   */
  function lineChart(container, years, series) {
    var xs = years.length ? years : [new Date().getFullYear()];
    var data = [xs].concat(series.map(function (s) {
      return years.length ? s.values : [null];
    }));
    var opts = {
      width: Math.max(320, container.clientWidth || 640),
      height: 280,
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: { time: false, range: function () { return [xs[0] - 0.5, xs[xs.length - 1] + 0.5]; } },
        y: {
          range: function (u, min, max) {
            return [0, Math.max(1, max === null || isNaN(max) ? 1 : max) * 1.1];
          }
        }
      },
      axes: [
        {
          splits: function () { return xs; },
          values: function (u, splits) {
            var every = Math.ceil(xs.length / 12);
            return splits.map(function (y, i) { return (xs.length - 1 - i) % every === 0 ? String(y) : ''; });
          }
        },
        {
          size: 70,
          values: function (u, splits) { return splits.map(function (v) { return tonnes(v); }); }
        }
      ],
      series: [{ label: 'Year', value: function (u, v) { return v === null ? '-' : String(v); } }]
        .concat(series.map(function (s) {
          return {
            label: s.label,
            stroke: s.color,
            width: 2,
            dash: s.dash,
            spanGaps: !!s.spanGaps,
            points: { show: true, size: 5 },
            value: function (u, v) { return tonnes(v); }
          };
        }))
    };
    container.setAttribute('aria-label', series.map(function (s) {
      return s.label + ': ' + years.map(function (y, i) { return y + ' ' + tonnes(s.values[i]); }).join(', ');
    }).join('; '));
    return new uPlot(opts, data, container);
  }

  function rollupChart(points) {
    var container = document.getElementById('em-chart-rollup');
    if (!container) {
      return;
    }
    var years = points.map(function (p) { return p.year; });
    lineChart(container, years, [
      { label: 'Scope 1', color: 'rgb(198, 40, 40)', values: points.map(function (p) { return num(p.scope1); }) },
      { label: 'Scope 2 (market)', color: 'rgb(21, 101, 192)',
        values: points.map(function (p) { return num(p.scope2Market); }) },
      { label: 'Scope 3', color: 'rgb(46, 125, 50)', values: points.map(function (p) { return num(p.scope3); }) }
    ]);
  }

  function memberChart(series) {
    var container = document.getElementById('em-chart-member');
    if (!container || !series) {
      return;
    }
    var years = series.years.map(function (y) { return y.year; });
    var lines = [
      { label: 'Scope 1', color: 'rgb(198, 40, 40)',
        values: series.years.map(function (y) { return num(y.scope1); }) },
      { label: 'Scope 2 (market)', color: 'rgb(21, 101, 192)',
        values: series.years.map(function (y) { return num(y.scope2Market); }) },
      { label: 'Scope 3', color: 'rgb(46, 125, 50)',
        values: series.years.map(function (y) { return num(y.scope3); }) }
    ];
    if (series.target && series.target.drawn) {
      lines.push({ label: 'Target (' + series.target.scopes.join(' + ') + ')', color: 'rgb(97, 97, 97)',
        dash: [6, 4], spanGaps: true, values: series.years.map(function (y) { return num(y.target); }) });
    }
    lineChart(container, years, lines);
  }

  if (typeof uPlot === 'undefined') {
    chartStatus.textContent = 'The charts could not be drawn: uPlot did not load.';
    return;
  }
  var url = root + '/chart.json' + (member ? '?member=' + encodeURIComponent(member) : '');
  fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function (r) {
      return r.ok ? r.json() : Promise.reject(new Error('HTTP ' + r.status));
    })
    .then(function (chart) {
      rollupChart(chart.rollup || []);
      memberChart(chart.member);
      chartStatus.textContent = '';
    }, function (e) {
      chartStatus.textContent = 'The charts could not be loaded: ' + e.message;
    });
}());

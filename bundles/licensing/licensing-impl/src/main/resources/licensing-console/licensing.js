/*
 * Script of the console's Licensing page (LicensingPage serves it as res/licensing.js: the console allows no inline
 * script). Draws the page's two bar charts with uPlot from chart.json: licences granted per month over the last
 * 24 months, and active licences by climate tag. Text goes into the page as textContent only.
 */
(function () {
  'use strict';

  var page = document.getElementById('licensing');
  if (!page) {
    return;
  }
  var root = page.getAttribute('data-root');
  var chartStatus = document.getElementById('lc-chart-status');

  function shorten(label) {
    return label.length > 14 ? label.slice(0, 13) + '\u2026' : label;
  }

  /* One bar per value; x is the value's position, its label written on the axis (every third of many). */
  function barChart(container, bars, series, color) {
    var labels = bars.length ? bars.map(function (b) { return b.label; }) : ['(none)'];
    var counts = bars.length ? bars.map(function (b) { return b.count; }) : [0];
    var xs = labels.map(function (_, i) { return i; });
    var every = labels.length > 12 ? 3 : 1;
    var opts = {
      width: Math.max(320, container.clientWidth || 480),
      height: 260,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: { time: false, range: function () { return [-0.5, labels.length - 0.5]; } },
        y: { range: function (u, min, max) { return [0, Math.max(1, max) * 1.1]; } }
      },
      axes: [
        {
          splits: function () { return xs; },
          values: function (u, splits) {
            return splits.map(function (i) {
              return (labels.length - 1 - i) % every === 0 ? shorten(labels[i] || '') : '';
            });
          }
        },
        {
          values: function (u, splits) {
            return splits.map(function (v) { return Number.isInteger(v) ? String(v) : ''; });
          }
        }
      ],
      series: [{}, {
        label: series,
        stroke: color,
        fill: color,
        width: 1,
        points: { show: false },
        paths: uPlot.paths.bars({ size: [0.6, 80] })
      }]
    };
    container.setAttribute('aria-label', bars.map(function (b) { return b.label + ': ' + b.count; }).join(', '));
    return new uPlot(opts, [xs, counts], container);
  }

  if (typeof uPlot === 'undefined') {
    chartStatus.textContent = 'The charts could not be drawn: uPlot did not load.';
    return;
  }
  fetch(root + '/chart.json', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function (r) {
      return r.ok ? r.json() : Promise.reject(new Error('HTTP ' + r.status));
    })
    .then(function (chart) {
      barChart(document.getElementById('lc-chart-months'), chart.grantedPerMonth, 'Licences granted',
        'rgba(46, 125, 50, 0.6)');
      barChart(document.getElementById('lc-chart-tags'), chart.byClimateTag, 'Active licences',
        'rgba(21, 101, 192, 0.6)');
      chartStatus.textContent = chart.activeLicences + ' active licences held by ' + chart.licensees
        + ' licensees.';
    }, function (e) {
      chartStatus.textContent = 'The charts could not be loaded: ' + e.message;
    });
}());

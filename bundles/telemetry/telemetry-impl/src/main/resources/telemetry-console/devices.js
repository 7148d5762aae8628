/*
 * Script of the console's Devices page (DevicesPage serves it as res/devices.js: the console allows no inline
 * script). When the page names a device and metric (data-device, data-metric, data-from, data-to), draws its series
 * with uPlot from chart.json: the raw readings, or for a rollup the mean with the minimum and maximum. Choosing
 * another device resets the metric to the device's first. Text goes into the page as textContent only.
 */
(function () {
  'use strict';

  var page = document.getElementById('devices');
  if (!page) {
    return;
  }
  var deviceSelect = document.getElementById('tm-device-select');
  var metricSelect = document.getElementById('tm-metric-select');
  if (deviceSelect && metricSelect) {
    deviceSelect.addEventListener('change', function () {
      metricSelect.value = '';
    });
  }

  var root = page.getAttribute('data-root');
  var device = page.getAttribute('data-device');
  var container = document.getElementById('tm-chart');
  var chartStatus = document.getElementById('tm-chart-status');
  if (!device || !container) {
    return;
  }

  function num(v) {
    return v === null || v === undefined ? null : Number(v);
  }

  function shown(v) {
    return v === null || v === undefined ? '-' : Number(v).toLocaleString(undefined, { maximumFractionDigits: 3 });
  }

  function draw(series) {
    var raw = series.resolution === 'raw';
    var points = series.points || [];
    var from = Date.parse(series.from) / 1000;
    var to = Date.parse(series.to) / 1000;
    // Without any point, the range's two ends with no value, so that the axes still draw.
    var xs = points.length ? points.map(function (p) { return Date.parse(p.t) / 1000; }) : [from, to];
    var lines = raw
      ? [{ label: series.metric, color: 'rgb(21, 101, 192)',
          values: points.map(function (p) { return num(p.value); }) }]
      : [{ label: series.metric + ' (mean)', color: 'rgb(21, 101, 192)',
          values: points.map(function (p) { return num(p.mean); }) },
        { label: 'minimum', color: 'rgb(120, 144, 156)', dash: [4, 4],
          values: points.map(function (p) { return num(p.min); }) },
        { label: 'maximum', color: 'rgb(198, 40, 40)', dash: [4, 4],
          values: points.map(function (p) { return num(p.max); }) }];
    var data = [xs].concat(lines.map(function (l) {
      return points.length ? l.values : [null, null];
    }));
    var opts = {
      width: Math.max(320, container.clientWidth || 800),
      height: 300,
      scales: {
        x: { time: true, range: function () { return [from, to]; } },
        y: {
          range: function (u, min, max) {
            if (min === null || max === null || isNaN(min) || isNaN(max)) {
              return [0, 1];
            }
            var pad = min === max ? Math.max(1, Math.abs(min) * 0.1) : (max - min) * 0.05;
            return [min - pad, max + pad];
          }
        }
      },
      axes: [
        {},
        { size: 80, values: function (u, splits) { return splits.map(shown); } }
      ],
      series: [{ label: 'Time (UTC)' }].concat(lines.map(function (l) {
        return {
          label: l.label + ', ' + series.unit,
          stroke: l.color,
          width: l.dash ? 1 : 2,
          dash: l.dash,
          points: { show: raw && points.length <= 200, size: 4 },
          value: function (u, v) { return shown(v); }
        };
      }))
    };
    container.setAttribute('aria-label', series.metric + ' of ' + series.deviceName + ', ' + series.resolution
      + ', ' + points.length + ' points');
    return new uPlot(opts, data, container);
  }

  if (typeof uPlot === 'undefined') {
    chartStatus.textContent = 'The chart could not be drawn: uPlot did not load.';
    return;
  }
  var url = root + '/chart.json?device=' + encodeURIComponent(device)
    + '&metric=' + encodeURIComponent(page.getAttribute('data-metric') || '')
    + '&from=' + encodeURIComponent(page.getAttribute('data-from') || '')
    + '&to=' + encodeURIComponent(page.getAttribute('data-to') || '');
  fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function (r) {
      return r.ok ? r.json() : r.json().then(function (e) {
        return Promise.reject(new Error(e && e.error ? e.error.message : 'HTTP ' + r.status));
      }, function () {
        return Promise.reject(new Error('HTTP ' + r.status));
      });
    })
    .then(function (series) {
      draw(series);
      chartStatus.textContent = '';
    }, function (e) {
      chartStatus.textContent = 'The chart could not be loaded: ' + e.message;
    });
}());

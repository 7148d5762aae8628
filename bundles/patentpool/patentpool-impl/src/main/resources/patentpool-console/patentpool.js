/*
 * Script of the console's Patent pool page (PatentPoolPage serves it as res/patentpool.js: the console allows no
 * inline script). Refreshes the imports table every 2 s from imports.json, uploads a file to import with fetch()
 * (the file as the raw body, the page's CSRF token in a header), and draws the pool's bar charts with uPlot from
 * chart.json. Text goes into the page as textContent only.
 */
(function () {
  'use strict';

  var page = document.getElementById('patentpool');
  if (!page) {
    return;
  }
  var root = page.getAttribute('data-root');
  var ACTIVE = { queued: true, running: true };
  var COUNTS = ['itemsRead', 'imported', 'updated', 'unchanged', 'rejected'];

  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text === null || text === undefined ? '' : String(text);
    row.appendChild(td);
    return td;
  }

  /* No total is known while a job runs: an indeterminate bar, then a full one when done. */
  function progress(job) {
    var bar = document.createElement('progress');
    if (!ACTIVE[job.state]) {
      bar.max = 1;
      bar.value = job.state === 'done' ? 1 : 0;
    }
    bar.title = job.itemsRead + ' items read';
    return bar;
  }

  function renderJobs(jobs) {
    var body = document.getElementById('pp-imports-rows');
    var rows = jobs.map(function (job) {
      var tr = document.createElement('tr');
      tr.setAttribute('data-job', job.id);
      cell(tr, job.createdAt);
      cell(tr, job.fileName);
      cell(tr, job.format);
      cell(tr, job.createdBy);
      cell(tr, job.member === null ? '(named per row)' : job.member);
      cell(tr, job.state);
      cell(tr, '').appendChild(progress(job));
      COUNTS.forEach(function (name) { cell(tr, job[name]); });
      cell(tr, job.message);
      return tr;
    });
    body.replaceChildren.apply(body, rows);
  }

  function getJson(path) {
    return fetch(root + path, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) {
        return r.ok ? r.json() : Promise.reject(new Error('HTTP ' + r.status));
      });
  }

  function refreshJobs() {
    return getJson('/imports.json').then(function (data) { renderJobs(data.items); }, function () {
      /* a failed refresh is retried in 2 s */
    });
  }

  var form = document.getElementById('pp-upload');
  var status = document.getElementById('pp-upload-status');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var file = form.elements.file.files[0];
    if (!file) {
      status.textContent = 'Choose a file first.';
      return;
    }
    var url = root + '/import?format=' + encodeURIComponent(form.elements.format.value)
      + '&fileName=' + encodeURIComponent(file.name);
    status.textContent = 'Uploading ' + file.name + '\u2026';
    fetch(url, {
      method: 'POST',
      body: file,
      credentials: 'same-origin',
      headers: { 'X-CSRF-Token': form.elements.csrf.value, 'Content-Type': file.type || 'application/octet-stream' }
    }).then(function (r) {
      return r.json().catch(function () { return null; }).then(function (answer) {
        status.textContent = r.ok ? 'Queued: ' + file.name + ' (job ' + answer.id + ').'
          : 'Refused (' + r.status + '): ' + (answer && answer.error ? answer.error.message : r.statusText);
        refreshJobs();
      });
    }, function (e) {
      status.textContent = 'The upload failed: ' + e.message;
    });
  });
  setInterval(refreshJobs, 2000);

  function shorten(label) {
    return label.length > 14 ? label.slice(0, 13) + '\u2026' : label;
  }

  /* One bar per value; x is the value's position, its label written on the axis. */
  function barChart(container, values) {
    var labels = values.length ? values.map(function (v) { return v.label; }) : ['(none)'];
    var counts = values.length ? values.map(function (v) { return v.count; }) : [0];
    var xs = labels.map(function (_, i) { return i; });
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
          values: function (u, splits) { return splits.map(function (i) { return shorten(labels[i] || ''); }); }
        },
        {
          values: function (u, splits) {
            return splits.map(function (v) { return Number.isInteger(v) ? String(v) : ''; });
          }
        }
      ],
      series: [{}, {
        label: 'Patents',
        stroke: '#2e7d32',
        fill: 'rgba(46, 125, 50, 0.55)',
        width: 1,
        points: { show: false },
        paths: uPlot.paths.bars({ size: [0.6, 80] })
      }]
    };
    container.setAttribute('aria-label', values.map(function (v) { return v.label + ': ' + v.count; }).join(', '));
    return new uPlot(opts, [xs, counts], container);
  }

  var chartStatus = document.getElementById('pp-chart-status');
  if (typeof uPlot === 'undefined') {
    chartStatus.textContent = 'The charts could not be drawn: uPlot did not load.';
    return;
  }
  getJson('/chart.json').then(function (chart) {
    barChart(document.getElementById('pp-chart-tags'), chart.climateTag);
    barChart(document.getElementById('pp-chart-members'), chart.member);
    chartStatus.textContent = chart.total + ' patents in the pool (the 20 largest members are shown).';
  }, function (e) {
    chartStatus.textContent = 'The charts could not be loaded: ' + e.message;
  });
}());

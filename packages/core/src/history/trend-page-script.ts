/**
 * The style and the script that index.html of the trend page carries inline. The script reads
 * the global that data.js sets (its layout is `TrendData` in trend-page.ts) and draws each chart
 * as SVG and each table with DOM calls only: every name and value from the history is set with
 * `textContent` or `setAttribute`, never parsed as markup, and a link is made only of an
 * http(s) address (data.js holds no other, the script checks again).
 *
 * A fragment `#experiment=<name>&commit=<sha>` (or `&version=<version>`, see `trendPointUrl`)
 * lands on one run: the experiment's first chart scrolled into view, every point of that run
 * marked, focus on the first one's link. The fragment is anyone's to write, so its values are
 * only ever compared with data attributes, never put into a selector or markup.
 */

export const TREND_PAGE_STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #1f2328; background: #fff; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #d0d7de; }
.note { color: #59636e; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem; }
figure.chart { margin: 0; border: 1px solid #d0d7de; border-radius: 6px; padding: .5rem; }
figcaption { font-weight: 600; margin-bottom: .25rem; overflow-wrap: anywhere; max-width: 640px; }
svg text { font-size: 11px; fill: #59636e; }
.axis { stroke: #d0d7de; }
.band { fill: #0969da; fill-opacity: .15; }
.line { fill: none; stroke: #0969da; stroke-width: 1.5; }
.whisker { stroke: #0969da; stroke-opacity: .4; }
.threshold { stroke: #cf222e; stroke-dasharray: 4 3; }
a.point circle { fill: #0969da; }
a.point.failed circle { fill: #cf222e; }
a.point:hover circle { r: 5; }
a.point.highlight circle { fill: #bf8700; stroke: #1f2328; stroke-width: 2; }
a.point:focus { outline: none; }
a.point:focus circle { stroke: #1f2328; stroke-width: 3; }
tr.run.highlight td { background: #fff8c5; }
#trend-link { font-weight: 600; color: #9a6700; }
table { border-collapse: collapse; margin-top: 1rem; }
th, td { border: 1px solid #d0d7de; padding: .2rem .5rem; text-align: left; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
`;

export const TREND_PAGE_SCRIPT = `
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var W = 640, H = 200, L = 56, R = 12, T = 10, B = 24;
  var main = document.getElementById('trends');
  var data = window.mlActionsTrendData;
  function el(name, attributes, text, ns) {
    var node = ns ? document.createElementNS(SVG, name) : document.createElement(name);
    for (var key in attributes) node.setAttribute(key, String(attributes[key]));
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function link(url, text) {
    if (typeof url !== 'string' || !/^https?:\\/\\//i.test(url)) return document.createTextNode(text);
    return el('a', { href: url }, text);
  }
  // A link inside the repository is written as its path (data.js stays short); null is no link.
  function address(link) {
    if (typeof link !== 'string') return null;
    var url = link.charAt(0) === '/' && data.repositoryUrl !== null ? data.repositoryUrl + link : link;
    return /^https?:\\/\\//i.test(url) ? url : null;
  }
  function num(value) {
    if (value === null || value === undefined) return '';
    var abs = Math.abs(value);
    return abs !== 0 && (abs < 1e-3 || abs >= 1e6) ? value.toExponential(3) : String(Number(value.toPrecision(4)));
  }
  function verdict(passed) { return passed === 1 ? 'pass' : passed === 0 ? 'fail' : '-'; }
  if (!data || data.version !== 1) {
    main.appendChild(el('p', { 'class': 'note' }, 'The data of this page (data.js, next to index.html) is missing or of another version.'));
    return;
  }
  data.experiments.forEach(function (experiment) {
    var section = el('section', { 'class': 'experiment', 'data-experiment': experiment.name });
    section.appendChild(el('h2', {}, experiment.label));
    section.appendChild(el('p', { 'class': 'note' }, experiment.total + ' runs; charts show up to ' + data.maxPoints + ' of them (first, last and each stretch\\u2019s lowest and highest).'));
    var charts = el('div', { 'class': 'charts' });
    experiment.charts.forEach(function (chart) { charts.appendChild(drawChart(experiment, chart)); });
    section.appendChild(charts);
    if (experiment.omittedMetrics > 0) {
      section.appendChild(el('p', { 'class': 'note' }, experiment.omittedMetrics + ' more metrics are in the history but not charted.'));
    }
    section.appendChild(drawTable(experiment));
    main.appendChild(section);
  });
  var status = el('p', { id: 'trend-link', 'class': 'note', role: 'status' });
  status.hidden = true;
  main.parentNode.insertBefore(status, main);
  followFragment();
  window.addEventListener('hashchange', followFragment);

  // experiment, commit and version of a fragment such as #experiment=train&commit=<sha>; null without an experiment.
  function fragmentTarget() {
    var target = { experiment: null, commit: null, version: null };
    location.hash.replace(/^#/, '').split('&').forEach(function (pair) {
      var at = pair.indexOf('=');
      if (at < 1) return;
      var key = pair.slice(0, at), value;
      try { value = decodeURIComponent(pair.slice(at + 1)); } catch (error) { return; }
      if (key === 'experiment' || key === 'commit' || key === 'version') target[key] = value;
    });
    return target.experiment === null ? null : target;
  }
  function unmark() {
    Array.prototype.forEach.call(main.querySelectorAll('.highlight'), function (node) {
      node.classList.remove('highlight');
      if (node.classList.contains('point')) node.querySelector('circle').setAttribute('r', '3');
    });
    status.hidden = true;
    status.textContent = '';
  }
  function say(text) {
    status.textContent = text;
    status.hidden = false;
  }
  function followFragment() {
    unmark();
    var target = fragmentTarget();
    if (target === null) return;
    var section = null;
    Array.prototype.forEach.call(main.querySelectorAll('section.experiment'), function (candidate) {
      if (section === null && candidate.getAttribute('data-experiment') === target.experiment) section = candidate;
    });
    if (section === null) { say('no experiment ' + target.experiment + ' in the history yet'); return; }
    var chart = section.querySelector('figure.chart');
    (chart || section).scrollIntoView({ block: 'start' });
    if (target.commit === null && target.version === null) return;
    var attribute = target.commit === null ? 'data-version' : 'data-commit';
    var wanted = target.commit === null ? target.version : target.commit.toLowerCase();
    var matches = function (node) { return node.getAttribute(attribute) === wanted; };
    var points = Array.prototype.filter.call(section.querySelectorAll('a.point'), matches);
    var rows = Array.prototype.filter.call(section.querySelectorAll('tr.run'), matches);
    points.forEach(function (point) {
      point.classList.add('highlight');
      point.querySelector('circle').setAttribute('r', '6');
    });
    rows.forEach(function (row) { row.classList.add('highlight'); });
    if (points.length === 0 && rows.length === 0) {
      say('no run of ' + (target.commit === null ? 'version ' + target.version : 'commit ' + target.commit.slice(0, 7)) +
        ' in the history yet');
      return;
    }
    // Keyboard users land on the run: its first point, else its row's commit link.
    var first = points[0] || rows[0].querySelector('a');
    if (!first) return;
    // A point without a commit link is not focusable by itself.
    if (!first.hasAttribute('href')) first.setAttribute('tabindex', '-1');
    first.focus({ preventScroll: true });
  }

  function drawChart(experiment, chart) {
    var figure = el('figure', { 'class': 'chart', 'data-experiment': experiment.name, 'data-metric': chart.metric });
    figure.appendChild(el('figcaption', {}, chart.label));
    var svg = el('svg', { viewBox: '0 0 ' + W + ' ' + H, width: W, height: H, role: 'img' }, undefined, true);
    var lo = Infinity, hi = -Infinity;
    chart.points.forEach(function (p) {
      var std = p[3] === null ? 0 : p[3];
      lo = Math.min(lo, p[4], p[2] - std); hi = Math.max(hi, p[5], p[2] + std);
    });
    chart.thresholds.forEach(function (t) { lo = Math.min(lo, t[1]); hi = Math.max(hi, t[1]); });
    if (!(hi > lo)) { lo -= 1; hi += 1; }
    var last = Math.max(1, experiment.total - 1);
    function x(i) { return L + (i / last) * (W - L - R); }
    function y(v) { return T + (1 - (v - lo) / (hi - lo)) * (H - T - B); }
    svg.appendChild(el('line', { 'class': 'axis', x1: L, x2: L, y1: T, y2: H - B }, undefined, true));
    svg.appendChild(el('line', { 'class': 'axis', x1: L, x2: W - R, y1: H - B, y2: H - B }, undefined, true));
    svg.appendChild(el('text', { x: L - 4, y: T + 8, 'text-anchor': 'end' }, num(hi), true));
    svg.appendChild(el('text', { x: L - 4, y: H - B, 'text-anchor': 'end' }, num(lo), true));
    var first = chart.points[0], newest = chart.points[chart.points.length - 1];
    if (first) svg.appendChild(el('text', { x: x(first[0]), y: H - 6 }, experiment.runs[first[1]][0].slice(0, 7), true));
    if (newest && newest !== first) svg.appendChild(el('text', { x: x(newest[0]), y: H - 6, 'text-anchor': 'end' }, experiment.runs[newest[1]][0].slice(0, 7), true));
    var upper = [], lower = [], line = [];
    chart.points.forEach(function (p) {
      var std = p[3] === null ? 0 : p[3], px = x(p[0]).toFixed(1);
      upper.push(px + ',' + y(p[2] + std).toFixed(1));
      lower.unshift(px + ',' + y(p[2] - std).toFixed(1));
      line.push(px + ',' + y(p[2]).toFixed(1));
    });
    svg.appendChild(el('polygon', { 'class': 'band', points: upper.concat(lower).join(' ') }, undefined, true));
    svg.appendChild(el('polyline', { 'class': 'line', points: line.join(' ') }, undefined, true));
    chart.thresholds.forEach(function (t) {
      var ty = y(t[1]).toFixed(1);
      var rule = el('line', { 'class': 'threshold', 'data-rule': t[0], 'data-value': t[1], x1: L, x2: W - R, y1: ty, y2: ty }, undefined, true);
      rule.appendChild(el('title', {}, 'gate: ' + t[0], true));
      svg.appendChild(rule);
    });
    chart.points.forEach(function (p) {
      var run = experiment.runs[p[1]], px = x(p[0]);
      svg.appendChild(el('line', { 'class': 'whisker', x1: px, x2: px, y1: y(p[4]), y2: y(p[5]) }, undefined, true));
      var attributes = { 'class': run[6] === 0 ? 'point failed' : 'point', 'data-commit': run[0].toLowerCase() };
      if (run[3] !== null) attributes['data-version'] = run[3];
      var href = address(run[4]);
      if (href !== null) attributes.href = href;
      var a = el('a', attributes, undefined, true);
      a.appendChild(el('circle', { cx: px, cy: y(p[2]), r: 3 }, undefined, true));
      var tip = run[0].slice(0, 7) + ' ' + run[1] + '\\n' + chart.label + ' ' + num(p[2]) +
        (p[3] === null ? '' : ' \\u00b1 ' + num(p[3])) + ' (n=' + p[6] + ', ' + num(p[4]) + '..' + num(p[5]) + ')' +
        '\\ngate: ' + verdict(run[6]) + (run[2] === null ? '' : '\\npull request #' + run[2]) +
        (run[3] === null ? '' : '\\npackage ' + run[3]);
      a.appendChild(el('title', {}, tip, true));
      svg.appendChild(a);
    });
    figure.appendChild(svg);
    return figure;
  }

  function drawTable(experiment) {
    var table = el('table', { 'class': 'latest', 'data-experiment': experiment.name });
    table.appendChild(el('caption', {}, 'Latest runs'));
    var head = el('tr');
    ['commit', 'date', 'gate'].concat(experiment.metricLabels, ['package', 'links']).forEach(function (name) {
      head.appendChild(el('th', {}, name));
    });
    table.appendChild(head);
    experiment.latest.forEach(function (row) {
      var run = experiment.runs[row[0]], tr = el('tr', { 'class': 'run', 'data-commit': run[0].toLowerCase() });
      if (run[3] !== null) tr.setAttribute('data-version', run[3]);
      var commit = el('td'); commit.appendChild(link(address(run[4]), run[0].slice(0, 7))); tr.appendChild(commit);
      tr.appendChild(el('td', {}, run[1]));
      tr.appendChild(el('td', {}, verdict(run[6])));
      row[1].forEach(function (value) { tr.appendChild(el('td', { 'class': 'number' }, num(value))); });
      tr.appendChild(el('td', {}, run[3] === null ? '' : run[3]));
      var links = el('td');
      links.appendChild(link(address(run[5]), 'run'));
      if (run[2] !== null) {
        links.appendChild(document.createTextNode(' '));
        links.appendChild(link(data.repositoryUrl === null ? null : data.repositoryUrl + '/pull/' + run[2], '#' + run[2]));
      }
      tr.appendChild(links);
      table.appendChild(tr);
    });
    return table;
  }
})();
`;

// The run page, kept live by the run's server-sent events (init, records, status): one chart per metric series,
// already decimated by the server, the run's status and pace, its particle snapshot, the control buttons and, once it
// is done, its samples.png and output download.
(function () {
  const runId = document.body.dataset.runId;
  const api = '/api/runs/' + encodeURIComponent(runId);
  const charts = new Map();
  const dirty = new Set();
  // What the page received, for tests and the latency bench: per records event, receipt minus record time (ms).
  const feed = window.dashboardFeed = { latencies: [], records: 0, firstMs: 0, lastMs: 0, status: null };
  let snapshotStep = -1;
  let snapshotBusy = false;
  let snapshotChart = null;

  function showStatus(status) {
    feed.status = status;
    const state = document.getElementById('state');
    state.textContent = status.state;
    state.className = 'state ' + status.state;
    const progress = document.getElementById('progress');
    progress.max = Math.max(status.steps, 1);
    progress.value = status.step;
    document.getElementById('step').textContent = 'step ' + status.step + ' of ' + status.steps;
    document.getElementById('pace').textContent = window.diffusimPace(status);
    document.getElementById('reason').textContent = status.reason || '';
    showControls(status.state);
    showOutput(status.state);
    maybeSnapshot(status);
  }

  // Only the controls that apply (as the daemon's ControlRules have it): pause a queued or running run, resume a
  // paused one, stop any that has not ended and is not already stopping.
  function showControls(state) {
    const ended = state === 'done' || state === 'failed' || state === 'stopped';
    document.getElementById('pause').hidden = !(state === 'queued' || state === 'running');
    document.getElementById('resume').hidden = state !== 'paused';
    document.getElementById('stop').hidden = ended || state === 'stopping';
  }

  // A done run's output (samples.png, or a training job's train.loss.png; the zip of its directory) exists from the
  // moment it is done.
  function showOutput(state) {
    const output = document.getElementById('output');
    if (state !== 'done' || !output.hidden) return;
    const png = document.getElementById('samples-png');
    png.src = api + '/plots/' + png.dataset.plot;
    output.hidden = false;
  }

  // A series with one point (a final KL, the nearest-neighbour figures) is a number, not a chart: it stands in the
  // values table until it has a second point.
  const values = new Map();
  function showValue(name, point) {
    let entry = values.get(name);
    if (!entry) {
      entry = { row: document.createElement('tr'), point };
      entry.row.dataset.series = name;
      values.set(name, entry);
      document.querySelector('#values tbody').appendChild(entry.row);
    }
    entry.point = point;
    const cell = text => { const td = document.createElement('td'); td.textContent = text; return td; };
    entry.row.replaceChildren(cell(name), cell(Number(point[1]).toPrecision(6)), cell(point[0]));
    document.getElementById('values').hidden = false;
    document.getElementById('no-series').hidden = true;
  }

  // Removes a series from the values table; returns the point it showed, or null.
  function takeValue(name) {
    const entry = values.get(name);
    if (!entry) return null;
    entry.row.remove();
    values.delete(name);
    document.getElementById('values').hidden = values.size === 0;
    return entry.point;
  }

  function chartFor(name) {
    let entry = charts.get(name);
    if (entry) return entry;
    const box = document.createElement('div');
    box.className = 'chart';
    const canvas = document.createElement('canvas');
    canvas.className = 'series-chart';
    canvas.dataset.series = name;
    const note = document.createElement('p');
    note.className = 'note';
    const plot = document.createElement('div');
    plot.className = 'plot';
    plot.appendChild(canvas);
    box.append(plot, note);
    document.getElementById('charts').appendChild(box);
    document.getElementById('no-series').hidden = true;
    const chart = new Chart(canvas, {
      type: 'line',
      data: { datasets: [{ label: name, data: [], pointRadius: 0, borderWidth: 1.5, borderColor: '#0969da' }] },
      options: {
        animation: false, parsing: false, normalized: true, maintainAspectRatio: false,
        scales: { x: { type: 'linear', title: { display: true, text: 'step' } } },
      },
    });
    entry = { chart, note };
    charts.set(name, entry);
    return entry;
  }

  function toPoints(pairs) {
    return pairs.map(p => ({ x: p[0], y: p[1] }));
  }

  function applySeries(update) {
    if (update.total <= 1 && !charts.has(update.name)) {
      const points = update.replace || update.append;
      if (points.length) showValue(update.name, points[points.length - 1]);
      return;
    }
    const earlier = takeValue(update.name);
    const entry = chartFor(update.name);
    const data = entry.chart.data.datasets[0].data;
    if (update.replace) {
      data.splice(0, data.length, ...toPoints(update.replace));
    } else {
      // a series leaving the values table: its first point came before, the server sends only the new ones
      if (earlier) data.push({ x: earlier[0], y: earlier[1] });
      data.push(...toPoints(update.append));
    }
    entry.note.textContent = update.shown < update.total
      ? 'decimated: showing ' + update.shown + ' of ' + update.total + ' points'
      : update.total + ' points';
    dirty.add(entry.chart);
  }

  function redraw() {
    dirty.forEach(chart => chart.update('none'));
    dirty.clear();
  }

  const events = new EventSource(api + '/events');
  events.addEventListener('init', e => {
    const init = JSON.parse(e.data);
    charts.forEach(entry => { entry.chart.data.datasets[0].data = []; dirty.add(entry.chart); });
    [...values.keys()].forEach(takeValue);
    init.series.forEach(applySeries);
    if (init.status) showStatus(init.status);
    redraw();
  });
  events.addEventListener('records', e => {
    const receivedMs = performance.timeOrigin + performance.now();
    const records = JSON.parse(e.data);
    feed.latencies.push(receivedMs - records.at);
    feed.records += records.next - records.first;
    if (!feed.firstMs) feed.firstMs = receivedMs;
    feed.lastMs = receivedMs;
    records.series.forEach(applySeries);
  });
  events.addEventListener('status', e => showStatus(JSON.parse(e.data)));
  setInterval(redraw, 100);

  document.querySelectorAll('.controls button').forEach(button => button.addEventListener('click', async () => {
    const result = document.getElementById('control-result');
    try {
      const response = await fetch(api + '/' + button.dataset.action, { method: 'POST' });
      const body = await response.json();
      if (response.ok) {
        showStatus(body);
        result.textContent = '';
      } else {
        result.textContent = body.error;
      }
    } catch (e) {
      result.textContent = 'the daemon did not answer';
    }
  }));

  // The particle snapshot follows the checkpoints: fetched again when the step moved on, one request at a time.
  let lastSnapshotMs = 0;
  function maybeSnapshot(status) {
    const now = Date.now();
    if (document.getElementById('particles').hidden) return;  // a training job has none
    if (snapshotBusy || status.step === snapshotStep || now - lastSnapshotMs < 1000) return;
    snapshotBusy = true;
    lastSnapshotMs = now;
    fetch(api + '/snapshot').then(r => r.json()).then(showSnapshot).catch(() => {}).finally(() => {
      snapshotBusy = false;
      snapshotStep = status.step;
    });
  }
  setInterval(() => { if (feed.status) maybeSnapshot(feed.status); }, 1000);

  function showSnapshot(snapshot) {
    const note = document.getElementById('snapshot-note');
    const box = document.getElementById('snapshot');
    const d = snapshot.dimension;
    if (d === 0) return;
    note.textContent = 'step ' + snapshot.step + ': showing ' + snapshot.shown + ' of ' + snapshot.particles + ' particles';
    const side = Math.round(Math.sqrt(d));
    if (d === 2) {
      scatter(box, snapshot.points);
    } else if (side * side === d) {
      images(box, snapshot.points, side, snapshot.shown);
    } else {
      note.textContent += ' (no view for dimension ' + d + ')';
    }
  }

  function scatter(box, values) {
    const points = [];
    for (let i = 0; i + 1 < values.length; i += 2) points.push({ x: values[i], y: values[i + 1] });
    if (!snapshotChart) {
      const canvas = document.createElement('canvas');
      canvas.className = 'scatter';
      canvas.id = 'snapshot-scatter';
      box.replaceChildren(canvas);
      snapshotChart = new Chart(canvas, {
        type: 'scatter',
        data: { datasets: [{ label: 'particles', data: points, pointRadius: 1.5, backgroundColor: '#cf222e' }] },
        // parsed: with parsing off Chart.js takes data as sorted by x and would clip the scatter's axis
        options: { animation: false, aspectRatio: 1 },
      });
    } else {
      snapshotChart.data.datasets[0].data = points;
      snapshotChart.update('none');
    }
  }

  function images(box, values, side, count) {
    let lo = Infinity, hi = -Infinity;
    for (const v of values) { if (v < lo) lo = v; if (v > hi) hi = v; }
    const scale = hi > lo ? 255 / (hi - lo) : 0;
    const grid = document.createElement('div');
    grid.className = 'grid';
    for (let n = 0; n < count; n++) {
      const canvas = document.createElement('canvas');
      canvas.width = side;
      canvas.height = side;
      const context = canvas.getContext('2d');
      const image = context.createImageData(side, side);
      for (let p = 0; p < side * side; p++) {
        const grey = (values[n * side * side + p] - lo) * scale;
        image.data.set([grey, grey, grey, 255], p * 4);
      }
      context.putImageData(image, 0, 0);
      grid.appendChild(canvas);
    }
    box.replaceChildren(grid);
  }
})();

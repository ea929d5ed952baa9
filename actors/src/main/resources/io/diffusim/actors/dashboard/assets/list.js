// Keeps the run list live: the page is rendered with every run; this refreshes states, progress, pace and reasons
// each second.
(function () {
  const body = document.querySelector('#runs tbody');
  const empty = document.getElementById('empty');

  function cell(text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) td.className = className;
    return td;
  }

  function row(run) {
    const tr = document.createElement('tr');
    tr.dataset.runId = run.id;
    const link = document.createElement('a');
    link.href = '/runs/' + encodeURIComponent(run.id);
    link.textContent = run.id;
    const name = document.createElement('td');
    name.appendChild(link);
    const bar = document.createElement('progress');
    bar.max = Math.max(run.steps, 1);
    bar.value = run.step;
    const progress = document.createElement('td');
    progress.appendChild(bar);
    tr.append(name, cell(run.state, 'state ' + run.state), progress, cell(run.step + ' / ' + run.steps),
      cell(window.diffusimPace(run), 'pace'), cell(run.reason || '', 'reason'));
    return tr;
  }

  async function refresh() {
    try {
      const response = await fetch('/api/runs');
      if (response.ok) {
        const runs = (await response.json()).runs;
        body.replaceChildren(...runs.map(row));
        empty.hidden = runs.length > 0;
      }
    } catch (e) {
      // the daemon is restarting or gone: try again on the next tick
    }
  }

  setInterval(refresh, 1000);
})();

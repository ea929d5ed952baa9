// A run's pace as the CLI prints it (protocol/Pace.java): '12 steps/s, 40 s left', or the rate alone when the end is
// not known (a sampler that stops early); '' before the daemon has a rate.
window.diffusimPace = function (status) {
  const rate = status.stepsPerSecond;
  if (rate === null || rate === undefined || !(rate >= 0)) return '';
  const text = (rate >= 10 ? rate.toFixed(0) : rate.toPrecision(2)) + ' steps/s';
  const left = status.secondsLeft;
  if (left === null || left === undefined) return text;
  const s = Math.round(left);
  const duration = s < 100 ? s + ' s'
    : s < 3600 ? Math.floor(s / 60) + ' min ' + (s % 60) + ' s'
    : Math.floor(s / 3600) + ' h ' + String(Math.floor(s % 3600 / 60)).padStart(2, '0') + ' min';
  return text + ', ' + duration + ' left';
};

// The expert's equity curve and drawdown, drawn with uPlot (served from its webjar). Flags raised
// by screening are marked on the curve at the day their detail names (else the last day).
/* global uPlot */

const DAY = /(\d{4}-\d{2}-\d{2})/;

function seconds(day) {
  return Date.parse(day + 'T00:00:00Z') / 1000;
}

/** Drawdown per day from the deposit-neutral index: 1 - index / highest index so far. */
export function drawdowns(days) {
  let peak = 0;
  return days.map((d) => {
    const index = Number(d.index);
    peak = Math.max(peak, index);
    return peak > 0 ? -(1 - index / peak) * 100 : 0;
  });
}

export function flagMarks(days, flags) {
  if (!days.length) return [];
  const last = days[days.length - 1].day;
  return flags.map((f) => {
    const m = DAY.exec(f.detail || '');
    const day = m && days.some((d) => d.day >= m[1]) ? m[1] : last;
    return { day, code: f.code, severity: f.severity };
  });
}

function markerPlugin(marks) {
  return {
    hooks: {
      draw: (u) => {
        const ctx = u.ctx;
        ctx.save();
        marks.forEach((m, i) => {
          const x = Math.round(u.valToPos(seconds(m.day), 'x', true));
          ctx.strokeStyle = m.severity === 'CRITICAL' ? '#c0392b' : '#d68910';
          ctx.fillStyle = ctx.strokeStyle;
          ctx.lineWidth = 2 * devicePixelRatio;
          ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
          ctx.beginPath();
          ctx.moveTo(x, u.bbox.top);
          ctx.lineTo(x, u.bbox.top + u.bbox.height);
          ctx.stroke();
          ctx.setLineDash([]);
          ctx.font = `${11 * devicePixelRatio}px system-ui, sans-serif`;
          ctx.textAlign = x > u.bbox.left + u.bbox.width / 2 ? 'right' : 'left';
          ctx.fillText(' ' + m.code + ' ', x, u.bbox.top + (14 + i * 14) * devicePixelRatio);
        });
        ctx.restore();
      },
    },
  };
}

/** Draws both charts into {@code el}; returns the plotted values (also left on el.dataset for checks). */
export function drawExpertCharts(el, days, flags) {
  el.innerHTML = '';
  const xs = days.map((d) => seconds(d.day));
  const equity = days.map((d) => Number(d.equity));
  const dd = drawdowns(days);
  const marks = flagMarks(days, flags);
  const width = Math.max(320, el.clientWidth || 800);
  const equityBox = document.createElement('div');
  equityBox.className = 'chart equity-chart';
  const ddBox = document.createElement('div');
  ddBox.className = 'chart drawdown-chart';
  el.append(equityBox, ddBox);
  if (!days.length) {
    el.innerHTML = '<p class="muted">No equity history yet.</p>';
    return { days: 0 };
  }
  new uPlot({
    width, height: 260, plugins: [markerPlugin(marks)], legend: { live: false },
    scales: { x: { time: true } },
    series: [{}, { label: 'Equity (USDT)', stroke: '#1f6feb', width: 2, fill: 'rgba(31,111,235,0.08)' }],
    axes: [{}, { size: 70 }],
  }, [xs, equity], equityBox);
  new uPlot({
    width, height: 150, legend: { live: false },
    scales: { x: { time: true } },
    series: [{}, { label: 'Drawdown (%)', stroke: '#c0392b', width: 1.5, fill: 'rgba(192,57,43,0.15)' }],
    axes: [{}, { size: 70 }],
  }, [xs, dd], ddBox);
  el.dataset.days = String(days.length);
  el.dataset.equity = JSON.stringify(days.map((d) => d.equity));
  el.dataset.flags = JSON.stringify(marks);
  return { days: days.length, equity, drawdown: dd, marks };
}

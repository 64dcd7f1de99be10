// copyguard console: a small single-page app over the service's API. Routes live in the URL hash;
// every number shown keeps the API's exact value in data-value, and is formatted for reading.
import { get, items, post, patch, del, session, followerFromToken, ApiError } from './api.js';
import { LiveStream } from './events.js';
import { drawExpertCharts } from './chart.js';
import { reasonInWords, flagInWords, comparedValues } from './words.js';

const view = document.getElementById('view');
let stream = null;
let refreshTimer = null;

// ---------- helpers ----------

const esc = (v) => String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const enc = encodeURIComponent;

function num(v, digits = 2) {
  if (v === null || v === undefined || v === '') return '<span class="muted" data-value="">–</span>';
  const n = Number(v);
  const cls = n > 0 ? 'pos' : n < 0 ? 'neg' : '';
  return `<span class="${cls}" data-value="${esc(v)}">${n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: Math.min(digits, 2) })}</span>`;
}
const money = (v) => num(v, 2);
const price = (v) => num(v, 8);
function pct(v) {
  if (v === null || v === undefined) return '<span class="muted" data-value="">–</span>';
  const n = Number(v) * 100;
  const cls = n > 0 ? 'pos' : n < 0 ? 'neg' : '';
  return `<span class="${cls}" data-value="${esc(v)}">${n.toFixed(2)} %</span>`;
}
const time = (ms) => (ms ? new Date(Number(ms)).toISOString().replace('T', ' ').slice(0, 19) : '–');
const badge = (text, kind = text) => `<span class="badge b-${esc(String(kind).toLowerCase())}">${esc(text)}</span>`;

function toast(message, kind = 'info') {
  const t = document.getElementById('toast');
  t.textContent = message;
  t.className = 'show ' + kind;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => (t.className = ''), 5000);
}

function failure(e) {
  if (e instanceof ApiError && (e.status === 404 || e.status === 405) && e.code !== 'NOT_FOUND' && e.code !== 'NO_OPEN_POSITION') {
    return 'This action is not available on this service yet.';
  }
  return e instanceof ApiError ? `${e.code || e.status}: ${e.message}` : String(e.message || e);
}

function liveStatus(state) {
  const dot = document.getElementById('live');
  dot.className = 'live ' + state;
  dot.title = state === 'live' ? 'live updates on' : state;
  dot.textContent = state === 'live' ? '● live' : state === 'reset' ? '● reloading' : '○ ' + state;
}

function listen(query, onEvent) {
  if (stream) stream.stop();
  stream = new LiveStream(query, onEvent, (s) => {
    liveStatus(s);
    if (s === 'reset') onEvent(null);
  }).start();
}

function refreshSoon(fn) {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(fn, 150);
}

/** A modal question; resolves true when confirmed. */
function confirmDialog(title, bodyHtml, confirmLabel, danger = false) {
  const dlg = document.getElementById('dialog');
  dlg.innerHTML = `<form method="dialog"><h3>${esc(title)}</h3><div class="dialog-body">${bodyHtml}</div>
    <menu><button value="cancel" id="dialog-cancel" class="secondary">Cancel</button>
    <button value="ok" id="dialog-ok" class="${danger ? 'danger' : ''}">${esc(confirmLabel)}</button></menu></form>`;
  return new Promise((resolve) => {
    dlg.onclose = () => resolve(dlg.returnValue === 'ok');
    dlg.showModal();
  });
}

// ---------- sign in ----------

function renderSignIn() {
  document.body.classList.add('signed-out');
  view.innerHTML = `<section class="card signin">
    <h2>Sign in</h2>
    <p class="muted">Paste the access token you were given. It stays in this browser tab only.</p>
    <form id="signin">
      <label>Token <input id="token" name="token" autocomplete="off" required></label>
      <label>Follower id <input id="follower" name="follower" placeholder="from the token when it names one"></label>
      <button id="signin-submit">Sign in</button>
      <p class="error" id="signin-error"></p>
    </form></section>`;
  view.querySelector('#token').addEventListener('input', (e) => {
    const f = followerFromToken(e.target.value);
    if (f) view.querySelector('#follower').value = f;
  });
  view.querySelector('#signin').addEventListener('submit', async (e) => {
    e.preventDefault();
    session.signIn(view.querySelector('#token').value.trim(), view.querySelector('#follower').value.trim());
    try {
      await get('/experts?limit=1');
      document.body.classList.remove('signed-out');
      location.hash = '#/experts';
      route();
    } catch (err) {
      session.signOut();
      view.querySelector('#signin-error').textContent = failure(err);
    }
  });
}

// ---------- experts ----------

async function renderLeaderboard(params) {
  const sort = params.get('sort') || 'roi';
  const verdict = params.get('verdict') || '';
  const q = new URLSearchParams({ sort, limit: '200' });
  if (verdict) q.set('verdict', verdict);
  const experts = (await get('/experts?' + q)).items;
  view.innerHTML = `<section class="card">
    <div class="row-between"><h2>Experts</h2>
    <form id="board-filter" class="inline">
      <label>Sort by <select id="sort">${['roi', 'winRate', 'maxDrawdown', 'followers', 'followersPnl', 'tradingDays', 'expertId']
        .map((s) => `<option ${s === sort ? 'selected' : ''}>${s}</option>`).join('')}</select></label>
      <label>Verdict <select id="verdict"><option value="">any</option>${['RECOMMENDED', 'CAUTION', 'AVOID']
        .map((v) => `<option ${v === verdict ? 'selected' : ''}>${v}</option>`).join('')}</select></label>
    </form></div>
    <table id="leaderboard" class="data"><thead><tr><th>Expert</th><th>Verdict</th><th>ROI</th><th>Max drawdown</th>
      <th>Win rate</th><th>Followers</th><th>Followers' PnL</th><th>Trading days</th><th>Flags</th></tr></thead><tbody>
    ${experts.map((x) => `<tr data-expert="${esc(x.expertId)}" class="link">
      <td><a href="#/experts/${enc(x.expertId)}">${esc(x.expertId)}</a></td><td data-field="verdict">${badge(x.verdict)}</td>
      <td data-field="roi">${pct(x.roi)}</td><td data-field="maxDrawdown">${pct(x.maxDrawdown)}</td>
      <td data-field="winRate">${pct(x.winRate)}</td><td data-field="followers">${num(x.followers, 0)}</td>
      <td data-field="followersPnl">${money(x.followersPnl)}</td><td data-field="tradingDays">${num(x.tradingDays, 0)}</td>
      <td>${x.flags.map((f) => `<span class="flag" title="${esc(flagInWords(f))}">${esc(f)}</span>`).join(' ')}</td></tr>`).join('')}
    </tbody></table>${experts.length ? '' : '<p class="muted">No experts yet.</p>'}</section>`;
  view.querySelectorAll('tr[data-expert]').forEach((tr) => tr.addEventListener('click', () => (location.hash = '#/experts/' + enc(tr.dataset.expert))));
  view.querySelector('#board-filter').addEventListener('change', () => {
    const p = new URLSearchParams({ sort: view.querySelector('#sort').value, verdict: view.querySelector('#verdict').value });
    location.hash = '#/experts?' + p;
  });
}

function tradeRows(items) {
  return items.map((t) => `<tr data-seq="${t.seq}"><td>${esc(t.symbol)}</td><td>${esc(t.side)}</td><td>${time(t.openTime)}</td>
    <td>${time(t.closeTime)}</td><td>${price(t.entryPrice)}</td><td>${price(t.exitPrice)}</td><td>${num(t.qty, 8)}</td>
    <td data-field="realizedPnl">${money(t.realizedPnl)}</td></tr>`).join('');
}

async function renderExpert(id) {
  const [expert, screening, equity, trades] = await Promise.all([get(`/experts/${enc(id)}`), get(`/experts/${enc(id)}/screening`),
    get(`/experts/${enc(id)}/equity`), get(`/experts/${enc(id)}/trades?limit=20`)]);
  const m = screening.metrics;
  view.innerHTML = `<p><a href="#/experts">← Experts</a></p>
  <section class="card"><div class="row-between"><h2>${esc(id)} ${badge(screening.verdict)}</h2>
    <span class="muted">rule set ${esc(screening.ruleSet)}</span></div>
    <div class="stats" id="expert-stats">
      <div><b>ROI</b>${pct(m.roi)}</div><div><b>Max drawdown</b>${pct(m.maxDrawdown)}</div>
      <div><b>Win rate</b>${pct(m.winRate)}</div><div><b>Closed positions</b>${num(m.closedPositions, 0)}</div>
      <div><b>Followers</b>${num(m.followers, 0)}</div><div><b>Followers' PnL</b>${money(m.followersPnl)}</div>
      <div><b>Trading days</b>${num(m.tradingDays, 0)}</div><div><b>Equity</b>${money(expert.equity)}</div></div>
    <ul class="flags" id="expert-flags">${screening.flags.map((f) => `<li class="sev-${esc(f.severity.toLowerCase())}">
      <b>${esc(f.code)}</b> — ${esc(flagInWords(f.code))}<br><small>${esc(f.detail)}</small></li>`).join('')}</ul>
    <div id="charts"></div></section>
  <section class="card"><h3>Follow ${esc(id)}</h3>
    <form id="follow" class="grid">
      <label>Mode <select id="follow-mode"><option>MULTIPLIER</option><option>FIXED_MARGIN</option><option>SMART_RATIO</option></select></label>
      <label>Amount (USDT) <input id="follow-amount" value="100" inputmode="decimal" required></label>
      <label>Multiplier <input id="follow-multiplier" value="0.1" inputmode="decimal"></label>
      <label>Fixed margin <input id="follow-fixed" value="10" inputmode="decimal"></label>
      <label>Leverage <input id="follow-leverage" value="20" inputmode="numeric" title="empty: follow the expert"></label>
      <label>Stop loss ratio <input id="follow-sl" placeholder="e.g. 0.5" inputmode="decimal"></label>
      <label>Take profit ratio <input id="follow-tp" placeholder="e.g. 1" inputmode="decimal"></label>
      <div><button id="follow-submit">Follow</button></div>
    </form></section>
  <section class="card"><h3>Trading history</h3>
    <table id="trades" class="data"><thead><tr><th>Symbol</th><th>Side</th><th>Opened</th><th>Closed</th><th>Entry</th><th>Exit</th><th>Qty</th><th>PnL</th></tr></thead>
    <tbody>${tradeRows(trades.items)}</tbody></table>
    ${trades.items.length ? '' : '<p class="muted">No closed positions yet.</p>'}
    <button id="more-trades" class="secondary" ${trades.nextCursor ? '' : 'hidden'}>Load older</button></section>`;
  drawExpertCharts(view.querySelector('#charts'), equity.days, screening.flags);
  let cursor = trades.nextCursor;
  view.querySelector('#more-trades').addEventListener('click', async (e) => {
    const page = await get(`/experts/${enc(id)}/trades?limit=20&cursor=${enc(cursor)}`);
    view.querySelector('#trades tbody').insertAdjacentHTML('beforeend', tradeRows(page.items));
    cursor = page.nextCursor;
    e.target.hidden = !cursor;
  });
  view.querySelector('#follow').addEventListener('submit', async (e) => {
    e.preventDefault();
    const val = (s) => view.querySelector(s).value.trim();
    const mode = val('#follow-mode');
    const settings = {};
    if (val('#follow-leverage')) settings.leverage = { mode: 'FIXED', value: Number(val('#follow-leverage')) };
    if (val('#follow-sl')) settings.stopLossRatio = val('#follow-sl');
    if (val('#follow-tp')) settings.takeProfitRatio = val('#follow-tp');
    const body = { followerId: session.follower(), expertId: id, mode, amount: val('#follow-amount'), settings, time: Date.now() };
    if (mode === 'MULTIPLIER') body.multiplier = val('#follow-multiplier');
    if (mode === 'FIXED_MARGIN') body.fixedMargin = val('#follow-fixed');
    try {
      const r = await post('/subscriptions', body);
      toast(`Following ${id} (${r.subscriptionId})`, 'ok');
      location.hash = '#/subscriptions/' + enc(r.subscriptionId);
    } catch (err) {
      toast(failure(err), 'error');
    }
  });
}

// ---------- follower ----------

function followingRow(f) {
  return `<tr data-subscription="${esc(f.subscriptionId)}" class="link">
    <td><a href="#/subscriptions/${enc(f.subscriptionId)}">${esc(f.subscriptionId)}</a></td>
    <td><a href="#/experts/${enc(f.expertId)}">${esc(f.expertId)}</a></td><td>${esc(f.mode)}</td><td data-field="status">${badge(f.status)}</td>
    <td data-field="invested">${money(f.invested)}</td><td data-field="equity">${money(f.equity)}</td>
    <td data-field="realizedPnl">${money(f.realizedPnl)}</td><td data-field="unrealizedPnl">${money(f.unrealizedPnl)}</td>
    <td data-field="roi">${pct(f.roi)}</td><td data-field="winRate">${pct(f.winRate)}</td><td data-field="fees">${money(f.fees)}</td>
    <td data-field="profitSharePaid">${money(f.profitSharePaid)}</td><td data-field="pendingProfitShare">${money(f.pendingProfitShare)}</td>
    <td data-field="openPositions">${num(f.openPositions, 0)}</td></tr>`;
}

const FOLLOWING_HEAD = `<tr><th>Following</th><th>Expert</th><th>Mode</th><th>Status</th><th>Invested</th><th>Equity</th><th>Realized</th>
  <th>Unrealized</th><th>ROI</th><th>Win rate</th><th>Fees</th><th>Profit share paid</th><th>pending</th><th>Open</th></tr>`;

async function renderFollowings() {
  const follower = session.follower();
  if (!follower) {
    view.innerHTML = '<section class="card"><p>Sign in with a follower id to see your followings.</p></section>';
    return;
  }
  const load = async () => {
    const page = await get(`/followers/${enc(follower)}/subscriptions?limit=200`);
    view.innerHTML = `<section class="card"><h2>My followings <small class="muted">${esc(follower)}</small></h2>
      <table id="followings" class="data"><thead>${FOLLOWING_HEAD}</thead><tbody>${page.items.map(followingRow).join('')}</tbody></table>
      ${page.items.length ? '' : '<p class="muted">You follow no one yet. Pick an expert on the <a href="#/experts">leaderboard</a>.</p>'}</section>`;
  };
  await load();
  listen({ followerId: follower }, () => refreshSoon(load));
}

function positionRows(s) {
  if (!s.positions.length) return '<tr class="empty"><td colspan="12" class="muted">No open positions.</td></tr>';
  return s.positions.map((p) => `<tr data-symbol="${esc(p.symbol)}" data-side="${esc(p.side)}"><td>${esc(p.symbol)}</td><td>${esc(p.side)}</td>
    <td data-field="qty">${num(p.qty, 8)}</td><td data-field="entryPrice">${price(p.entryPrice)}</td><td data-field="markPrice">${price(p.markPrice)}</td>
    <td data-field="unrealizedPnl">${money(p.unrealizedPnl)}</td><td data-field="margin">${money(p.margin)}</td><td>${p.leverage}x ${esc(p.marginMode)}</td>
    <td data-field="liquidationPrice">${p.liquidationPrice == null ? '<span class="muted" data-value="">cross: account-wide</span>' : price(p.liquidationPrice)}</td>
    <td data-field="stopLossPrice">${price(p.stopLossPrice)}</td><td data-field="takeProfitPrice">${price(p.takeProfitPrice)}</td>
    <td><button class="secondary small close-position" data-symbol="${esc(p.symbol)}" data-side="${esc(p.side)}">Close</button></td></tr>`).join('');
}

function decisionRows(decisions) {
  return decisions.slice().reverse().map((d) => `<tr data-fill="${esc(d.fillId)}" class="outcome-${esc(d.outcome.toLowerCase())}">
    <td>${time(d.time)}</td><td>${esc(d.fillId)}</td><td>${esc(d.symbol)} ${esc(d.action)}</td><td data-field="outcome">${badge(d.outcome)}</td>
    <td data-field="qty">${num(d.qty, 8)}</td><td>${price(d.price)}</td>
    <td class="why">${d.reason ? `<b>${esc(d.reason)}</b>: ${esc(reasonInWords(d.reason))}` : ''}
      ${Object.keys(d.explanation || {}).length ? `<br><small>compared: ${esc(comparedValues(d.explanation))}</small>` : ''}
      <br><small class="muted">${esc((d.rulesFired || []).join(' → '))} (${esc(d.ruleSet)})</small></td></tr>`).join('');
}

function transactionRows(txs) {
  return txs.slice().reverse().map((t) => `<tr data-type="${esc(t.type)}" class="tx-${esc(t.type.toLowerCase())}"><td>${time(t.time)}</td>
    <td>${esc(t.type.replace(/_/g, ' ').toLowerCase())}</td><td data-field="amount">${money(t.amount)}</td><td>${esc(t.subscriptionId || 'account')}</td><td class="muted">${esc(t.ref || '')}</td></tr>`).join('');
}

async function renderSubscription(id) {
  const follower = session.follower();
  const s = await get(`/subscriptions/${enc(id)}`);
  const [account, txs, decisions, followings] = await Promise.all([get(`/accounts/${enc(s.accountId)}`),
    items(`/accounts/${enc(s.accountId)}/transactions?limit=200`), items(`/decisions?subscriptionId=${enc(id)}&limit=200`),
    get(`/followers/${enc(s.followerId)}/subscriptions?limit=500`)]);
  const f = followings.items.find((x) => x.subscriptionId === id) || {};
  const st = s.settings;
  view.innerHTML = `<p><a href="#/me">← My followings</a></p>
  <section class="card"><div class="row-between"><h2>${esc(id)}: following <a href="#/experts/${enc(s.expertId)}">${esc(s.expertId)}</a>
    <span id="sub-status">${badge(s.status)}</span></h2><span class="muted">${esc(s.mode)} · account ${esc(s.accountId)}${account.pool ? ' (shared pool)' : ''}</span></div>
    <div class="stats" id="sub-stats">
      <div><b>Invested</b>${money(f.invested)}</div><div><b>Equity</b>${money(f.equity)}</div>
      <div><b>Realized PnL</b>${money(f.realizedPnl)}</div><div><b>Unrealized PnL</b>${money(f.unrealizedPnl)}</div>
      <div><b>ROI</b>${pct(f.roi)}</div><div><b>Win rate</b>${pct(f.winRate)}</div><div><b>Fees</b>${money(f.fees)}</div>
      <div><b>Profit share paid</b>${money(f.profitSharePaid)}</div><div><b>Profit share pending</b>${money(f.pendingProfitShare)}</div>
      <div><b>Account available</b><span id="available">${money(account.available)}</span></div><div><b>Frozen</b><span id="frozen">${money(account.frozen)}</span></div></div>
  </section>
  <section class="card"><h3>Positions</h3><table id="positions" class="data"><thead><tr><th>Symbol</th><th>Side</th><th>Qty</th><th>Entry</th><th>Mark</th>
    <th>uPnL</th><th>Margin</th><th>Leverage</th><th>Liquidation</th><th>Stop loss</th><th>Take profit</th><th></th></tr></thead>
    <tbody>${positionRows(s)}</tbody></table></section>
  <section class="card actions"><h3>Actions</h3><div class="grid3">
    <form id="deposit"><h4>Add funds</h4><label>Amount <input id="deposit-amount" inputmode="decimal" required></label><button id="deposit-submit">Add funds</button></form>
    <form id="withdraw"><h4>Withdraw</h4><label>Amount <input id="withdraw-amount" inputmode="decimal" required></label><button id="withdraw-submit">Withdraw</button></form>
    <form id="stop"><h4>Stop following</h4><label>Closing method <select id="stop-mode">
      <option value="MARKET_CLOSE">Close all positions now at market</option>
      <option value="FOLLOW_EXPERT_CLOSE">Keep positions; close them when the expert does</option></select></label>
      <button id="stop-submit" class="danger" ${s.status === 'STOPPED' ? 'disabled' : ''}>Stop following</button></form>
    <form id="settings" class="span2"><h4>Settings</h4><div class="grid">
      <label>Leverage <input id="set-leverage" value="${esc(st.leverage.value ?? '')}" placeholder="follow the expert"></label>
      <label>Stop loss ratio <input id="set-sl" value="${esc(st.stopLossRatio ?? '')}"></label>
      <label>Take profit ratio <input id="set-tp" value="${esc(st.takeProfitRatio ?? '')}"></label>
      <label>Max slippage <input id="set-slippage" value="${esc(st.maxSlippage ?? '')}"></label>
      <label>Max margin per pair <input id="set-pair" value="${esc(st.maxMarginPerPair ?? '')}"></label>
      <label>Max position value <input id="set-position" value="${esc(st.maxPositionValue ?? '')}"></label></div>
      <button id="settings-submit">Save settings</button></form>
    <div><h4>Copying</h4><p class="muted">Pause stops new opens; closes, stop loss and take profit go on.</p>
      <button id="pause" class="secondary">Pause</button> <button id="resume" class="secondary">Resume</button>
      <label class="check"><input type="checkbox" id="resume-copy"> copy the expert's open positions on resume</label></div>
  </div></section>
  <section class="card"><div class="row-between"><h3>Copy decisions</h3><span class="muted">every expert order and what happened to your copy</span></div>
    <table id="decisions" class="data"><thead><tr><th>Time</th><th>Order</th><th>Symbol</th><th>Outcome</th><th>Qty</th><th>Price</th><th>Why</th></tr></thead>
    <tbody>${decisionRows(decisions)}</tbody></table></section>
  <section class="card"><h3>Transactions</h3><table id="transactions" class="data"><thead><tr><th>Time</th><th>Type</th><th>Amount</th><th>For</th><th>Ref</th></tr></thead>
    <tbody>${transactionRows(txs)}</tbody></table></section>
  <section class="card"><h3>Live</h3><ul id="live-feed" class="feed"></ul></section>`;
  wireSubscriptionActions(id, s, account);
  const feed = view.querySelector('#live-feed');
  listen({ subscriptionId: id }, (ev) => {
    if (ev) {
      const what = ev.type === 'DECISION' ? `${ev.fillId}: ${ev.outcome}${ev.reason ? ' — ' + reasonInWords(ev.reason) : ''}`
        : ev.type === 'STATUS' ? `status ${ev.from} → ${ev.to}` : ev.type === 'RISK_ACTION' ? `${ev.action} ${ev.symbol || ''}: ${reasonInWords(ev.reason)}`
        : `${ev.transactionType.replace(/_/g, ' ').toLowerCase()} ${ev.amount}`;
      feed.insertAdjacentHTML('afterbegin', `<li data-event="${esc(ev.id)}" data-type="${esc(ev.type)}">${badge(ev.type)} ${esc(what)}</li>`);
    }
    refreshSoon(() => refreshSubscription(id));
  });
}

/** Re-reads the parts of a following's page that events change, leaving forms as they are. */
async function refreshSubscription(id) {
  if (!view.querySelector('#decisions')) return;
  const s = await get(`/subscriptions/${enc(id)}`);
  const [account, txs, decisions, followings] = await Promise.all([get(`/accounts/${enc(s.accountId)}`),
    items(`/accounts/${enc(s.accountId)}/transactions?limit=200`), items(`/decisions?subscriptionId=${enc(id)}&limit=200`),
    get(`/followers/${enc(s.followerId)}/subscriptions?limit=500`)]);
  const f = followings.items.find((x) => x.subscriptionId === id) || {};
  const stats = view.querySelector('#sub-stats');
  if (!stats) return;
  stats.innerHTML = `<div><b>Invested</b>${money(f.invested)}</div><div><b>Equity</b>${money(f.equity)}</div>
      <div><b>Realized PnL</b>${money(f.realizedPnl)}</div><div><b>Unrealized PnL</b>${money(f.unrealizedPnl)}</div>
      <div><b>ROI</b>${pct(f.roi)}</div><div><b>Win rate</b>${pct(f.winRate)}</div><div><b>Fees</b>${money(f.fees)}</div>
      <div><b>Profit share paid</b>${money(f.profitSharePaid)}</div><div><b>Profit share pending</b>${money(f.pendingProfitShare)}</div>
      <div><b>Account available</b><span id="available">${money(account.available)}</span></div><div><b>Frozen</b><span id="frozen">${money(account.frozen)}</span></div>`;
  view.querySelector('#sub-status').innerHTML = badge(s.status);
  view.querySelector('#positions tbody').innerHTML = positionRows(s);
  view.querySelector('#decisions tbody').innerHTML = decisionRows(decisions);
  view.querySelector('#transactions tbody').innerHTML = transactionRows(txs);
  view.querySelector('#stop-submit').disabled = s.status === 'STOPPED';
}

function wireSubscriptionActions(id, s, account) {
  const val = (sel) => view.querySelector(sel).value.trim();
  const act = async (fn, ok) => {
    try {
      await fn();
      toast(ok, 'ok');
      await refreshSubscription(id);
    } catch (err) {
      toast(failure(err), 'error');
    }
  };
  view.querySelector('#deposit').addEventListener('submit', (e) => {
    e.preventDefault();
    act(() => post(`/accounts/${enc(s.accountId)}/deposits`, { amount: val('#deposit-amount'), requestId: crypto.randomUUID(), time: Date.now() }),
      'Funds added');
  });
  view.querySelector('#withdraw').addEventListener('submit', async (e) => {
    e.preventDefault();
    const amount = val('#withdraw-amount');
    try {
      const preview = await post(`/accounts/${enc(s.accountId)}/withdrawals/preview`, { amount });
      if (preview.freezes) {
        const ok = await confirmDialog('Profit share will be frozen',
          `<p id="freeze-warning">Your pending profit share (<b>${esc(preview.pendingProfitShare)} USDT</b>) is more than 30 % of what would remain.
           <b data-field="freezeAdded">${esc(preview.freezeAdded)} USDT</b> will be frozen first, so you would receive
           <b data-field="paid">${esc(preview.paid)} USDT</b> of the ${esc(amount)} USDT requested.</p>
           <p class="muted">The frozen amount comes back at the daily check once the account has no open positions.</p>`,
          'Withdraw anyway', true);
        if (!ok) return;
      }
      await act(() => post(`/accounts/${enc(s.accountId)}/withdrawals`, { amount, requestId: crypto.randomUUID(), time: Date.now() }), 'Withdrawal done');
    } catch (err) {
      toast(failure(err), 'error');
    }
  });
  view.querySelector('#settings').addEventListener('submit', (e) => {
    e.preventDefault();
    const body = {};
    const opt = (sel, key) => (body[key] = val(sel) === '' ? null : val(sel));
    body.leverage = val('#set-leverage') === '' ? { mode: 'FOLLOW_EXPERT' } : { mode: 'FIXED', value: Number(val('#set-leverage')) };
    opt('#set-sl', 'stopLossRatio');
    opt('#set-tp', 'takeProfitRatio');
    if (val('#set-slippage') !== '') body.maxSlippage = val('#set-slippage');
    opt('#set-pair', 'maxMarginPerPair');
    if (val('#set-position') !== '') body.maxPositionValue = val('#set-position');
    act(() => patch(`/subscriptions/${enc(id)}/settings`, body), 'Settings saved');
  });
  view.querySelector('#stop').addEventListener('submit', async (e) => {
    e.preventDefault();
    const mode = val('#stop-mode');
    const text = mode === 'MARKET_CLOSE' ? 'All positions of this following are closed now at market, profit share is settled and the rest returned.'
      : 'No new positions are copied; existing ones close when the expert closes them. The rest is returned after the last one closes.';
    if (await confirmDialog('Stop following ' + s.expertId + '?', `<p>${esc(text)}</p>`, 'Stop following', true)) {
      act(() => post(`/subscriptions/${enc(id)}/stop`, { mode, time: Date.now() }), 'Stopped following');
    }
  });
  view.querySelector('#pause').addEventListener('click', () => act(() => post(`/subscriptions/${enc(id)}/pause`, { time: Date.now() }), 'Paused'));
  view.querySelector('#resume').addEventListener('click', () => act(() => post(`/subscriptions/${enc(id)}/resume`,
    { time: Date.now(), copyExistingPositions: view.querySelector('#resume-copy').checked }), 'Resumed'));
  view.querySelector('#positions').addEventListener('click', async (e) => {
    const b = e.target.closest('.close-position');
    if (b && await confirmDialog(`Close ${b.dataset.symbol} ${b.dataset.side}?`, '<p>The position is closed at market now.</p>', 'Close position', true)) {
      act(() => post(`/subscriptions/${enc(id)}/positions/close`, { symbol: b.dataset.symbol, side: b.dataset.side, time: Date.now() }), 'Position closed');
    }
  });
}

// ---------- desk ----------

function riskRows(actions) {
  return actions.map((r) => `<tr data-subscription="${esc(r.subscriptionId)}"><td>${time(r.time)}</td><td>${esc(r.subscriptionId)}</td><td>${esc(r.action)}</td><td>${esc(r.symbol || '')} ${esc(r.side || '')}</td>
    <td>${badge(r.reason, 'reason')} <small>${esc(reasonInWords(r.reason))}</small></td><td data-field="realizedPnl">${money(r.realizedPnl)}</td><td><small>${esc(comparedValues(r.explanation))}</small></td></tr>`).join('');
}

async function renderDesk() {
  const rules = await get('/rules');
  let proposals = null;
  try {
    proposals = await get('/rules/proposals');
  } catch (e) {
    // the proposal endpoints arrive with the security work; until then say so plainly
    proposals = { unavailable: e.status === 404 || e.status === 405 ? 'Rule proposals are not available on this service yet.' : failure(e) };
  }
  const risk = await items('/risk-actions?limit=50').catch(() => []);
  const versions = rules.versions.map((v) => `<tr data-version="${esc(v.version)}"><td><b>${esc(v.version)}</b> ${v.version === rules.active ? badge('ACTIVE') : ''}</td>
    <td>${esc(v.description || '')}</td><td>${esc(v.files)}</td><td class="mono">${esc((v.fingerprint || '').slice(0, 12))}</td>
    <td><button class="secondary small validate" data-version="${esc(v.version)}">Validate</button>
      <button class="secondary small shadow" data-version="${esc(v.version)}">Shadow run</button>
      <button class="secondary small propose" data-version="${esc(v.version)}">Propose</button></td></tr>`).join('');
  const proposalList = Array.isArray(proposals) ? proposals : proposals && proposals.items;
  view.innerHTML = `<section class="card"><h2>Rule versions</h2>
    <table id="rule-versions" class="data"><thead><tr><th>Version</th><th>Description</th><th>Files</th><th>Fingerprint</th><th></th></tr></thead><tbody>${versions}</tbody></table>
    <pre id="validation" class="messages" hidden></pre></section>
  <section class="card"><div class="row-between"><h3>Shadow run</h3><button id="shadow-stop" class="secondary small">Stop shadow run</button></div>
    <div id="shadow-report"><p class="muted">Loading…</p></div></section>
  <section class="card"><h3>Proposals and approvals</h3><div id="proposals">${proposalList ? proposalTable(proposalList)
    : `<p class="muted">${esc(proposals.unavailable)}</p>`}</div></section>
  <section class="card"><h3>Recent risk actions <small class="muted">live</small></h3>
    <table id="risk-actions" class="data"><thead><tr><th>Time</th><th>Following</th><th>Action</th><th>Position</th><th>Reason</th><th>Realized</th><th>Compared</th></tr></thead>
    <tbody>${riskRows(risk.slice().reverse())}</tbody></table>
    ${risk.length ? '' : '<p class="muted" id="no-risk">No risk actions yet; new ones appear here as they happen.</p>'}</section>`;
  await showShadow();
  view.querySelector('#rule-versions').addEventListener('click', async (e) => {
    const b = e.target.closest('button');
    if (!b) return;
    const version = b.dataset.version;
    try {
      if (b.classList.contains('validate')) {
        const r = await post('/rules/validate', { version });
        const out = view.querySelector('#validation');
        out.hidden = false;
        out.className = 'messages ' + (r.valid ? 'ok' : 'bad');
        out.textContent = `${version}: ${r.valid ? 'valid' : 'INVALID'} (${r.rules ?? 0} rules)\n` + (r.messages || []).map((m) => typeof m === 'string' ? m : JSON.stringify(m)).join('\n');
      } else if (b.classList.contains('shadow')) {
        await post('/rules/shadow', { version });
        toast('Shadow run of ' + version + ' started', 'ok');
        await showShadow();
      } else if (b.classList.contains('propose')) {
        await post('/rules/proposals', { version });
        toast('Proposed ' + version, 'ok');
        renderDesk();
      }
    } catch (err) {
      toast(failure(err), 'error');
    }
  });
  view.querySelector('#shadow-stop').addEventListener('click', async () => {
    try {
      await del('/rules/shadow');
      toast('Shadow run stopped', 'ok');
    } catch (err) {
      toast(failure(err), 'error');
    }
    showShadow();
  });
  view.querySelector('#proposals').addEventListener('click', async (e) => {
    const b = e.target.closest('button[data-proposal]');
    if (!b) return;
    try {
      await post(`/rules/proposals/${enc(b.dataset.proposal)}/${b.dataset.act}`, {});
      toast(`Proposal ${b.dataset.proposal}: ${b.dataset.act}d`, 'ok');
      renderDesk();
    } catch (err) {
      toast(failure(err), 'error');
    }
  });
  listen({ types: 'RISK_ACTION' }, (ev) => {
    if (!ev) return;
    view.querySelector('#no-risk')?.remove();
    view.querySelector('#risk-actions tbody')?.insertAdjacentHTML('afterbegin', riskRows([ev]));
  });
}

function proposalTable(list) {
  if (!list.length) return '<p class="muted">No proposals.</p>';
  return `<table class="data"><thead><tr><th>Proposal</th><th>Version</th><th>Proposed by</th><th>Status</th><th></th></tr></thead><tbody>
    ${list.map((p) => `<tr><td>${esc(p.proposalId)}</td><td>${esc(p.version)}</td><td>${esc(p.proposedBy)}</td><td>${badge(p.status || 'PENDING')}</td>
    <td>${(p.status || 'PENDING') === 'PENDING' ? `<button class="small" data-proposal="${esc(p.proposalId)}" data-act="approve">Approve and activate</button>
    <button class="secondary small" data-proposal="${esc(p.proposalId)}" data-act="reject">Reject</button>` : ''}</td></tr>`).join('')}</tbody></table>`;
}

async function showShadow() {
  const box = view.querySelector('#shadow-report');
  try {
    const r = await get('/rules/shadow');
    if (!r.running && !r.version) {
      box.innerHTML = '<p class="muted">No shadow run. Start one from a version above.</p>';
      return;
    }
    const changes = Object.entries(r.byChange || {}).map(([k, v]) => `<li><b>${esc(k)}</b>: ${esc(v)}</li>`).join('');
    const examples = (r.examples || []).map((x) => `<li class="mono">${esc(JSON.stringify(x))}</li>`).join('');
    box.innerHTML = `<p>${r.running ? badge('RUNNING') : badge('STOPPED')} candidate <b>${esc(r.version)}</b>: ${esc(r.fills)} fills,
      ${esc(r.compared)} decisions compared, <b>${esc(r.differing)}</b> differ, ${esc(r.failures)} failures.</p>
      ${changes ? `<h4>Differences</h4><ul>${changes}</ul>` : ''}${examples ? `<h4>Examples</h4><ul class="examples">${examples}</ul>` : ''}`;
  } catch (e) {
    box.innerHTML = `<p class="muted">${e.status === 404 ? 'No shadow run. Start one from a version above.' : esc(failure(e))}</p>`;
  }
}

// ---------- routing ----------

async function route() {
  if (stream) {
    stream.stop();
    stream = null;
    liveStatus('off');
  }
  if (!session.token()) {
    renderSignIn();
    view.dataset.ready = location.hash;
    return;
  }
  document.body.classList.remove('signed-out');
  document.getElementById('who').textContent = session.follower() ? 'follower ' + session.follower() : '';
  const [path, query] = (location.hash.slice(1) || '/experts').split('?');
  const params = new URLSearchParams(query || '');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  document.querySelectorAll('nav a').forEach((a) => a.classList.toggle('active', a.getAttribute('href').slice(2) === parts[0]));
  view.classList.add('loading');
  try {
    if (parts[0] === 'experts' && parts[1]) await renderExpert(parts[1]);
    else if (parts[0] === 'me') await renderFollowings();
    else if (parts[0] === 'subscriptions' && parts[1]) await renderSubscription(parts[1]);
    else if (parts[0] === 'desk') await renderDesk();
    else await renderLeaderboard(params);
  } catch (e) {
    view.innerHTML = `<section class="card"><p class="error">${esc(failure(e))}</p></section>`;
  } finally {
    view.classList.remove('loading');
    view.dataset.ready = location.hash;
  }
}

window.addEventListener('hashchange', route);
window.addEventListener('copyguard:unauthorized', () => {
  session.signOut();
  toast('Your token was refused: sign in again.', 'error');
  route();
});
document.getElementById('signout').addEventListener('click', () => {
  session.signOut();
  location.hash = '';
  route();
});
route();

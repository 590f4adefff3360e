// UrbanSim policy explorer: plain JavaScript, no build step. The levers live in the address bar, so a setting can be shared.
'use strict';

// Levers a student can move, with units, slider range and step. Ranges the model allows but the slider does not show
// (funding above £1,000 a head, say) can still be given in the address; the slider then stretches to include them.
const LEVERS = [
  { name: 'funding_per_head_gbp', label: 'Funding per head', unit: '£ per resident per year', min: 0, max: 1000, step: 10, fmt: v => '£' + Math.round(v) },
  { name: 'competitive_share', label: 'Competitive share of tied money', unit: 'share, tied grants only', min: 0, max: 1, step: 0.01, fmt: pct },
  { name: 'bid_success_rate', label: 'Bid success rate', unit: 'probability per bid, tied grants only', min: 0, max: 1, step: 0.01, fmt: pct },
  { name: 'churn_rate_per_year', label: 'Churn of funding streams', unit: 'probability per stream per year, tied grants only', min: 0, max: 1, step: 0.01, fmt: pct },
  { name: 'flexibility_share', label: 'Flexibility of the single pot', unit: 'share the mayor may move between themes', min: 0, max: 1, step: 0.01, fmt: pct },
  { name: 'icb_pooled_share', label: 'ICB allocation pooled', unit: 'share of the ICB allocation, health devolution only', min: 0, max: 0.05, step: 0.001, fmt: v => (v * 100).toFixed(1) + '%' },
  { name: 'mission_commitment', label: "Mayor's mission commitment", unit: '0 to 1', min: 0, max: 1, step: 0.01, fmt: v => v.toFixed(2) },
  { name: 'analytical_capacity', label: 'Analytical capacity to value health', unit: '0 to 1', min: 0, max: 1, step: 0.01, fmt: v => v.toFixed(2) },
  { name: 'icb_partnership', label: 'Mayor–ICB partnership', unit: '0 to 1', min: 0, max: 1, step: 0.01, fmt: v => v.toFixed(2) },
  { name: 'planning_health_standard', label: 'Planning health standard', unit: 'share of schemes required to use the healthy design', min: 0, max: 1, step: 0.01, fmt: pct },
  { name: 'patient_capital_gbp_per_year', label: 'Patient capital fund', unit: '£ per year across the explorer world', min: 0, max: 500e6, step: 5e6, fmt: money },
  { name: 'horizon_years', label: 'Horizon', unit: 'years simulated', min: 5, max: 50, step: 1, fmt: v => v + ' years', meaning: 'How many years the model simulates (the charts start in the preset\'s start year).' },
];

function pct(v) { return Math.round(v * 100) + '%'; }
function money(v) { return v >= 1e9 ? '£' + (v / 1e9).toFixed(2) + 'bn' : v >= 1e6 ? '£' + Math.round(v / 1e6) + 'm' : '£' + Math.round(v); }

let meta = null, controller = null, timer = null, zones = null, linkQuery = null;
const $ = id => document.getElementById(id);

async function init() {
  meta = await (await fetch('/api/presets')).json();
  const byName = Object.fromEntries(meta.levers.map(l => [l.name, l]));
  for (const p of meta.presets) $('preset').add(new Option(p.name.replace(/_/g, ' '), p.key));
  // One radio button per settlement of the model's catalogue.
  for (const s of meta.settlements) {
    const label = document.createElement('label');
    label.title = s.description;
    const radio = document.createElement('input');
    radio.type = 'radio'; radio.name = 'settlement'; radio.value = s.name;
    label.append(radio, ' ' + s.label);
    $('settlements').appendChild(label);
  }
  const box = $('sliders');
  for (const l of LEVERS) {
    const div = document.createElement('div');
    div.className = 'field';
    div.id = 'field-' + l.name;
    const meaning = l.meaning || (byName[l.name] ? byName[l.name].meaning : '');
    div.innerHTML = `<label for="${l.name}">${l.label} <span class="unit">(${l.unit})</span></label>
      <div class="slider"><input type="range" id="${l.name}" name="${l.name}" min="${l.min}" max="${l.max}" step="${l.step}" aria-describedby="${l.name}-hint ${l.name}-effect">
      <output for="${l.name}" id="${l.name}-value"></output></div>
      <p class="hint" id="${l.name}-hint">${meaning}</p><p class="effect" id="${l.name}-effect"></p>`;
    box.appendChild(div);
    const input = div.querySelector('input');
    input.addEventListener('input', () => { showValue(l); schedule(); });
  }
  for (const t of meta.glossary) {
    const dt = document.createElement('dt'); dt.textContent = t.term;
    const dd = document.createElement('dd'); dd.textContent = t.definition;
    $('terms').append(dt, dd);
  }
  $('preset').addEventListener('change', () => { applyPreset($('preset').value); schedule(0); });
  for (const r of document.querySelectorAll('input[name=settlement]')) r.addEventListener('change', () => schedule());
  $('replications').addEventListener('change', () => schedule(0));
  $('reset').addEventListener('click', () => { applyPreset($('preset').value); schedule(0); });
  $('share').addEventListener('click', async () => {
    try { await navigator.clipboard.writeText(location.href); $('share-note').textContent = 'Link copied.'; }
    catch { $('share-note').textContent = 'Copy the address bar to share this setting.'; }
  });
  window.addEventListener('popstate', () => { fromUrl(); schedule(0, false); });
  let resized = null;
  window.addEventListener('resize', () => { clearTimeout(resized); resized = setTimeout(() => { if (chartWidth() !== lastChartWidth) schedule(0, false); }, 400); });
  fromUrl();
  schedule(0);   // the address then holds every lever, so a copied link is complete
}

function showValue(l) {
  const v = Number($(l.name).value);
  $(l.name + '-value').textContent = l.fmt(v);
  $(l.name).setAttribute('aria-valuetext', l.fmt(v) + ' ' + l.unit);
}

function setLever(name, value) {
  if (name === 'settlement') {
    for (const r of document.querySelectorAll('input[name=settlement]')) r.checked = r.value === value;
    return;
  }
  const l = LEVERS.find(x => x.name === name);
  if (!l) return;
  const input = $(name), v = Number(value);
  if (!Number.isFinite(v)) return;                       // reported by the server (see fromUrl), never silently replaced
  if (v > Number(input.max)) input.max = String(v);      // a shared link may hold a value beyond the slider's usual range
  if (v < Number(input.min)) input.min = String(v);
  input.value = value;
  showValue(l);
}

function applyPreset(key) {
  const p = meta.presets.find(x => x.key === key) || meta.presets[0];
  $('preset').value = p.key;
  $('preset-hint').textContent = p.description;
  $('world-hint').textContent = `Explorer world: ${p.zones} zones instead of ${p.full_zones}, keeping the regions and their capacity mix (${p.regions}); seed ${p.seed}. ` +
    `Baseline: the preset's first variant, ${p.baseline_variant}. Your setting starts at its last variant, ${p.initial_variant}.`;
  $('head-baseline').textContent = 'Baseline: ' + p.baseline_label;
  for (const [name, value] of Object.entries(p.initial)) setLever(name, value);
  setLever('horizon_years', p.horizon_years);
  zones = null;
}

// A link is run exactly as given the first time, so that a value the page cannot use is reported by the server, not dropped.
function fromUrl() {
  const q = new URLSearchParams(location.search);
  applyPreset(q.get('preset') || 'reference');
  for (const [k, v] of q) if (k !== 'preset') setLever(k, v);
  if (q.has('replications')) {
    const sel = $('replications');
    if (![...sel.options].some(o => o.value === q.get('replications'))) sel.add(new Option(q.get('replications'), q.get('replications')));
    sel.value = q.get('replications');
  }
  zones = q.get('zones');
  linkQuery = [...q.keys()].length > 0 ? q.toString() : null;
}

function query() {
  const q = new URLSearchParams();
  q.set('preset', $('preset').value);
  const s = document.querySelector('input[name=settlement]:checked');
  if (s) q.set('settlement', s.value);
  for (const l of LEVERS) q.set(l.name, $(l.name).value);
  q.set('replications', $('replications').value);
  if (zones) q.set('zones', zones);
  return q.toString();
}

// Charts are laid out by the server at the width they are shown at, so their text keeps its size on any screen.
let lastChartWidth = 0;
function chartWidth() {
  const box = $('charts').clientWidth || 360;
  // The figure's border and padding take 16 px; rounding down means a chart is never shown smaller than laid out.
  return Math.max(300, Math.min(1200, Math.floor((box - 16) / 10) * 10));
}

function schedule(delay = 250, push = true) {
  clearTimeout(timer);
  timer = setTimeout(() => run(push), delay);
}

async function run(push) {
  const fromLink = linkQuery !== null;
  const q = fromLink ? linkQuery : query();
  linkQuery = null;
  if (push && !fromLink) history.replaceState(null, '', '?' + q);
  $('dl-csv').href = '/api/results.csv?' + q;
  $('dl-json').href = '/api/results.json?' + q;
  if (controller) controller.abort();          // a stale request stops; the server cancels its simulation
  controller = new AbortController();
  const signal = controller.signal;
  const status = $('status');
  status.dataset.state = 'running';
  status.textContent = 'Simulating…';
  lastChartWidth = chartWidth();
  try {
    // When the question was asked, so the first answer's time as the user sees it (asked → numbers and charts on the
    // page) is in the status's data-first-answer-ms (the browser tests record it).
    const asked = performance.now();
    delete status.dataset.firstAnswerMs;
    const response = await fetch('/api/run?' + q + '&chart_width=' + lastChartWidth, { signal });
    if (!response.ok) { showError(await response.json(), fromLink); return; }
    $('error').hidden = true;
    // A link that ran is now the controls' setting: the address and the downloads say it in full.
    const shown = fromLink ? query() : q;
    if (fromLink) {
      history.replaceState(null, '', '?' + shown);
      $('dl-csv').href = '/api/results.csv?' + shown;
      $('dl-json').href = '/api/results.json?' + shown;
    }
    const reader = response.body.getReader(), decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let i;
      while ((i = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, i); buffer = buffer.slice(i + 1);
        if (!line.trim()) continue;
        const r = JSON.parse(line);
        render(r, shown);
        if (!r.error && status.dataset.firstAnswerMs === undefined) {
          status.dataset.firstAnswerReplications = r.replications;
          status.dataset.firstAnswerServerMs = r.elapsed_ms;
          status.dataset.firstAnswerMs = Math.round(performance.now() - asked);
        }
      }
    }
  } catch (e) {
    if (e.name !== 'AbortError') showError({ message: 'The server did not answer: ' + e.message });
  }
}

function showError(e, fromLink) {
  const box = $('error');
  box.hidden = false;
  box.innerHTML = '';
  const h = document.createElement('strong');
  h.textContent = fromLink ? 'This link cannot be run as it stands: ' : 'This setting cannot be run: ';
  box.appendChild(h);
  const ul = document.createElement('ul');
  for (const p of (e.problems && e.problems.length ? e.problems : [{ message: e.message }])) {
    const li = document.createElement('li'); li.textContent = p.message + (p.allowed && !p.message.includes(p.allowed) ? ` (allowed: ${p.allowed})` : ''); ul.appendChild(li);
  }
  box.appendChild(ul);
  if (fromLink) {
    const p = document.createElement('p');
    p.textContent = 'The levers show the preset\'s values where the link\'s could not be used; move any lever to run with what is shown.';
    box.appendChild(p);
  }
  // Results of an earlier setting would be mistaken for this one's: clear them.
  $('numbers').querySelector('tbody').innerHTML = '';
  for (const id of ['drivers']) $(id).innerHTML = '';
  for (const id of ['check', 'disagreement', 'over-time']) $(id).hidden = true;
  $('charts').innerHTML = '';
  $('headline').textContent = '';
  $('status').dataset.state = 'error';
  $('status').textContent = 'No results: fix the setting.';
}

function fmtNumber(x, n) {
  if (x === null || x === undefined) return '–';
  const v = x / n.divisor;
  const a = Math.abs(v);
  return a >= 100 ? v.toFixed(0) : a >= 10 ? v.toFixed(1) : a >= 1 ? v.toFixed(2) : v.toFixed(3);
}

function signed(text) { return text.startsWith('-') ? '−' + text.slice(1) : text === '0.000' ? text : '+' + text; }

function list(ul, items) {
  ul.innerHTML = '';
  for (const s of items) { const li = document.createElement('li'); li.textContent = s; ul.appendChild(li); }
}

function render(r, q) {
  if (r.error) { showError(r); return; }
  const status = $('status');
  status.dataset.state = r.complete ? 'complete' : 'refining';
  status.dataset.replications = r.replications;
  status.textContent = r.complete
    ? `${r.replications.toLocaleString('en-GB')} replications (${r.zones} zones, ${r.horizon_years} years, seed ${r.seed}) in ${(r.elapsed_ms / 1000).toFixed(1)} s.`
    : `First answer from ${r.replications.toLocaleString('en-GB')} of ${r.replications_target.toLocaleString('en-GB')} replications (${(r.elapsed_ms / 1000).toFixed(1)} s); refining…`;
  $('head-baseline').textContent = 'Baseline: ' + r.baseline_label;

  const body = $('numbers').querySelector('tbody');
  body.innerHTML = '';
  for (const n of r.numbers) {
    const tr = document.createElement('tr');
    tr.id = 'row-' + n.outcome;
    const d = n.difference;
    const tone = n.direction === 'neither' || d.clearly === 'unclear' ? '' : d.clearly;
    const range = s => `${fmtNumber(s.mean, n)} <span class="range">(${fmtNumber(s.p5, n)}–${fmtNumber(s.p95, n)})</span>`;
    tr.innerHTML = `<th scope="row">${n.label} <span class="unit">${n.unit}</span></th>
      <td data-label="Baseline" data-value="${n.baseline.mean}">${range(n.baseline)}</td>
      <td data-label="Your setting" data-value="${n.your_setting.mean}">${range(n.your_setting)}</td>
      <td data-label="Difference" class="${tone}" data-value="${d.mean}">${signed(fmtNumber(d.mean, n))}${d.changes_sign_over_horizon ? '†' : ''} <span class="range">(${fmtNumber(d.ci95_low, n)} to ${fmtNumber(d.ci95_high, n)})</span></td>`;
    body.appendChild(tr);
  }
  const hle = r.numbers.find(n => n.outcome === 'hle_years');
  $('headline').textContent = `Healthy life expectancy: ${signed(fmtNumber(hle.difference.mean, hle))} years against ${r.baseline_label} (${r.replications.toLocaleString('en-GB')} replications${r.complete ? '' : ', refining'})`;

  list($('drivers'), r.drivers);
  $('over-time').hidden = r.over_time.length === 0;
  list($('over-time').querySelector('ul'), r.over_time);

  const dis = $('disagreement');
  dis.hidden = !r.disagreement.disagree;
  if (r.disagreement.disagree) {
    dis.innerHTML = '';
    const p = document.createElement('p');
    p.textContent = `The headline outcomes disagree. ${r.disagreement.sentence} Why, from the model's own accounting:`;
    const ul = document.createElement('ul');
    list(ul, r.disagreement.why);
    dis.append(p, ul);
  }

  const check = $('check');
  check.hidden = false;
  check.className = r.full_check.available && !r.full_check.agrees ? 'warning' : '';
  check.innerHTML = '';
  const strong = document.createElement('strong');
  strong.textContent = r.full_check.available ? (r.full_check.agrees ? 'Full-scenario check: ' : 'Small world and full model disagree. ') : 'No full-scenario check. ';
  check.append(strong, r.full_check.message);

  for (const e of r.levers) {
    const field = $('field-' + e.name);
    if (!field) continue;
    field.classList.toggle('inactive', !e.active);
    $(e.name + '-effect').textContent = e.note;
  }

  const charts = $('charts');
  for (const c of r.charts) {
    let fig = $('fig-' + c.stem);
    if (!fig) {
      fig = document.createElement('figure');
      fig.id = 'fig-' + c.stem;
      fig.innerHTML = `<div class="chart" role="img"></div><figcaption><span class="alt"></span>
        <span class="chart-dl">Download (report size, with the setting in its caption): <a data-ext="svg" download>SVG</a> · <a data-ext="png" download>PNG</a></span></figcaption>`;
      charts.appendChild(fig);
    }
    const box = fig.querySelector('.chart');
    box.innerHTML = c.svg;
    box.setAttribute('aria-label', c.alt);
    fig.querySelector('.alt').textContent = c.alt;
    for (const a of fig.querySelectorAll('a[data-ext]')) a.href = `/api/chart/${c.stem}.${a.dataset.ext}?${q}`;
  }
}

document.addEventListener('DOMContentLoaded', init);

// Pure playground: the settings live in the URL fragment; the server trains (the core's compiled step) and
// streams frames over Server-Sent Events; this file only draws them.
"use strict";
const $ = id => document.getElementById(id);
const defaults = { dataset: "xor", noise: 0, test: 0.5, points: 400, batch: 10, seed: 0, features: ["x1", "x2"],
  layers: [{ units: 4, activation: "tanh", dropout: 0 }, { units: 2, activation: "tanh", dropout: 0 }], init: "", optimizer: "sgd", lr: 0.03, l1: 0, l2: 0 };
const presets = {
  xor: [["two tanh layers", {}], ["one product feature, no hidden layer", { features: ["x1x2"], layers: [] }]],
  circle: [["squares, no hidden layer", { features: ["x1^2", "x2^2"], layers: [] }], ["four tanh units", { layers: [{ units: 4, activation: "tanh", dropout: 0 }] }]],
  gauss: [["linear", { layers: [] }]],
  spiral: [["deep ReLU, all features", { features: ["x1", "x2", "x1^2", "x2^2", "x1x2", "sin(x1)", "sin(x2)"], optimizer: "adam", lr: 0.01,
    layers: [8, 8, 8, 8, 8, 8].map(u => ({ units: u, activation: "relu", dropout: 0 })) }]],
  moons: [["two ReLU layers, Adam", { optimizer: "adam", lr: 0.01, layers: [{ units: 8, activation: "relu", dropout: 0 }, { units: 8, activation: "relu", dropout: 0.1 }] }]],
  sine: [["two tanh layers, Adam", { optimizer: "adam", lr: 0.01, layers: [{ units: 8, activation: "tanh", dropout: 0 }, { units: 8, activation: "tanh", dropout: 0 }] }]],
  plane: [["linear", { layers: [] }]],
  csv: [["two tanh layers", {}]],
};
let settings = structuredClone(defaults), catalogue = null, run = null, source = null, csv = null, history = [], lastFrame = null;

// ---------- the fragment: a link reproduces the run exactly ----------
function toFragment(s) {
  const p = new URLSearchParams({ dataset: s.dataset, noise: s.noise, test: s.test, points: s.points, batch: s.batch, seed: s.seed,
    features: s.features.join(","), layers: s.layers.map(l => `${l.units}:${l.activation}:${l.dropout}`).join(","), init: s.init, optimizer: s.optimizer, lr: s.lr, l1: s.l1, l2: s.l2 });
  return "#" + p.toString();
}
function fromFragment(hash) {
  const s = structuredClone(defaults), p = new URLSearchParams(hash.replace(/^#/, ""));
  const num = (k, v) => p.has(k) && p.get(k) !== "" && !isNaN(+p.get(k)) ? +p.get(k) : v;
  if (p.has("dataset")) s.dataset = p.get("dataset");
  s.noise = num("noise", s.noise); s.test = num("test", s.test); s.points = num("points", s.points); s.batch = num("batch", s.batch); s.seed = num("seed", s.seed);
  if (p.has("features")) s.features = p.get("features").split(",").filter(f => f);
  if (p.has("layers")) s.layers = p.get("layers").split(",").filter(l => l).map(l => { const [u, a, d] = l.split(":"); return { units: +u, activation: a || "tanh", dropout: +(d || 0) }; });
  if (p.has("init")) s.init = p.get("init");
  if (p.has("optimizer")) s.optimizer = p.get("optimizer");
  s.lr = num("lr", s.lr); s.l1 = num("l1", s.l1); s.l2 = num("l2", s.l2);
  return s;
}

// ---------- controls ----------
function options(select, values, labels) { select.innerHTML = values.map((v, i) => `<option value="${v}">${labels ? labels[i] : v}</option>`).join(""); }
function render() {
  $("dataset").value = settings.dataset;
  options($("preset"), ["", ...(presets[settings.dataset] || []).map((_, i) => i)], ["—", ...(presets[settings.dataset] || []).map(p => p[0])]);
  $("noise").value = settings.noise; $("noise-value").textContent = settings.noise;
  $("test").value = settings.test; $("test-value").textContent = Math.round(settings.test * 100) + " %";
  $("points").value = settings.points; $("batch").value = settings.batch; $("seed").value = settings.seed;
  $("features").innerHTML = catalogue.features.map(f => `<label><input type="checkbox" value="${f}" ${settings.features.includes(f) ? "checked" : ""}> ${f}</label>`).join("");
  $("layers").innerHTML = settings.layers.map((l, i) => `<div class="layer" data-i="${i}">layer ${i + 1}
    <label>units <input type="number" class="units" min="1" max="${catalogue.mostUnits}" value="${l.units}"></label>
    <label><select class="activation">${catalogue.activations.map(a => `<option ${a === l.activation ? "selected" : ""}>${a}</option>`).join("")}</select></label>
    <label>dropout <input type="number" class="dropout" min="0" max="0.9" step="0.05" value="${l.dropout}"></label></div>`).join("");
  $("init").value = settings.init; $("optimizer").value = settings.optimizer; $("lr").value = settings.lr; $("l1").value = settings.l1; $("l2").value = settings.l2;
}
function read() {
  const s = settings;
  s.dataset = $("dataset").value; s.noise = +$("noise").value; s.test = +$("test").value; s.points = +$("points").value; s.batch = +$("batch").value; s.seed = +$("seed").value;
  s.features = [...document.querySelectorAll("#features input:checked")].map(e => e.value);
  s.layers = [...document.querySelectorAll("#layers .layer")].map(e => ({ units: +e.querySelector(".units").value, activation: e.querySelector(".activation").value, dropout: +e.querySelector(".dropout").value }));
  s.init = $("init").value; s.optimizer = $("optimizer").value; s.lr = +$("lr").value; s.l1 = +$("l1").value; s.l2 = +$("l2").value;
}
function changed() { read(); history_replace(); start(); }
function history_replace() { history.length = 0; window.history.replaceState(null, "", toFragment(settings)); }

// ---------- the run ----------
function message(text) { $("message").textContent = text || ""; }
async function start() {
  stop();
  message("");
  render();
  if (settings.dataset === "csv" && !csv) { message("drop a CSV on the page (two numeric features and a label), or pick one above"); return; }
  const body = { settings: { dataset: settings.dataset, noise: settings.noise, testFraction: settings.test, batch: settings.batch, points: settings.points,
    features: settings.features, layers: settings.layers, init: settings.init || null, optimizer: settings.optimizer, learningRate: settings.lr, l1: settings.l1, l2: settings.l2, seed: settings.seed } };
  if (settings.dataset === "csv") { body.csv = csv.text; body.csvName = csv.name; }
  const response = await fetch("api/runs", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const answer = await response.json().catch(() => ({ error: `the server answered ${response.status} without a message` }));
  if (!response.ok) {
    message(answer.error); run = null;
    for (const id of ["output", "losses", "diagram"]) { const c = $(id); c.getContext("2d").clearRect(0, 0, c.width, c.height); }
    $("units").innerHTML = ""; $("epoch").textContent = "0"; $("train-loss").textContent = "–"; $("test-loss").textContent = "–";
    return;
  }
  run = answer; history.length = 0; lastFrame = null;
  source = new EventSource(`api/runs/${run.id}/events`);
  source.addEventListener("frame", e => draw(JSON.parse(e.data)));
  source.addEventListener("failed", e => { message(JSON.parse(e.data).error + " — lower the learning rate"); setPlaying(false); });
  setPlaying(false);
}
function stop() { if (source) source.close(); source = null; }
let playing = false;
function setPlaying(on) { playing = on; $("play").textContent = on ? "pause" : "play"; }
async function control(action) { if (run) await fetch(`api/runs/${run.id}/${action}`, { method: "POST" }); }

// ---------- drawing ----------
const orange = [245, 147, 34], blue = [8, 119, 189], white = [255, 255, 255];
function colour(t) { // t in [0, 1]: orange → white → blue
  const [a, b, u] = t < 0.5 ? [orange, white, t * 2] : [white, blue, (t - 0.5) * 2];
  return a.map((v, i) => Math.round(v + (b[i] - v) * u));
}
function heat(canvas, values, n, scale) {
  const g = canvas.getContext("2d"), image = g.createImageData(n, n);
  for (let i = 0; i < n * n; i++) { const c = colour(scale(values[i])); image.data.set([c[0], c[1], c[2], 255], 4 * i); }
  const off = document.createElement("canvas"); off.width = n; off.height = n; off.getContext("2d").putImageData(image, 0, 0);
  g.imageSmoothingEnabled = true; g.clearRect(0, 0, canvas.width, canvas.height); g.drawImage(off, 0, 0, canvas.width, canvas.height);
}
function draw(frame) {
  lastFrame = frame;
  $("epoch").textContent = frame.epoch;
  $("train-loss").textContent = isFinite(frame.trainLoss) ? frame.trainLoss.toFixed(4) : "–";
  $("test-loss").textContent = frame.testLoss.toFixed(4);
  if (frame.epoch > 0) history.push([frame.epoch, frame.trainLoss, frame.testLoss]);
  const [x0, x1, y0, y1] = run.bounds, out = $("output");
  const targets = run.points.map(p => p[2]), lo = Math.min(...targets), hi = Math.max(...targets);
  const scale = run.regression ? v => (v - lo) / (hi - lo || 1) : v => v;
  heat(out, frame.output, run.outputGrid, scale);
  const g = out.getContext("2d");
  for (const [x, y, label, test] of run.points) {
    const px = (x - x0) / (x1 - x0) * out.width, py = (y1 - y) / (y1 - y0) * out.height, c = colour(scale(label));
    g.beginPath(); g.arc(px, py, 3.2, 0, 2 * Math.PI);
    // both filled with their class's colour: a training point ringed in white, a test point in black
    g.fillStyle = `rgb(${c})`; g.fill(); g.lineWidth = 1.2; g.strokeStyle = test ? "#222" : "white"; g.stroke();
  }
  units(frame); diagram(frame); losses();
}
function units(frame) {
  const box = $("units"); box.innerHTML = "";
  frame.units.forEach((layer, l) => {
    const column = document.createElement("div"); column.className = "column"; column.title = `layer ${l + 1}`;
    layer.forEach(values => {
      const c = document.createElement("canvas"); c.width = 48; c.height = 48; column.appendChild(c);
      const m = Math.max(1e-6, ...values.map(Math.abs));
      heat(c, values, run.unitGrid, v => 0.5 + 0.5 * v / m);
    });
    box.appendChild(column);
  });
}
function diagram(frame) {
  const c = $("diagram"), g = c.getContext("2d"); g.clearRect(0, 0, c.width, c.height);
  const widths = [settings.features.length, ...frame.units.map(u => u.length), 1], cols = widths.length;
  const at = (col, i) => [20 + col * (c.width - 40) / (cols - 1), (i + 1) * c.height / (widths[col] + 1)];
  const m = Math.max(1e-6, ...frame.weights.flat(2).map(Math.abs));
  frame.weights.forEach((w, col) => w.forEach((row, out) => row.forEach((v, input) => {
    const [ax, ay] = at(col, input), [bx, by] = at(col + 1, out);
    g.beginPath(); g.moveTo(ax, ay); g.lineTo(bx, by); g.lineWidth = 0.3 + 4 * Math.abs(v) / m; g.strokeStyle = v >= 0 ? "rgba(8,119,189,0.8)" : "rgba(245,147,34,0.8)"; g.stroke();
  })));
  widths.forEach((n, col) => { for (let i = 0; i < n; i++) { const [x, y] = at(col, i); g.beginPath(); g.arc(x, y, 6, 0, 2 * Math.PI); g.fillStyle = "#183d4e"; g.fill(); } });
  g.fillStyle = "#555"; g.font = "11px sans-serif";
  settings.features.forEach((f, i) => { const [x, y] = at(0, i); g.fillText(f, x - 18, y - 9); });
}
function losses() {
  const c = $("losses"), g = c.getContext("2d"); g.clearRect(0, 0, c.width, c.height);
  if (history.length < 2) return;
  const top = Math.max(...history.flatMap(h => [h[1], h[2]]).filter(isFinite)), last = history[history.length - 1][0];
  [[1, "#183d4e"], [2, "#f59322"]].forEach(([k, colour]) => {
    g.beginPath(); history.forEach((h, i) => { const x = h[0] / last * (c.width - 10) + 5, y = c.height - 5 - h[k] / top * (c.height - 20); i ? g.lineTo(x, y) : g.moveTo(x, y); });
    g.strokeStyle = colour; g.lineWidth = 1.5; g.stroke();
  });
  g.fillStyle = "#555"; g.font = "11px sans-serif"; g.fillText("train", 8, 12); g.fillStyle = "#f59322"; g.fillText("test", 48, 12);
}

// ---------- a dropped CSV ----------
function takeFile(file) {
  if (!file) return;
  file.text().then(text => { csv = { name: file.name, text }; settings.dataset = "csv"; render(); history_replace(); start(); });
}
window.addEventListener("dragover", e => { e.preventDefault(); $("drop").hidden = false; });
window.addEventListener("dragleave", e => { if (e.target === $("drop")) $("drop").hidden = true; });
window.addEventListener("drop", e => { e.preventDefault(); $("drop").hidden = true; takeFile(e.dataTransfer.files[0]); });

// ---------- wiring ----------
async function main() {
  catalogue = await (await fetch("api/catalogue")).json();
  options($("optimizer"), catalogue.optimizers);
  $("init").innerHTML += catalogue.initialisers.map(i => `<option value="${i}">${i}</option>`).join("");
  settings = fromFragment(location.hash);
  render();
  for (const id of ["dataset", "noise", "test", "points", "batch", "seed", "init", "optimizer", "lr", "l1", "l2"]) $(id).addEventListener("change", changed);
  $("features").addEventListener("change", changed);
  $("layers").addEventListener("change", changed);
  $("preset").addEventListener("change", () => {
    const p = (presets[settings.dataset] || [])[+$("preset").value]; if (!p) return;
    settings = Object.assign(structuredClone(defaults), { dataset: settings.dataset, noise: settings.noise, seed: settings.seed }, structuredClone(p[1]));
    history_replace(); start();
  });
  $("csv-file").addEventListener("change", e => takeFile(e.target.files[0]));
  $("add-layer").addEventListener("click", () => { if (settings.layers.length < catalogue.mostLayers) { settings.layers.push({ units: 4, activation: "tanh", dropout: 0 }); render(); changed(); } });
  $("remove-layer").addEventListener("click", () => { settings.layers.pop(); render(); changed(); });
  $("play").addEventListener("click", () => { setPlaying(!playing); control(playing ? "play" : "pause"); });
  $("step").addEventListener("click", () => { setPlaying(false); control("pause").then(() => control("step")); });
  $("reset").addEventListener("click", () => start());
  window.addEventListener("hashchange", () => { settings = fromFragment(location.hash); start(); });
  window.addEventListener("pagehide", () => { if (run) navigator.sendBeacon(`api/runs/${run.id}/pause`); stop(); });
  history_replace();
  start();
}
main();

// The check page: pick or drop a course file, get the report (or the CLI's errors) on the page. Nothing leaves
// the browser. Every piece of data text is put in with textContent, never as markup.
import { checkCourse } from "./check.js";
import { expectedWords, gap, t, tn, valueLabel } from "./engine.js";

const lang = document.documentElement.lang === "nl" ? "nl" : "en";
const root = document.querySelector("[data-cr-check]");
const status = document.getElementById("cr-status");
const output = document.getElementById("cr-output");
let bundle = null;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined) node.append(c instanceof Node ? c : String(c));
  return node;
}

const s = (key, values) => t(bundle, `report.${key}`, lang, values);
const state = (met) => s(met ? "met" : "not-met");
const kind = (text) => t(bundle, `kind.${text.kind[lang]}`, lang).toLowerCase();
const base = root.dataset.root;  // the language root, relative to this page

function safeHref(url) {
  return /^[a-z0-9][a-z0-9/#._-]*$/u.test(url) ? base + url : "#";
}

function facts(data) {
  const c = data.course;
  const outcomes = c.modules.reduce((n, m) => n + m.outcomes.length, 0);
  const titles = Object.fromEntries(data.requirement_sets.concat(data.not_applied).map((x) => [x.id, x.title[lang]]));
  const mode = [s(c.mode.dual ? "dual" : "not-dual")];
  if ("practice_hours" in c.mode) mode.push(s("practice-hours", { n: c.mode.practice_hours }));
  if ("training_hours" in c.mode) mode.push(s("training-hours", { n: c.mode.training_hours }));
  if ("off_the_job_hours" in c.mode) mode.push(s("off-the-job-hours", { n: c.mode.off_the_job_hours }));
  if ("duration_months" in c.mode) mode.push(s("duration-months", { n: c.mode.duration_months }));
  const edition = data.edition.frameworks.map((f) => `${f.name[lang]} ${f.version}`).join(", ");
  return [
    [s("programme"), c.programme], [s("provider"), c.provider], [t(bundle, "version", lang), c.version],
    [t(bundle, "level", lang), valueLabel(bundle, "level", c.level, lang)], [s("mode"), mode.join("; ")],
    [s("modules"), `${tn(bundle, "report.modules-n", c.modules.length, lang)}, ${tn(bundle, "report.outcomes-n", outcomes, lang)}`],
    [s("targets"), c.targets.map((x) => titles[x] || x).join(", ") || s("no-targets")],
    [t(bundle, "file", lang), data.file], [s("file-sha256"), data.file_sha256], [s("checked"), data.checked],
    [s("edition"), s("edition-value", { frameworks: edition, hash: data.edition.standards })],
  ];
}

function detail(c) {
  if (!c.met) return gap(bundle, c, lang);
  if (c.rule === "covers-all") return s("covered-count", { c: c.covered, t: c.total });
  return s("field-value", { value: c.actual === null ? "—" : valueLabel(bundle, c.field, c.actual, lang),
    expected: expectedWords(bundle, c, lang) });
}

function evidence(r) {
  return s("evidence-row", { module: r.module_title, module_id: r.module, outcome: r.outcome, text: r.outcome_text });
}

function item(i) {
  const li = el("li", { class: i.covered ? "cr-covered" : "cr-uncovered" },
    el("a", { href: safeHref(i.url) }, i.name[lang]), ": ",
    i.covered ? s("covered") : el("strong", {}, s("not-covered").toUpperCase()), ". ", i.statement[lang]);
  const sub = el("ul");
  for (const p of i.subpoints) sub.append(el("li", {}, p[lang]));
  for (const r of i.covered_by) sub.append(el("li", {}, `${s("evidence")}: ${evidence(r)}`));
  for (const x of i.indirect) {
    sub.append(el("li", {}, s("indirect-explained", { outcome: x.outcome, module: x.module_title, via: x.via_name[lang],
      relation: x.relation_label[lang].toLowerCase() }), " (", el("a", { href: safeHref(x.via_url) }, x.via_name[lang]), ")"));
  }
  if (sub.children.length) li.append(sub);
  return li;
}

function renderReport(data) {
  const out = el("article", { class: "cr-report", "aria-labelledby": "cr-report-title" });
  out.append(el("h2", { id: "cr-report-title" }, s("title")));
  out.append(el("p", { class: `cr-verdict ${data.compliant ? "cr-verdict--ok" : "cr-verdict--fail"}` },
    el("strong", {}, data.verdict[lang])));
  const table = el("table", { class: "cr-facts" }, el("caption", {}, s("details")));
  const body = el("tbody");
  for (const [label, value] of facts(data)) body.append(el("tr", {}, el("th", { scope: "row" }, label), el("td", {}, value)));
  table.append(body);
  out.append(table);
  out.append(el("h3", {}, s("applied")));
  const applied = el("ul");
  for (const rs of data.requirement_sets) applied.append(el("li", {}, `${rs.title[lang]}: ${s(`applied-${rs.because}`)}`));
  out.append(applied);
  if (data.not_applied.length) {
    out.append(el("h3", {}, s("not-applied")));
    const list = el("ul");
    for (const n of data.not_applied) list.append(el("li", {}, n.title[lang]));
    out.append(list);
  }
  for (const rs of data.requirement_sets) {
    out.append(el("h3", {}, `${rs.title[lang]}: ${state(rs.met)}`));
    out.append(el("p", {}, `${s("source")}: ${rs.source[lang]} `, el("em", {}, `(${kind(rs.source)})`)));
    const conds = el("table", { class: "cr-conditions" }, el("caption", {}, s("conditions")));
    conds.append(el("thead", {}, el("tr", {}, ...["condition", "result", "details"].map((k) => el("th", { scope: "col" }, s(k))))));
    const rows = el("tbody");
    for (const c of rs.conditions) {
      const cell = el("td", {}, `${c.statement[lang]} `, el("em", {}, `(${kind(c.statement)})`));
      if (c.quote) cell.append(el("br"), `${s("quote")}: “${c.quote[lang]}” `, el("em", {}, `(${kind(c.quote)})`));
      rows.append(el("tr", {}, cell,
        el("td", {}, c.met ? state(true) : el("strong", {}, state(false))), el("td", {}, detail(c))));
    }
    conds.append(rows);
    out.append(conds);
    for (const c of rs.conditions.filter((x) => x.rule === "covers-all")) {
      for (const g of c.groups) {
        out.append(el("h4", {}, g.title[lang]));
        const list = el("ul", { class: "cr-items" });
        for (const i of c.items.filter((x) => x.group === g.id)) list.append(item(i));
        out.append(list);
      }
    }
  }
  out.append(el("p", {}, s("rechecked")));
  return out;
}

function renderProblems(result) {
  const list = el("ul", { class: "cr-problems" });
  for (const p of result.problems) {
    const at = p.pointer ? ` (at ${p.pointer})` : "";
    const li = el("li", {}, el("code", {}, `${p.path}:${p.line}:${p.col}: ${p.severity}[${p.code}] ${p.message}${at}`));
    if (p.hint) li.append(el("br"), `${t(bundle, "check.hint", lang)}: ${p.hint}`);
    list.append(li);
  }
  return list;
}

function actions(data) {
  const json = JSON.stringify(data, null, 2) + "\n";
  const download = el("a", { class: "md-button", download: `${data.file.replace(/\.[^.]*$/u, "")}-report.json` },
    t(bundle, "check.download", lang));
  download.href = URL.createObjectURL(new Blob([json], { type: "application/json" }));
  const print = el("button", { type: "button", class: "md-button" }, t(bundle, "check.print", lang));
  print.addEventListener("click", () => window.print());
  return el("p", { class: "cr-actions" }, download, " ", print);
}

async function run(file) {
  output.replaceChildren();
  document.body.classList.add("cr-has-report");
  status.textContent = t(bundle, "check.working", lang, { file: file.name });
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = await checkCourse(bundle, file.name, bytes);
    if (result.report) {
      output.append(actions(result.report), renderReport(result.report));
      status.textContent = t(bundle, "check.done", lang, { file: file.name });
    } else {
      const heading = el("h2", { id: "cr-errors" }, t(bundle, "check.invalid", lang, { file: file.name }));
      output.append(heading, renderProblems(result.problems));
      status.textContent = heading.textContent;
    }
    window.__crLast = result;
  } catch (e) {
    status.textContent = t(bundle, "check.failed", lang, { error: String(e && e.message ? e.message : e) });
    window.__crLast = { failed: String(e) };
  }
}

async function start() {
  const response = await fetch(root.dataset.bundle);
  bundle = await response.json();
  const input = document.getElementById("cr-file");
  input.addEventListener("change", () => { if (input.files[0]) run(input.files[0]); });
  const drop = document.getElementById("cr-drop");
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("cr-drop--over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("cr-drop--over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("cr-drop--over");
    if (e.dataTransfer.files[0]) run(e.dataTransfer.files[0]);
  });
  input.disabled = false;
  status.textContent = t(bundle, "check.ready", lang);
  window.__crCheck = (name, bytes, checked) => checkCourse(bundle, name, bytes, checked);
}

start().catch((e) => { status.textContent = `${String(e)}`; });

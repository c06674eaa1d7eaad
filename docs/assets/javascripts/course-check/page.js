// The check page: pick or drop a course file, get the report (or the CLI's errors) on the page; or a saved report,
// and see what changed since its edition. Nothing leaves the browser. Every piece of data text is put in with
// textContent, never as markup.
import { checkCourse } from "./check.js";
import { editionWords, expectedWords, gap, joinWords, t, tn, valueLabel } from "./engine.js";
import { change, isReport, reopen } from "./reopen.js";
import { setMessages, wordsIn } from "./messages.js";

const lang = document.documentElement.lang === "nl" ? "nl" : "en";
const root = document.querySelector("[data-cr-check]");
const status = document.getElementById("cr-status");
const output = document.getElementById("cr-output");
let bundle = null;

// Characters that steer or hide text (bidi overrides, C1 controls, line separators; data.json "steering", from
// diagnostics/report.py): the page shows them escaped, as the CLI writes them, so "SEY :tnailpmoC" after U+202E
// cannot read "Compliant: YES". Set once data.json has loaded.
let steering = null;
const escaped = (ch) => {
  const code = ch.codePointAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
};
const shown = (text) => (steering ? text.replace(steering, escaped) : text);
/** JSON text with the steering characters written as \u escapes, as the CLI's report.json_safe does. */
const jsonSafe = (text) => (steering ? text.replace(steering, (ch) => `\\u${ch.codePointAt(0).toString(16).padStart(4, "0")}`) : text);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined) node.append(c instanceof Node ? c : shown(String(c)));
  return node;
}

const s = (key, values) => t(bundle, `report.${key}`, lang, values);
const state = (met) => s(met ? "met" : "not-met");
// As render.py: an unmet inference of ours is "to review", not "not met"; a set's heading counts the points to review.
const conditionState = (c) => (c.met ? state(true) : s(c.basis === "inference" ? "to-review" : "not-met"));
const setState = (rs) => (rs.review.length ? `${state(rs.met)}; ${s("to-review")}: ${rs.review.length}` : state(rs.met));
const kind = (text) => t(bundle, `kind.${text.kind[lang]}`, lang).toLowerCase();
const base = root.dataset.root;  // the language root, relative to this page

function safeHref(url) {
  return /^[a-z0-9][a-z0-9/#._-]*$/u.test(url) ? base + url : "#";
}

/** The frameworks of the data edition the report rests on: those of the applied sets and of the items the course
 *  covers (every framework when it names none of them); report_words.py used_frameworks says the same. */
function usedFrameworks(data) {
  const used = new Set(data.requirement_sets.map((rs) => rs.framework));
  for (const m of data.course.modules) for (const o of m.outcomes) for (const ref of o.covers) used.add(ref.split(":")[0]);
  const found = data.edition.frameworks.filter((f) => used.has(f.id));
  return found.length ? found : data.edition.frameworks;
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
  const versions = usedFrameworks(data).map((f) => `${f.name[lang]} ${f.version}`).join(", ");
  const words = editionWords(bundle, data.edition, lang);
  const edition = s("edition-value", { edition: words, frameworks: versions, hash: data.edition.standards });
  return [
    [s("programme"), c.programme], [s("provider"), c.provider], [t(bundle, "version", lang), c.version],
    [t(bundle, "level", lang), valueLabel(bundle, "level", c.level, lang)], [s("mode"), mode.join("; ")],
    [s("modules"), `${tn(bundle, "report.modules-n", c.modules.length, lang)}, ${tn(bundle, "report.outcomes-n", outcomes, lang)}`],
    [s("targets"), c.targets.map((x) => titles[x] || x).join(", ") || s("no-targets")],
    [t(bundle, "file", lang), data.file], [s("file-sha256"), data.file_sha256], [s("checked"), data.checked],
    [s("edition"), [el("a", { href: base + bundle.editions_page }, words), edition.slice(words.length)]],
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
    el("a", { href: safeHref(i.url) }, i.name[lang]), " (", el("code", {}, i.id), "): ", // the id, to copy into covers
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
  const verdictClass = data.compliant === null ? "cr-verdict--info" : data.compliant ? "cr-verdict--ok" : "cr-verdict--fail";
  out.append(el("p", { class: `cr-verdict ${verdictClass}`, id: "cr-verdict", tabindex: "-1" },
    el("strong", {}, data.verdict[lang])));
  const table = el("table", { class: "cr-table cr-facts" }, el("caption", {}, s("details")));
  const body = el("tbody");
  for (const [label, value] of facts(data)) {
    body.append(el("tr", {}, el("th", { scope: "row" }, label), el("td", {}, ...[].concat(value))));
  }
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
    out.append(el("h3", {}, `${rs.title[lang]}: ${setState(rs)}`));
    out.append(el("p", {}, `${s("source")}: ${rs.source[lang]} `, el("em", {}, `(${kind(rs.source)})`)));
    const conds = el("table", { class: "cr-table cr-conditions" }, el("caption", {}, s("conditions")));
    conds.append(el("thead", {}, el("tr", {}, ...["condition", "result", "details"].map((k) => el("th", { scope: "col" }, s(k))))));
    const rows = el("tbody");
    for (const c of rs.conditions) {
      const cell = el("td", {}, `${c.statement[lang]} `,
        el("em", {}, `(${kind(c.statement)}; ${s(`basis.${c.basis}`)})`));
      if (c.quote) cell.append(el("br"), `${s("quote")}: “${c.quote[lang]}” `, el("em", {}, `(${kind(c.quote)})`));
      rows.append(el("tr", {}, cell,
        el("td", {}, c.met ? conditionState(c) : el("strong", {}, conditionState(c))), el("td", {}, detail(c))));
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

// The words of a place (keys written out whole: tests/test_strings.py finds every key it uses).
const PLACE = { module: "check.place-module", "module-unnamed": "check.place-module-unnamed",
  outcome: "check.place-outcome", "outcome-unnamed": "check.place-outcome-unnamed" };

/** Where a problem is, as people count: "module 5 (M5), learning outcome 2 (o2), field covers, entry 1", from its
 *  JSON pointer and the ids the file gives; a problem with no pointer is at its line and column. */
function place(p, places) {
  const c = (key, values) => t(bundle, key, lang, values);
  if (!p.pointer) return c("check.place-line", { line: p.line, col: p.col });
  const tokens = p.pointer.split("/").slice(1).map((x) => x.replace(/~1/gu, "/").replace(/~0/gu, "~"));
  const index = (x) => (/^\d+$/u.test(x ?? "") ? Number(x) : -1);
  const named = (kind, n, id) => (id ? c(PLACE[kind], { n, id }) : c(PLACE[`${kind}-unnamed`], { n }));
  const parts = [];
  let rest = tokens;
  const m = tokens[0] === "modules" ? index(tokens[1]) : -1;
  if (m >= 0) {
    const module = (places || [])[m] || { id: null, outcomes: [] };
    parts.push(named("module", m + 1, module.id));
    rest = tokens.slice(2);
    const o = rest[0] === "outcomes" ? index(rest[1]) : -1;
    if (o >= 0) {
      parts.push(named("outcome", o + 1, module.outcomes[o]));
      rest = rest.slice(2);
    }
  }
  for (const token of rest) {
    parts.push(index(token) >= 0 ? c("check.place-entry", { n: index(token) + 1 }) : c("check.place-field", { name: token }));
  }
  return parts.join(", ");
}

/** Each problem in the reader's language (what is wrong, where, what to do: the code's wording from
 *  diagnostics/codes.py), then the CLI's own line and hint, word for word. */
function renderProblems(result, places, words) {
  const list = el("ul", { class: "cr-problems" });
  const listed = bundle.limits.problems_shown;  // the first ones; the CLI lists them all (data.json, limits.py)
  for (const [i, p] of result.problems.slice(0, listed).entries()) {
    const code = bundle.codes[p.code];
    const said = (words || [])[i] || { message: p.message, hint: p.hint };
    const li = el("li", {});
    if (code) {
      const hint = wordsIn(said.hint, lang);
      li.append(el("p", {}, el("strong", {}, code.wrong[lang]), ` (${place(p, places)}): ${wordsIn(said.message, lang)}`),
        el("p", {}, `${t(bundle, "check.fix", lang)}: ${code.fix[lang]}${hint ? `; ${hint}` : ""}`));
    }
    const at = p.pointer ? ` (at ${p.pointer})` : "";
    const cli = el("p", { class: "cr-cli" }, `${t(bundle, "check.cli-words", lang)}: `,
      el("code", {}, `${p.path}:${p.line}:${p.col}: ${p.severity}[${p.code}] ${p.message}${at}`));
    if (p.hint) cli.append(el("br"), `${t(bundle, "check.hint", lang)}: ${p.hint}`);
    li.append(cli);
    list.append(li);
  }
  if (result.problems.length > listed) {
    list.append(el("li", { class: "cr-more" }, t(bundle, "check.more-problems", lang,
      { n: (result.problems.length - listed).toLocaleString(lang === "nl" ? "nl-NL" : "en-US") })));
  }
  return list;
}

// ------------------------------------------------------------ a saved report, re-opened

const c = (key, values) => t(bundle, key, lang, values);
// The strings of each answer (keys written out whole: tests/test_strings.py finds every key it uses).
const EFFECT = { "may-change": "check.reopen-effect.may-change", review: "check.reopen-effect.review",
  none: "check.reopen-effect.none" };
const VERDICT = { "may-change": "check.reopen-verdict.may-change", review: "check.reopen-verdict.review",
  stands: "check.reopen-verdict.stands", unchanged: "check.reopen-verdict.unchanged" };
const FOUND = { hash: "check.reopen-found-hash", after: "check.reopen-found-after", unknown: "check.reopen-unknown",
  none: "check.reopen-none", current: "check.reopen-current" };
const text = (v) => (typeof v === "string" ? v : "");

function itemChange(edition, i) {
  const found = change(bundle, edition, i.id);
  const li = el("li", { "data-item": i.id }, el("strong", {}, found.old ? found.old.name[lang] : i.id), ` (${i.id}): `,
    t(bundle, `delta.kind.${i.kind}`, lang), "; ", c(i.covered ? "check.reopen-covered" : "check.reopen-uncovered"));
  const sub = el("ul");
  const same = found.old && found.new.length === 1 && found.new[0].statement[lang] === found.old.statement[lang];
  if (found.old && !same) sub.append(el("li", {}, c("check.reopen-old", { edition, text: found.old.statement[lang] })));
  for (const n of found.new) sub.append(el("li", {}, c("check.reopen-new", { item: n.name[lang], text: n.statement[lang] })));
  if (same) sub.append(el("li", {}, c("check.reopen-same")));
  if (!found.new.length) sub.append(el("li", {}, c("check.reopen-retired")));
  if (found.note) sub.append(el("li", {}, `${c("check.reopen-note")}: ${found.note[lang]}`));
  sub.append(el("li", { class: `cr-effect cr-effect--${i.effect}` }, el("strong", {}, c(EFFECT[i.effect]))));
  li.append(sub);
  return li;
}

function setChange(edition, rs) {
  const known = bundle.requirement_sets.find((r) => r.id === rs.id);
  const name = (id) => (bundle.items[id] ? bundle.items[id].name[lang] : id);
  const condition = (id) => {
    const found = known && known.conditions.find((x) => x.id === id);
    return found ? found.statement[lang] : id;
  };
  const parts = [];
  if (rs.added.length) parts.push(c("check.reopen-set-added", { items: joinWords(bundle, rs.added.map(name), lang) }));
  if (rs.conditions.length) {
    parts.push(c("check.reopen-set-conditions", { edition, conditions: rs.conditions.map(condition).join("; ") }));
  }
  return el("li", { "data-set": rs.id }, el("strong", {}, known ? known.title[lang] : rs.id), `: ${parts.join("; ")}`,
    " ", el("strong", {}, c(EFFECT["may-change"])));
}

function renderReopened(report, answer) {
  const out = el("article", { class: "cr-report cr-reopen", "aria-labelledby": "cr-reopen-title" });
  out.append(el("h2", { id: "cr-reopen-title" }, c("check.reopen-title")));
  out.append(el("p", {}, c("check.reopen-about", { file: text(report.file), checked: text(report.checked),
    edition: editionWords(bundle, report.edition, lang) })));
  if (report.verdict && text(report.verdict[lang])) out.append(el("p", {}, c("check.reopen-then", { verdict: report.verdict[lang] })));
  if (answer.found === "hash" || answer.found === "after") {
    out.append(el("p", {}, c(FOUND[answer.found], { edition: answer.edition })));
  }
  const key = answer.verdict === null || answer.found === "current" ? FOUND[answer.found] : VERDICT[answer.verdict];
  const ok = answer.verdict === "stands" || answer.verdict === "unchanged";
  out.append(el("p", { class: `cr-verdict ${ok ? "cr-verdict--ok" : "cr-verdict--fail"}`, "data-verdict": answer.verdict || "" },
    el("strong", {}, c(key, { edition: answer.edition || "", named: text(answer.named) }))));
  if (answer.items.length || answer.sets.length) {
    out.append(el("h3", {}, c("check.reopen-list", { edition: answer.edition })));
    const list = el("ul", { class: "cr-reopen-items" });
    for (const rs of answer.sets) list.append(setChange(answer.edition, rs));
    for (const i of answer.items) list.append(itemChange(answer.edition, i));
    out.append(list);
  }
  out.append(el("p", {}, el("a", { href: base + bundle.editions_page }, s("editions-page"))));
  return out;
}

async function runReport(file) {
  let doc = null;
  try { doc = JSON.parse(await file.text()); } catch (e) { doc = null; }
  if (!isReport(doc)) {
    status.textContent = shown(c("check.reopen-not-report", { file: file.name, command: bundle.reopen.command }));
    output.append(el("p", {}, status.textContent));
    window.__crLast = { reopened: null };
    return;
  }
  const answer = reopen(bundle, doc);
  output.append(renderReopened(doc, answer));
  status.textContent = shown(c("check.reopen-done", { file: file.name }));
  window.__crLast = { reopened: answer };
}

/** Every printed page of the report names the course, the date of the check, the file's hash and the site, in
 *  the page-margin boxes of a constructed style sheet (no inline style: the page's CSP allows none). */
function printFurniture(data) {
  const quoted = (text) => `"${shown(String(text)).replace(/[\\"]/gu, "\\$&").replace(/[\n\r\f]/gu, " ")}"`;
  const head = `${data.course.programme} · ${data.course.provider}`;
  const foot = `${s("checked")} ${data.checked} · SHA-256 ${data.file_sha256.slice(0, 16)}… · ${location.host}${location.pathname}`;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`@page { @top-left { content: ${quoted(head)}; font-size: 8pt; }
    @bottom-left { content: ${quoted(foot)}; font-size: 8pt; }
    @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; } }`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets.filter((x) => !x.crPrint), sheet];
  sheet.crPrint = true;
}

function actions(data) {
  const json = jsonSafe(JSON.stringify(data, null, 2)) + "\n";
  const download = el("a", { class: "md-button", download: `${data.file.replace(/\.[^.]*$/u, "")}-report.json` },
    t(bundle, "check.download", lang));
  download.href = URL.createObjectURL(new Blob([json], { type: "application/json" }));
  const print = el("button", { type: "button", class: "md-button" }, t(bundle, "check.print", lang));
  print.addEventListener("click", () => window.print());
  return el("p", { class: "cr-actions" }, download, " ", print);
}

// ------------------------------------------------------------ the check, off the page's thread

let worker = null;
let asked = 0;
const waiting = new Map();

/** The worker (worker.js), or null where the browser cannot start one: the page then checks on its own thread. */
function startWorker() {
  let started;
  try {
    started = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  } catch (e) {
    return null;
  }
  started.addEventListener("message", (event) => {
    const { id, result, error } = event.data;
    const task = waiting.get(id);
    waiting.delete(id);
    if (task) (error === undefined ? task.resolve(result) : task.reject(new Error(error)));
  });
  started.addEventListener("error", () => {  // it could not load: every file asked for is checked here instead
    worker = null;
    for (const task of waiting.values()) checkCourse(bundle, task.name, task.bytes).then(task.resolve, task.reject);
    waiting.clear();
  });
  started.postMessage({ bundle });
  return started;
}

/** checkCourse's answer for one file, from the worker; a workbook is read here (a worker has no DOMParser). */
function check(name, bytes) {
  if (!worker || name.toLowerCase().endsWith(".xlsx")) return checkCourse(bundle, name, bytes);
  asked += 1;
  const id = asked;
  return new Promise((resolve, reject) => {
    waiting.set(id, { name, bytes, resolve, reject });
    worker.postMessage({ id, name, bytes });
  });
}

async function run(file) {
  output.replaceChildren();
  document.body.classList.add("cr-has-report");
  status.textContent = shown(t(bundle, "check.working", lang, { file: file.name }));
  try {
    if (file.name.toLowerCase().endsWith(".json")) {
      await runReport(file);
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = await check(file.name, bytes);
    if (result.report) {
      output.append(actions(result.report), renderReport(result.report));
      status.textContent = shown(t(bundle, "check.done", lang, { file: file.name }));
      printFurniture(result.report);
      document.getElementById("cr-verdict").focus();  // the reader lands on the verdict, and hears it
    } else {
      const heading = el("h2", { id: "cr-errors", tabindex: "-1" }, t(bundle, "check.invalid", lang, { file: file.name }));
      output.append(heading, renderProblems(result.problems, result.places, result.words));
      status.textContent = shown(heading.textContent);
      heading.focus();
    }
    window.__crLast = result;
  } catch (e) {
    status.textContent = shown(t(bundle, "check.failed", lang, { error: String(e && e.message ? e.message : e) }));
    window.__crLast = { failed: String(e) };
  }
}

async function start() {
  const response = await fetch(root.dataset.bundle);
  if (!response.ok) throw new Error(`${root.dataset.bundle}: HTTP ${response.status}`);
  bundle = await response.json();
  steering = new RegExp(`[${bundle.steering}]`, "gu");
  setMessages(bundle.messages, bundle.descriptions);  // this page words problems itself; the check may run in the worker
  const input = document.getElementById("cr-file");
  input.addEventListener("change", () => { if (input.files[0]) run(input.files[0]); });
  const drop = document.getElementById("cr-drop");
  drop.addEventListener("click", () => input.click());  // the zone looks like a target: a click picks a file too
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("cr-drop--over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("cr-drop--over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("cr-drop--over");
    if (e.dataTransfer.files[0]) run(e.dataTransfer.files[0]);
  });
  worker = startWorker();
  input.disabled = false;
  status.textContent = shown(t(bundle, "check.ready", lang));
  window.__crCheck = (name, bytes, checked) => checkCourse(bundle, name, bytes, checked);
  window.__crReopen = (doc) => (isReport(doc) ? reopen(bundle, doc) : null);
}

// Without data.json the page has none of its strings: it says so in the words the page was built with (data-failed);
// the cause goes to the console, for whoever reports it.
start().catch((e) => { status.textContent = root.dataset.failed; console.error(e); });

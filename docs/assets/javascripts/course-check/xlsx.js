// The XLSX course template read in the browser, as generator/course/workbook_in.py reads it: the same fields,
// the same conversions and the same sheet!cell problems. The layout (sheet names, fields, columns) comes from
// data.json, compiled from xlsx.py.
import { isFloat, problem, readWorkbook, remember, unpackedSize, wordsOf } from "./load.js";
import { beyondSheet, unpackedProblem } from "./limits.js";
import { say, wordsIn } from "./messages.js";

const TRUE = new Set(["true", "yes", "ja", "waar", "y", "j", "1", "x"]);
const FALSE = new Set(["false", "no", "nee", "onwaar", "n", "0"]);
const SEPARATORS = /[\s,;]+/u;

export function cellName(row, col) {
  let letters = "";
  while (col > 0) {
    const rest = (col - 1) % 26;
    col = Math.floor((col - 1) / 26);
    letters = String.fromCharCode(65 + rest) + letters;
  }
  return `${letters}${row}`;
}

const num = (v) => (isFloat(v) ? v.float : v);
const blank = (v) => v === null || v === undefined || (typeof v === "string" && !v.trim());
const norm = (v) => (v === null || v === undefined ? "" : String(num(v)).trim().toLowerCase().replace(/[\s-]+/gu, "_"));

function text(v) {
  if (isFloat(v)) return Number.isInteger(v.float) ? String(v.float) : String(v.float);
  if (typeof v === "number") return String(v);
  return typeof v === "string" ? v.trim() : v;
}

function bool(v) {
  if (typeof v === "string" && (TRUE.has(v.trim().toLowerCase()) || FALSE.has(v.trim().toLowerCase()))) {
    return TRUE.has(v.trim().toLowerCase());
  }
  if ((typeof v === "number" || isFloat(v)) && (num(v) === 0 || num(v) === 1)) return num(v) === 1;
  return num(v);
}

function int(v) {
  if (isFloat(v) && Number.isInteger(v.float)) return v.float;
  if (typeof v === "string" && /^\d+$/u.test(v.trim())) return Number(v.trim());
  return isFloat(v) ? v : v;
}

/** A workbook's bytes as a located course document, or its problems (xlsx.py `read_xlsx`). */
export function readXlsx(bytes, rel, layout, limits) {
  let sheets;
  const beyond = [];
  try {
    const unpacked = unpackedProblem(limits, rel, unpackedSize(bytes));
    if (unpacked) return { doc: null, problems: [unpacked] };
    // only the two sheets of the template are read, each up to its first value past the limits
    sheets = readWorkbook(bytes, [layout.course_sheet, layout.outcomes_sheet], (sheet, row, col) => {
      const message = beyondSheet(limits, row, col);
      if (message) {
        beyond.push(problem(rel, row, col, "xlsx-sheet-too-large", say("xlsx.cell", { cell: `${sheet}!${cellName(row, col)}`, message }),
          "", say("xlsx-sheet-too-large.hint")));
      }
      return message !== null;
    });
  } catch (e) {
    if (e.sheet !== undefined) {
      return { doc: null, problems: [problem(rel, 1, 1, "xlsx-unreadable",
        say("xlsx-unreadable.sheet", { sheet: e.sheet, reason: e.name }), "", say("xlsx-unreadable.sheet.hint"))] };
    }
    return { doc: null, problems: [problem(rel, 1, 1, "xlsx-unreadable",
      say("xlsx-unreadable", { reason: e.name === "Error" ? "BadZipFile" : e.name }), "", say("xlsx-unreadable.hint"))] };
  }
  const missing = [layout.course_sheet, layout.outcomes_sheet].filter((n) => !(n in sheets));
  if (missing.length) {
    return { doc: null, problems: missing.map((name) => problem(rel, 1, 1, "xlsx-sheet", say("xlsx-sheet", { name }), "",
      say("xlsx-sheet.hint"))) };
  }
  if (beyond.length) return { doc: null, problems: beyond };
  const r = new Reader(rel, layout);
  r.course(sheets[layout.course_sheet]);
  r.outcomes(sheets[layout.outcomes_sheet]);
  return { doc: { rel, data: r.data, values: r.marks, keys: {}, xlsx: true }, problems: r.problems };
}

class Reader {
  constructor(rel, layout) {
    this.rel = rel;
    this.layout = layout;
    this.data = {};
    this.marks = { "": [1, 1] };
    this.problems = [];
  }

  problem(sheet, row, col, code, message, hint = "") {
    this.problems.push(problem(this.rel, row, col, code, say("xlsx.cell", { cell: `${sheet}!${cellName(row, col)}`, message }), "", hint));
  }

  course(rows) {
    const sheet = this.layout.course_sheet;
    const fields = Object.fromEntries(this.layout.course_fields);
    const seen = {};
    rows.forEach((row, index) => {
      const r = index + 1;
      const name = norm(row[0]);
      let value = row.length > 1 ? row[1] : null;
      if (!name || (r === 1 && name === "field")) return;
      if (!(name in fields)) {
        this.problem(sheet, r, 1, "unknown-property", say("unknown-property.field", { name: text(row[0]) }),
          say("unknown-property.field.hint", { fields: Object.keys(fields).join(", ") }));
        return;
      }
      if (name in seen) {
        this.problem(sheet, r, 1, "duplicate-key", say("duplicate-key.field", { name, row: seen[name] }),
          say("duplicate-key.field.hint"));
        return;
      }
      seen[name] = r;
      const pointer = fields[name];
      const mark = [r, 2];
      this.marks[pointer] = mark;
      if (pointer.startsWith("/mode/") && !("/mode" in this.marks)) this.marks["/mode"] = mark;
      if (blank(value)) return;
      if (name === "targets") {
        value = String(text(value)).split(SEPARATORS).filter(Boolean);
        value.forEach((_t, j) => { this.marks[`/targets/${j}`] = mark; });
      } else if (name === "dual") value = bool(value);
      else if (name.endsWith("_hours") || name.endsWith("_months")) value = num(int(value));
      else value = text(value);
      if (pointer.startsWith("/mode/")) (this.data.mode ??= {})[pointer.split("/").pop()] = value;
      else this.data[pointer.slice(1)] = value;
    });
    if (!("/mode" in this.marks)) this.marks["/mode"] = [1, 1];
  }

  outcomes(rows) {
    const sheet = this.layout.outcomes_sheet;
    const names = this.layout.outcome_columns;
    const header = rows.length ? rows[0].map(norm) : [];
    const columns = {};
    for (const name of names) {
      if (header.includes(name)) columns[name] = header.indexOf(name);
      else this.problem(sheet, 1, header.length + 1, "xlsx-column", say("xlsx-column", { name }),
        say("xlsx-column.hint", { names: names.join(", ") }));
    }
    this.marks["/modules"] = [1, 1];
    if (Object.keys(columns).length < names.length) return;
    const modules = [];
    const index = {};
    this.data.modules = modules;
    const cell = (row, name) => {
      const v = columns[name] < row.length ? row[columns[name]] : null;
      return blank(v) ? null : v;
    };
    rows.slice(1).forEach((row, n) => {
      const r = n + 2;
      if (row.every(blank)) return;
      const moduleId = text(cell(row, "module_id"));
      if (moduleId === null) {
        this.problem(sheet, r, columns.module_id + 1, "missing-property", say("missing-property.module-id"),
          say("missing-property.module-id.hint"));
        return;
      }
      const key = String(moduleId);
      const title = text(cell(row, "module_title"));
      if (!(key in index)) {
        index[key] = modules.length;
        modules.push({ id: moduleId, outcomes: [] });
        const i = index[key];
        this.marks[`/modules/${i}`] = this.marks[`/modules/${i}/id`] = [r, columns.module_id + 1];
        this.marks[`/modules/${i}/outcomes`] = [r, columns.outcome_id + 1];
      }
      const i = index[key];
      const module = modules[i];
      if (title !== null) {
        if (!("title" in module)) {
          module.title = title;
          this.marks[`/modules/${i}/title`] = [r, columns.module_title + 1];
        } else if (title !== module.title) {
          const first = this.marks[`/modules/${i}/title`][0];
          this.problem(sheet, r, columns.module_title + 1, "module-title",
            say("module-title", { module: key, row: first }), say("module-title.hint"));
        }
      }
      const k = module.outcomes.length;
      const base = `/modules/${i}/outcomes/${k}`;
      const outcome = {};
      this.marks[base] = [r, columns.outcome_id + 1];
      for (const [name, fieldName] of [["outcome_id", "id"], ["outcome_text", "text"]]) {
        const value = text(cell(row, name));
        this.marks[`${base}/${fieldName}`] = [r, columns[name] + 1];
        if (value !== null) outcome[fieldName] = value;
      }
      const covers = cell(row, "covers");
      this.marks[`${base}/covers`] = [r, columns.covers + 1];
      const refs = covers !== null ? String(text(covers)).split(SEPARATORS).filter(Boolean) : [];
      refs.forEach((_x, j) => { this.marks[`${base}/covers/${j}`] = [r, columns.covers + 1]; });
      outcome.covers = refs;
      module.outcomes.push(outcome);
    });
  }
}

/** Put the sheet and cell at the start of a problem found in a workbook's data (xlsx.py `locate`). */
export function locate(p, doc, where) {
  let [line, col] = [p.line, p.col];
  const words = wordsOf(p);
  let { hint } = words;
  if (p.code === "missing-property") {
    if (p.pointer in doc.values) { [line, col] = where(doc, p.pointer); hint = say("missing-property.cell.hint"); }
    else hint = say("missing-property.row.hint");
  }
  let { message } = words;
  if (p.pointer === "/modules" && p.code === "invalid-value") {
    message = say("invalid-value.no-outcomes");
    hint = say("invalid-value.no-outcomes.hint");
  }
  const sheet = p.pointer.startsWith("/modules") ? "outcomes" : "course";
  const at = `${sheet}!${cellName(line, col)}`;
  if (p.message.startsWith(at)) return p;
  const said = say("xlsx.cell", { cell: at, message });
  return remember({ ...p, line, col, message: String(said), hint: String(wordsIn(hint, "en")) }, said, hint);
}

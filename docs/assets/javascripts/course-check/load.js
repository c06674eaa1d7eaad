// Reading a course file in the browser, as generator/load/documents.py, yaml_problems.py and course/workbook_in.py do:
// bytes -> text problems or YAML data with the place of every value (pointer -> line, col), or a workbook's
// cells. The YAML parser is the npm package `yaml` (it reports line and column), the zip reader `fflate`.
import { LineCounter, Parser, parseDocument, isAlias, isMap, isPair, isScalar, isSeq } from "../../vendor/yaml.js";
import { unzipSync, strFromU8 } from "../../vendor/fflate.js";
import { plain, say } from "./messages.js";

// Each problem's message and hint as messages.js made them (template and values), for the page to word them in its
// reader's language; the problem itself holds the CLI's English text, as `coachref course --format json` does.
const WORDS = new WeakMap();

export function problem(path, line, col, code, message, pointer = "", hint = "") {
  return remember({ path, line, col, pointer, code, severity: "error", message: String(message), hint: String(hint) },
    message, hint);
}

/** Keep the words of `p`'s message and hint (messages made by `say`); returns `p`. */
export function remember(p, message, hint) {
  WORDS.set(p, { message: plain(message), hint: plain(hint) });
  return p;
}

/** The words of a problem's message and hint, as plain data (its English text where none were kept). */
export const wordsOf = (p) => WORDS.get(p) || { message: p.message, hint: p.hint };

const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]/u;  // as yaml_problems.py
const TAB_INDENT = /^[ ]*\t/gmu;

function position(text, offset) {
  const before = text.slice(0, offset);
  const line = (before.match(/\n/g) || []).length + 1;
  return [line, [...before.slice(before.lastIndexOf("\n") + 1)].length + 1];
}

export function textProblems(rel, text) {
  const control = CONTROL.exec(text);
  if (control) {
    const code = control[0].codePointAt(0).toString(16).toUpperCase().padStart(4, "0");
    return [problem(rel, ...position(text, control.index), "control-character", say("control-character", { code }), "",
      say("control-character.hint"))];
  }
  const tabs = [...text.matchAll(TAB_INDENT)].map((m) => problem(rel, ...position(text, m.index + m[0].length - 1),
    "tab", say("tab"), "", say("tab.hint")));
  if (tabs.length) return tabs;
  const lines = text.split(/\r\n|\r|\n/);
  if (!text.trim() || lines.every((ln) => !ln.trim() || ln.trimStart().startsWith("#"))) {
    return [problem(rel, 1, 1, "empty-file", say("empty-file"), "", say("empty-file.hint"))];
  }
  return [];
}

/** Where the first ill-formed UTF-8 sequence starts (as Python's UnicodeDecodeError.start), or -1; one pass. */
function firstBadByte(bytes) {
  let i = 0;
  while (i < bytes.length) {
    const c = bytes[i];
    if (c < 0x80) { i += 1; continue; }
    let n = 0, lo = 0x80, hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) { n = 2; if (c === 0xe0) lo = 0xa0; if (c === 0xed) hi = 0x9f; }
    else if (c >= 0xf0 && c <= 0xf4) { n = 3; if (c === 0xf0) lo = 0x90; if (c === 0xf4) hi = 0x8f; }
    else return i;
    for (let k = 1; k <= n; k++) {
      const d = bytes[i + k];
      if (d === undefined || d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return -1;
}

// What a file that is no text starts with, and its kind (documents.py SIGNATURES: the same four).
const SIGNATURES = [[[0x50, 0x4b, 0x03, 0x04], "zip"], [[0x50, 0x4b, 0x05, 0x06], "zip"],
  [[0x25, 0x50, 0x44, 0x46, 0x2d], "pdf"], [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], "ole"]];

/** A binary-file problem when the bytes are a document or archive instead of YAML text (documents.py binary_problem). */
export function binaryProblem(rel, bytes) {
  const found = SIGNATURES.find(([start]) => start.every((b, i) => bytes[i] === b));
  return found ? problem(rel, 1, 1, "binary-file", say(`binary-file.${found[1]}`), "", say("binary-file.hint")) : null;
}

/** UTF-8 text of the bytes, or the encoding problem at the first bad byte. */
export function decode(rel, bytes) {
  const i = firstBadByte(bytes);
  if (i < 0) return { text: new TextDecoder("utf-8").decode(bytes).replace(/^\ufeff/u, "") };
  const head = new TextDecoder().decode(bytes.subarray(0, i));
  const [line, col] = position(head, head.length);
  const hex = bytes[i].toString(16).padStart(2, "0");
  return { problems: [problem(rel, line, col, "encoding", say("encoding", { byte: hex }), "", say("encoding.hint"))] };
}

// ------------------------------------------------------------ YAML 1.1 scalars, as PyYAML resolves them
const BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/u;
const INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/u;
const FLOAT = /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/u;
const NULL = /^(?:~|null|Null|NULL|)$/u;

function sexagesimal(digits) {
  return digits.split(":").reduce((acc, part) => acc * 60 + Number(part), 0);
}

/** A float while reading (1.0 kept apart from 1); its own class, so a mapping {float: 3} stays a mapping. */
class Float {
  constructor(value) { this.float = value; }
}
export const isFloat = (v) => v instanceof Float;

/** A whole number past JavaScript's exact range (PyYAML reads any size): its value as near as a number gets, and
 *  its digits, which messages quote as Python does. */
class Big {
  constructor(value, digits) { this.value = value; this.digits = digits; }
}

function whole(sign, literal) {
  const n = sign * Number(literal);
  if (Number.isSafeInteger(n)) return n;
  const digits = (sign < 0 ? "-" : "") + BigInt(literal).toString();
  return new Big(n, digits === "-0" ? "0" : digits);
}

export function plainScalar(value) {
  if (NULL.test(value)) return null;
  if (BOOL.test(value)) return /^(?:yes|true|on)$/iu.test(value);
  if (INT.test(value)) {
    let v = value.replace(/_/g, "");
    const sign = v.startsWith("-") ? -1 : 1;
    v = v.replace(/^[-+]/u, "");
    if (v === "0") return 0;
    if (v.startsWith("0b") || v.startsWith("0x")) return whole(sign, v);
    if (v.startsWith("0")) return whole(sign, `0o${v.slice(1)}`);
    if (v.includes(":")) return sign * sexagesimal(v);
    return whole(sign, v);
  }
  if (FLOAT.test(value)) {
    const v = value.replace(/_/g, "").toLowerCase();
    if (v.endsWith(".inf")) return v.startsWith("-") ? -Infinity : Infinity;
    if (v === ".nan") return NaN;
    const sign = v.startsWith("-") ? -1 : 1;
    if (v.includes(":")) return sign * sexagesimal(v.replace(/^[-+]/u, ""));
    return new Float(Number(v));
  }
  return value;
}

/** Where a node starts; an empty node (`- ` with nothing after) starts before the blanks, where PyYAML puts it. */
function emptyStart(text, [start, end]) {
  if (start !== end) return start;
  let at = start;
  while (at > 0 && (text[at - 1] === " " || text[at - 1] === "\t")) at -= 1;
  return at;
}

const escapeToken = (key) => key.replace(/~/g, "~0").replace(/\//g, "~1");

function pyRepr(value) {
  return value.includes("'") && !value.includes('"') ? `"${value}"` : `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

/** Where the first mapping or list nested deeper than `max` starts (documents.py counts the top level as 1), or -1.
 *  The package's CST parser keeps its own stack, so a file nested 5,000 deep is read here without recursion; the
 *  composer, which recurses, only sees files within the limit. */
function tooDeep(text, max) {
  const stack = [];
  let first = -1;  // the first in the file, as the CLI meets them
  for (const token of new Parser().parse(text)) if (token.type === "document" && token.value) stack.push([token.value, 0]);
  while (stack.length) {
    const [token, depth] = stack.pop();
    if (!token || !["block-map", "block-seq", "flow-collection"].includes(token.type)) continue;
    if (depth + 1 > max) {
      const offset = token.type === "flow-collection" ? token.start.offset : token.offset;
      if (first < 0 || offset < first) first = offset;
      continue;
    }
    for (const item of token.items) {
      if (item.key) stack.push([item.key, depth + 1]);
      if (item.value) stack.push([item.value, depth + 1]);
    }
  }
  return first;
}

/** Parse YAML text into {data, values, keys} (pointer -> [line, col]) and problems, as load.py does. */
export function loadYaml(rel, text, limits) {
  const early = textProblems(rel, text);
  if (early.length) return { doc: null, problems: early };
  const counter = new LineCounter();
  const deep = tooDeep(text, limits.yaml_depth);
  if (deep >= 0) {
    [0, ...[...text.matchAll(/\n/gu)].map((m) => m.index + 1)].forEach((offset) => counter.addNewLine(offset));
    const p = counter.linePos(deep);
    return { doc: null, problems: [problem(rel, p.line, p.col, "yaml-too-deep", say("yaml-too-deep", { depth: limits.yaml_depth }),
      "", say("yaml-too-deep.hint"))] };
  }
  let parsed;
  try {
    parsed = parseDocument(text, { lineCounter: counter, version: "1.1", schema: "failsafe", uniqueKeys: false,
      prettyErrors: false, strict: false });
  } catch (e) {
    return { doc: null, problems: [problem(rel, 1, 1, "yaml-syntax", say("yaml-syntax", { problem: e.message }), "",
      say("yaml-syntax.hint"))] };
  }
  const at = (offset) => { const p = counter.linePos(offset); return [p.line, p.col]; };
  const error = parsed.errors[0];
  if (error && error.code === "MULTIPLE_DOCS") {
    return { doc: null, problems: [problem(rel, ...at(error.pos[0]), "yaml-multi-doc", say("yaml-multi-doc"), "",
      say("yaml-multi-doc.hint"))] };
  }
  if (error) return { doc: null, problems: [syntaxProblem(rel, text, error, at)] };
  const values = {}, keys = {}, problems = [], aliases = [];
  let longKey = null;  // libyaml refuses a key written without '?' that runs past its limit: a syntax error
  const node = (n, pointer) => {
    if (n === null || n === undefined) return null;
    values[pointer] = at(n.range ? emptyStart(text, n.range) : 0);
    if (isAlias(n)) { aliases.push(at(n.range[0]).concat([n.source])); return null; }
    if (n.tag && n.tag !== "!" && !(isScalar(n) && n.tag === "tag:yaml.org,2002:str")) {
      const shown = n.tag.startsWith("tag:yaml.org,2002:") ? `!!${n.tag.slice(18)}` : n.tag;
      problems.push(problem(rel, ...at(n.range[0]), "yaml-tag", say("yaml-tag", { tag: shown }), pointer, say("yaml-tag.hint")));
      return null;
    }
    if (isScalar(n) && n.type === "PLAIN" && INT.test(n.source) && n.source.length > limits.yaml_number_chars) {
      problems.push(problem(rel, ...at(n.range[0]), "number-too-long",
        say("number-too-long", { length: n.source.length, limit: limits.yaml_number_chars }), pointer, say("number-too-long.hint")));
      return null;
    }
    if (isScalar(n)) return n.type === "PLAIN" ? plainScalar(String(n.value)) : String(n.value);
    if (isSeq(n)) return n.items.map((child, i) => node(child, `${pointer}/${i}`));
    if (isMap(n)) {
      const out = {};
      for (const pair of n.items) {
        const k = pair.key;
        let key = null;
        if (isScalar(k) && !longKey && k.range[1] - k.range[0] > limits.yaml_simple_key
            && !/\?\s*$/u.test(text.slice(text.lastIndexOf("\n", k.range[0] - 1) + 1, k.range[0]))) {
          longKey = problem(rel, ...at(k.range[1]), "yaml-syntax",
            say("yaml-syntax.long-key", { limit: limits.yaml_simple_key, length: k.range[1] - k.range[0] }), "", say("yaml-syntax.hint"));
        }
        if (isScalar(k)) {
          const v = k.type === "PLAIN" ? plainScalar(String(k.value)) : String(k.value);
          if (typeof v === "string") key = v;
          else problems.push(problem(rel, ...at(k.range[0]), "key-type", say("key-type", { key: pyRepr(String(k.value)) }),
            pointer, say("key-type.hint", { raw: k.value })));
        } else if (k && !isAlias(k)) {
          problems.push(problem(rel, ...at(k.range[0]), "key-type", say("key-type.plain"), pointer));
        } else if (k) aliases.push(at(k.range[0]).concat([k.source]));
        if (key === null) { node(pair.value, `${pointer}/?`); continue; }
        const vp = `${pointer}/${escapeToken(key)}`;
        if (Object.prototype.hasOwnProperty.call(out, key)) {
          problems.push(problem(rel, ...at(k.range[0]), "duplicate-key", say("duplicate-key", { key, line: keys[vp][0] }), vp,
            say("duplicate-key.hint")));
          node(pair.value, `${pointer}/?`);
          continue;
        }
        keys[vp] = at(k.range[0]);
        // defineProperty, not out[key] =: a key "__proto__" is data like any other, never the object's prototype
        Object.defineProperty(out, key, { value: node(pair.value, vp), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    return null;
  };
  const data = node(parsed.contents, "");
  if (longKey) return { doc: null, problems: [longKey] };
  if (aliases.length) {
    const [line, col, name] = aliases[0];
    const more = aliases.length > 1 ? say("yaml-alias.more", { count: aliases.length }) : "";
    problems.push(problem(rel, line, col, "yaml-alias", say("yaml-alias", { name, more }), "", say("yaml-alias.hint")));
  }
  const floats = new Set(), ints = new Map();
  return { doc: { rel, data: unfloat(data, floats, "", ints), values, keys, floats, ints }, problems };
}

/** Floats were boxed to keep 1.0 apart from 1 while reading; the data holds plain numbers, and `floats` the pointers
 *  of those the file wrote as floats (messages quote them as Python does: 2.0); `ints` the digits of whole numbers
 *  past JavaScript's exact range, by pointer. */
function unfloat(v, floats = new Set(), at = "", ints = new Map()) {
  if (isFloat(v)) {
    floats.add(at);
    return v.float;
  }
  if (v instanceof Big) {
    ints.set(at, v.digits);
    return v.value;
  }
  if (Array.isArray(v)) return v.map((x, i) => unfloat(x, floats, `${at}/${i}`, ints));
  if (v && typeof v === "object") {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unfloat(x, floats, `${at}/${escapeToken(k)}`, ints)]));
  }
  return v;
}

function syntaxProblem(rel, text, error, at) {
  let [line, col] = at(error.pos[0]);
  const lines = text.split("\n");
  const last = (text.match(/\n/g) || []).length + (text.endsWith("\n") ? 0 : 1);
  if (line > last) { line = last; col = [...text.replace(/\n+$/u, "").split("\n").pop()].length + 1; }
  const message = error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/u, "");
  for (let number = line - 1; number >= Math.max(1, line - 5); number--) {
    const row = lines[number - 1] || "";
    const quotes = [...row].map((ch, i, all) => (ch === '"' && (i === 0 || all[i - 1] !== "\\") ? i : -1)).filter((i) => i >= 0);
    if (quotes.length % 2) {
      return problem(rel, number, quotes[quotes.length - 1] + 1, "yaml-syntax",
        say("yaml-syntax.quote", { line, problem: message }), "", say("yaml-syntax.quote.hint"));
    }
  }
  return problem(rel, line, col, "yaml-syntax", say("yaml-syntax", { problem: message }), "", say("yaml-syntax.hint"));
}

export function where(doc, pointer, key = false) {
  let mark = (key ? doc.keys : doc.values)[pointer];
  while (mark === undefined && pointer) {
    pointer = pointer.slice(0, pointer.lastIndexOf("/"));
    mark = doc.values[pointer];
  }
  return mark === undefined ? [1, 1] : mark;
}

// ------------------------------------------------------------ XLSX: the cells of each sheet

function cellIndex(ref) {
  const m = /^([A-Z]+)(\d+)$/u.exec(ref);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]), col];
}

/** What a workbook's parts unpack to, by the sizes its zip directory declares (nothing is unpacked; fflate stops
 *  every part at its declared size, so these bound the work), as xlsx.py `_unpacked_problem` counts. */
export function unpackedSize(bytes) {
  let size = 0;
  unzipSync(bytes, { filter: (file) => { size += file.originalSize; return false; } });
  return size;
}

/** The sheets of a workbook as rows of values (as openpyxl gives them: text, number, boolean or null). Only the
 *  sheets named in `wanted` are read (the others are there, empty), cell by cell; cells without a value are skipped,
 *  and a sheet stops at the first value for which `past(sheet, row, col)` is true (xlsx.py `_sheet_rows`). */
export function readWorkbook(bytes, wanted = null, past = () => false) {
  const files = unzipSync(bytes);
  const xml = (name) => (files[name] ? new DOMParser().parseFromString(strFromU8(files[name]), "application/xml") : null);
  const book = xml("xl/workbook.xml");
  const rels = xml("xl/_rels/workbook.xml.rels");
  if (!book || !rels) throw new Error("not a workbook");
  const shared = [...(xml("xl/sharedStrings.xml")?.getElementsByTagName("si") || [])]
    .map((si) => [...si.getElementsByTagName("t")].map((x) => x.textContent).join(""));
  const targets = Object.fromEntries([...rels.getElementsByTagName("Relationship")]
    .map((r) => [r.getAttribute("Id"), r.getAttribute("Target")]));
  const sheets = {};
  for (const s of book.getElementsByTagName("sheet")) {
    const id = s.getAttribute("r:id") || s.getAttributeNS("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id");
    const target = targets[id].replace(/^\/?xl\//u, "").replace(/^\//u, "");
    const name = s.getAttribute("name");
    const doc = wanted === null || wanted.includes(name) ? xml(`xl/${target}`) : null;
    if (doc && doc.getElementsByTagName("parsererror").length) {
      // a sheet that is not well-formed XML: the CLI's XML parser refuses it (ParseError); DOMParser would go on
      throw Object.assign(new Error(`the sheet ${name} is not well-formed XML`), { name: "ParseError", sheet: name });
    }
    const rows = [];
    let rowCount = 0;
    sheet: for (const rowElement of doc ? doc.getElementsByTagName("row") : []) {
      // a row or cell without its reference (r) follows the one before, as openpyxl and Excel count them
      const number = rowElement.getAttribute("r");
      rowCount = number !== null && /^\d+$/u.test(number) ? Number(number) : rowCount + 1;
      let colCount = 0;
      for (const c of rowElement.getElementsByTagName("c")) {
        const ref = c.getAttribute("r");
        const [r, col] = ref ? cellIndex(ref) : [rowCount, colCount + 1];
        colCount = col;
        const type = c.getAttribute("t");
        const v = c.getElementsByTagName("v")[0]?.textContent;
        let value = null;
        if (type === "s") value = shared[Number(v)];
        else if (type === "inlineStr") value = [...c.getElementsByTagName("t")].map((x) => x.textContent).join("");
        else if (type === "str" || type === "e") value = v ?? null;  // an error (#N/A) reads as its text, as in openpyxl
        else if (type === "b") value = v === "1";
        else if (v !== undefined) value = /[.eE]/u.test(v) ? new Float(Number(v)) : Number(v);
        if (value === null || value === undefined) continue;
        if (past(name, r, col)) break sheet;
        while (rows.length < r) rows.push([]);
        const row = rows[r - 1];
        while (row.length < col) row.push(null);
        row[col - 1] = value;
      }
    }
    const width = Math.max(0, ...rows.map((row) => row.length));
    sheets[name] = rows.map((row) => row.concat(Array(width - row.length).fill(null)));
  }
  return sheets;
}

// Checking a course in the browser, as generator/validate/schemas.py (the course JSON Schema, compiled into data.json
// from schemas/) and course.py / validate/rules/references.py (ids) do, with the same codes, places and messages.
import { getCloseMatches } from "./difflib.js";
import { problem, where } from "./load.js";
import { described, say } from "./messages.js";

/** Python's repr() of a float: the shortest digits, as JavaScript has them, written as Python writes them (an
 *  exponent below 1e-4 and from 1e16 on, with at least two digits; ".0" on a whole number). */
export function pyFloat(v) {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
  if (v === 0) return Object.is(v, -0) ? "-0.0" : "0.0";
  const [mantissa, e] = Math.abs(v).toExponential().split("e");
  const exp = Number(e);
  const digits = mantissa.replace(".", "");
  let out;
  if (exp < -4 || exp >= 16) {
    out = `${digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  } else if (exp >= 0) {
    out = `${digits.slice(0, exp + 1).padEnd(exp + 1, "0")}.${digits.slice(exp + 1) || "0"}`;
  } else {
    out = `0.${"0".repeat(-exp - 1)}${digits}`;
  }
  return (v < 0 ? "-" : "") + out;
}

// Characters Python's repr() escapes: those str.isprintable() refuses (every space but " " among them).
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

function escapeChar(ch) {
  const code = ch.codePointAt(0);
  if (code < 0x100) return `\\x${code.toString(16).padStart(2, "0")}`;
  if (code < 0x10000) return `\\u${code.toString(16).padStart(4, "0")}`;
  return `\\U${code.toString(16).padStart(8, "0")}`;
}

/** Python's repr() of plain data, for messages that quote a value as the CLI does. `floats` holds the pointers (from
 *  `at`) of the numbers the file wrote as floats, which Python quotes as 2.0, not 2. */
export function pyRepr(v, floats = null, at = "") {
  if (v === null || v === undefined) return "None";
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "number" && floats && floats.ints && floats.ints.has(at)) return floats.ints.get(at);
  if (typeof v === "number") return !Number.isFinite(v) || (floats && floats.has(at)) ? pyFloat(v) : String(v);
  if (typeof v === "string") {
    const quote = v.includes("'") && !v.includes('"') ? '"' : "'";
    let out = "";
    for (const ch of v) {
      if (ch === "\\") out += "\\\\";
      else if (ch === quote) out += `\\${ch}`;
      else if (ch === "\n") out += "\\n";
      else if (ch === "\r") out += "\\r";
      else if (ch === "\t") out += "\\t";
      else if (ch !== " " && UNPRINTABLE.test(ch)) out += escapeChar(ch);
      else out += ch;
    }
    return quote + out + quote;
  }
  if (Array.isArray(v)) return `[${v.map((x, i) => pyRepr(x, floats, `${at}/${i}`)).join(", ")}]`;
  return `{${Object.entries(v).map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x, floats, `${at}/${tokenOf(k)}`)}`).join(", ")}}`;
}

const pyStr = (v, floats = null, at = "") => (typeof v === "string" ? v : pyRepr(v, floats, at));

/** How a message names the kind of value found (schemas.py `_describe`). */
function describe(v) {
  if (v === null) return say("got.null");
  if (Array.isArray(v)) return say("got.list");
  return say(`got.${{ object: "mapping", string: "text", boolean: "boolean", number: "number" }[typeof v]}`);
}

/** How a message names the type or types a schema asks for (schemas.py `_expected`). */
const expected = (types) => (Array.isArray(types) ? types : [types])
  .map((x) => (["string", "object", "array", "boolean", "integer", "number", "null"].includes(x) ? say(`type.${x}`) : x))
  .reduce((first, second) => say("type.or", { first, second }));

function isType(v, type) {
  switch (type) {
    case "object": return v !== null && typeof v === "object" && !Array.isArray(v);
    case "array": return Array.isArray(v);
    case "string": return typeof v === "string";
    case "boolean": return typeof v === "boolean";
    case "integer": return typeof v === "number" && Number.isInteger(v);
    case "number": return typeof v === "number";
    case "null": return v === null;
    default: return false;
  }
}

const tokenOf = (k) => String(k).replace(/~/g, "~0").replace(/\//g, "~1");

function fieldOf(pointer) {
  if (!pointer) return "(top level)";
  const tokens = pointer.split("/");
  const last = tokens[tokens.length - 1];
  return /^\d+$/u.test(last) && tokens.length > 2 ? `${tokens[tokens.length - 2]}/${last}` : last;
}

function equal(a, b) {
  return JSON.stringify(a) === JSON.stringify(b) && typeof a === typeof b;
}

/** Every violation of `schema` in the document's data, as the CLI words and places it. */
export function schemaProblems(doc, schema, defs) {
  const out = [];
  // How the file wrote its numbers: the pointers of floats, and (`ints`) the digits of whole numbers too large for
  // JavaScript to hold exactly, which Python still quotes digit by digit and counts as whole numbers.
  const floats = Object.assign(new Set(doc.floats || []), { ints: doc.ints || new Map() });
  // A $ref is checked as the schema it names (its description is the hint), as python-jsonschema reports it.
  const resolve = (s) => (s.$ref ? { ...s, ...defs[s.$ref.split("/").pop()] } : s);
  const at = (pointer, code, message, hint = "", key = false, shown = pointer) => {
    const [line, col] = where(doc, pointer, key);
    out.push(problem(doc.rel, line, col, code, message, shown, hint));
  };
  const walk = (value, raw, pointer) => {
    const s = resolve(raw);
    const field = fieldOf(pointer);
    const isWhole = (ty) => ty === "integer" && floats.ints.has(pointer);
    if (s.type !== undefined && !(Array.isArray(s.type) ? s.type : [s.type]).some((ty) => isWhole(ty) || isType(value, ty))) {
      let hint = "";
      if (s.type === "string" && (typeof value === "boolean" || typeof value === "number")) {
        hint = say("wrong-type.quote.hint");
      } else if (typeof s.type === "string") hint = say("wrong-type.hint", { expected: expected(s.type) });
      at(pointer, "wrong-type", say("wrong-type", { field, expected: expected(s.type), got: describe(value) }), hint);
    }
    if (s.enum !== undefined && !s.enum.some((e) => equal(e, value))) {
      const close = getCloseMatches(pyStr(value), s.enum.map((e) => pyStr(e)), 1);
      at(pointer, "invalid-value", say("invalid-value.enum", { field, value: pyRepr(value, floats, pointer),
        options: s.enum.map((e) => pyStr(e)).join(", ") }), close.length ? say("did-you-mean.hint", { close: close[0] }) : "");
    }
    if (typeof value === "string") {
      if (s.minLength !== undefined && [...value].length < s.minLength) {
        at(pointer, "invalid-value", say(s.minLength === 1 ? "invalid-value.non-empty" : "invalid-value.too-short",
          { field, value: pyRepr(value, floats, pointer) }));
      }
      if (s.pattern !== undefined && !new RegExp(s.pattern, "u").test(value)) {
        at(pointer, "invalid-format", say("invalid-format", { field, value: pyRepr(value, floats, pointer) }),
          s.description ? described(s.description) : say("invalid-format.hint", { pattern: s.pattern }));
      }
    }
    if (typeof value === "number" && typeof value !== "boolean" && s.minimum !== undefined && value < s.minimum) {
      at(pointer, "invalid-value", say("invalid-value.minimum", { field, value: pyRepr(value, floats, pointer), limit: s.minimum }));
    }
    if (typeof value === "number" && typeof value !== "boolean" && s.maximum !== undefined && value > s.maximum) {
      at(pointer, "invalid-value", say("invalid-value.maximum", { field, value: pyRepr(value, floats, pointer), limit: s.maximum }));
    }
    if (Array.isArray(value)) {
      if (s.minItems !== undefined && value.length < s.minItems) {
        at(pointer, "invalid-value", say(s.minItems === 1 ? "invalid-value.non-empty" : "invalid-value.too-short",
          { field, value: pyRepr(value, floats, pointer) }));
      }
      if (s.uniqueItems && new Set(value.map((v) => JSON.stringify(v))).size < value.length) {
        at(pointer, "invalid-value", say("invalid-value.unique", { field, value: pyRepr(value, floats, pointer) }));
      }
      if (s.items) value.forEach((v, i) => walk(v, s.items, `${pointer}/${i}`));
    }
    if (isType(value, "object")) {
      for (const name of s.required || []) {
        if (!Object.hasOwn(value, name)) {
          at(pointer, "missing-property", pointer ? say("missing-property.from", { name, field }) : say("missing-property", { name }),
            say("missing-property.hint", { name }), false, `${pointer}/${tokenOf(name)}`);
        }
      }
      const props = s.properties || {};
      if (s.additionalProperties === false) {
        const allowed = Object.keys(props).sort();
        for (const key of Object.keys(value).filter((k) => !Object.hasOwn(props, k)).sort()) {
          const close = getCloseMatches(key, allowed, 1);
          at(`${pointer}/${tokenOf(key)}`, "unknown-property", say("unknown-property", { key }), close.length
            ? say("unknown-property.close.hint", { close: close[0], allowed: allowed.join(", ") })
            : say("unknown-property.hint", { allowed: allowed.join(", ") }), true);
        }
      }
      for (const [key, sub] of Object.entries(props)) if (Object.hasOwn(value, key)) walk(value[key], sub, `${pointer}/${tokenOf(key)}`);
    }
  };
  walk(doc.data, schema, "");
  return out;
}

const dicts = (v) => (Array.isArray(v) ? v.map((x) => (isType(x, "object") ? x : {})) : []);

/** What a schema cannot see (course.py `course_problems`): unknown ids, repeated module and outcome ids. */
export function idProblems(doc, bundle) {
  const out = [];
  const at = (pointer, code, message, hint) => out.push(problem(doc.rel, ...where(doc, pointer), code, message, pointer, hint));
  const data = isType(doc.data, "object") ? doc.data : {};
  const modules = new Map();
  (Array.isArray(data.modules) ? data.modules : []).forEach((module, i) => {
    if (!isType(module, "object")) return;
    const mid = module.id;
    if (typeof mid === "string" && modules.has(mid)) {
      at(`/modules/${i}/id`, "duplicate-id",
        say("duplicate-id.module", { id: mid, line: where(doc, `/modules/${modules.get(mid)}/id`)[0] }), say("duplicate-id.module.hint"));
    } else if (typeof mid === "string") modules.set(mid, i);
    const outcomes = new Map();
    (Array.isArray(module.outcomes) ? module.outcomes : []).forEach((outcome, k) => {
      if (!isType(outcome, "object")) return;
      const oid = outcome.id;
      if (typeof oid === "string" && outcomes.has(oid)) {
        at(`/modules/${i}/outcomes/${k}/id`, "duplicate-id", say("duplicate-id.outcome", { id: oid,
          module: pyStr(mid ?? null, doc.floats, `/modules/${i}/id`), line: where(doc, `/modules/${i}/outcomes/${outcomes.get(oid)}/id`)[0] }),
        say("duplicate-id.outcome.hint"));
      } else if (typeof oid === "string") outcomes.set(oid, k);
    });
  });
  const known = Object.keys(bundle.frameworks).sort();
  const sets = bundle.requirement_sets.map((r) => r.id).sort();
  (Array.isArray(data.targets) ? data.targets : []).forEach((ref, j) => {
    if (typeof ref === "string" && !sets.includes(ref)) {
      const close = getCloseMatches(ref, sets, 1, 0.6);
      at(`/targets/${j}`, "unknown-reference", say("unknown-reference.set", { ref }),
        close.length ? say("did-you-mean.hint", { close: close[0] }) : say("unknown-reference.set.hint", { sets: sets.join(", ") }));
    }
  });
  dicts(data.modules).forEach((module, i) => dicts(module.outcomes).forEach((outcome, k) => {
    (Array.isArray(outcome.covers) ? outcome.covers : []).forEach((ref, j) => {
      if (typeof ref !== "string" || Object.hasOwn(bundle.frameworks, ref)) return;
      let message, hint;
      if (Object.hasOwn(bundle.groups, ref)) {
        message = say("unknown-reference.group", { ref });
        hint = say("unknown-reference.group.hint");
      } else {
        const close = getCloseMatches(ref, known, 1, 0.8);
        message = say("unknown-reference.item", { ref });
        hint = close.length ? say("did-you-mean.hint", { close: close[0] }) : say("unknown-reference.item.hint");
      }
      at(`/modules/${i}/outcomes/${k}/covers/${j}`, "unknown-reference", message, hint);
    });
  }));
  return out;
}

function compare(p, q) {
  for (const k of ["path", "line", "col", "code", "message", "pointer", "severity"]) {
    if (p[k] < q[k]) return -1;
    if (p[k] > q[k]) return 1;
  }
  return 0;
}

export const sortProblems = (ps) => [...ps].sort(compare);

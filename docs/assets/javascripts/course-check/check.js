// One course file in, the CLI's answer out: the JSON report of `coachref course --format json`, or the
// problems `coachref course` prints (the same codes, places and messages). Mirrors generator/course/command.py.
import { binaryProblem, decode, loadYaml } from "./load.js";
import { defaultSets, evaluate } from "./engine.js";
import { idProblems, schemaProblems, sortProblems } from "./validate.js";
import { locate, readXlsx } from "./xlsx.js";
import { countProblems, fileSizeProblem } from "./limits.js";
import { where, wordsOf } from "./load.js";
import { setMessages } from "./messages.js";

async function sha256(bytes) {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

function load(bundle, name, bytes) {
  // A file past a limit (data.json "limits", from compliance/limits.py) gets that one problem and is read no further.
  const tooLarge = fileSizeProblem(bundle.limits, name, bytes.length);
  if (tooLarge) return { doc: null, problems: [tooLarge] };
  if (name.toLowerCase().endsWith(".xlsx")) {
    const { doc, problems } = readXlsx(bytes, name, bundle.xlsx, bundle.limits);
    if (!doc) return { doc, problems };
    const over = countProblems(bundle.limits, doc, where);
    if (over.length) return { doc: null, problems: over.map((p) => locate(p, doc, where)) };
    const found = schemaProblems(doc, bundle.schema, bundle.defs).map((p) => locate(p, doc, where));
    return { doc, problems: sortProblems(problems.concat(found)) };
  }
  const binary = binaryProblem(name, bytes);
  if (binary) return { doc: null, problems: [binary] };
  const decoded = decode(name, bytes);
  if (decoded.problems) return { doc: null, problems: decoded.problems };
  const { doc, problems } = loadYaml(name, decoded.text, bundle.limits);
  if (!doc || problems.some((p) => p.code === "yaml-alias" || p.code === "yaml-tag")) {
    return { doc: null, problems: sortProblems(problems) };
  }
  const over = countProblems(bundle.limits, doc, where);
  if (over.length) return { doc: null, problems: over };
  return { doc, problems: sortProblems(problems.concat(schemaProblems(doc, bundle.schema, bundle.defs))) };
}

/** The ids of the modules and their outcomes, by position, so that the page can name the place of a problem as people
 *  count ("module 5 (M5)"); null where the file gives none. */
function places(doc) {
  const modules = doc && doc.data && Array.isArray(doc.data.modules) ? doc.data.modules : [];
  const id = (x) => (x && typeof x === "object" && typeof x.id === "string" ? x.id : null);
  return modules.map((m) => ({ id: id(m), outcomes: m && Array.isArray(m.outcomes) ? m.outcomes.map(id) : [] }));
}

/** {report} for a valid course, {problems} (as `--format json` lists them, with `places`) for an invalid one. */
export async function checkCourse(bundle, name, bytes, checked = today()) {
  setMessages(bundle.messages, bundle.descriptions);
  const loaded = load(bundle, name, bytes);
  const { doc } = loaded;
  let { problems } = loaded;
  if (doc) {
    const ids = idProblems(doc, bundle).map((p) => (doc.xlsx ? locate(p, doc, where) : p));
    problems = sortProblems(problems.concat(ids));
  }
  if (!doc || problems.some((p) => p.severity === "error")) {
    const errors = problems.filter((p) => p.severity === "error").length;
    return { problems: { files: 1, errors, warnings: problems.length - errors, problems }, places: places(doc),
      words: problems.map(wordsOf) };
  }
  const meta = { file: name, sha256: await sha256(bytes), checked };
  return { report: evaluate(bundle, doc.data, defaultSets(bundle, doc.data), meta) };
}

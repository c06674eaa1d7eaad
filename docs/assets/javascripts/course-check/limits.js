// How much one course file may hold, as generator/compliance/limits.py says, with the CLI's codes and messages.
// The numbers come from data.json ("limits", compiled from limits.py LIMITS), never from this file.
import { problem } from "./load.js";
import { say } from "./messages.js";

/** The problem of a course file larger than the limit (checked before anything is read), or null. */
export function fileSizeProblem(limits, rel, size) {
  const limit = limits.file_bytes;
  if (size <= limit) return null;
  return problem(rel, 1, 1, "file-too-large", say("file-too-large", { size, limit }), "", say("file-too-large.hint"));
}

/** The problem of a workbook whose parts unpack to more than the limit (a zip bomb), or null. */
export function unpackedProblem(limits, rel, size) {
  const limit = limits.xlsx_unpacked_bytes;
  if (size <= limit) return null;
  return problem(rel, 1, 1, "xlsx-too-large", say("xlsx-too-large", { size, limit }), "", say("xlsx-too-large.hint"));
}

/** What is wrong with a value at (row, col) of a course sheet, or null within the limits (sheet!cell goes first). */
export function beyondSheet(limits, row, col) {
  if (row > limits.sheet_rows) return say("xlsx-sheet-too-large.row", { row, limit: limits.sheet_rows });
  if (col > limits.sheet_columns) return say("xlsx-sheet-too-large.column", { col, limit: limits.sheet_columns });
  return null;
}

const own = (o, key) => o !== null && typeof o === "object" && !Array.isArray(o) && Object.prototype.hasOwnProperty.call(o, key);

/** The problem of a course with more modules or learning outcomes than the limits allow, at the first one past the
 *  limit; [] otherwise (and for data the schema will refuse). */
export function countProblems(limits, doc, where) {
  const modules = own(doc.data, "modules") ? doc.data.modules : null;
  if (!Array.isArray(modules)) return [];
  const at = (pointer, code, message, hint) => problem(doc.rel, ...where(doc, pointer), code, message, pointer, hint);
  if (modules.length > limits.modules) {
    return [at(`/modules/${limits.modules}`, "too-many-modules",
      say("too-many-modules", { count: modules.length, limit: limits.modules }), say("too-many-modules.hint"))];
  }
  const lists = modules.map((m) => (own(m, "outcomes") && Array.isArray(m.outcomes) ? m.outcomes : []));
  const total = lists.reduce((sum, x) => sum + x.length, 0);
  const limit = limits.outcomes;
  if (total <= limit) return [];
  let seen = 0;
  for (const [i, outcomes] of lists.entries()) {
    if (seen + outcomes.length > limit) {
      return [at(`/modules/${i}/outcomes/${limit - seen}`, "too-many-outcomes",
        say("too-many-outcomes", { count: total, limit }), say("too-many-outcomes.hint"))];
    }
    seen += outcomes.length;
  }
  return [];
}

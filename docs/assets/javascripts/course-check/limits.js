// How much one course file may hold, as generator/compliance/limits.py says, with the CLI's codes and messages.
// The numbers come from data.json ("limits", compiled from limits.py LIMITS), never from this file.
import { problem } from "./load.js";

const n = (x) => x.toLocaleString("en-US");  // 1234567 -> "1,234,567", as Python's f"{x:,}"

/** The problem of a course file larger than the limit (checked before anything is read), or null. */
export function fileSizeProblem(limits, rel, size) {
  const limit = limits.file_bytes;
  if (size <= limit) return null;
  return problem(rel, 1, 1, "file-too-large", `the file is ${n(size)} bytes; a course file may be at most ${n(limit)} bytes`,
    "", "check that this is the course file; a course of 200 modules is well under the limit");
}

/** The problem of a workbook whose parts unpack to more than the limit (a zip bomb), or null. */
export function unpackedProblem(limits, rel, size) {
  const limit = limits.xlsx_unpacked_bytes;
  if (size <= limit) return null;
  return problem(rel, 1, 1, "xlsx-too-large",
    `the workbook unpacks to ${n(size)} bytes; a course workbook may unpack to at most ${n(limit)} bytes`, "",
    "start from the course template and copy in the course's rows; delete sheets, images and rows it does not need");
}

/** What is wrong with a value at (row, col) of a course sheet, or null within the limits (sheet!cell goes first). */
export function beyondSheet(limits, row, col) {
  if (row > limits.sheet_rows) return `a value in row ${n(row)}; a course sheet may use rows 1 to ${n(limits.sheet_rows)}`;
  if (col > limits.sheet_columns) {
    return `a value in column ${n(col)}; a course sheet may use columns 1 to ${n(limits.sheet_columns)}`;
  }
  return null;
}

export const SHEET_HINT = "delete the rows and columns past the last one used (select them, then Delete), or start from the template";

const own = (o, key) => o !== null && typeof o === "object" && !Array.isArray(o) && Object.prototype.hasOwnProperty.call(o, key);

/** The problem of a course with more modules or learning outcomes than the limits allow, at the first one past the
 *  limit; [] otherwise (and for data the schema will refuse). */
export function countProblems(limits, doc, where) {
  const modules = own(doc.data, "modules") ? doc.data.modules : null;
  if (!Array.isArray(modules)) return [];
  const at = (pointer, code, message, hint) => problem(doc.rel, ...where(doc, pointer), code, message, pointer, hint);
  if (modules.length > limits.modules) {
    return [at(`/modules/${limits.modules}`, "too-many-modules",
      `the file has ${n(modules.length)} modules; a course file may have at most ${n(limits.modules)}`,
      "check that the file holds one course (a real one has fewer than 60 modules), or split it")];
  }
  const lists = modules.map((m) => (own(m, "outcomes") && Array.isArray(m.outcomes) ? m.outcomes : []));
  const total = lists.reduce((sum, x) => sum + x.length, 0);
  const limit = limits.outcomes;
  if (total <= limit) return [];
  let seen = 0;
  for (const [i, outcomes] of lists.entries()) {
    if (seen + outcomes.length > limit) {
      return [at(`/modules/${i}/outcomes/${limit - seen}`, "too-many-outcomes",
        `the file has ${n(total)} learning outcomes; a course file may have at most ${n(limit)}`,
        "check that the file holds one course, or split it")];
    }
    seen += outcomes.length;
  }
  return [];
}

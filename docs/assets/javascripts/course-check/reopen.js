// A saved report re-opened: which items it covered changed since its edition, and whether its verdict would
// change. The browser twin of generator/course/reopen.py: it looks the answer up in the tables that module
// compiled into data.json (bundle.reopen); it decides nothing itself. tests/test_reopen.py runs both on the same
// reports and demands the same answer.

const has = (o, k) => o !== null && typeof o === "object" && Object.prototype.hasOwnProperty.call(o, k);
const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const isText = (v) => typeof v === "string" && v.length <= 2000;
const optional = (v) => v === undefined || v === null || isText(v);

/** Whether `doc` has the shape of a saved course report (as `coachref course --format json` writes it). */
export function isReport(doc) {
  if (!isObj(doc) || !isText(doc.format) || !doc.format.startsWith("coachref-course-report/")) return false;
  const ed = doc.edition;
  if (!isObj(ed) || !optional(ed.id) || !optional(ed.after) || !optional(ed.standards)) return false;
  if (!Array.isArray(doc.requirement_sets)) return false;
  return doc.requirement_sets.every((rs) => isObj(rs) && isText(rs.id) && Array.isArray(rs.conditions)
    && rs.conditions.every((c) => isObj(c) && (c.items === undefined || (Array.isArray(c.items)
      && c.items.every((i) => isObj(i) && isText(i.id) && typeof i.covered === "boolean")))));
}

function found(R, ed) {
  const named = ed.id === undefined ? null : ed.id;
  if (ed.standards === R.standards || (named !== null && named === R.current)) return ["current", R.current];
  if (named !== null) return has(R.known, named) ? ["edition", named] : ["unknown", null];
  const byHash = Object.keys(R.known).filter((e) => R.known[e] && R.known[e] === ed.standards);
  if (byHash.length) return ["hash", byHash[byHash.length - 1]];
  if (typeof ed.after === "string" && has(R.known, ed.after)) return ["after", ed.after];
  return ["none", null];
}

function reportItems(report) {
  const seen = new Map();
  for (const rs of report.requirement_sets) for (const c of rs.conditions) for (const i of c.items || []) {
    if (!seen.has(i.id)) seen.set(i.id, i.covered);
  }
  return [...seen.entries()];
}

/** The answer of reopen.py's `reopen()` for a report that passed isReport(). */
export function reopen(bundle, report) {
  const R = bundle.reopen;
  const [how, edition] = found(R, report.edition);
  const named = report.edition.id === undefined ? null : report.edition.id;
  const answer = { found: how, edition, named, items: [], sets: [] };
  if (how === "unknown" || how === "none") return { ...answer, verdict: null };
  if (how === "current" || edition === null) return { ...answer, verdict: "unchanged" };
  const since = has(R.since, edition) ? R.since[edition] : {};
  for (const [id, covered] of reportItems(report)) {
    const change = has(since, id) ? since[id] : null;
    if (change && (covered || change.effect === "may-change")) {
      answer.items.push({ id, covered, kind: change.kind, successors: [...change.successors], effect: change.effect });
    }
  }
  const changed = has(R.sets, edition) ? R.sets[edition] : {};
  answer.sets = report.requirement_sets.filter((rs) => has(changed, rs.id)).map((rs) => ({ id: rs.id, ...changed[rs.id] }));
  const effects = new Set(answer.items.map((i) => i.effect));
  const verdict = effects.has("may-change") || answer.sets.length ? "may-change" : effects.has("review") ? "review"
    : answer.items.length ? "stands" : "unchanged";
  return { ...answer, verdict };
}

/** What an item id of the report's edition became, with old and new texts (for the page to show). */
export function change(bundle, edition, id) {
  const since = has(bundle.reopen.since, edition) ? bundle.reopen.since[edition] : {};
  return has(since, id) ? since[id] : null;
}

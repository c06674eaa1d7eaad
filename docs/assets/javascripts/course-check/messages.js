// Fills in the wording of generator/diagnostics/messages.py, which data.json carries ("messages"): the check page
// writes no message or hint of its own. A template holds {name} fields, and {name:,} for a whole number written with
// thousands separators, as Python's f"{x:,}".
let table = {};

/** The table of templates from data.json (checkCourse sets it before anything is checked). */
export function setMessages(messages) {
  table = messages || {};
}

/** The template `key` filled in with `values`. */
export function say(key, values = {}) {
  const template = table[key];
  if (template === undefined) throw new Error(`data.json has no message ${key}`);
  return template.replace(/\{(\w+)(:,)?\}/gu, (_m, name, comma) => (comma ? Number(values[name]).toLocaleString("en-US")
    : String(values[name])));
}

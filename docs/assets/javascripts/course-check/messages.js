// Fills in the wording of generator/diagnostics/messages.py, which data.json carries ("messages": English and
// Dutch): the check page writes no message or hint of its own. A template holds {name} fields, and {name:,} for a
// whole number written with thousands separators, as Python's f"{x:,}".
let tables = { en: {}, nl: {} };
// The Dutch of the schema descriptions that are hints (data.json "descriptions": diagnostics/messages.py DESCRIPTIONS_NL).
let descriptions = {};

/** The tables of templates and descriptions from data.json (set before anything is checked). */
export function setMessages(messages, described = {}) {
  tables = messages || { en: {}, nl: {} };
  descriptions = described || {};
}

/** A message not yet put into words: its template and values. It reads as the CLI's English wherever it becomes
 *  text (a problem's message and hint), and the page can put it into its reader's language (`wordsIn`). */
class Said {
  constructor(key, values) {
    this.key = key;
    this.values = values;
  }

  toString() {
    return fill("en", this.key, this.values);
  }
}

function fill(lang, key, values) {
  const template = (tables[lang] || {})[key] ?? tables.en[key];
  const number = lang === "nl" ? "nl-NL" : "en-US";
  return template.replace(/\{(\w+)(:,)?\}/gu, (_m, name, comma) => {
    const value = values[name];
    if (value instanceof Said) return fill(lang, value.key, value.values);
    if (value && typeof value === "object" && "key" in value && "values" in value) return fill(lang, value.key, value.values);
    return comma ? Number(value).toLocaleString(number) : String(value);
  });
}

/** A schema's own description as a hint: its English as the CLI prints it, its Dutch from data.json. */
class Described {
  constructor(text) {
    this.described = text;
  }

  toString() {
    return this.described;
  }
}

/** The schema description `text` as a hint that the page can put into its reader's language. */
export function described(text) {
  return new Described(text);
}

/** The template `key` with `values` (which may hold other messages), as a message. */
export function say(key, values = {}) {
  if (tables.en[key] === undefined) throw new Error(`data.json has no message ${key}`);
  return new Said(key, values);
}

/** A message as plain data ({key, values}, nested), to travel from the worker to the page; a string stays one. */
export function plain(message) {
  if (message instanceof Described) return { described: message.described };
  if (!(message instanceof Said)) return message;
  return { key: message.key, values: Object.fromEntries(Object.entries(message.values).map(([k, v]) => [k, plain(v)])) };
}

/** A message (as `plain` gives it, or a string) in a language. */
export function wordsIn(message, lang) {
  if (message && typeof message === "object" && "described" in message) {
    return (descriptions[lang] || {})[message.described] ?? message.described;
  }
  if (message && typeof message === "object") return fill(lang, message.key, message.values);
  return message === undefined || message === null ? "" : String(message);
}

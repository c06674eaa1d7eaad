// Compliance engine of the check page: the browser twin of generator/course/engine.py and report_data.py.
// It evaluates the requirement sets compiled at build time (data.json, from generator/course/bundle.py);
// no rule or condition is written here. tests/browser/test_course_check.py runs both engines on the same files.

export const FORMAT = "coachref-course-report/2";

/** The interface string `key` in `lang` with its {placeholders} filled (as generator.strings.t). */
export function t(bundle, key, lang, values = {}) {
  const text = bundle.strings[lang][key];
  if (text === undefined) throw new Error(`missing interface string ${key}`);
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in values ? String(values[name]) : m));
}

export function tn(bundle, key, n, lang, values = {}) {
  return t(bundle, `${key}.${n === 1 ? "one" : "other"}`, lang, { n, ...values });
}

/** The sets that apply: the declared targets; without them, those of every framework the course covers. */
export function defaultSets(bundle, course) {
  if (Array.isArray(course.targets) && course.targets.length) return course.targets.map(String);
  const frameworks = new Set();
  for (const m of course.modules) for (const o of m.outcomes) for (const ref of o.covers) {
    if (ref in bundle.frameworks) frameworks.add(bundle.frameworks[ref]);
  }
  return bundle.requirement_sets.filter((r) => frameworks.has(r.framework)).map((r) => r.id);
}

function field(course, dotted) {
  let value = course;
  for (const part of dotted.split(".")) {
    if (value === null || typeof value !== "object" || Array.isArray(value) || !(part in value)) return null;
    value = value[part];
  }
  return value;
}

function sameTypeEqual(a, b) {
  if (typeof a !== typeof b) return false;
  if (typeof a === "number" && Number.isInteger(a) !== Number.isInteger(b)) return false;
  return a === b;
}

function ref(r) {
  return { module: r.module, module_title: r.module_title, outcome: r.outcome, outcome_text: r.outcome_text };
}

function coverage(bundle, itemId, direct) {
  const item = bundle.items[itemId];
  const refs = direct.get(itemId) || [];
  const indirect = [];
  if (!refs.length) {
    for (const [via, relation] of bundle.mappings[itemId] || []) {
      const label = bundle.relations[relation] || { en: relation, nl: relation };
      for (const r of direct.get(via) || []) {
        indirect.push({ via, via_name: bundle.items[via].name, via_url: bundle.items[via].url, relation,
          relation_label: label, ...ref(r) });
      }
    }
  }
  return { id: itemId, label: item.label, name: item.name, url: item.url, group: item.group,
    statement: item.statement, subpoints: item.subpoints, covered: refs.length > 0,
    covered_by: refs.map(ref), indirect };
}

function condition(bundle, course, c, direct) {
  const rule = c.rule;
  const d = { id: c.id, statement: c.statement, basis: c.basis, rule: rule.type, met: false };
  if (c.quote) d.quote = c.quote;
  if (rule.type === "covers-all") {
    const leftOut = new Set(rule.except || []);  // items the rule leaves out (e.g. a lead-in sentence)
    const items = rule.groups.flatMap((g) => bundle.groups[g].items.filter((id) => !leftOut.has(id))
      .map((id) => coverage(bundle, id, direct)));
    d.met = items.every((i) => i.covered);
    d.groups = rule.groups.map((g) => ({ id: g, title: bundle.groups[g].title }));
    d.covered = items.filter((i) => i.covered).length;
    d.total = items.length;
    d.uncovered = items.filter((i) => !i.covered).map((i) => i.id);
    d.items = items;
    return d;
  }
  const actual = field(course, rule.field);
  if (rule.type === "field-at-least") {  // an integer, not a boolean, at least the minimum
    d.met = typeof actual === "number" && Number.isInteger(actual) && actual >= rule.min;
    return Object.assign(d, { field: rule.field, actual, expected: [rule.min] });
  }
  const expected = rule.type === "field-equals" ? [rule.equals] : rule.one_of;
  d.met = actual !== null && expected.some((e) => sameTypeEqual(actual, e));
  return Object.assign(d, { field: rule.field, actual, expected: [...expected] });
}

/** The report as plain data, equal to `coachref course --format json` for the same file. */
export function evaluate(bundle, course, setIds, meta, asked = false) {
  const direct = new Map();
  for (const m of course.modules) for (const o of m.outcomes) for (const id of o.covers) {
    if (!direct.has(id)) direct.set(id, []);
    direct.get(id).push({ module: m.id, module_title: m.title, outcome: o.id, outcome_text: o.text });
  }
  const targets = course.targets || [];
  const because = asked ? "asked" : targets.length ? "target" : "covers";
  const byId = Object.fromEntries(bundle.requirement_sets.map((r) => [r.id, r]));
  const sets = setIds.map((id) => {
    const r = byId[id];
    const conditions = r.conditions.map((c) => condition(bundle, course, c, direct));
    // Only the conditions the source sets decide; an unmet inference of ours is a point to review.
    return { id: r.id, framework: r.framework, title: r.title, source: r.source, because,
      met: conditions.every((c) => c.basis !== "condition" || c.met),
      review: conditions.filter((c) => c.basis !== "condition" && !c.met).map((c) => c.id), conditions };
  });
  const broad = [];  // outcomes that claim so many items that the claim needs a look
  for (const m of course.modules) for (const o of m.outcomes) {
    const count = new Set(o.covers).size;
    if (count >= bundle.broad_outcome) broad.push({ module: m.id, outcome: o.id, count });
  }
  const named = sets.some((s) => s.because !== "covers");
  const mode = { dual: course.mode.dual };
  for (const key of ["practice_hours", "training_hours", "off_the_job_hours", "duration_months"]) {
    if (course.mode[key] !== undefined && course.mode[key] !== null) mode[key] = course.mode[key];
  }
  const data = {
    format: FORMAT, file: meta.file, file_sha256: meta.sha256, checked: meta.checked,
    edition: bundle.edition,
    compliant: !sets.length ? false : named ? sets.every((s) => s.met) : null,
    course: { provider: course.provider, programme: course.programme, version: course.version, level: course.level,
      mode, language: course.language === undefined ? null : course.language, targets: [...targets],
      modules: course.modules.map((m) => ({ id: m.id, title: m.title,
        outcomes: m.outcomes.map((o) => ({ id: o.id, text: o.text, covers: [...o.covers] })) })) },
    requirement_sets: sets,
    not_applied: bundle.requirement_sets.filter((r) => !setIds.includes(r.id)).map((r) => ({ id: r.id, title: r.title })),
    broad_outcomes: broad,
  };
  data.verdict = { en: verdict(bundle, data, "en"), nl: verdict(bundle, data, "nl") };
  return data;
}

// ------------------------------------------------------------ phrases (as report_data.py)

export function joinWords(bundle, words, lang, key = "report.and") {
  if (words.length < 2) return words.join("");
  return `${words.slice(0, -1).join(", ")} ${t(bundle, key, lang)} ${words[words.length - 1]}`;
}

export function valueLabel(bundle, fieldName, value, lang) {
  if (typeof value === "boolean") return t(bundle, value ? "report.yes" : "report.no", lang);
  if (fieldName === "level" && `level.${value}` in bundle.strings[lang]) return t(bundle, `level.${value}`, lang);
  return String(value);
}

export function expectedWords(bundle, c, lang) {
  if (c.rule === "field-at-least") return t(bundle, "report.at-least", lang, { n: c.expected[0] });
  return joinWords(bundle, c.expected.map((e) => valueLabel(bundle, c.field, e, lang)), lang, "report.or");
}

function fieldName(bundle, name, lang) {
  const key = `report.field.${name}`;
  return key in bundle.strings[lang] ? t(bundle, key, lang) : name;
}

export function gap(bundle, c, lang) {
  if (c.rule === "covers-all") {
    const names = c.items.filter((i) => !i.covered).map((i) => i.name[lang]);
    return tn(bundle, "report.gap-uncovered", names.length, lang, { items: joinWords(bundle, names, lang) });
  }
  const expected = expectedWords(bundle, c, lang);
  if (c.actual === null) {
    return t(bundle, "report.gap-missing", lang, { field: fieldName(bundle, c.field, lang), expected });
  }
  const value = valueLabel(bundle, c.field, c.actual, lang);
  const key = `report.gap.${c.field}`;
  if (key in bundle.strings[lang]) return t(bundle, key, lang, { value, expected });
  return t(bundle, "report.gap-field", lang, { field: fieldName(bundle, c.field, lang), value, expected });
}

export function editionWords(bundle, edition, lang) {
  if (edition.id) return t(bundle, "report.edition-id", lang, { edition: edition.id });
  if (edition.after) return t(bundle, "report.edition-after", lang, { edition: edition.after });
  return t(bundle, "report.edition-none", lang);
}

export function verdict(bundle, data, lang) {
  const sets = data.requirement_sets;
  if (!sets.length) return t(bundle, "report.verdict-no-sets", lang);
  const review = reviewWords(bundle, data, lang);
  let head;
  if (data.compliant === null) {
    head = t(bundle, "report.verdict-per-set", lang, { sets: sets.map((rs) => setResult(bundle, rs, lang)).join("; ") });
  } else if (data.compliant) {
    head = t(bundle, "report.verdict-compliant", lang, { sets: joinWords(bundle, sets.map((s) => s.title[lang]), lang) });
  } else {
    const gaps = sets.flatMap((s) => s.conditions.filter((c) => c.basis === "condition" && !c.met)
      .map((c) => gap(bundle, c, lang)));
    head = t(bundle, "report.verdict-not-compliant", lang, { gaps: gaps.join("; ") });
  }
  return review.length ? `${head} ${t(bundle, "report.review", lang, { points: review.join("; ") })}` : head;
}

export function setResult(bundle, rs, lang) {
  if (rs.met) return t(bundle, "report.set-meets", lang, { set: rs.title[lang] });
  // an item list as a count ("1 of 57 items covered"), as report_data.py _count_gap: a set the course only touches
  // is not a list of all it does not cover
  const gaps = rs.conditions.filter((c) => c.basis === "condition" && !c.met).map((c) => (c.rule === "covers-all"
    ? tn(bundle, "report.gap-count", c.total, lang, { covered: c.covered }) : gap(bundle, c, lang)));
  return t(bundle, "report.set-fails", lang, { set: rs.title[lang], gaps: gaps.join("; ") });
}

export function reviewWords(bundle, data, lang) {
  const sets = data.requirement_sets;
  const points = sets.flatMap((rs) => rs.conditions.filter((c) => c.basis !== "condition" && !c.met)
    .map((c) => (sets.length === 1 ? gap(bundle, c, lang) : `${rs.title[lang]}: ${gap(bundle, c, lang)}`)));
  for (const b of data.broad_outcomes || []) {
    points.push(t(bundle, "report.review-broad", lang, { outcome: b.outcome, module: b.module, n: b.count }));
  }
  return points;
}

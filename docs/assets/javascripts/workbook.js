/* The apprentice's workbook (progressive enhancement of a server-rendered page; generator/render/site/workbook.py).
   State lives only in this browser's localStorage; it leaves only as a file the reader exports
   (schemas/workbook.schema.json). Every string and all data come from the page's #cr-workbook-data block, built in
   Python at build time: the script combines that data with the reader's statuses and notes, nothing more.
   Work is never lost: an edit writes only its own entry over what is stored now (another tab's entries stay), a
   change made in another tab shows here at once (the storage event), a stored copy this page cannot read is kept
   under its own key before anything is saved, and an import that would replace entries asks first. */
(function () {
  "use strict";
  var node = document.getElementById("cr-workbook-data");
  if (!node || !window.JSON) return;
  var D = JSON.parse(node.textContent);
  var S = D.strings;
  var FORBIDDEN = ["__proto__", "constructor", "prototype"];
  var ID = /^[A-Z][A-Z0-9]*:[A-Za-z0-9][A-Za-z0-9:._-]*$/;
  var FRAMEWORK = /^[A-Z][A-Z0-9]*$/;
  var HTML = /<[A-Za-z!\/?]/;
  var EDITION = /^[0-9]{4}-[0-9]{2}-[0-9]{2}(\.[1-9][0-9]*)?$/;
  var MAX_ITEMS = 2000;
  var has = function (o, k) { return Object.prototype.hasOwnProperty.call(o, k); };
  var state = blank();
  var storageOk = true;
  var BACKUP = D.storage + ":unreadable";  // where a stored copy this page cannot read is kept
  var guard = null;  // such a copy that could not be kept: nothing is saved over it until the reader downloads it

  function blank() { return {items: Object.create(null), fields: Object.create(null), changed: [], since: null}; }

  function fmt(key, values) {
    return S[key].replace(/\{(\w+)\}/g, function (m, k) { return values && has(values, k) ? String(values[k]) : m; });
  }

  // --- reading a workbook file (or the stored copy): every check, or a Problem and nothing changed ------------
  function Problem(key, values) { this.key = key; this.values = values || {}; }
  function fail(key, values) { throw new Problem(key, values); }
  function isObj(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }

  function walk(value, where, depth) {
    if (depth > 6) fail("wb-error.shape", {where: where});
    if (value === null || typeof value !== "object") return;
    Object.keys(value).forEach(function (k) {
      if (FORBIDDEN.indexOf(k) >= 0) fail("wb-error.unsafe-key", {key: k});
      walk(value[k], where + "/" + k, depth + 1);
    });
  }

  function keys(obj, allowed, required, where) {
    if (!isObj(obj)) fail("wb-error.shape", {where: where || "/"});
    Object.keys(obj).forEach(function (k) {
      if (allowed.indexOf(k) < 0) fail("wb-error.shape", {where: where + "/" + k});
    });
    required.forEach(function (k) { if (!has(obj, k)) fail("wb-error.shape", {where: where + "/" + k}); });
  }

  function text(v, where, max) {
    if (typeof v !== "string") fail("wb-error.shape", {where: where});
    if (v.length > max) fail("wb-error.too-long", {n: max, where: where});
    if (HTML.test(v)) fail("wb-error.html", {where: where});
    return v;
  }

  function ids(obj, where) {
    if (!isObj(obj)) fail("wb-error.shape", {where: where});
    var list = Object.keys(obj);
    if (list.length > MAX_ITEMS) fail("wb-error.shape", {where: where});
    list.forEach(function (k) { if (!ID.test(k)) fail("wb-error.shape", {where: where + "/" + k.slice(0, 40)}); });
    return list;
  }

  function readEdition(ed) {
    keys(ed, ["id", "versions", "hash", "date", "items"], ["hash", "items"], "/edition");
    if (has(ed, "id") && ed.id !== null && (typeof ed.id !== "string" || !EDITION.test(ed.id))) {
      fail("wb-error.shape", {where: "/edition/id"});
    }
    if (typeof ed.hash !== "string" || !/^[0-9a-f]{12}$/.test(ed.hash)) fail("wb-error.shape", {where: "/edition/hash"});
    ids(ed.items, "/edition/items").forEach(function (k) {
      if (typeof ed.items[k] !== "string" || !/^[0-9a-f]{8}$/.test(ed.items[k])) {
        fail("wb-error.shape", {where: "/edition/items/" + k});
      }
    });
    if (has(ed, "versions")) {
      if (!isObj(ed.versions) || Object.keys(ed.versions).length > 50) fail("wb-error.shape", {where: "/edition/versions"});
      Object.keys(ed.versions).forEach(function (k) {
        if (!FRAMEWORK.test(k)) fail("wb-error.shape", {where: "/edition/versions/" + k.slice(0, 40)});
        text(ed.versions[k], "/edition/versions/" + k, 40);
      });
    }
    if (has(ed, "date")) text(ed.date, "/edition/date", 40);
    return ed;
  }

  function read(doc) {
    walk(doc, "", 0);
    keys(doc, ["$schema", "format", "version", "framework", "edition", "exported", "fields", "items"],
         ["format", "version", "framework", "edition", "items"], "");
    if (doc.format !== "coachref-workbook") fail("wb-error.shape", {where: "/format"});
    if (doc.version !== 1) fail("wb-error.shape", {where: "/version"});
    if (doc.framework !== D.framework) fail("wb-error.framework", {framework: text(doc.framework, "/framework", 40)});
    ["$schema", "exported"].forEach(function (k) { if (has(doc, k)) text(doc[k], "/" + k, 200); });
    var edition = readEdition(doc.edition);
    var out = blank();
    if (has(doc, "fields")) {
      keys(doc.fields, D.fields, [], "/fields");
      Object.keys(doc.fields).forEach(function (k) { out.fields[k] = text(doc.fields[k], "/fields/" + k, 200); });
    }
    ids(doc.items, "/items").forEach(function (id) {
      var entry = doc.items[id], where = "/items/" + id;
      keys(entry, ["status", "notes"], ["status"], where);
      if (D.states.indexOf(entry.status) < 0) fail("wb-error.shape", {where: where + "/status"});
      var notes = Object.create(null);
      if (has(entry, "notes")) {
        ids(entry.notes, where + "/notes").forEach(function (m) {
          notes[m] = text(entry.notes[m], where + "/notes/" + m, D.maxNote);
        });
      }
      out.items[id] = {status: entry.status, notes: notes};
    });
    return {state: out, edition: edition};
  }

  function parse(raw) {
    if (!raw.trim()) fail("wb-error.empty");
    var doc;
    try { doc = JSON.parse(raw); } catch (e) { fail("wb-error.not-json"); }
    return read(doc);
  }

  /* What changed between the edition a file was made for and this page's: items gone, items whose text or
     assessment changed. A file that names an edition the page has a table for (D.since, from the build) is told
     what became of each item, with old and new text; an older file, which names none, is compared by hashes.
     Nothing is dropped: gone items stay in the state and in every export. */
  function compare(found) {
    var changed = [], gone = [], id = found.edition.id;
    var since = typeof id === "string" && id !== D.edition.id && has(D.since, id) ? D.since[id] : null;
    if (found.edition.hash === D.edition.hash && !since) return {changed: changed, gone: gone, since: null};
    Object.keys(found.state.items).forEach(function (item) {
      if (!has(D.items, item)) gone.push(item);
      if (since) { if (has(since, item)) changed.push(item); }
      else if (has(D.items, item) && found.edition.items[item] !== D.edition.items[item]) changed.push(item);
    });
    return {changed: changed, gone: gone, since: since && {edition: id, table: since}};
  }

  function editionName(ed) {
    var v = ed.versions || {};
    return Object.keys(v).map(function (k) { return k + " " + v[k]; }).join(", ") +
      (ed.date ? ", " + ed.date : "") + ", #" + ed.hash;
  }

  // --- the document written to storage and to an exported file --------------------------------------------
  function doc(exported) {
    var items = {};
    Object.keys(state.items).sort().forEach(function (id) {
      var e = state.items[id], notes = {};
      Object.keys(e.notes).sort().forEach(function (m) { if (e.notes[m]) notes[m] = e.notes[m]; });
      if (e.status !== "none" || Object.keys(notes).length) items[id] = {status: e.status, notes: notes};
    });
    var fields = {};
    D.fields.forEach(function (f) { if (state.fields[f]) fields[f] = state.fields[f]; });
    var out = {"$schema": D.schema, format: "coachref-workbook", version: 1, framework: D.framework,
               edition: D.edition};
    if (exported) out.exported = exported;
    out.fields = fields;
    out.items = items;
    return out;
  }

  /* The workbook as stored now (another tab may have written it since this one last read it), or null. */
  function stored() {
    try {
      var raw = localStorage.getItem(D.storage);
      return raw ? parse(raw).state : null;
    } catch (e) {
      return null;
    }
  }

  /* Save after an edit of one entry ({item: id} or {field: name}): that entry over what is stored now, so a tab
     that missed another tab's edit never writes it away. Without `change` (an import, confirmed) the whole state. */
  function save(change) {
    if (guard !== null) return;
    var now = change ? stored() : null;
    if (now) {
      if (change.item) {
        if (state.items[change.item]) now.items[change.item] = state.items[change.item];
        else delete now.items[change.item];
      } else {
        now.fields[change.field] = state.fields[change.field];
      }
      now.changed = state.changed;
      now.since = state.since;
      var before = JSON.stringify(doc());
      state = now;
      if (JSON.stringify(doc()) !== before) { showItems(); update(); }
    }
    try {
      localStorage.setItem(D.storage, JSON.stringify(doc()));
    } catch (e) {
      if (storageOk) say(S["wb-no-storage"]);
      storageOk = false;
    }
  }

  function load() {
    var raw = null;
    try { raw = localStorage.getItem(D.storage); } catch (e) { storageOk = false; say(S["wb-no-storage"]); }
    if (!raw) return;
    try {
      var found = parse(raw);
      state = found.state;
      report(found, null);
    } catch (e) {
      if (!(e instanceof Problem)) throw e;
      keepUnreadable(raw, fmt(e.key, e.values));
    }
  }

  /* A stored copy this page cannot read (damaged, or written by a newer version) is never overwritten: it is kept
     under its own key (a second one gets a number), the page says so and offers it as a download, and starts empty.
     When it cannot be kept (storage full), nothing is saved until the reader has downloaded it. */
  function keepUnreadable(raw, reason) {
    var kept = false;
    try {
      var key = BACKUP, n = 1;
      while (localStorage.getItem(key) !== null && localStorage.getItem(key) !== raw) { n += 1; key = BACKUP + ":" + n; }
      localStorage.setItem(key, raw);
      kept = true;
    } catch (e) {
      guard = raw;
    }
    var box = document.createElement("div");
    box.className = "cr-wb-unreadable";
    box.setAttribute("role", "alert");
    var line = document.createElement("p");
    line.textContent = fmt(kept ? "wb-unreadable" : "wb-unreadable-unkept", {reason: reason});
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([raw], {type: "application/json"}));
    link.download = "coachref-workbook-" + D.framework.toLowerCase() + "-unreadable.json";
    link.className = "md-button";
    link.textContent = S["wb-unreadable-download"];
    link.addEventListener("click", function () { guard = null; });  // the reader has it now: saving may go on
    box.appendChild(line);
    box.appendChild(link);
    message.insertAdjacentElement("beforebegin", box);
  }

  // --- showing the state -----------------------------------------------------------------------------------
  var message = document.querySelector(".cr-wb-message");
  function say(line) { message.textContent = line; }

  function entry(id) {
    if (!state.items[id]) state.items[id] = {status: "none", notes: Object.create(null)};
    return state.items[id];
  }
  function status(id) { return state.items[id] ? state.items[id].status : "none"; }
  function label(id) { return has(D.items, id) ? D.items[id].label : id; }

  function make(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  /* Beside an entry whose item changed after the edition its file was saved with: what happened, and the text then
     and now side by side (all of it from the page's data; text goes in as text). */
  function was(id) {
    var c = state.since.table[id], edition = state.since.edition;
    var box = make("div", null, "cr-wb-was");
    box.setAttribute("data-kind", c.kind);
    box.appendChild(make("p", fmt("wb-since." + c.kind, {item: c.name, edition: edition,
      items: c.new.map(function (n) { return n.name; }).join(", ")})));
    var table = make("table", null, "cr-wb-was-table");
    table.appendChild(make("caption", fmt("wb-since-caption", {item: c.name})));
    var head = make("tr");
    [fmt("wb-since-old", {edition: edition}), S["wb-since-new"]].forEach(function (h) {
      var th = make("th", h);
      th.setAttribute("scope", "col");
      head.appendChild(th);
    });
    var row = make("tr"), now = make("td");
    c.new.forEach(function (n) { now.appendChild(make("p", c.new.length > 1 || n.id !== id ? n.name + ": " + n.statement : n.statement)); });
    if (!c.new.length) now.appendChild(make("p", S["wb-since-gone"]));
    row.appendChild(make("td", c.old));
    row.appendChild(now);
    table.appendChild(make("thead")).appendChild(head);
    table.appendChild(make("tbody")).appendChild(row);
    box.appendChild(table);
    if (c.same) box.appendChild(make("p", S["wb-since-same"]));
    if (c.note) box.appendChild(make("p", fmt("wb-since-note", {note: c.note}), "cr-wb-was-note"));
    return box;
  }

  function showWas(parent, id, after) {
    var old = parent.querySelector(".cr-wb-was");
    if (old) old.remove();
    if (state.since && has(state.since.table, id)) after.insertAdjacentElement("afterend", was(id));
  }

  function showItems() {
    var typing = document.activeElement;  // the field the reader is typing in keeps its value
    Object.keys(D.items).forEach(function (id) {
      var li = document.getElementById(D.items[id].dom);
      var st = status(id);
      li.querySelectorAll("input[type=radio]").forEach(function (r) { r.checked = r.value === st; });
      li.querySelectorAll("textarea[data-method]").forEach(function (ta) {
        if (ta === typing) return;
        var e = state.items[id];
        ta.value = e && e.notes[ta.getAttribute("data-method")] || "";
        hint(ta, false);
      });
      showWas(li, id, li.querySelector(".cr-wb-statement"));
      var mark = li.querySelector(".cr-wb-changed");
      if (state.changed.indexOf(id) >= 0 && !mark) {
        mark = document.createElement("span");
        mark.className = "cr-wb-changed";
        mark.textContent = S["wb-changed-mark"];
        li.querySelector(".cr-wb-name").appendChild(mark);
      } else if (state.changed.indexOf(id) < 0 && mark) {
        mark.remove();
      }
    });
    document.querySelectorAll("input[data-field]").forEach(function (input) {
      if (input !== typing) input.value = state.fields[input.getAttribute("data-field")] || "";
    });
  }

  function progress() {
    var all = Object.keys(D.items);
    document.querySelectorAll("[data-progress]").forEach(function (p) {
      var key = p.getAttribute("data-progress");
      var list = key === "all" ? all : D.groups.filter(function (g) { return g.id === key; })[0].items;
      var ready = list.filter(function (id) { return status(id) === "ready"; }).length;
      var working = list.filter(function (id) { return status(id) === "working"; }).length;
      p.querySelector(".cr-wb-count").textContent = fmt("wb-progress-line",
        {ready: ready, total: list.length, working: working});
      p.querySelector(".cr-wb-bar").style.setProperty("--cr-ready", (100 * ready / (list.length || 1)) + "%");
      p.querySelector(".cr-wb-bar").style.setProperty("--cr-working", (100 * working / (list.length || 1)) + "%");
    });
  }

  function noteLines(id) {
    var e = state.items[id];
    if (!e) return [];
    return Object.keys(e.notes).filter(function (m) { return e.notes[m]; }).map(function (m) {
      return (has(D.methods, m) ? D.methods[m] : m) + ": " + e.notes[m];
    });
  }

  function portfolio() {
    document.querySelectorAll("table.cr-wb-portfolio tbody tr[data-item]").forEach(function (tr) {
      var id = tr.getAttribute("data-item");
      tr.querySelector(".cr-wb-pstatus").textContent = S["wb-state." + status(id)];
      var cell = tr.querySelector(".cr-wb-prefs");
      cell.textContent = "";
      noteLines(id).forEach(function (line) {
        var p = document.createElement("p");
        p.textContent = line;
        cell.appendChild(p);
      });
    });
  }

  /* One item of another framework: covered by the ready items with the strongest relation (the candidates come
     strongest first from the build), else in progress, else still open (or not mapped at all). */
  function crossState(candidates) {
    var ready = candidates.filter(function (c) { return status(c[0]) === "ready"; });
    if (ready.length) {
      var best = ready[0][1];
      var by = ready.filter(function (c) { return c[1] === best; }).map(function (c) { return label(c[0]); });
      return {state: "covered", relation: best,
              text: fmt("wb-cross-covered", {relation: D.relations[best], items: by.join(", ")})};
    }
    var working = candidates.filter(function (c) { return status(c[0]) === "working"; });
    if (working.length) {
      return {state: "working", relation: "",
              text: fmt("wb-cross-working", {items: working.map(function (c) { return label(c[0]); }).join(", ")})};
    }
    return candidates.length ? {state: "open", relation: "", text: S["wb-cross-open"]}
      : {state: "unmapped", relation: "", text: S["wb-cross-unmapped"]};
  }

  function cross() {
    D.cross.forEach(function (view, n) {
      var table = document.querySelector('table.cr-wb-cross[data-view="' + n + '"]');
      var count = {covered: 0, working: 0};
      view.items.forEach(function (item) {
        var found = crossState(item.candidates);
        if (has(count, found.state)) count[found.state] += 1;
        var cell = table.querySelector('tr[data-item="' + item.id + '"] .cr-wb-xstate');
        cell.textContent = found.text;
        cell.setAttribute("data-state", found.state);
        cell.setAttribute("data-relation", found.relation);
      });
      document.querySelector('.cr-wb-xsum[data-view="' + n + '"]').textContent = fmt("wb-cross-summary", {
        covered: count.covered, total: view.items.length, working: count.working,
        open: view.items.length - count.covered - count.working});
    });
  }

  function gone() {
    var box = document.querySelector(".cr-wb-gone"), list = box.querySelector("ul");
    var ids = Object.keys(state.items).filter(function (id) { return !has(D.items, id); }).sort();
    list.textContent = "";
    ids.forEach(function (id) {
      var li = document.createElement("li");
      li.appendChild(make("span", [id + " (" + S["wb-state." + status(id)] + ")"].concat(noteLines(id)).join(" · ")));
      list.appendChild(li);
      showWas(li, id, li.firstChild);
    });
    box.hidden = !ids.length;
  }

  function update() { progress(); portfolio(); cross(); gone(); }

  // --- input ---------------------------------------------------------------------------------------------------
  function hint(input, bad) {
    var id = input.id + "-hint", el = document.getElementById(id);
    if (bad && !el) {
      el = document.createElement("p");
      el.id = id;
      el.className = "cr-wb-hint";
      el.textContent = S["wb-html-note"];
      input.insertAdjacentElement("afterend", el);
      input.setAttribute("aria-describedby", id);
    } else if (!bad && el) {
      el.remove();
      input.removeAttribute("aria-describedby");
    }
    if (bad) input.setAttribute("aria-invalid", "true"); else input.removeAttribute("aria-invalid");
  }

  function itemOf(el) { var li = el.closest("li[data-item]"); return li && li.getAttribute("data-item"); }

  document.addEventListener("change", function (ev) {
    var t = ev.target, id = itemOf(t);
    if (t.type === "radio" && id) {
      entry(id).status = t.value;
      save({item: id});
      update();
    }
  });

  document.addEventListener("input", function (ev) {
    var t = ev.target, bad = HTML.test(t.value || "");
    if (t.matches("textarea[data-method]") || t.matches("input[data-field]")) hint(t, bad);
    if (bad) return;
    var change;
    if (t.matches("textarea[data-method]") && itemOf(t)) {
      entry(itemOf(t)).notes[t.getAttribute("data-method")] = t.value;
      change = {item: itemOf(t)};
    } else if (t.matches("input[data-field]")) {
      state.fields[t.getAttribute("data-field")] = t.value;
      change = {field: t.getAttribute("data-field")};
    } else {
      return;
    }
    save(change);
    update();
  });

  function today() { return new Date().toISOString().slice(0, 10); }

  function exportFile() {
    var name = "coachref-workbook-" + D.framework.toLowerCase() + "-" + today() + ".json";
    var blob = new Blob([JSON.stringify(doc(new Date().toISOString()), null, 2) + "\n"], {type: "application/json"});
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
    say(fmt("wb-exported", {file: name}));
  }

  function report(found, file) {
    var diff = compare(found), lines = [];
    state.changed = diff.changed;
    state.since = diff.since;
    if (file !== null) lines.push(fmt("wb-imported", {file: file, n: Object.keys(found.state.items).length}));
    var names = function (list) {
      return list.map(function (id) { return diff.since ? diff.since.table[id].name : label(id); }).join(", ");
    };
    if (diff.since && diff.changed.length) {
      lines.push(fmt("wb-edition-since", {old: diff.since.edition, items: names(diff.changed)}));
    } else if (diff.changed.length) {
      lines.push(fmt("wb-edition-changed", {old: editionName(found.edition), new: editionName(D.edition),
                                            items: names(diff.changed)}));
    }
    if (diff.gone.length) lines.push(fmt("wb-edition-gone", {items: diff.gone.map(label).join(", ")}));
    if (lines.length) say(lines.join(" "));
  }

  function importFile(input) {
    var file = input.files && input.files[0];
    if (!file) return;
    var done = function (raw) {
      try {
        if (file.size > D.maxKb * 1024) fail("wb-error.too-big", {kb: D.maxKb});
        var found = parse(raw);
        var held = Object.keys(doc().items).length, fields = Object.keys(doc().fields).length;
        if ((held || fields) && !window.confirm(fmt("wb-import-confirm", {file: file.name, n: held}))) {
          say(S["wb-import-cancelled"]);  // a native confirm: the browser's own dialog, keyboard and screen-reader ready
          input.value = "";
          return;
        }
        state = found.state;
        report(found, file.name);
        save(null);
        showItems();
        update();
      } catch (e) {
        if (!(e instanceof Problem)) throw e;
        say(fmt("wb-import-failed", {reason: fmt(e.key, e.values)}));
      }
      input.value = "";
    };
    if (file.size > D.maxKb * 1024) done(""); else file.text().then(done);
  }

  function clear() {
    if (!window.confirm(S["wb-clear-confirm"])) return;
    state = blank();
    try { localStorage.removeItem(D.storage); } catch (e) { storageOk = false; }
    showItems();
    update();
    say(S["wb-cleared"]);
  }

  document.addEventListener("click", function (ev) {
    var action = ev.target.closest && ev.target.closest("[data-action]");
    if (!action) return;
    if (action.getAttribute("data-action") === "export") exportFile();
    if (action.getAttribute("data-action") === "clear") clear();
  });
  document.getElementById("wb-import").addEventListener("change", function (ev) { importFile(ev.target); });

  /* Another tab or window of this workbook saved: show its state here at once, so this tab never works on a stale
     copy (and its next save carries only its own entry: see save). */
  window.addEventListener("storage", function (ev) {
    if (ev.storageArea !== localStorage || ev.key !== D.storage || guard !== null) return;
    var next = blank();
    if (ev.newValue) {
      try { next = parse(ev.newValue).state; } catch (e) { if (!(e instanceof Problem)) throw e; return; }
    }
    next.changed = state.changed;
    next.since = state.since;
    state = next;
    showItems();
    update();
    say(S["wb-other-tab"]);
  });

  document.querySelector(".cr-wb-tools").hidden = false;
  document.querySelector(".cr-wb-nojs").hidden = true;
  load();
  showItems();
  update();
})();

// Crosswalk tables: filter rows by relation, by group and (where some are) to the rows to be re-confirmed; sort by
// a column. Progressive enhancement: without JavaScript the controls stay hidden and the whole table shows (and
// prints) in its default order.
(function () {
  "use strict";

  // Each filter's row attribute: a space-separated list of which the select's value must be one.
  var ATTRIBUTES = { relation: "data-relation", group: "data-groups", reconfirm: "data-reconfirm" };

  function setup(table) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var controls = document.querySelector('.cr-filters[data-for="' + table.id + '"]');

    if (controls) {
      var selects = Array.prototype.slice.call(controls.querySelectorAll("select[data-filter]"));
      var count = controls.querySelector(".cr-count");
      // A filter can come from the address (?relation=close&group=BVJN:jobfinding), so a filtered view can be shared.
      var params = new URLSearchParams(window.location.search);
      selects.forEach(function (select) {
        var wanted = params.get(select.getAttribute("data-filter"));
        if (wanted && select.querySelector('option[value="' + CSS.escape(wanted) + '"]')) { select.value = wanted; }
      });
      var apply = function () {
        var shown = 0;
        rows.forEach(function (row) {
          var ok = selects.every(function (select) {
            var values = (row.getAttribute(ATTRIBUTES[select.getAttribute("data-filter")]) || "").split(" ");
            return !select.value || values.indexOf(select.value) >= 0;
          });
          row.hidden = !ok;
          if (ok) { shown += 1; }
        });
        var fill = function (template) {
          return template.replace("{shown}", String(shown)).replace("{total}", String(rows.length));
        };
        count.textContent = fill(count.getAttribute("data-template"));
        // The caption and the heading above the table count what shows, not what the page was built with.
        if (table.caption && table.hasAttribute("data-caption-filtered")) {
          if (!table.caption.hasAttribute("data-all")) { table.caption.setAttribute("data-all", table.caption.textContent); }
          table.caption.textContent = shown === rows.length ? table.caption.getAttribute("data-all")
            : fill(table.getAttribute("data-caption-filtered"));
        }
        Array.prototype.forEach.call(document.querySelectorAll('.cr-heading-count[data-for="' + table.id + '"]'),
          function (span) {
            span.textContent = shown === rows.length ? String(rows.length) : fill(span.getAttribute("data-template"));
          });
        // A filtered table says so on paper too (print.css shows the count only then).
        controls.toggleAttribute("data-filtered", shown !== rows.length);
      };
      var remember = function () {
        var query = new URLSearchParams(window.location.search);
        selects.forEach(function (select) {
          if (select.value) { query.set(select.getAttribute("data-filter"), select.value); }
          else { query.delete(select.getAttribute("data-filter")); }
        });
        var search = query.toString();
        window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") +
          window.location.hash);
      };
      selects.forEach(function (select) {
        select.addEventListener("change", function () { apply(); remember(); });
      });
      controls.hidden = false;
      apply();
    }

    headers.forEach(function (th, column) {
      if (!th.hasAttribute("data-sortable")) { return; }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "cr-sort";
      // The header keeps a plain copy of its text for paper: Chromium leaves a button blank in the table
      // header it repeats on every printed page (print.css shows the copy and hides the button).
      var copy = document.createElement("span");
      copy.className = "cr-print-label";
      copy.setAttribute("aria-hidden", "true");
      copy.textContent = th.textContent;
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      th.appendChild(copy);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        rows.slice().sort(function (a, b) {
          var x = a.cells[column].getAttribute("data-sort");
          var y = b.cells[column].getAttribute("data-sort");
          var order = x < y ? -1 : (x > y ? 1 : 0);
          return (ascending ? order : -order) ||
            (Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order")));
        }).forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("table.cr-crosswalk[id]"), setup);
})();

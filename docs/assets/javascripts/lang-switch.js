// The language selector keeps the reader's place: a filter in the query string (?relation=close) and the
// anchor (#relation-broad) go with them to the same page in the other language.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-cr-switch]");
    if (!link || (!window.location.search && !window.location.hash)) { return; }
    var target = new URL(link.href, window.location.href);
    target.search = window.location.search;
    target.hash = window.location.hash;
    link.href = target.toString();
  });
})();

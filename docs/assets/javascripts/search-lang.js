/* Search in the reader's language, and no stray requests.
   Loaded before Material's bundle, this wraps XMLHttpRequest.open (which the bundle uses for its requests):
   - search/search_index.json (static-i18n writes one index for all languages) is replaced by
     search/search_index.<page language>.json, written after the build with that language's pages only;
   - <alternate page>/sitemap.xml, which Material requests for every hreflang alternate (our alternates are
     page addresses, so those requests would 404 or, before deployment, leave the host), is answered with an
     empty sitemap from a data: URL: the language switcher already links each page to its translation. */
(function () {
  "use strict";
  var script = document.currentScript;
  var fallback = (script && script.dataset.defaultLanguage) || "en";
  var lang = document.documentElement.lang || fallback;
  var emptySitemap = "data:application/xml,%3Curlset%2F%3E";
  var open = XMLHttpRequest.prototype.open;

  XMLHttpRequest.prototype.open = function () {
    var args = Array.prototype.slice.call(arguments);
    var url = String(args[1]);
    if (/\/search\/search_index\.json(?:[?#].*)?$/.test(url)) {
      args[1] = url.replace(/search_index\.json/, "search_index." + lang + ".json");
    } else if (/\/sitemap\.xml(?:[?#].*)?$/.test(url)) {
      args[1] = emptySitemap;
    }
    return open.apply(this, args);
  };
})();

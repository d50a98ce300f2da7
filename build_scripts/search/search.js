// Page side of search (read build_scripts/search/index.py and bundle.py first).
//
// Loaded by every page (extra_javascript), after Material's bundle and
// before the page's DOMContentLoaded, when Material starts its search
// worker. Above this code the build puts KB_SEARCH_FOLD, the Traditional →
// Simplified table the index was prepared with.
//
// * Material's search worker is replaced by worker.js (a module worker that
//   answers Material's messages from Pagefind): same header box, keys,
//   result list and `?h=` highlights, another engine behind them.
// * Nothing is downloaded for search until the reader focuses the box
//   (a click, `s` or `/`): then the worker loads Pagefind.
// * Each query is folded and split on its way to the worker.
(function (scope) {
  "use strict"

  const from = Array.from(KB_SEARCH_FOLD.from)
  const to = Array.from(KB_SEARCH_FOLD.to)
  const simplified = new Map(from.map((char, i) => [char, to[i]]))

  // Most characters fold to themselves, and then no new string is made.
  function fold(text) {
    let folded = null
    let i = 0
    for (const char of text) {
      const to = simplified.get(char)
      if (to !== undefined && folded === null) folded = text.slice(0, i)
      if (folded !== null) folded += to === undefined ? char : to
      i += char.length
    }
    return folded === null ? text : folded
  }

  // Material sends each query to the worker as {type, data: "<query>"}.
  // It is folded here, where the table is, and each run of Han characters
  // ends with END_OF_RUN, a Han-script mark no Chinese text uses, so the
  // worker sees where a run ends whatever follows it; the worker drops it.
  const HAN_RUN = /\p{Script=Han}+/gu
  const END_OF_RUN = "\u303b"
  // The index holds Han and Latin words apart: without a space,
  // `第二代VLA` would be one word that no index holds.
  const HAN_THEN_LATIN = /(\p{Script=Han})(?=[A-Za-z0-9])/gu
  const LATIN_THEN_HAN = /([A-Za-z0-9])(?=\p{Script=Han})/gu

  function normalizeQuery(query) {
    return fold(query.replace(/[\u200b\u303b]/g, ""))
      .replace(HAN_RUN, "$&" + END_OF_RUN)
      .replace(HAN_THEN_LATIN, "$1 ")
      .replace(LATIN_THEN_HAN, "$1 ")
  }

  const postMessage = scope.Worker.prototype.postMessage
  scope.Worker.prototype.postMessage = function (message, ...rest) {
    // Only a query carries a string; the index setup carries an object.
    if (message && typeof message.data === "string")
      message = Object.assign({}, message, { data: normalizeQuery(message.data) })
    return postMessage.call(this, message, ...rest)
  }
  scope.kbNormalizeSearchQuery = normalizeQuery // for tests and debugging

  // Material's worker → ours, as a module (it imports Pagefind). Under
  // file:// Material swaps in an iframe shim for workers before this runs,
  // and no worker may fetch: search then has nothing to show, as Pagefind
  // cannot read files from there.
  const MaterialWorker = scope.Worker
  const MATERIAL_SEARCH = /\/workers\/search\.[^/]*\.js$/
  const LOAD = "kb-load" // worker.js starts loading Pagefind
  let searchWorker = null
  if (location.protocol !== "file:")
    scope.Worker = class extends MaterialWorker {
      constructor(url, options) {
        const href = new URL(String(url), location.href).href
        if (!MATERIAL_SEARCH.test(href)) return super(url, options)
        super(href.replace(MATERIAL_SEARCH, "/workers/kb-search.js"), { type: "module" })
        searchWorker = this
      }
    }

  // Download on focus, not on every page view: Material starts its worker on
  // every page, ours then waits for this message (or a query) to load.
  document.addEventListener("focusin", event => {
    if (searchWorker && event.target.matches && event.target.matches("input.md-search__input"))
      postMessage.call(searchWorker, { type: LOAD })
  })
})(self)

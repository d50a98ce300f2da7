// Browser side of build_scripts/search.py (read its docstring first).
//
// One file, loaded twice: by the page (extra_javascript) and by Material's
// search worker, as the Lunr "language" `kb` the index names. Above this
// code the build puts KB_SEARCH_FOLD, the Traditional → Simplified table
// the index was prepared with.
(function (scope) {
  "use strict"

  const from = Array.from(KB_SEARCH_FOLD.from)
  const to = Array.from(KB_SEARCH_FOLD.to)
  const simplified = new Map(from.map((char, i) => [char, to[i]]))

  // Runs on every word the worker indexes (a million at 500 articles):
  // most fold to themselves, and then no new string is made. Mapping each
  // character through Array.from was a third of the time to first result.
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

  if (typeof scope.document === "undefined") {
    // In the worker. Material applies `lunr.kb` to its index builder, then
    // sets its own tokenizer; this replaces Lunr's pipeline (stemmer, stop
    // words: wrong for Chinese, and `TOPS` was stemmed to `top`) by a fold
    // of each word, positions kept, so highlights land on the original.
    const lunr = scope.lunr
    const foldToken = token => token.update(fold)
    lunr.Pipeline.registerFunction(foldToken, "kb-fold")
    lunr.kb = function () {
      this.pipeline.reset()
      this.pipeline.add(foldToken)
      this.searchPipeline.reset()
      this.searchPipeline.add(foldToken)
    }
    return
  }

  // On the page. Material sends each query to the worker as {type, data:
  // "<query>"}; rewriting the string on its way keeps Material's worker,
  // ranking and rendering as they are. Queries are folded here because
  // Material cuts Chinese queries against the index's words before any
  // pipeline runs, and a query word with a wildcard skips the pipeline.
  //
  // Material cuts a run of Han characters into the longest words the index
  // holds, but never looks at the run's last character: `智驾网` became
  // `智驾` alone, `第二代` `第二`. END_OF_RUN, a Han-script mark no Chinese
  // text uses, is put after each run to take that blind spot; the search
  // separator (mkdocs.yml) drops it before lookup.
  const HAN_RUN = /\p{Script=Han}+/gu
  const END_OF_RUN = "\u303b"
  // Material cuts only runs of Han characters out of a query: without a
  // space, `第二代VLA` would be one word that no index can hold.
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
})(self)

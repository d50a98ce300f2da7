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

  // ---------------------------------------------------------------------
  // Worker: a first answer in well under a second, the full index after.
  //
  // Material's worker builds its Lunr index from every word of the site
  // before it answers anything: at 500 articles a million words, about
  // three seconds. When the text of the fields search.py marks `kb_later`
  // is larger than their `when_total_above`, the index is built twice:
  // first from everything but the long passages of those fields (titles,
  // names, tags, short sections: the topic pages and the articles by
  // title), which answers at once; then from everything, in slices between
  // which queries are still answered. The complete index then takes the
  // first one's place, and the last query is run again, so the results on
  // screen become complete without the reader typing anything.
  const lunr = scope.lunr // in the worker only
  const QUERY = 2 // Material's SearchMessageType.QUERY
  let lastQuery = null

  function indexInTwoPasses(builder) {
    const queued = []
    builder.add = function (doc, attributes) {
      queued.push([doc, attributes])
    }
    builder.build = function () {
      const add = lunr.Builder.prototype.add
      const build = lunr.Builder.prototype.build
      const later = Object.keys(this._fields).filter(name => this._fields[name].kb_later)
      const rule = later.length ? this._fields[later[0]].kb_later : null
      const laterLength = doc => later.reduce((n, name) => n + lengthOf(doc[name]), 0)
      const total = rule ? queued.reduce((n, [doc]) => n + laterLength(doc), 0) : 0
      if (!rule || total <= rule.when_total_above) {
        for (const [doc, attributes] of queued) add.call(this, doc, attributes)
        scope.kbSearchState = "complete"
        return build.call(this)
      }
      for (const [doc, attributes] of queued)
        add.call(this, laterLength(doc) <= rule.short ? doc : without(doc, later), attributes)
      const index = swappable(build.call(this))
      const full = emptyCopy(this)
      inSlices(queued, ([doc, attributes]) => add.call(full, doc, attributes), () => {
        index.swap(build.call(full))
        scope.kbSearchState = "complete"
        if (lastQuery !== null)
          scope.dispatchEvent(new MessageEvent("message", { data: { type: QUERY, data: lastQuery } }))
      })
      scope.kbSearchState = "partial"
      return index
    }
  }

  function lengthOf(value) {
    return typeof value === "string" ? value.length : 0
  }

  function without(doc, fields) {
    const copy = Object.assign({}, doc)
    for (const name of fields) delete copy[name]
    return copy
  }

  // A builder configured as `builder` is (Material's tokenizer, fields and
  // their extractors, the fold pipeline), with no document in it yet.
  function emptyCopy(builder) {
    const copy = new lunr.Builder()
    for (const key of ["_ref", "_fields", "tokenizer", "pipeline", "searchPipeline", "_b", "_k1", "metadataWhitelist"])
      copy[key] = builder[key]
    return copy
  }

  // An index Material can hold on to while the one behind it is replaced.
  function swappable(index) {
    let current = index
    const proxy = new Proxy({}, {
      get(_, key) {
        if (key === "swap") return next => { current = next }
        const value = current[key]
        return typeof value === "function" ? value.bind(current) : value
      },
    })
    return proxy
  }

  // Work through `items` in slices of about 20 ms; a query that arrives in
  // the meantime is answered between two slices. A MessageChannel yields
  // without the 4 ms setTimeout clamp, which would add up over 150 slices.
  function inSlices(items, work, done) {
    const channel = new MessageChannel()
    let next = 0
    channel.port1.onmessage = () => {
      const until = performance.now() + 20
      while (next < items.length && performance.now() < until) work(items[next++])
      if (next < items.length) channel.port2.postMessage(null)
      else {
        channel.port1.close()
        done()
      }
    }
    channel.port2.postMessage(null)
  }

  // lunr 2.3.9's Builder.add, with each word turned into a string once:
  // Lunr uses the token object itself as a property key five times per
  // word, each time calling its toString(). Same index, same order.
  function addOnce(doc, attributes) {
    const docRef = doc[this._ref]
    const fields = Object.keys(this._fields)
    this._documents[docRef] = attributes || {}
    this.documentCount += 1
    for (const fieldName of fields) {
      const extractor = this._fields[fieldName].extractor
      const value = extractor ? extractor(doc) : doc[fieldName]
      const terms = this.pipeline.run(this.tokenizer(value, { fields: [fieldName] }))
      const fieldRef = new lunr.FieldRef(docRef, fieldName).toString()
      const fieldTerms = Object.create(null)
      this.fieldTermFrequencies[fieldRef] = fieldTerms
      this.fieldLengths[fieldRef] = terms.length
      for (const token of terms) {
        const term = token.toString()
        fieldTerms[term] = (fieldTerms[term] || 0) + 1
        let posting = this.invertedIndex[term]
        if (posting === undefined) {
          posting = Object.create(null)
          posting._index = this.termIndex++
          for (const name of fields) posting[name] = Object.create(null)
          this.invertedIndex[term] = posting
        }
        const entry = posting[fieldName][docRef] || (posting[fieldName][docRef] = Object.create(null))
        for (const key of this.metadataWhitelist)
          (entry[key] || (entry[key] = [])).push(token.metadata[key])
      }
    }
  }

  if (typeof scope.document === "undefined") {
    // In the worker. Material applies `lunr.kb` to its index builder, then
    // sets its own tokenizer; this replaces Lunr's pipeline (stemmer, stop
    // words: wrong for Chinese, and `TOPS` was stemmed to `top`) by a fold
    // of each word, positions kept, so highlights land on the original.
    const foldToken = token => token.update(fold)
    lunr.Pipeline.registerFunction(foldToken, "kb-fold")
    scope.kbLunrAdd = lunr.Builder.prototype.add // for the test that compares the two
    if (lunr.version === "2.3.9") lunr.Builder.prototype.add = addOnce
    lunr.kb = function () {
      this.pipeline.reset()
      this.pipeline.add(foldToken)
      this.searchPipeline.reset()
      this.searchPipeline.add(foldToken)
      indexInTwoPasses(this)
    }
    scope.kbSearchState = "loading" // read by tests and the benchmark
    scope.addEventListener("message", event => {
      if (event.data && event.data.type === QUERY) lastQuery = event.data.data
    })
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

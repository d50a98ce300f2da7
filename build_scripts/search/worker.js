// Material's search worker, answered from Pagefind (read build_scripts/search/bundle.py first).
//
// A module worker that search.js starts in place of Material's. It speaks
// Material's messages: SETUP (the config of search_index.json, which holds
// no documents any more) → READY; QUERY (a string, already folded and
// split by search.js) → RESULT, the items Material's result list renders:
// per page, the page and its matching sections, previews with <mark>.
//
// Pagefind (../../../pagefind/pagefind.js) is loaded on the page's first
// focus of the search box, or the first query; each query then fetches only
// the word-list buckets of its characters, the index chunks of its words and
// the fragments of the results shown. The build writes this file without
// its comment lines (index.worker_script).

const SETUP = 0
const READY = 1
const QUERY = 2
const RESULT = 3
const LOAD = "kb-load"

const BUNDLE = new URL("../../../pagefind/", import.meta.url)
// Results whose previews are fetched: one fragment each. Material shows ten
// before the reader scrolls.
const SHOWN = 10
// Sections listed openly under a result; the others fold under "more".
const OPEN_SECTIONS = 3
// A topic page's score is multiplied by this: for its names it must come
// before the articles, which name the thing in every section (and in
// longer words the query begins, each of which Pagefind scores as a term
// of its own). Six puts every topic query of the tests in the top three
// among 120 articles without pushing articles out for their own words.
const TOPIC_BOOST = 6
const TOPIC = { kind: "topic" } // bundle.py's filter on topic pages
const HIDDEN = "^" // bundle.py: starts a word never shown; joins a twin
const END_OF_RUN = "\u303b" // search.js: ends a run of Han characters
const HAN_RUN = /\p{Script=Han}+/gu
// The spaces bundle.py put between words the text had joined: any space
// between two Chinese words (characters or punctuation), and GLUE with its
// spaces between Chinese and other words.
const CJK = "\\p{Script=Han}\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65\\u2018-\\u201f\\u2025-\\u2027\\u2014"
const INSERTED_SPACE = new RegExp(`(?<=[${CJK}](?:</?mark>)?) +(?=(?:</?mark>)?[${CJK}])`, "gu")
const GLUE = / *\u2060 */g

self.kbSearchState = "idle" // read by tests and the benchmark: idle → loading → complete
let pagefind = null
let loading = null
let latest = 0

function load() {
  if (loading) return loading
  self.kbSearchState = "loading"
  const text = name => fetch(new URL(name, BUNDLE)).then(response => response.text())
  loading = Promise.all([import(new URL("pagefind.js", BUNDLE).href), text("kb-shards.txt")])
  .then(async ([module, shards]) => {
    await module.options({ basePath: BUNDLE.pathname, excerptLength: 24 })
    await module.init()
    // A large site is indexed in shards, each a bundle of its own (bundle.py).
    for (const shard of shards.split("\n").filter(Boolean))
      await module.mergeIndex(new URL(shard, BUNDLE).pathname)
    pagefind = module
    self.kbSearchState = "complete"
  })
  return loading
}

// The index's Chinese words, in buckets by their first character
// (bundle.py, write_word_buckets): a query fetches the buckets of its own
// characters, each once per page.
const WORD_BUCKETS = 64
const buckets = new Map() // bucket number → promise of { words, longest }

function bucketOf(text, i) {
  return text.codePointAt(i) % WORD_BUCKETS
}

function loadBucket(number) {
  if (!buckets.has(number))
    buckets.set(number, fetch(new URL(`kb-words/${number}.txt`, BUNDLE))
      .then(response => (response.ok ? response.text() : ""))
      .then(list => {
        const words = new Set(list.split("\n").filter(Boolean))
        let longest = 1
        for (const word of words) longest = Math.max(longest, word.length)
        return { words, longest }
      }))
  return buckets.get(number)
}

// A run of Han characters → the words the index holds, longest first from
// the left; a character in no word stands alone (Pagefind then matches the
// words it begins).
async function cut(run) {
  const starts = new Set()
  for (let i = 0; i < run.length; i++) starts.add(bucketOf(run, i))
  const loaded = new Map(await Promise.all([...starts].map(async n => [n, await loadBucket(n)])))
  const out = []
  for (let i = 0; i < run.length;) {
    const { words, longest } = loaded.get(bucketOf(run, i))
    let length = Math.min(longest, run.length - i)
    while (length > 1 && !words.has(run.slice(i, i + length))) length--
    out.push(run.slice(i, i + length))
    i += length
  }
  return out
}

async function terms(query) {
  const text = query.split(END_OF_RUN).join(" ")
  const runs = text.match(HAN_RUN) || []
  const cuts = await Promise.all(runs.map(cut))
  let next = 0
  return text
    .replace(HAN_RUN, () => " " + cuts[next++].join(" ") + " ")
    .split(/[\s\p{P}\p{S}]+/u)
    .filter(Boolean)
}

// A Pagefind excerpt or heading as Material shows it: twins and hidden
// words dropped, the spaces the synthetic page added between Chinese words
// taken out again.
function shown(text) {
  return text
    .replace(/\^[^\s<]*/g, "")
    .replace(/<mark><\/mark>/g, "")
    .replace(GLUE, "")
    .replace(INSERTED_SPACE, "")
    .replace(/ {2,}/g, " ")
    .trim()
}

// Titles come from Pagefind as plain text (excerpts as HTML): Material
// renders both as HTML, and an article's title may hold markup.
function escaped(text) {
  return text.replace(/[&<>"']/g, char => `&#${char.charCodeAt(0)};`)
}

function item(location, title, text, score, matched) {
  return { location, title, text, score, terms: matched }
}

function resultOf(data, score, matched) {
  const location = data.meta.loc
  const page = item(location, escaped(data.meta.title), shown(data.excerpt), score, matched)
  const sections = data.sub_results
    .filter(sub => sub.url.includes("#"))
    .sort((a, b) => b.locations.length - a.locations.length)
    .map((sub, rank) => item(
      location + sub.url.slice(sub.url.indexOf("#")), escaped(shown(sub.title)), shown(sub.excerpt),
      rank < OPEN_SECTIONS ? score : score / 2, matched,
    ))
  return [page, ...sections]
}

async function search(query) {
  const [words] = await Promise.all([terms(query), load()])
  if (!words.length) return { items: [] }
  const typed = words.join(" ")
  // Both at once: they need the same chunks of the index, fetched once.
  const [found, topicPages] = await Promise.all([pagefind.search(typed), pagefind.search(typed, { filters: TOPIC })])
  const topics = new Set(topicPages.results.map(result => result.id))
  const ranked = found.results
    .map(result => ({ result, score: topics.has(result.id) ? result.score * TOPIC_BOOST : result.score }))
    .sort((a, b) => b.score - a.score)
    .slice(0, SHOWN)
  const data = await Promise.all(ranked.map(({ result }) => result.data()))
  const matched = Object.fromEntries(words.map(word => [word, true]))
  return { items: data.map((page, i) => resultOf(page, ranked[i].score, matched)) }
}

self.addEventListener("message", async event => {
  const message = event.data || {}
  if (message.type === LOAD) {
    load()
  } else if (message.type === SETUP) {
    self.postMessage({ type: READY })
  } else if (message.type === QUERY && !String(message.data).trim()) {
    // Material sends the empty box's query as a page opens, and as the box
    // gets focus: no reason to load anything, nor to drop the answer to a
    // query still on its way.
    self.postMessage({ type: RESULT, data: { items: [] } })
  } else if (message.type === QUERY) {
    const asked = ++latest
    let data
    try {
      data = await search(String(message.data))
    } catch (error) {
      console.warn("search failed:", error)
      data = { items: [] }
    }
    // Queries come a key at a time; an answer overtaken by a later query is dropped.
    if (asked === latest) self.postMessage({ type: RESULT, data })
  }
})

// Rows a wiki can cite, and the reader's script.
//
// * "Copy link" (#) on figure rows and timeline entries: copies the public
//   URL of the row (canonical page address from site_url + the row's stable
//   id), the form analysts paste into their wikis.
// * "Copy citation" (❞) on every row with a data-kb-cite attribute
//   (build_scripts/pages/cite_menu.py): the row as a Markdown link, a
//   MediaWiki {{cite web}} or Confluence wiki markup. No network needed.
// * The language switcher: the choice of 简体 / 繁體 is remembered, so every
//   page opens in it (overrides/main.html sends the reader to the page's
//   copy); the current #anchor is kept when switching.
(function () {
  // The head names this page's counterpart in each script (hreflang, for
  // crawlers; overrides/main.html). Material's own switcher fetches a
  // sitemap.xml beside every <link rel="alternate"> to map pages across
  // languages: beside a page there is none, and the switcher here is kb.js's.
  // Runs before Material reads them (at DOMContentLoaded).
  document.querySelectorAll('link[rel="alternate"][hreflang]').forEach(function (link) { link.rel = "alternate kb-page"; });
  var traditional = document.documentElement.lang === "zh-Hant";
  var LABELS = traditional
    ? { link: "複製連結", cite: "複製引用", prompt: "複製" }
    : { link: "复制链接", cite: "复制引用", prompt: "复制" };

  function publicUrl(id) {
    var canonical = document.querySelector('link[rel="canonical"]');
    var base = canonical ? canonical.href : location.href.split("#")[0];
    return base.split("#")[0] + "#" + id;
  }

  function copy(text, button, label) {
    var done = function () { button.textContent = "✓"; setTimeout(function () { button.textContent = label; }, 1500); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { window.prompt(LABELS.prompt, text); });
    } else {
      window.prompt(LABELS.prompt, text);
    }
  }

  function smallButton(className, label, title) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = className;
    button.title = title;
    button.setAttribute("aria-label", title);
    button.textContent = label;
    return button;
  }

  // What a citation of the row says: its URL, the page's title and the
  // row's value from the page (so in the page's script), the source's
  // outlet, date and quote (in the article's words) from data-kb-cite.
  function citationOf(row) {
    var data = JSON.parse(decodeURIComponent(row.getAttribute("data-kb-cite")));
    var titleMeta = document.querySelector('meta[property="og:title"]');
    var valueElement = row.querySelector(".kb-value, .kb-when, .kb-cite-value, strong");
    var value = valueElement ? valueElement.textContent.trim() : "";
    var page = titleMeta ? titleMeta.content : document.title;
    return { url: publicUrl(row.id), title: value ? page + ": " + value : page, outlet: data.outlet, date: data.date, quote: data.quote };
  }

  // Every field but the date may hold an article's words (an outlet such as
  // "[Reuters](https://evil.example) <img onerror=…>", a quote with
  // "[[Category:…]]" or "~~~~"): each is escaped for the markup it is pasted
  // into, so it stays text there. tests/test_hostile_round_three.py pastes
  // each format into Python-Markdown and a check of the wikitext.
  function oneLine(s) { return String(s || "").replace(/\s+/g, " ").trim(); }
  function safeUrl(url) { return url.replace(/[\s()<>\[\]{}|"'`\\^]/g, function (c) { return "%" + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0"); }); }
  var ESCAPE = {
    // Python-Markdown's escapable characters (the site's own escape, markdown_text.py),
    // then entities for what starts HTML; "~" as an entity, for GitHub's strikethrough.
    Markdown: function (s) {
      return oneLine(s).replace(/([\\`*_{}\[\]()#+\-.!|])/g, "\\$1")
        .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/~/g, "&#126;");
    },
    // Plain text stays plain; anything wikitext would read (a link, a template, a
    // tag, a signature, bold quotes, a magic word, a bare URL) goes inside
    // <nowiki>, with < and & as entities so the text cannot close it.
    MediaWiki: function (s) {
      s = oneLine(s);
      if (!/[\[\]{}|<>~&]|''|__|:\/\/|\b(?:ISBN|RFC|PMID)\b/.test(s)) return s;
      return "<nowiki>" + s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;") + "</nowiki>";
    },
    // Confluence wiki markup: the link's own brackets and bar cannot be escaped
    // inside a link, so they become spaces; macros, images and mentions are escaped.
    Confluence: function (s) {
      return oneLine(oneLine(s).replace(/[\[\]|]/g, " ")).replace(/([\\{}!*_^~+?#@-])/g, "\\$1");
    },
  };

  var FORMATS = {
    Markdown: function (c) {
      var e = ESCAPE.Markdown;
      return "[" + e(c.title) + "](" + safeUrl(c.url) + ") (" + [e(c.outlet), c.date].filter(Boolean).join(", ") + ")";
    },
    MediaWiki: function (c) {
      var e = ESCAPE.MediaWiki;
      return "{{cite web |url=" + safeUrl(c.url) + " |title=" + e(c.title) + " |website=" + e(c.outlet) +
        (c.date ? " |date=" + c.date : "") + (c.quote ? " |quote=" + e(c.quote) : "") + "}}";
    },
    Confluence: function (c) {
      return "[" + ESCAPE.Confluence(c.title) + "|" + safeUrl(c.url) + "]";
    },
  };

  function closeMenus(except) {
    document.querySelectorAll(".kb-cite-menu").forEach(function (menu) {
      if (menu !== except) menu.hidden = true;
    });
  }

  function addCiteMenu(row) {
    var button = smallButton("kb-cite-button", "❞", LABELS.cite);
    button.setAttribute("aria-haspopup", "menu");
    var menu = document.createElement("div");
    menu.className = "kb-cite-menu";
    menu.setAttribute("role", "menu");
    menu.hidden = true;
    Object.keys(FORMATS).forEach(function (name) {
      var item = smallButton("kb-cite-format", name, LABELS.cite + ": " + name);
      item.setAttribute("role", "menuitem");
      item.dataset.format = name;
      item.addEventListener("click", function (event) {
        event.stopPropagation();
        menu.hidden = true;
        button.setAttribute("aria-expanded", "false");
        copy(FORMATS[name](citationOf(row)), button, "❞");
      });
      menu.appendChild(item);
    });
    button.addEventListener("click", function (event) {
      event.stopPropagation();
      closeMenus(menu);
      menu.hidden = !menu.hidden;
      button.setAttribute("aria-expanded", String(!menu.hidden));
    });
    row.appendChild(button);
    row.appendChild(menu);
  }

  function addButtons() {
    document.querySelectorAll(".kb-figure[id], .kb-event[id], [data-kb-cite][id]").forEach(function (row) {
      if (row.querySelector(".kb-copy")) return;
      var button = smallButton("kb-copy", "#", LABELS.link);
      button.addEventListener("click", function () { copy(publicUrl(row.id), button, "#"); });
      row.appendChild(button);
      if (row.hasAttribute("data-kb-cite")) addCiteMenu(row);
    });
  }

  document.addEventListener("click", function () { closeMenus(null); });
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") closeMenus(null); });

  // Capture phase: before Material's own switcher handler, which would send
  // a reader on a page served from another port to the other script's home.
  window.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest("a.md-select__link[hreflang]");
    if (!link) return;
    try { localStorage.setItem("kb-script", link.getAttribute("hreflang")); } catch (e) {}
    event.stopPropagation();
    if (link.hasAttribute("data-kb-stay")) {
      event.preventDefault();  // a page in its article's own script only: stay, the choice applies from the next page
      return;
    }
    link.href = link.href.split("#")[0] + location.hash;
  }, true);

  function chosenScript() {
    try { return localStorage.getItem("kb-script"); } catch (e) { return null; }
  }
  // A reader who opens a 繁體 page has chosen 繁體 (unless they chose before).
  if (window.kbVariant === "zh-Hant" && !chosenScript()) {
    try { localStorage.setItem("kb-script", "zh-Hant"); } catch (e) {}
  }

  // Every page has its Traditional copy, and a Traditional page links only to
  // Traditional pages (its own nav, build_scripts/pages/variants.py). Search
  // lists each page once, its Simplified copy: for a reader who chose 繁體, a
  // link to a Simplified page (a search result, a Simplified page opened from
  // outside) leads to its copy. main.html would forward them anyway, one page load later.
  // The row buttons first: nothing below may keep a page from getting them.
  if (window.document$) { window.document$.subscribe(addButtons); } else { document.addEventListener("DOMContentLoaded", addButtons); }

  var config = document.getElementById("__config");
  var root = null;  // a page opened from no address (about:blank, a test harness) has no root to map
  try { root = new URL((config ? JSON.parse(config.textContent).base : ".").replace(/\/?$/, "/"), location.href); } catch (e) {}
  function toTraditional(link) {
    if (!root || chosenScript() !== "zh-Hant" || !link.href) return;
    var target = new URL(link.href, location.href);
    var path = target.pathname.slice(root.pathname.length);
    // Every page has its copy under zh-Hant/; a page's address ends in "/" (kb.json, an image: no page).
    if (target.origin === root.origin && target.pathname.indexOf(root.pathname) === 0 &&
        /(^|\/)$/.test(path) && path.indexOf("zh-Hant/") !== 0 && path.indexOf("search/") !== 0) {
      link.href = root.href + "zh-Hant/" + path + target.search + target.hash;
    }
  }
  document.querySelectorAll("a[href]:not(.md-select__link)").forEach(toTraditional);
  window.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest("a.md-search-result__link");
    if (link) toTraditional(link);
  }, true);
})();

// Source pages: a link to a paragraph whose text has changed since it was
// made. A paragraph's id is a half from the beginning of its text and a half
// from its end (build_scripts/reading/paragraphs.py): an unknown #p-… finds
// the paragraph sharing a half, highlights it and says the text has changed.
(function () {
  var NOTE = document.documentElement.lang === "zh-Hant"
    ? "你打開的連結指向的段落文字已有改動，這是最接近的一段。"
    : "你打开的链接指向的段落文字已有改动，这是最接近的一段。";

  function closest(fragment) {
    var wanted = /^p-([0-9a-f]{3})([0-9a-f]{3})/.exec(fragment);
    if (!wanted) return null;
    var paragraphs = Array.prototype.slice.call(document.querySelectorAll(".kb-para[id^='p-'], h2[id^='p-']"));
    var sharing = function (index) {
      return paragraphs.filter(function (p) { return (/^p-([0-9a-f]{3})([0-9a-f]{3})/.exec(p.id) || [])[index] === wanted[index]; });
    };
    // Paragraphs of one article often open alike (何小鹏表示…): a half only one paragraph has decides first.
    var first = sharing(1), last = sharing(2);
    if (first.length === 1) return first[0];
    if (last.length === 1) return last[0];
    return first[0] || last[0] || null;
  }

  function land() {
    var fragment = decodeURIComponent(location.hash.slice(1));
    document.querySelectorAll(".kb-changed-note").forEach(function (note) { note.remove(); });
    document.querySelectorAll(".kb-near-target").forEach(function (p) { p.classList.remove("kb-near-target"); });
    if (!/^p-/.test(fragment) || document.getElementById(fragment)) return;
    var paragraph = closest(fragment);
    if (!paragraph) return;
    var note = document.createElement("p");
    note.className = "kb-changed-note";
    note.setAttribute("role", "note");
    note.textContent = NOTE;
    paragraph.parentNode.insertBefore(note, paragraph);
    paragraph.classList.add("kb-near-target");
    note.scrollIntoView();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", land);
  else land();
  window.addEventListener("hashchange", land);
})();

// Promises page: the topic and status filters hide the milestone rows (and
// chart rows) that do not match. Without script every row stays visible.
(function () {
  function filter(form) {
    var topic = form.elements.topic.value, status = form.elements.status.value;
    document.querySelectorAll(".kb-milestone").forEach(function (row) {
      var shown = (!topic || row.dataset.topic === topic) && (!status || row.dataset.status === status);
      row.hidden = !shown;
    });
  }
  function setup() {
    document.querySelectorAll("form.kb-filters").forEach(function (form) {
      form.addEventListener("change", function () { filter(form); });
      form.addEventListener("submit", function (event) { event.preventDefault(); });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();

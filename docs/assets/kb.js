// Rows a wiki can cite, and the reader's script.
//
// * "Copy link" (#) on figure rows and timeline entries: copies the public
//   URL of the row (canonical page address from site_url + the row's stable
//   id), the form analysts paste into their wikis.
// * "Copy citation" (a quotation-mark icon) on every row with a data-kb-cite attribute
//   (build_scripts/pages/cite_menu.py: infobox rows, milestones, the
//   footnotes of the reference list), after every cited sentence of the
//   overview, and "cite this page" at the top of every page: a menu that
//   copies a Markdown footnote, a MediaWiki <ref>{{cite web}}</ref> or a
//   Confluence link, each naming subject, attribute and value, outlet, date,
//   quote and the day it was copied. No network needed. Every control is a
//   44 px target on a phone.
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
    ? { link: "複製連結", cite: "複製引用", page: "引用本頁", prompt: "複製", accessed: "訪問日期", overview: "概述" }
    : { link: "复制链接", cite: "复制引用", page: "引用本页", prompt: "复制", accessed: "访问日期", overview: "概述" };

  function canonicalBase() {
    var canonical = document.querySelector('link[rel="canonical"]');
    return (canonical ? canonical.href : location.href).split("#")[0];
  }
  function publicUrl(id) { return canonicalBase() + (id ? "#" + id : ""); }
  // A link of the page (a footnote's paragraph) as its public address.
  function publicHref(link) {
    try { return new URL(link.getAttribute("href"), canonicalBase()).href; } catch (e) { return link.href; }
  }

  // Copies `text`; the button shows ✓ for a moment, then what it showed (an icon included).
  function copy(text, button) {
    var shown = Array.prototype.slice.call(button.childNodes);
    var done = function () {
      button.textContent = "✓";
      setTimeout(function () { button.replaceChildren.apply(button, shown); }, 1500);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { window.prompt(LABELS.prompt, text); });
    } else {
      window.prompt(LABELS.prompt, text);
    }
  }

  // The "cite" icon: Material for MkDocs' material/format-quote-close (Pictogrammers' Material Design
  // Icons, Apache 2.0), drawn inline in the text colour. The ❞ character it replaces sat low in
  // the body font at this size and read as „ (a German opening quote).
  var CITE_ICON = "M14 17h3l2-4V7h-6v6h3M6 17h3l2-4V7H5v6h3z";
  function citeIcon() {
    var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("class", "kb-icon");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var path = document.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("d", CITE_ICON);
    svg.appendChild(path);
    return svg;
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

  // The visible text of an element, without its buttons, menus, permalinks and footnote markers.
  function textOf(element) {
    if (!element) return "";
    var clone = element.cloneNode(true);
    clone.querySelectorAll("button, .kb-cite-menu, .headerlink, .kb-cites, .kb-more, .kb-tools, .kb-old-anchor").forEach(function (e) { e.remove(); });
    return clone.textContent.replace(/\s+/g, " ").trim();
  }
  // A footnote's source, as its reference list names it once above its passages (footnotes.py).
  function sourceFields(source) {
    var part = function (name) { var e = source && source.querySelector(".kb-ref-head .kb-ref-" + name); return e ? e.textContent.trim() : ""; };
    var title = part("title");
    return { outlet: part("name") || title, date: part("date"), source_title: title };
  }
  function fieldsOf(element) {
    var raw = element && element.getAttribute("data-kb-cite");
    if (!raw) return {};
    try {  // base64 of UTF-8 JSON (cite_menu.py)
      var bytes = Uint8Array.from(atob(raw), function (c) { return c.charCodeAt(0); });
      return JSON.parse(new TextDecoder("utf-8").decode(bytes));
    } catch (e) { return {}; }
  }
  function pageTitle() {
    var h1 = document.querySelector("article h1");
    var meta = document.querySelector('meta[property="og:title"]');
    return textOf(h1) || (meta ? meta.content : document.title);
  }
  function subjectHeading(row) {
    // The infobox's subject is the heading its rows stand under (### IRON 人形机器人).
    for (var e = row.previousElementSibling; e; e = e.previousElementSibling) {
      if (/^H[1-3]$/.test(e.tagName)) return e.tagName === "H3" ? textOf(e) : "";
    }
    return "";
  }
  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }

  // What a citation of a row says: subject, attribute and value from the page
  // (so in the page's script), outlet, date and quote (in the article's words)
  // from data-kb-cite.
  function citationOf(row) {
    var footnote = row.matches(".kb-ref-list > li");
    var data = footnote ? sourceFields(row.closest(".kb-ref-source")) : fieldsOf(row);
    var c = { id: row.id, url: publicUrl(row.id), outlet: data.outlet, date: data.date, quote: data.quote, sourceTitle: data.source_title };
    if (footnote) {  // the source itself, its paragraph on this site, the words cited
      var link = row.querySelector("a.kb-ref-link");
      c.url = link ? publicHref(link) : c.url;
      c.subject = pageTitle();  // what the page says with it; the source follows, named with its title
      // The words in full from a marker citing it (the list shortens long ones).
      var marker = document.querySelector('.kb-fn a[data-ref="' + row.id.replace("ref-", "") + '"]');
      c.quote = marker ? marker.getAttribute("data-kb-quote") || marker.getAttribute("title") : link ? link.textContent.replace(/^“|”$/g, "") : "";
      c.id = "kb-" + (link ? link.getAttribute("href").split("#")[1] || row.id : row.id);
      return c;
    }
    if (row.matches(".kb-milestone")) {
      c.subject = textOf(row.querySelector("strong:not(.kb-when)"));
      c.attribute = textOf(row.querySelector(".kb-badge"));
      c.value = textOf(row.querySelector(".kb-when"));
      return c;
    }
    c.subject = subjectHeading(row) || pageTitle();
    c.attribute = textOf(row.querySelector(".kb-attr"));
    c.value = textOf(row.querySelector(".kb-value, .kb-when, .kb-cite-value, strong"));
    return c;
  }

  // A sentence of the overview: the words since the previous run of markers, cited by its first marker.
  function sentenceCitation(run, index) {
    var paragraph = run.parentNode, range = document.createRange();
    var runs = Array.prototype.slice.call(paragraph.querySelectorAll(".kb-cites"));
    var before = runs[runs.indexOf(run) - 1];
    if (before && before.nextSibling && before.nextSibling.classList && before.nextSibling.classList.contains("kb-tools")) before = before.nextSibling;
    if (before) range.setStartAfter(before); else range.setStart(paragraph, 0);
    range.setEndBefore(run);
    var marker = run.querySelector("a.kb-cite");
    var reference = marker && document.getElementById("ref-" + marker.getAttribute("data-ref"));
    var data = sourceFields(reference && reference.closest(".kb-ref-source"));
    var heading = document.getElementById("lead");
    return {
      id: "lead-" + (index + 1), url: publicUrl(heading ? heading.id : ""),
      subject: pageTitle(), attribute: LABELS.overview, value: range.toString().replace(/\s+/g, " ").trim(),
      outlet: data.outlet, date: data.date, sourceTitle: data.source_title,
      quote: marker ? marker.getAttribute("data-kb-quote") || marker.getAttribute("title") : data.quote,
    };
  }

  function pageCitation() {
    var site = document.querySelector('meta[property="og:site_name"]');
    var path = location.pathname.replace(/\/$/, "").split("/").pop() || "home";
    return { id: "kb-" + path, url: publicUrl(""), subject: pageTitle(), outlet: site ? site.content : "" };
  }

  // Every field but the date may hold an article's words (an outlet such as
  // "[Reuters](https://evil.example) <img onerror=…>", a quote with
  // "[[Category:…]]" or "~~~~"): each is escaped for the markup it is pasted
  // into, so it stays text there. tests/test_hostile_round_three.py pastes
  // each format into Python-Markdown and a check of the wikitext.
  function oneLine(s) { return String(s || "").replace(/\s+/g, " ").trim(); }
  function safeUrl(url) { return url.replace(/[\s()<>\[\]{}|"'`\\^]/g, function (c) { return "%" + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0"); }); }
  function safeLabel(id) { return String(id || "kb").replace(/[^A-Za-z0-9_-]/g, "-"); }
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
    // Confluence wiki markup: a link's own brackets and bar cannot be escaped
    // inside a link, so they become spaces; macros, images and mentions are escaped.
    Confluence: function (s) {
      return oneLine(oneLine(s).replace(/[\[\]|]/g, " ")).replace(/([\\{}!*_^~+?#@-])/g, "\\$1");
    },
  };

  // "IRON 人形机器人 · 手部自由度：22 自由度": what is cited, in the page's words.
  function headline(c) {
    var what = [c.subject, c.attribute].map(oneLine).filter(Boolean).join(" · ");
    return c.value ? what + "：" + oneLine(c.value) : what;
  }
  // "智驾网《标题》，2025-11-12": the source, its title when it is not the name already.
  // (A source that names no outlet is named by its title: outlet and title are one.) Confluence
  // would read a dash in the date as strikethrough: `escapeDate` for it.
  function sourceOf(c, e, escapeDate) {
    var name = c.outlet ? e(c.outlet) : "";
    if (c.sourceTitle) name = c.sourceTitle === c.outlet ? "《" + name + "》" : name + "《" + e(c.sourceTitle) + "》";
    return [name, c.date ? (escapeDate ? e(c.date) : c.date) : ""].filter(Boolean).join("，");
  }

  var FORMATS = {
    // A footnote: the marker after the cited words, and its text (Python-Markdown's footnotes, GitHub, Pandoc).
    Markdown: function (c) {
      var e = ESCAPE.Markdown, label = safeLabel(c.id), accessed = today();
      var note = "[" + e(headline(c)) + "](" + safeUrl(c.url) + ")";
      var source = sourceOf(c, e);
      if (source) note += " — " + source;
      if (c.quote) note += "：“" + e(c.quote) + "”";
      note += "。" + LABELS.accessed + "：" + accessed + "。";
      return e(headline(c)) + "[^" + label + "]\n\n[^" + label + "]: " + note;
    },
    MediaWiki: function (c) {
      var e = ESCAPE.MediaWiki;
      return '<ref name="' + safeLabel(c.id) + '">{{cite web |url=' + safeUrl(c.url) + " |title=" + e(headline(c)) +
        (c.outlet ? " |website=" + e(c.outlet) : "") + (c.date ? " |date=" + c.date : "") +
        (c.quote ? " |quote=" + e(c.quote) : "") + " |access-date=" + today() + "}}</ref>";
    },
    // A link whose text names the source and its date, then the quote and the day it was copied.
    Confluence: function (c) {
      var e = ESCAPE.Confluence, source = sourceOf(c, e, true);
      var text = e(headline(c)) + (source ? "（" + source + "）" : "");
      return "[" + text + "|" + safeUrl(c.url) + "]" + (c.quote ? " “" + e(c.quote) + "”" : "") +
        "（" + LABELS.accessed + "：" + today() + "）";
    },
  };

  function closeMenus(except) {
    document.querySelectorAll(".kb-cite-menu").forEach(function (menu) {
      if (menu !== except) menu.hidden = true;
    });
  }

  // A cite button (citeIcon) and its menu of formats, in `holder`; `citation` says what is copied when a format is chosen.
  function addCiteMenu(holder, citation, label) {
    var button = smallButton("kb-cite-button", "", label || LABELS.cite);
    button.appendChild(citeIcon());
    if (label) button.appendChild(document.createTextNode(label));
    button.setAttribute("aria-haspopup", "menu");
    var menu = document.createElement("div");
    menu.className = "kb-cite-menu";
    menu.setAttribute("role", "menu");
    menu.hidden = true;
    Object.keys(FORMATS).forEach(function (name) {
      var item = smallButton("kb-cite-format", name, (label || LABELS.cite) + ": " + name);
      item.setAttribute("role", "menuitem");
      item.dataset.format = name;
      item.addEventListener("click", function (event) {
        event.stopPropagation();
        menu.hidden = true;
        button.setAttribute("aria-expanded", "false");
        copy(FORMATS[name](citation()), button);
      });
      menu.appendChild(item);
    });
    button.addEventListener("click", function (event) {
      event.stopPropagation();
      closeMenus(menu);
      menu.style.right = "";
      menu.hidden = !menu.hidden;
      button.setAttribute("aria-expanded", String(!menu.hidden));
      if (!menu.hidden) {  // keep it on the screen: a button near the left edge opens it to the right
        var box = menu.getBoundingClientRect();
        if (box.left < 8) menu.style.right = (box.left - 8) + "px";
      }
    });
    holder.appendChild(button);
    holder.appendChild(menu);
  }

  function addButtons() {
    document.querySelectorAll(".kb-figure[id], .kb-event[id], [data-kb-cite][id], .kb-ref-list > li[id]").forEach(function (row) {
      if (row.querySelector(":scope > .kb-tools")) return;
      var tools = document.createElement("span");
      tools.className = "kb-tools";
      if (!row.matches(".kb-ref-list > li")) {  // a footnote's number changes with the page: no link to it
        var button = smallButton("kb-copy", "#", LABELS.link);
        button.addEventListener("click", function () { copy(publicUrl(row.id), button); });
        tools.appendChild(button);
      }
      if (row.hasAttribute("data-kb-cite") || row.matches(".kb-ref-list > li")) addCiteMenu(tools, function () { return citationOf(row); });
      row.classList.add("kb-has-tools");
      row.insertBefore(tools, row.firstChild);  // first: on a phone the row's text wraps around it (kb.css)
    });
    // Each cited sentence of the overview.
    var lead = document.getElementById("lead");
    for (var block = lead && lead.nextElementSibling; block && !/^H[12]$/.test(block.tagName); block = block.nextElementSibling) {
      if (block.tagName !== "P") continue;
      block.querySelectorAll(":scope > .kb-cites").forEach(function (run, index) {
        if (run.nextElementSibling && run.nextElementSibling.classList.contains("kb-tools")) return;
        var tools = document.createElement("span");
        tools.className = "kb-tools kb-tools-inline";
        addCiteMenu(tools, function () { return sentenceCitation(run, index); });
        run.parentNode.insertBefore(tools, run.nextSibling);
      });
    }
    // Cite this page.
    var article = document.querySelector("article.md-content__inner");
    if (article && article.querySelector("h1") && !article.querySelector(":scope > .kb-cite-page")) {
      var tools = document.createElement("span");
      tools.className = "kb-tools kb-cite-page";
      addCiteMenu(tools, pageCitation, LABELS.page);
      article.insertBefore(tools, article.firstChild);
    }
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

// Footnotes: a marker [3] previews its source and the words it cites — on
// hover or keyboard focus with a mouse, on a first tap on a touch screen (a
// second tap, or the preview's link, opens the paragraph). Without script
// the marker is a plain link to the paragraph, its quote the tooltip.
(function () {
  var traditional = document.documentElement.lang === "zh-Hant";
  var WORDS = traditional ? { open: "打開原文段落", list: "參考資料" } : { open: "打开原文段落", list: "参考资料" };
  var box = null, owner = null, showTimer = null, hideTimer = null, lastPointer = "mouse";

  function markerOf(target) { return target instanceof Element ? target.closest(".kb-fn a.kb-cite") : null; }
  function quoteOf(marker) { return marker.getAttribute("data-kb-quote") || marker.getAttribute("title") || ""; }

  function build(marker) {
    var number = marker.getAttribute("data-ref");
    var reference = document.getElementById("ref-" + number);
    var preview = document.createElement("div");
    preview.className = "kb-fn-preview md-typeset";
    preview.id = "kb-fn-preview";
    preview.setAttribute("role", "tooltip");
    var source = document.createElement("div");
    source.className = "kb-fn-preview__source";
    var head = reference && reference.closest(".kb-ref-source");
    head = head && head.querySelector(".kb-ref-head");
    source.textContent = "[" + number + "] " + (head ? head.textContent : "");
    preview.appendChild(source);
    var quote = document.createElement("blockquote");
    quote.textContent = "“" + quoteOf(marker) + "”";
    preview.appendChild(quote);
    var copies = reference && reference.querySelector(".kb-copies summary");
    if (copies) {
      var note = document.createElement("div");
      note.className = "kb-fn-preview__copies";
      note.textContent = copies.textContent;
      preview.appendChild(note);
    }
    var links = document.createElement("div");
    links.className = "kb-fn-preview__links";
    var open = document.createElement("a");
    open.href = marker.href;
    open.textContent = WORDS.open + " →";
    links.appendChild(open);
    if (reference) {
      var list = document.createElement("a");
      list.href = "#ref-" + number;
      list.textContent = WORDS.list + " [" + number + "]";
      list.addEventListener("click", hide);
      links.appendChild(list);
    }
    preview.appendChild(links);
    preview.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    preview.addEventListener("mouseleave", function () { hideSoon(); });
    return preview;
  }

  function show(marker) {
    clearTimeout(showTimer); clearTimeout(hideTimer);
    if (owner === marker && box) return;
    hide();
    owner = marker;
    box = build(marker);
    document.body.appendChild(box);
    marker.setAttribute("aria-describedby", box.id);
    // Below the marker, or above it when the screen ends; never past either side.
    var rect = marker.getBoundingClientRect(), width = box.offsetWidth, height = box.offsetHeight;
    var left = Math.max(8, Math.min(rect.left - 16, document.documentElement.clientWidth - width - 8));
    var top = rect.bottom + 6;
    if (top + height > window.innerHeight - 8 && rect.top - height - 6 > 8) top = rect.top - height - 6;
    box.style.left = (left + window.scrollX) + "px";
    box.style.top = (top + window.scrollY) + "px";
  }

  function hide() {
    clearTimeout(showTimer); clearTimeout(hideTimer);
    if (owner) {
      owner.removeAttribute("aria-describedby");
      if (owner.hasAttribute("data-kb-quote")) owner.title = owner.getAttribute("data-kb-quote");
    }
    if (box) box.remove();
    box = owner = null;
  }
  function hideSoon() { clearTimeout(hideTimer); hideTimer = setTimeout(hide, 300); }

  // The browser's own tooltip would cover the preview: the quote waits in data-kb-quote while it shows.
  function quiet(marker) {
    if (marker.title) marker.setAttribute("data-kb-quote", marker.title);
    marker.removeAttribute("title");
  }

  // Material draws its own tooltip for every [title] it finds when it mounts
  // the page (content.tooltips), which would cover the preview: the quotes
  // wait in data-kb-quote until it has, then come back for the browser's
  // tooltip-less hover (quiet) and for anyone reading the link.
  var MARKERS = ".kb-fn a.kb-cite[title]";
  document.querySelectorAll(MARKERS).forEach(function (marker) { quiet(marker); marker.setAttribute("data-kb-hushed", ""); });
  function unhush() {
    document.querySelectorAll(".kb-fn a.kb-cite[data-kb-hushed]").forEach(function (marker) {
      marker.removeAttribute("data-kb-hushed");
      if (marker !== owner && marker.hasAttribute("data-kb-quote")) marker.title = marker.getAttribute("data-kb-quote");
    });
  }
  if (window.document$) window.document$.subscribe(function () { setTimeout(unhush, 0); });
  else document.addEventListener("DOMContentLoaded", function () { setTimeout(unhush, 0); });

  document.addEventListener("pointerdown", function (event) { lastPointer = event.pointerType || "mouse"; }, true);
  document.addEventListener("mouseover", function (event) {
    var marker = markerOf(event.target);
    if (!marker || lastPointer === "touch") return;
    quiet(marker);
    clearTimeout(hideTimer);
    clearTimeout(showTimer);
    showTimer = setTimeout(function () { show(marker); }, 200);
  });
  document.addEventListener("mouseout", function (event) {
    var marker = markerOf(event.target);
    if (!marker || lastPointer === "touch") return;
    clearTimeout(showTimer);
    if (owner === marker) hideSoon();
    else if (marker.hasAttribute("data-kb-quote")) marker.title = marker.getAttribute("data-kb-quote");
  });
  document.addEventListener("focusin", function (event) {
    var marker = markerOf(event.target);
    if (marker && lastPointer !== "touch") show(marker);
  });
  document.addEventListener("focusout", function (event) {
    if (markerOf(event.target) && !(box && box.contains(event.relatedTarget))) hideSoon();
  });
  document.addEventListener("click", function (event) {
    var marker = markerOf(event.target);
    if (marker && lastPointer === "touch" && owner !== marker) {
      event.preventDefault();  // the first tap previews; the next one follows the link
      quiet(marker);
      show(marker);
      return;
    }
    if (box && !box.contains(event.target) && !marker) hide();
  });
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") hide(); });
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

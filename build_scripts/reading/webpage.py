"""A saved web page or a CMS API response → the article's text and its metadata, each field with where it came from.

In: the decoded text of an `.html`/`.htm` file (a page saved from a browser,
"complete" or "HTML only") or of a `.json` file in the shape of a CMS API
response (WordPress's `/wp/v2/posts`: `title.rendered`, `content.rendered`,
`date`, or a list of such posts). Out: `Page` values — the article's text as
plain lines, one paragraph a line, and the fields a page states about itself
(title, outlet, author, date), each with its origin ("JSON-LD datePublished",
"og:site_name") — which corpus.py hands to the same header reader and
cleaning as a text file. Nothing of the page's markup survives: what a page
holds is shown as text.

The article text is trafilatura's (main content without navigation,
comments, ads, scripts and styles); the date, when no tag states it, is
htmldate's. The fields are read from the page's structured metadata in the
order a publisher means them: JSON-LD (schema.org NewsArticle and kin), then
Open Graph and `article:` properties, then `<meta name>` tags, then what
trafilatura finds (the `<title>` with the site's name taken off, the first
heading). The outlet is the name the site gives itself, else its address.
"""
from __future__ import annotations

import copy
import datetime as dt
import json
import re
from dataclasses import dataclass
from urllib.parse import urlparse

import lxml.html

from build_scripts.reading import decoding, header
from build_scripts.reading.outlets import Outlets

# Browsers mark a saved page with its address: <!-- saved from url=(0045)https://… -->.
SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(?P<url>\S+?)\s*-->", re.IGNORECASE)
ARTICLE_TYPES = {"newsarticle", "article", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "techarticle", "report", "webpage", "socialmediaposting"}
# `<meta name=…>` spellings of a publication date, in the order they are trusted.
DATE_META = ("article:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate", "publish_date", "publication_date",
             "sailthru.date", "dc.date.issued", "dc.date", "dcterms.date", "citation_publication_date", "parsely-pub-date", "date")
AUTHOR_META = ("author", "article:author", "og:article:author", "dc.creator", "byl", "parsely-author", "sailthru.author")
SITE_META = ("og:site_name", "application-name", "publisher", "dc.publisher")
ISO_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})-?(?P<m>\d{2})-?(?P<d>\d{2})")
UTF8_PARSER = lxml.html.HTMLParser(encoding="utf-8")
# A page whose longest line is shorter than this holds no article (a login page, an index of links).
MIN_TEXT_CHARS = 20


@dataclass(frozen=True)
class Field:
    value: object  # str, or dt.date for the date
    origin: str
    stated: bool = True  # False: inferred from the page's address, so a byline in the text says more


@dataclass(frozen=True)
class Page:
    """One article read from a page or a CMS response."""

    text: str  # plain text, one paragraph a line; "" when the page holds no article text
    fields: dict  # "title" / "outlet" / "author" / "date" → Field
    url: str = ""


def read_page(html: str, outlets: Outlets, furniture: tuple[str, ...] = (), saved_url: str = "") -> Page:
    """A saved web page → its article: trafilatura's main text, the page's own metadata with provenance.

    `furniture`: class or id words of boxes that are not the article (cleaning.yml's page_furniture);
    `saved_url`: the address the browser saved it from, when the file says so outside the HTML (MHTML).
    """
    import htmldate  # noqa: PLC0415 — imported on the first page: a folder of text files never pays for it
    import trafilatura  # noqa: PLC0415

    saved_from = SAVED_FROM.search(html[:4000])
    try:
        # Bytes with the encoding said: the text is decoded already, whatever charset its <meta> declares.
        tree = lxml.html.fromstring(html.encode("utf-8"), parser=UTF8_PARSER)
    except (lxml.etree.ParserError, ValueError):
        return Page("", {})
    tags = _meta_tags(tree)
    url = tags.get("og:url") or _canonical(tree) or (saved_from["url"] if saved_from else "") or saved_url
    url = url if url.startswith(("http://", "https://")) else ""
    domain = (urlparse(url).hostname or "").removeprefix("www.") if url else ""
    ld = _json_ld_article(tree)
    date = _first(*((_date_of(ld.get(key)), f"JSON-LD {key}") for key in ("datePublished", "dateCreated")),
                  *((_date_of(tags.get(name)), f"meta {name}") for name in DATE_META))
    if date is None:  # before trafilatura, which changes the tree
        found = _date_of(htmldate.find_date(tree, url=url or None, original_date=True, extensive_search=False))
        date = Field(found, "htmldate (dates in the page's markup and address)") if found else None
    if date is None:  # a date only printed on the page (an e-paper's issue line, a WeChat post's time)
        found = _date_of(htmldate.find_date(tree, original_date=True, extensive_search=True))
        date = Field(found, "htmldate (a date printed on the page)") if found else None

    _drop_furniture(tree, frozenset(furniture))
    # trafilatura's own rules first; its slower fallbacks (jusText, readability) only when they find no article.
    for fast in (True, False):
        extracted = trafilatura.bare_extraction(
            copy.deepcopy(tree) if fast else tree, url=url or None, fast=fast, with_metadata=True, include_comments=False,
            include_tables=True, include_images=False, include_links=False, favor_precision=True, output_format="python",
        )
        text = _plain_lines(getattr(extracted, "text", "") or "") if extracted is not None else ""
        if any(len(line) >= MIN_TEXT_CHARS for line in text.split("\n")):
            break
    else:
        text = ""  # menu words ("Home News") from a page that holds no article
    fields: dict[str, Field] = {}
    if date:
        fields["date"] = date

    title = _first(
        (ld.get("headline"), "JSON-LD headline"), (ld.get("name"), "JSON-LD name"),
        (tags.get("og:title"), "og:title"), (tags.get("twitter:title"), "twitter:title"),
        (getattr(extracted, "title", None), _title_origin(tree, getattr(extracted, "title", None))),
    )
    if title:
        title = Field(_without_site_name(str(title.value), tags.get("og:site_name", ""), outlets), title.origin)
        fields["title"] = title

    # A platform's page (a WeChat public account's) names the account as its author: the account is the outlet.
    platform = outlets.platform_of_domain(domain) if domain else None
    author = _first(
        (_names(ld.get("author")), "JSON-LD author"),
        *((_not_address(tags.get(name)), name if name.startswith("og:") else f"meta {name}") for name in AUTHOR_META),
        (getattr(extracted, "author", None), "byline on the page (trafilatura)"),
    )
    if platform:
        fields["via"] = Field(platform.name, f"the page's address ({domain})")
        if author:
            fields["outlet"] = Field(author.value, f"{author.origin} (the {platform.name} account)")
        return Page(_without_headline(text, title), fields, url)
    if author and not outlets.named(str(author.value)):  # meta author "新浪财经": the site, not a writer
        fields["author"] = author

    outlet = _first(
        *((_not_address(tags.get(name)), name if name.startswith("og:") else f"meta {name}") for name in SITE_META),
        (_names(ld.get("publisher")), "JSON-LD publisher"),
    )
    if outlet is None and domain:
        known = outlets.of_domain(domain)
        outlet = Field(known or domain, f"the page's address ({domain}{'' if known else '; not in outlets.yml'})", stated=False)
    elif outlet is None and getattr(extracted, "sitename", None):
        outlet = Field(extracted.sitename, "site name on the page (trafilatura)")
    if outlet:
        fields["outlet"] = outlet
    return Page(_without_headline(text, title), fields, url)


def _without_site_name(title: str, site_name: str, outlets: Outlets) -> str:
    """"Headline | 聯合新聞網", "Reuters | Headline", "标题_新浪财经_新浪网": the site's name beside the headline is not part of it."""
    return header.without_site_name(title, header.load_rules(), outlets, site_name)[0]


def _title_origin(tree, title: str | None) -> str:
    """Where trafilatura found the title: the page's first heading or its <title>."""
    headings = [" ".join(h.text_content().split()) for h in tree.xpath("//h1")[:3]]
    return "the page's heading <h1>" if title and title in headings else "the page's <title>"


def _without_headline(text: str, title: Field | None) -> str:
    """The text without the headline printed above it (trafilatura keeps it when it is inside the article's box)."""
    if not title:
        return text
    headline = _plain_lines(str(title.value))
    return "\n".join(line for n, line in enumerate(text.split("\n")) if n > 2 or line != headline)


WORDS = re.compile(r"[\s_-]+")


def _drop_furniture(tree, furniture: frozenset[str]) -> None:
    """Remove boxes whose class or id names them as ads, share bars, comments… — never one that holds the article."""
    if not furniture:
        return
    paragraphs = len(tree.xpath("//p")) or 1
    for element in tree.xpath("//*[@class or @id]"):
        words = set(WORDS.split(f"{element.get('class', '')} {element.get('id', '')}".lower()))
        if not words & furniture or element.getparent() is None:
            continue
        # A wrapper such as class="article has-comments" holds the article itself.
        if element.xpath(".//h1") or len(element.xpath(".//p")) > paragraphs / 2:
            continue
        element.drop_tree()


# Where CMS APIs put a post's parts: WordPress (`content.rendered`, `date`), Ghost (`html`, `published_at`), others.
CMS_LISTS = ("posts", "data", "items", "articles", "results")
CMS_CONTENT = ("content", "html", "body")
CMS_DATE = ("date", "published_at", "publishedAt", "pubDate", "date_published")
CMS_LINK = ("link", "url", "canonical_url")


def html_of_mhtml(text: str) -> tuple[str, str] | None:
    """A page saved as a single file (.mhtml, .mht: MIME parts) → (its HTML, the address it was saved from); None if it holds no HTML part."""
    import email  # noqa: PLC0415 — only for this kind of file
    from email import policy  # noqa: PLC0415

    message = email.message_from_string(text, policy=policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            raw = part.get_payload(decode=True) or b""
            charset = part.get_content_charset()
            try:
                # Browsers leave the charset to the page's own <meta>: the bytes are decoded as any article's.
                html = raw.decode(charset) if charset else decoding.decode(raw)[0]
            except (LookupError, UnicodeError, decoding.UndecodableError):
                html = raw.decode("utf-8", errors="replace")
            return html, str(part.get("Content-Location") or message.get("Snapshot-Content-Location") or "")
    return None


def read_cms_json(text: str) -> list[Page] | None:
    """A CMS API response (a WordPress post, a list of posts, {"posts": [...]}) → one Page per post; None for other JSON."""
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if isinstance(data, dict):
        data = next((data[key] for key in CMS_LISTS if isinstance(data.get(key), list)), [data])
    posts = data if isinstance(data, list) else []
    if not posts or not all(isinstance(p, dict) and _post_part(p, CMS_CONTENT) for p in posts):
        return None
    pages = []
    for post in posts:
        fields: dict[str, Field] = {}
        title = _html_to_text(_rendered(post.get("title")) or "")
        if title:
            fields["title"] = Field(title, "JSON title" + (".rendered" if isinstance(post.get("title"), dict) else ""))
        date_key = next((key for key in CMS_DATE if _date_of(post.get(key))), None)
        if date_key:
            fields["date"] = Field(_date_of(post[date_key]), f"JSON {date_key}")
        link_key, link = next(((key, post[key]) for key in CMS_LINK if str(post.get(key) or "").startswith(("http://", "https://"))), ("", ""))
        if link:
            fields["outlet"] = Field((urlparse(link).hostname or "").removeprefix("www."), f"JSON {link_key} (the site's address)", stated=False)
        embedded_author = ((post.get("_embedded") or {}).get("author") or [{}])[0] if isinstance(post.get("_embedded"), dict) else {}
        if isinstance(embedded_author, dict) and isinstance(embedded_author.get("name"), str):
            fields["author"] = Field(embedded_author["name"], "JSON _embedded.author")
        elif isinstance(post.get("author"), (str, dict)) and _names(post["author"]):
            fields["author"] = Field(_names(post["author"]), "JSON author")
        key, content = _post_part(post, CMS_CONTENT)
        pages.append(Page(_html_to_text(content), fields, link))
    return pages


def _post_part(post: dict, keys: tuple[str, ...]) -> tuple[str, str] | None:
    """The first of `keys` the post has as HTML (or {"rendered": HTML}): (key, HTML)."""
    for key in keys:
        value = _rendered(post.get(key))
        if value is not None:
            return key, value
    return None


def _rendered(value) -> str | None:
    """WordPress gives {"rendered": "<p>…</p>"}; other CMSs the HTML string itself."""
    if isinstance(value, dict) and isinstance(value.get("rendered"), str):
        return value["rendered"]
    return value if isinstance(value, str) else None


def _html_to_text(fragment: str) -> str:
    """An HTML fragment (a post's body or title) → plain lines, one paragraph a line."""
    if "<" not in fragment and "&" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return fragment.strip()
    for bad in root.xpath(".//script|.//style|.//noscript|.//iframe|.//form"):
        bad.drop_tree()
    for block in root.xpath(".//p|.//h1|.//h2|.//h3|.//h4|.//li|.//blockquote|.//figcaption|.//div|.//br|.//tr"):
        block.tail = "\n" + (block.tail or "")
        if block.tag != "br":
            block.text = "\n" + (block.text or "")
    return _plain_lines(root.text_content())


def _plain_lines(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


def _not_address(value: str | None) -> str | None:
    """A tag's value unless it is a link or a handle (article:author is often a profile's address, twitter:site "@x")."""
    return None if not value or value.startswith(("http://", "https://", "@", "/")) else value


def _first(*candidates: tuple[object, str]) -> Field | None:
    for value, origin in candidates:
        if isinstance(value, str):
            value = " ".join(value.split())
        if value:
            return Field(value, origin)
    return None


def _meta_tags(tree) -> dict[str, str]:
    """<meta property|name|itemprop=… content=…> → {lower-cased key: content}; the first of each key wins."""
    tags: dict[str, str] = {}
    for meta in tree.xpath("//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if key and content:
            tags.setdefault(key, content)
    return tags


def _canonical(tree) -> str:
    links = tree.xpath("//link[@rel='canonical']/@href")
    return links[0].strip() if links else ""


def _json_ld_article(tree) -> dict:
    """The schema.org article object of the page's JSON-LD (inside @graph or a list too); {} when there is none."""
    found: list[dict] = []

    def walk(node) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            kinds = node.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if any(str(k).lower() in ARTICLE_TYPES for k in kinds):
                found.append(node)
            walk(node.get("@graph"))

    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            walk(json.loads(script.text_content() or "null", strict=False))
        except ValueError:
            continue  # a broken JSON-LD block: the other tags still speak
    # A NewsArticle says more than the WebPage that wraps it.
    found.sort(key=lambda node: str(node.get("@type")).lower() == "webpage")
    return found[0] if found else {}


def _names(value) -> str | None:
    """A JSON-LD person or organisation (or a list of them) → "Jane Doe, John Roe"."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip() and not name.strip().startswith("http"):
            names.append(name.strip())
    return ", ".join(dict.fromkeys(names)) or None


def _date_of(value) -> dt.date | None:
    """"2025-11-05T10:00:00+08:00", "20251105" or a match of ISO_DATE → the date; None for anything else."""
    if isinstance(value, re.Match):
        match = value
    elif isinstance(value, str):
        match = ISO_DATE.match(value.strip())
    else:
        return None
    if not match:
        return None
    try:
        return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None

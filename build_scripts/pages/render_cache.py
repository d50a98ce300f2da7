"""Material's tabs and sidebar, drawn once for every page that shows the same ones.

In: the Jinja environment MkDocs renders the site's pages with (the plugin's
`on_env`). Out: the same environment, in which `partials/tabs.html` and
`partials/nav.html` remember what they drew for a page the nav does not
list, and give it again to the next such page of the same folder, script
and section.

Most of the site's pages are not in the nav: an article's page, a month of
sources or of a tag, a topic's promises, a page of the to-check queue. Such
a page shows its section's tabs and sidebar (`plugin.adopt_pages_under_sections`)
with no entry of its own marked, and every link in them is relative to the
page's folder: the HTML is the same for every page of that folder, in that
script, under that section. Drawing it was a third of the time Material's
templates took per page (the nav-item macros), 1.2 s of CPU at 500 articles.
A page the nav lists is drawn as before: its own entry is marked, and its
table of contents is in the sidebar.
"""
from __future__ import annotations

import posixpath

CACHED = ("partials/tabs.html", "partials/nav.html")


def install(env) -> None:
    """Make the tabs and the sidebar of `env` (one build's) remember what they drew."""
    listed: dict[int, set[int]] = {}  # id(nav) → ids of the pages it lists

    def key(context) -> tuple | None:
        page, nav = context.get("page"), context.get("nav")
        if page is None or nav is None or not getattr(page, "url", "").endswith("/") or getattr(page, "file", None) is None:
            return None
        pages = listed.get(id(nav))
        if pages is None:
            pages = listed[id(nav)] = {id(p) for p in nav.pages}
        if id(page) in pages:
            return None
        # What the HTML depends on: the nav (one per script) and the config (the site name in that
        # script), which section is active, and the folder every relative link starts from.
        return (id(nav), id(context.get("config")), id(page.parent), posixpath.dirname(page.url.rstrip("/")))

    for name in CACHED:
        template = env.get_template(name)
        template.root_render_func = _remembering(template.root_render_func, key)


def _remembering(render, key):
    drawn: dict[tuple, str] = {}

    def root(context, *args, **kwargs):
        found = key(context)
        if found is None:
            yield from render(context, *args, **kwargs)
            return
        if found not in drawn:
            drawn[found] = "".join(render(context, *args, **kwargs))
        yield drawn[found]

    return root

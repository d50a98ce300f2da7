"""Options of the `kb` plugin in mkdocs.yml, each with its type and default."""
import datetime

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class KnowledgeBaseConfig(Config):
    # Folder of pasted articles, relative to mkdocs.yml.
    seeds_dir = opt.Type(str, default="seeds")
    # Fail the build when any file in seeds/ is rejected (for CI). The
    # environment variable KB_STRICT=1 turns it on too.
    strict_articles = opt.Type(bool, default=False)
    # Milestone statuses (upcoming, overdue …) are given as of this date
    # (YYYY-MM-DD); empty: the newest article's date, so builds are reproducible.
    as_of = opt.Type((str, datetime.date), default="")
    # Whose Traditional Chinese the 繁體 pages speak: taiwan (OpenCC s2twp: 晶片, 影片, 軟體)
    # or hong_kong (s2hk: Hong Kong's glyphs, 羣 and 裏, and mainland words as Hong Kong keeps them).
    traditional = opt.Choice(("taiwan", "hong_kong"), default="taiwan")

"""site/ is replaced in one step, or not at all.

MkDocs empties site_dir, then writes the pages one by one: a build killed
(Ctrl-C, a CI time-out, the OOM killer, `kill -9`) or stopped by a full
disk while writing left an empty or half-written site. Under `mkdocs
build`, the plugin points site_dir at a sibling folder (`.site.building-
<pid>`, same file system, so a rename is one step) and, once every page is
written, exchanges it with site/ (Linux's `renameat2(RENAME_EXCHANGE)`:
at every instant site/ is either the whole previous site or the whole new
one). Elsewhere, two renames leave site/ missing for an instant, never half.
A build that fails removes its folder; one killed outright leaves it, and
the next build removes it.

`mkdocs serve` builds into its own temporary folder, and `--dirty` builds
reuse what is in site/: both are left as MkDocs does them.
"""
from __future__ import annotations

import ctypes
import errno
import logging
import os
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import CountHandler

STAGING_PREFIX = ".{name}.building-"
RENAME_EXCHANGE = 2
AT_FDCWD = -100


class StagedSite:
    """A build written beside `final` and swapped in when complete."""

    def __init__(self, final: Path):
        self.final = final
        self.path = final.parent / f"{STAGING_PREFIX.format(name=final.name)}{os.getpid()}"

    @classmethod
    def start(cls, site_dir: str) -> "StagedSite":
        staged = cls(Path(os.path.realpath(site_dir)))  # a site/ that is a link: its target is replaced
        remove_abandoned(staged.final)
        try:
            if staged.path.exists():
                shutil.rmtree(staged.path)
            staged.path.mkdir(parents=True)
        except OSError as exc:
            raise PluginError(cannot_write(staged.final, exc)) from None
        return staged

    def publish(self) -> None:
        """The staged build becomes `final`; the previous site is removed."""
        try:
            if exchange(self.path, self.final):
                shutil.rmtree(self.path, ignore_errors=True)  # now the previous site
            elif self.final.exists():
                previous = self.final.with_name(f"{self.path.name}-previous")
                os.rename(self.final, previous)
                try:
                    os.rename(self.path, self.final)
                except OSError:
                    os.rename(previous, self.final)  # the previous site back in its place
                    raise
                shutil.rmtree(previous, ignore_errors=True)
            else:
                os.rename(self.path, self.final)
        except OSError as exc:
            self.discard()
            raise PluginError(cannot_write(self.final, exc)) from None

    def discard(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step; False when the system cannot (not Linux, `b` missing, a file system without it)."""
    if not b.exists():
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    if renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def remove_abandoned(final: Path) -> None:
    """Staging folders of builds that were killed (their process is gone)."""
    prefix = STAGING_PREFIX.format(name=final.name)
    try:
        candidates = list(final.parent.glob(f"{prefix}*"))
    except OSError:
        return
    for folder in candidates:
        pid = folder.name.removeprefix(prefix).removesuffix("-previous")
        if pid.isdigit() and not process_exists(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def warnings_counted() -> bool:
    """Whether `mkdocs build --strict` counted a warning: it will abort after post_build, so nothing is published."""
    handlers = logging.getLogger("mkdocs").handlers
    return any(isinstance(h, CountHandler) and h.get_counts() for h in handlers)


def cannot_write(final: Path, exc: OSError) -> str:
    why = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is used up",
        errno.EROFS: "the folder is on a read-only file system",
        errno.EACCES: "no permission to write there",
        errno.EPERM: "no permission to write there",
    }.get(exc.errno, exc.strerror or str(exc))
    return (
        f"could not write the site to '{display(final)}': {why}. "
        f"The previous '{final.name}' is left as it was; make room or allow writing there, then build again"
    )


def display(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def write_error(exc: BaseException) -> OSError | None:
    """The OSError behind a failed build, when it is one of writing (a full disk, a read-only folder)."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM):
        return exc
    return None

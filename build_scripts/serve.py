"""`build_scripts/run serve`: `mkdocs serve --dirty`, with a clear message when the port is taken,
and a watch on seeds/ that survives the folder moving away and back.

MkDocs opens its port with no error handling: a second preview, or any
program already listening on 8000, ends in an OSError traceback. This says
which address is taken and how to choose another instead.
"""
from __future__ import annotations

import errno
import re
import sys
from pathlib import Path

DEFAULT_ADDRESS = "127.0.0.1:8000"


class FolderWatch:
    """MkDocs' preview watching `folder` even when it is moved away and back, deleted, or made after the start.

    MkDocs' watcher stops for good when a watched folder goes away, cannot
    start on a folder that is not there (the preview ended with a
    traceback), and ignores events on folders: after `mv seeds x; mv x
    seeds`, new articles went unseen until a restart. Here the folder's
    parent is watched too, for the folder coming or going; that asks for a
    rebuild, and `refresh` (the plugin calls it before each build) watches
    the folder anew when it is another one than before.
    """

    def __init__(self, server, folder: Path):
        import watchdog.events

        self.server, self.folder, self.watched = server, folder.absolute(), None
        watch = self

        class ComingOrGoing(watchdog.events.FileSystemEventHandler):
            def on_any_event(self, event):
                if event.event_type in ("created", "deleted", "moved") and str(watch.folder) in (
                    event.src_path, getattr(event, "dest_path", "")
                ):
                    request_rebuild(server)

        if self.folder.parent.is_dir():
            server.observer.schedule(ComingOrGoing(), str(self.folder.parent), recursive=False)
        self.refresh()

    def refresh(self) -> None:
        try:
            stat = self.folder.stat()
            identity = (stat.st_dev, stat.st_ino) if self.folder.is_dir() else None
        except OSError:
            identity = None
        if identity == self.watched:
            return
        if self.watched is not None:
            self.server.unwatch(str(self.folder))
        if identity is not None:
            self.server.watch(str(self.folder))
        self.watched = identity


def request_rebuild(server) -> None:
    """What MkDocs' own watch callback does on a change (LiveReloadServer, MkDocs 1.x): it has no public call for it."""
    with server._rebuild_cond:
        server._want_rebuild = True
        server._rebuild_cond.notify_all()


def address(args: list[str], config_file: Path = Path("mkdocs.yml")) -> str:
    """The address `mkdocs serve args` listens on: -a/--dev-addr, else mkdocs.yml's dev_addr, else MkDocs' default."""
    for index, arg in enumerate(args):
        if arg in ("-a", "--dev-addr") and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith("--dev-addr="):
            return arg.split("=", 1)[1]
        if arg.startswith("-a") and len(arg) > 2:
            return arg[2:]
    try:
        configured = re.search(r"^dev_addr:\s*['\"]?([^\s'\"#]+)", config_file.read_text(encoding="utf-8"), re.MULTILINE)
    except OSError:
        configured = None
    return configured[1] if configured else DEFAULT_ADDRESS


def port_taken_message(taken: str) -> str:
    host, _, port = taken.rpartition(":")
    other = f"{host or '127.0.0.1'}:{int(port) + 1 if port.isdigit() else 8001}"
    return (
        f"Error: cannot preview on {taken}: another program (perhaps another preview) already uses that port.\n"
        f"Stop it, or choose another port: build_scripts/run serve -a {other}"
    )


def main(args: list[str]) -> int:
    from mkdocs.__main__ import cli

    try:
        cli.main(args=["serve", "--dirty", *args], prog_name="mkdocs")
    except OSError as exc:
        if exc.errno != errno.EADDRINUSE:
            raise
        print(port_taken_message(address(args)), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""`build_scripts/run serve`: `mkdocs serve --dirty`, with a clear message when the port is taken.

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

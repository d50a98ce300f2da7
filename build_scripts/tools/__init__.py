"""Tools for the people who run the project, not part of the site: the benchmark.

Each is a command: python -m build_scripts.tools.<name> --help.
"""

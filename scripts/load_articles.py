#!/usr/bin/env python
"""Load articles into a database: the same command as `datasette discrepancy load`.

    python scripts/load_articles.py border.db fixtures/articles --manifest fixtures/manifest.csv
"""
from datasette_discrepancy.cli import load_command

if __name__ == "__main__":
    load_command(prog_name="load_articles.py")

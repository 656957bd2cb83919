"""The local web workspace of `dossier serve`: a JSON API (api.py) and HTML pages (pages.py)."""

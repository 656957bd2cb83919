"""Extension points, built explicitly at start-up: readers, extractors and exporters.

Built-in parts register exactly as a plugin would. A plugin is a package that declares an
entry point in the group ``dossier.plugins`` naming a function ``register(registry)``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Callable

from dossier.errors import ExtractError
from dossier.extract import Extractor
from dossier.read import Reader


@dataclass
class Registry:
    """What dossier can read, how it extracts, and what it can export."""

    readers: dict[str, tuple[str, Reader]] = field(default_factory=dict)  # ".md" → ("markdown", reader)
    extractors: dict[str, Callable[..., Extractor]] = field(default_factory=dict)
    exporters: dict[str, Callable] = field(default_factory=dict)

    def add_reader(self, format_name: str, extensions: tuple[str, ...], reader: Reader) -> None:
        """Read files with these extensions (".md", ...) with this reader."""
        for ext in extensions:
            self.readers[ext.lower()] = (format_name, reader)

    def add_extractor(self, name: str, factory: Callable[..., Extractor]) -> None:
        """Make an extractor available by name (`--extractor NAME`)."""
        self.extractors[name] = factory

    def add_exporter(self, name: str, export: Callable) -> None:
        """Make an export format available by name (`export --format NAME`)."""
        self.exporters[name] = export

    def extractor(self, name: str, **options) -> Extractor:
        """A new extractor of the given name."""
        if name not in self.extractors:
            raise ExtractError(f"unknown extractor '{name}'", f"available: {', '.join(sorted(self.extractors))}")
        try:
            return self.extractors[name](**options)
        except TypeError as error:  # an option this extractor does not take, e.g. --model with "simple"
            taken = ", ".join(f"--{key}" for key in options) or "no options"
            raise ExtractError(f"extractor '{name}' does not take {taken}", str(error)) from None


def register_builtins(registry: Registry) -> None:
    """The readers, extractors and exporters that ship with dossier."""
    from dossier.export.briefing import export_briefing
    from dossier.export.csv_tables import export_csv
    from dossier.export.extract_json import export_extract_json
    from dossier.export.graph import export_gexf, export_graphml
    from dossier.export.stix import export_stix
    from dossier.read.html import read_html_file
    from dossier.read.pdf import read_pdf_file
    from dossier.read.text import read_text_file

    registry.add_reader("markdown", (".md", ".markdown", ".mdown"), read_text_file)
    registry.add_reader("text", (".txt", ".text"), read_text_file)
    registry.add_reader("html", (".html", ".htm", ".xhtml"), read_html_file)
    registry.add_reader("pdf", (".pdf",), read_pdf_file)
    registry.add_extractor("builtin", _rule_extractor)
    registry.add_extractor("simple", _simple_extractor)
    registry.add_exporter("extract-json", export_extract_json)
    registry.add_exporter("graphml", export_graphml)
    registry.add_exporter("gexf", export_gexf)
    registry.add_exporter("stix", export_stix)
    registry.add_exporter("csv", export_csv)
    registry.add_exporter("briefing", export_briefing)


def _rule_extractor(**options) -> Extractor:
    """The built-in rule extractor (imported on first use: it loads spaCy and the gazetteer)."""
    from dossier.extract.pipeline import RuleExtractor
    return RuleExtractor(**options)


def _simple_extractor(**options) -> Extractor:
    from dossier.extract.simple import SimpleExtractor
    return SimpleExtractor(**options)


def build_registry(plugins: bool = True) -> Registry:
    """A registry with the built-in parts and, unless disabled, installed plugins."""
    registry = Registry()
    register_builtins(registry)
    if plugins:
        for ep in entry_points(group="dossier.plugins"):
            ep.load()(registry)
    return registry

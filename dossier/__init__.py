"""dossier: analytic reports about armed groups → a sourced, time-aware knowledge base, offline.

    import dossier
    document, extraction = dossier.extract("report.md")   # read and extract, store nothing
    dossier.ingest(["reports/"], db="kb.db")
    kb = dossier.open("kb.db")
    kb.entity("Farooqi")
"""
from dossier.ingest import extract_file as extract
from dossier.ingest import ingest
from dossier.knowledge_base import KnowledgeBase, open

__version__ = "0.1.0"
__all__ = ["extract", "ingest", "open", "KnowledgeBase", "__version__"]

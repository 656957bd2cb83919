"""Network analysis of the knowledge base: the graph (graph.py), its measures (measures.py), one
organization (organization.py), the report `dossier analyze` prints (report.py, render.py)."""

"""Exporters: the knowledge base → files other tools read. One module per format."""

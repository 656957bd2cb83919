"""Names → entities, within a document and against what the store already knows."""

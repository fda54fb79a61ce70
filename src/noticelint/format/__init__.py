"""The statement format: the typed model, its JSON Schema, and validation of a loaded document."""

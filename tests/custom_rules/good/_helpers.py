"""Files whose names start with '_' are helpers, never loaded as rule modules."""

raise RuntimeError("noticelint loaded a helper module that starts with '_'")

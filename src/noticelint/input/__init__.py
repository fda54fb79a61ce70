"""Reading a statement file: bytes within a size limit, UTF-8 text, YAML nodes with their positions."""

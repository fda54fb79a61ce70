"""Evidence of what a site really does: its files, a HAR file or a live visit (``noticelint scan``)."""

"""noticelint: a policy-as-code linter and generator for privacy statements."""

__version__ = "0.1.0"

"""pufu: a terminal editor for プ譜 (project score) charts."""

__version__ = "0.1.0"

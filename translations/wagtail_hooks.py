"""Admin hooks of the translation workflow; each part registers its own hooks on import."""

from translations import machine, po, report  # noqa: F401

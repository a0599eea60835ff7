"""report (work in progress)."""

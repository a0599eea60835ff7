"""machine (work in progress)."""

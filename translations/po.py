"""po (work in progress)."""

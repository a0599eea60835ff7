"""Demo content: the two districts of the seeds, built through the same APIs editors use."""

"""What Curator's data is: record kinds, statuses, evidence spans and documents (no Qt, no I/O)."""

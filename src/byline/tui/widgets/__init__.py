"""The reader's widgets, named by role."""

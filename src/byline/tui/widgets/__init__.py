"""The reader's widgets, named by role. Must not import the analysis pipeline."""

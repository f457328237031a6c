"""The reader's screens: one per module. Must not import the analysis pipeline."""

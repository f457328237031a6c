"""Offline evaluation of byline's analysis components against annotated corpora."""

"""byline's on-demand benchmark suite; run it with ``python -m bench`` (see bench/run.py)."""

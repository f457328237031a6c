"""byline's on-demand benchmark suite; run it with ``python -m bench`` (see bench/__main__.py)."""

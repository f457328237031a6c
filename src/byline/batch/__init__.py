"""``byline batch``: a corpus analysed into resumable JSON Lines shards, with a summary.

``cli.py`` is the command; ``inputs.py`` turns files, folders and JSON Lines into
:class:`~byline.batch.inputs.Item` records; ``work.py`` is what a worker runs on a batch
of them (the very record ``byline analyze`` prints, plus ``id``); ``engines/`` runs the
batches on a local process pool or on Dask (imported only by ``engines/dask.py``);
``shards.py`` writes the output folder atomically and knows what is done; ``report.py``
sums the output up; ``progress.py`` is the bar shown on a terminal.
"""

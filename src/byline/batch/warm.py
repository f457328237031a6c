"""Imported by the fork server that starts the worker processes on this machine (either
engine): the models load there once, and every worker forked from it starts with them.

Only the fork server imports this module (see :func:`byline.batch.work.worker_context`);
workers still call ``warm_up`` themselves, which costs nothing when the models are there.
The loaded models are then frozen out of the garbage collector's reach: a collection in a
worker would otherwise touch every one of their objects and copy the pages two workers
share (copy-on-write), which costs memory and, on two cores, time.
"""

from byline.batch.work import warm_up
from byline.collector import for_life

with for_life():
    warm_up()

"""Imported by the fork server that starts the worker processes on this machine (either
engine): the models load there once, and every worker forked from it starts with them.

Only the fork server imports this module (see :func:`byline.batch.work.worker_context`);
workers still call ``warm_up`` themselves, which costs nothing when the models are there.
The loaded models are then frozen out of the garbage collector's reach: a collection in
a worker would otherwise write to every model object's header and copy its pages, so
each worker would end up with a private copy of what it could share with the others.
"""

import gc

from byline.batch.work import warm_up

warm_up()
gc.freeze()

"""``python -m bench --data ../shared/data [--quick]``, from the repository's top level.

See :mod:`bench.run` for what is measured and how.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import main  # noqa: E402 - after the path is set

sys.exit(main())

"""``python -m reportlint``."""

from __future__ import annotations

import sys

from reportlint.cli import main

sys.exit(main())

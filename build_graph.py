#!/usr/bin/env python3
"""Build the AI-careers knowledge graph into graph/ (a thin entry over ``aicareers.build``).

    python build_graph.py            # same as: aicareers build
"""

import sys

from aicareers.build import main

if __name__ == "__main__":
    sys.exit(main())

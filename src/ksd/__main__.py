import sys

from ksd.cli import main

sys.exit(main())

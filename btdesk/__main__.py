import sys

from btdesk.cli import main

sys.exit(main())

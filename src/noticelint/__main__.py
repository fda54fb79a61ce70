import sys

from noticelint.cli import main

sys.exit(main())

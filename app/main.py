"""Entry point of the ``lotse`` command: the desktop app, or a headless command."""

import sys


def main() -> None:
    from app.cli import main as cli_main

    sys.exit(cli_main(sys.argv[1:]))


if __name__ == "__main__":
    main()

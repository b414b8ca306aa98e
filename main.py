"""Start Neurona: ``python main.py [FILE]`` (see ``python main.py --help``)."""

from gui.app import main

if __name__ == "__main__":
    raise SystemExit(main())

"""``python -m factcheck``: the same app as the ``factcheck`` command."""

from factcheck.cli import run

if __name__ == "__main__":
    run()

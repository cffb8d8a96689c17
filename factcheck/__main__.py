"""``python -m factcheck``: the same app as the ``factcheck`` command."""

from factcheck.cli import app

if __name__ == "__main__":
    app(prog_name="factcheck")

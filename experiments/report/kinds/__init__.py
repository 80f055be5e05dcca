"""One module per command whose results folders ``run.py report`` can render."""

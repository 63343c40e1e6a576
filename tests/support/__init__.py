"""Test helpers, loaded by path (see `shared.py`): tests run with --import-mode=importlib."""
